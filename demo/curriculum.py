"""The demo curriculum: modules and lessons from content/lessons/*.toml, their teacher
guides from content/guides/, the lesson finder and the teacher hub."""

from datetime import date

from cms.html import clean_rich_text
from lessons.models import DisclosureCard, LessonFinderPage, LessonPage, ModulePage, TeacherGuidePage, TeacherHubPage

from .loader import (CONTENT_DIR as DEMO_DIR, child_page, demo_id, illustration, justification, list_items, read_toml,
                     simple_stream, stream_data)

CONTENT_DIR = DEMO_DIR / "lessons"
GUIDES_DIR = DEMO_DIR / "guides"


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
        learning_objectives=simple_stream("objective", data["objectives"], "lesson", data["slug"], "objectives"),
        body=stream_data(data["body"], "lesson", data["slug"], "body"),
        easy_read=stream_data(data.get("easy_read", []), "lesson", data["slug"], "easy_read"),
        **justification(data),
    )
    if created:
        lesson.tags.add(*tag_names(data))
        lesson.save_revision().publish()
        context.note(f"lesson “{lesson.title}” ({lesson.age_range})")
    return lesson


def load(context):
    for path in sorted(CONTENT_DIR.glob("[0-9]*.toml")):
        data = read_toml(path)
        module = _module(context, data)
        for lesson in data["lessons"]:
            _lesson(context, module, lesson)

    _guides(context)

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


def _disclosure_card(context, shared):
    locale = context.home.locale
    card = DisclosureCard.objects.filter(locale=locale).first()
    if card is None:
        content = shared["disclosure_card"][locale.language_code]
        card = DisclosureCard.objects.create(
            locale=locale,
            translation_key=demo_id("disclosure-card"),
            title=content["title"],
            body=clean_rich_text(content["body"]),
        )
        context.note("disclosure card")
    return card


def _guide_fields(data, card, curriculum):
    key = ("guide", data["lesson"])
    return {
        "title": data["title"],
        "preparation": clean_rich_text(data["preparation"]),
        "ground_rules": simple_stream("rule", data["ground_rules"], *key, "rules"),
        "lesson_plan": simple_stream("step", [
            {"minutes": step["minutes"], "activity": step["activity"],
             "description": clean_rich_text(step["description"]), "notes": step.get("notes", "")}
            for step in data["plan"]
        ], *key, "plan"),
        "discussion_prompts": simple_stream("prompt", [
            {"question": prompt["question"], "points": list_items(prompt["points"], *key, "prompt", index)}
            for index, prompt in enumerate(data.get("prompts", []))
        ], *key, "prompts"),
        "more_support": clean_rich_text(data.get("more_support", "")),
        "more_challenge": clean_rich_text(data.get("more_challenge", "")),
        "special_needs": clean_rich_text(data.get("special_needs", "")),
        "safeguarding_notes": clean_rich_text(data.get("safeguarding_notes", "")),
        "disclosure_card": card,
        "parent_letter": clean_rich_text(data["parent_letter"]),
        "worksheet_title": data.get("worksheet_title", ""),
        "worksheet": clean_rich_text(data.get("worksheet", "")),
        "curriculum_links": simple_stream("link", curriculum, *key, "curriculum"),
        "short_on_time": data.get("short_on_time", ""),
        "law_note": clean_rich_text(data.get("law_note", "")),
        "review_by": date.fromisoformat(data["review_by"]) if data.get("review_by") else None,
        **justification(data),
    }


def _guides(context):
    shared = read_toml(GUIDES_DIR / "shared.toml")
    card = _disclosure_card(context, shared)
    for path in sorted(GUIDES_DIR.glob("[0-9]*.toml")):
        for data in read_toml(path)["guides"]:
            lesson = LessonPage.objects.descendant_of(context.home).filter(slug=data["lesson"]).first()
            if lesson is None:
                raise ValueError(f"{path.name}: no lesson with the slug “{data['lesson']}”")
            guide, created = child_page(
                lesson, TeacherGuidePage, "teacher-guide", **_guide_fields(data, card, shared["curriculum"])
            )
            if created:
                context.note(f"teacher guide “{guide.title}”")

    hub, created = child_page(
        context.home,
        TeacherHubPage,
        "teachers",
        title="Teacher guides",
        intro=(
            "Everything you need to teach each lesson: a timed plan, discussion prompts, the quiz answer key, "
            "what to do if a pupil tells you something, and a letter for parents. Every guide downloads as a PDF."
        ),
        show_in_menus=True,
    )
    if created:
        context.note("teacher hub")
