"""A quiz under every demo lesson, from content/quizzes/*.toml."""

from wagtail.models import Page

from quizzes.models import QuizPage

from .loader import CONTENT_DIR as DEMO_DIR, child_page, demo_id, justification, list_items, read_toml

CONTENT_DIR = DEMO_DIR / "quizzes"


def _options(entries, flag, *key):
    return list_items(
        [{"text": entry["text"], "easy_text": entry.get("easy", ""), "correct": bool(entry.get(flag, False)),
          "feedback": entry["feedback"]} for entry in entries],
        *key,
    )


def question_data(entry, *key):
    """One question of a demo TOML file as StreamField raw data, with stable ids."""
    kind = entry["type"]
    value = {
        "question": entry["question"],
        "easy_question": entry.get("easy_question", ""),
        "explanation": entry["explanation"],
        "lesson_section": entry.get("lesson_section", ""),
    }
    if kind in ("single_choice", "multiple_choice"):
        value["options"] = _options(entry["options"], "correct", *key, "options")
    elif kind == "scenario":
        value["story"] = entry["story"]
        value["easy_story"] = entry.get("easy_story", "")
        value["options"] = _options(entry["options"], "good", *key, "options")
    elif kind == "true_false":
        value.update(
            answer="true" if entry["answer"] else "false",
            feedback_true=entry["feedback_true"],
            feedback_false=entry["feedback_false"],
        )
    return {"type": kind, "value": value, "id": demo_id(*key)}


def load(context):
    for path in sorted(CONTENT_DIR.glob("[0-9]*.toml")):
        for quiz in read_toml(path)["quizzes"]:
            lesson = Page.objects.descendant_of(context.home).filter(slug=quiz["lesson"]).first()
            if lesson is None:
                raise ValueError(f"{path.name}: no lesson with the slug “{quiz['lesson']}”")
            page, created = child_page(
                lesson,
                QuizPage,
                "quiz",
                title=quiz["title"],
                intro=quiz.get("intro", ""),
                questions=[
                    question_data(entry, "quiz", quiz["lesson"], index) for index, entry in enumerate(quiz["questions"])
                ],
                **justification(quiz),
            )
            if created:
                context.note(f"quiz “{page.title}” ({len(quiz['questions'])} questions)")
    return context
