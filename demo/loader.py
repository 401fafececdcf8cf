"""What every part of the demo loader shares: the context, stable block ids,
TOML reading, pages made once, illustrations drawn once, StreamField data.

Every step is idempotent: what exists already (made by an earlier run, or
changed since by an editor) is left alone."""

import tomllib
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.base import ContentFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.html import clean_rich_text
from cms.models import HomePage

from .illustrations import HEIGHT, WIDTH, make_illustration

CONTENT_DIR = Path(__file__).resolve().parent / "content"
ILLUSTRATION_COLLECTION = "Demo illustrations"


@dataclass
class DemoContext:
    """What the apps' demo loaders share: the English home page and a log."""

    home: HomePage
    log: list = field(default_factory=list)

    def note(self, message):
        self.log.append(message)


def demo_id(*parts):
    """A block id that is the same on every machine and every run, so the demo's
    translation files (keyed by block ids) match a freshly loaded demo."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "upstander-demo:" + ":".join(str(part) for part in parts)))


def list_items(values, *key):
    """ListBlock items with stable ids."""
    return [{"type": "item", "value": value, "id": demo_id(*key, index)} for index, value in enumerate(values)]


def simple_stream(block_type, values, *key):
    """A StreamField of one simple block type, with stable ids."""
    return [{"type": block_type, "value": value, "id": demo_id(*key, index)} for index, value in enumerate(values)]


def read_toml(path):
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def child_page(parent, model, slug, **fields):
    """Return the child of parent with this slug, creating and publishing it
    as `model(**fields)` when it does not exist yet. Returns (page, created)."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, False
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def illustration(motif):
    """The demo illustration for a motif, drawn once and stored as a Wagtail image."""
    Image = get_image_model()
    title = f"Illustration: {motif}"
    image = Image.objects.filter(title=title).first()
    if image:
        return image
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=ILLUSTRATION_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=ILLUSTRATION_COLLECTION)
    image = Image(title=title, collection=collection)
    image.file.save(f"illustration-{motif}.svg", ContentFile(make_illustration(motif).encode()), save=False)
    # Pillow cannot measure an SVG; the drawing's own size is known.
    image.width, image.height = WIDTH, HEIGHT
    image.save()
    return image


def stream_data(entries, *key):
    """Turn the blocks of a demo TOML file into StreamField raw data; key names
    the field (e.g. "lesson", slug, "body") and makes the block ids stable."""
    data = []
    for index, entry in enumerate(entries):
        value = {key: item for key, item in entry.items() if key != "type"}
        block_type = entry["type"]
        if block_type == "text":
            value = clean_rich_text(value["html"])
        elif block_type == "image":
            value = {
                "image": illustration(value["motif"]).pk,
                "alt_text": value["alt"],
                "caption": value.get("caption", ""),
            }
        elif block_type == "scenario":
            value["story"] = clean_rich_text(value["story"])
            value["options"] = list_items(value.get("options", []), *key, index, "options")
        elif block_type == "section":  # an easy-read section: one idea a line
            value["lines"] = list_items(
                [{"picture": line.get("picture", ""), "text": line["text"]} for line in value["lines"]],
                *key, index, "lines",
            )
        elif block_type == "help":
            value = {
                "heading": value.get("heading", ""),
                "text": value.get("text", ""),
                "show_reporting_routes": value.get("show_reporting_routes", False),
                "show_suicide_prevention": value.get("show_suicide_prevention", False),
            }
        data.append({"type": block_type, "value": value, "id": demo_id(*key, index)})
    return data


def justification(data):
    """A page's written justification, from its content file, for pages that quote a flagged
    phrase on purpose (the reviewer reads it; guardrails.checks)."""
    return {"safeguarding_justification": data["justification"]} if data.get("justification") else {}
