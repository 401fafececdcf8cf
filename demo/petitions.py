"""The demo petition, the default petition setting, and every module pointing to it."""

from wagtail.models import Site

from cms.html import clean_rich_text
from petitions.models import PetitionPage, PetitionSettings

from .loader import CONTENT_DIR, child_page, justification, read_toml

CONTENT = CONTENT_DIR / "petition.toml"


def load(context):
    data = read_toml(CONTENT)
    petition, created = child_page(
        context.home,
        PetitionPage,
        data["slug"],
        title=data["title"],
        summary=data["summary"],
        search_description=data["summary"],
        demand=clean_rich_text(data["demand"]),
        addressed_to=data["addressed_to"],
        why_it_matters=clean_rich_text(data["why_it_matters"]),
        story_content_note=data.get("story_content_note", ""),
        origin_story=clean_rich_text(data.get("origin_story", "")),
        goal=data["goal"],
        **justification(data),
    )
    if created:
        context.note(f"petition “{petition.title}”")
    settings = PetitionSettings.for_site(Site.objects.get(root_page=context.home))
    if settings.default_petition_id is None:
        settings.default_petition = petition
        settings.save()
    return context
