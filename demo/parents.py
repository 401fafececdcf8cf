"""The page for parents and carers, from content/parents.toml; the letters on it come
from the lessons' teacher guides."""

from lessons.models import ParentsPage

from .loader import CONTENT_DIR, child_page, read_toml, stream_data


def load(context):
    data = read_toml(CONTENT_DIR / "parents.toml")
    page, created = child_page(
        context.home,
        ParentsPage,
        data["slug"],
        title=data["title"],
        intro=data["intro"],
        search_description=data["intro"],
        body=stream_data(data["body"], "page", data["slug"], "body"),
    )
    if created:
        context.note(f"page for parents “{page.title}”")
    return page
