"""The demo petition, the default petition setting, and every module pointing to it."""

from pathlib import Path

from wagtail.models import Site

from cms.demo import child_page, read_toml
from cms.html import clean_rich_text

from .models import PetitionPage, PetitionSettings

CONTENT = Path(__file__).resolve().parent / "demo_content" / "petition.toml"


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
    )
    if created:
        context.note(f"petition “{petition.title}”")
    settings = PetitionSettings.for_site(Site.objects.get(root_page=context.home))
    if settings.default_petition_id is None:
        settings.default_petition = petition
        settings.save()
    return context
