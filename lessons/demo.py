"""The demo curriculum: modules and lessons from demo_content/*.toml, and the lesson finder."""

from pathlib import Path

from cms.demo import child_page, illustration, read_toml, stream_data
from cms.html import clean_rich_text

from .models import LessonFinderPage, LessonPage, ModulePage

CONTENT_DIR = Path(__file__).resolve().parent / "demo_content"


def tag_names(data):
    """Themes read as words ("exposure groups"); taggit makes the slugs."""
    return [tag.replace("-", " ") for tag in data.get("tags", [])]


def _module(context, data):
    art = data.get("illustration", {})
    module, created = child_page(
        context.home,
        ModulePage,
        data["slug"],
        title=data["title"],
        intro=data["intro"],
        search_description=data["intro"],
        body=clean_rich_text(data.get("body") or art.get("body", "")),
        illustration=illustration(art["motif"]) if art.get("motif") else None,
        illustration_alt=art.get("alt", ""),
        show_in_menus=True,
    )
    if created:
        module.tags.add(*tag_names(data))
        module.save_revision().publish()
        context.note(f"module “{module.title}”")
    return module


def _lesson(context, module, data):
    lesson, created = child_page(
        module,
        LessonPage,
        data["slug"],
        title=data["title"],
        intro=data["intro"],
        search_description=data["intro"],
        age_min=data["age_min"],
        age_max=data["age_max"],
        duration=data["duration"],
        content_note=data["content_note"],
        learning_objectives=[{"type": "objective", "value": text} for text in data["objectives"]],
        body=stream_data(data["body"]),
    )
    if created:
        lesson.tags.add(*tag_names(data))
        lesson.save_revision().publish()
        context.note(f"lesson “{lesson.title}” ({lesson.age_range})")
    return lesson


def load(context):
    for path in sorted(CONTENT_DIR.glob("*.toml")):
        data = read_toml(path)
        module = _module(context, data)
        for lesson in data["lessons"]:
            _lesson(context, module, lesson)

    finder, created = child_page(
        context.home,
        LessonFinderPage,
        "lessons",
        title="Find a lesson",
        intro="Every lesson, by age, module and theme. Each lesson states the ages it was written for.",
        show_in_menus=True,
    )
    if created:
        context.note("lesson finder")
    return context
