"""The staff protocol "When an image is shared at school", from content/protocol.toml."""

from datetime import date

from cms.html import clean_rich_text
from protocols.models import ProtocolPage

from .loader import CONTENT_DIR, child_page, demo_id, read_toml


def _steps(steps):
    return [
        {"type": "step", "id": demo_id("protocol", step["key"]), "value": {
            "key": step["key"],
            "title": step["title"],
            "body": clean_rich_text(step["body"]),
            "show_helplines": bool(step.get("show_helplines")),
            "question": step.get("question", ""),
            "answers": [
                {"type": "item", "id": demo_id("protocol", step["key"], "answer", index),
                 "value": {"label": answer["label"], "next_step": answer["next"]}}
                for index, answer in enumerate(step.get("answers", []))
            ],
        }}
        for step in steps
    ]


def load(context):
    data = read_toml(CONTENT_DIR / "protocol.toml")
    page, created = child_page(
        context.home,
        ProtocolPage,
        data["slug"],
        title=data["title"],
        intro=data["intro"],
        search_description=data["intro"],
        right_now=clean_rich_text(data["right_now"]),
        steps=_steps(data["steps"]),
        review_by=date.fromisoformat(data["review_by"]),
    )
    if created:
        context.note(f"staff protocol “{page.title}”")
    return page
