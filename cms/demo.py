"""Site-wide part of the demo content, and the helpers every app's demo uses.

load_demo_content calls `load(context)` in each installed app that has a
`demo` module, in INSTALLED_APPS order. Every step is idempotent: what exists
already (made by an earlier run, or changed since by an editor) is left alone.
"""

import logging
import tomllib
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from .html import clean_rich_text
from .illustrations import HEIGHT, WIDTH, make_illustration
from .models import ContentPage, Helpline, HomePage, ReportingRoute, SafeguardingSettings

CONTENT_DIR = Path(__file__).resolve().parent / "demo_content"
logger = logging.getLogger(__name__)
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
        elif block_type == "help":
            value = {
                "heading": value.get("heading", ""),
                "text": value.get("text", ""),
                "show_reporting_routes": value.get("show_reporting_routes", False),
                "show_suicide_prevention": value.get("show_suicide_prevention", False),
            }
        data.append({"type": block_type, "value": value, "id": demo_id(*key, index)})
    return data


def _wagtail_basics():
    """What Wagtail's migrations create, made again if the database was emptied
    since (``manage.py flush``, or a browser test's clean-up)."""
    from django.conf import settings

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")


def _home_page():
    _wagtail_basics()
    locale = Locale.get_default()
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home:
        return home, False
    root = Page.get_first_root_node()
    content = read_toml(CONTENT_DIR / "pages.toml")["home"]
    # Wagtail's "Welcome" page occupies the slug a fresh install gives its home.
    for welcome in root.get_children().exact_type(Page).filter(numchild=0):
        welcome.delete()
    home = HomePage(
        title=content["title"],
        heading=content["heading"],
        intro=content["intro"],
        body=clean_rich_text(content["body"]),
        slug="home",
        locale=locale,
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Upstander"
    site.save()
    return home, True


def _safeguarding_items(model, entries, fields):
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    created = 0
    for entry in entries:
        translation_key = uuid.uuid5(uuid.NAMESPACE_URL, f"upstander:{model.__name__}:{entry['key']}")
        for code, locale in locales.items():
            if code not in entry:
                continue
            if model.objects.filter(translation_key=translation_key, locale=locale).exists():
                continue
            shared = {name: entry[name] for name in fields if name in entry}
            model.objects.create(
                translation_key=translation_key,
                locale=locale,
                sort_order=entries.index(entry),
                **shared,
                **entry[code],
            )
            created += 1
    return created


def load(context=None):
    """Build the home page, the safeguarding data and the plain pages."""
    home, created = _home_page()
    context = context or DemoContext(home=home)
    if created:
        context.note("home page")

    safeguarding = read_toml(CONTENT_DIR / "safeguarding.toml")
    helplines = _safeguarding_items(
        Helpline, safeguarding["helplines"], ("number", "link", "show_in_help_button", "is_emergency", "purpose")
    )
    routes = _safeguarding_items(ReportingRoute, safeguarding["routes"], ("audience", "link"))
    if helplines or routes:
        context.note(f"{helplines} helplines, {routes} reporting routes")

    pages = read_toml(CONTENT_DIR / "pages.toml")["pages"]
    for content in pages:
        page, created = child_page(
            home,
            ContentPage,
            content["slug"],
            title=content["title"],
            intro=content.get("intro", ""),
            search_description=content.get("intro", ""),
            body=stream_data(content["body"], "page", content["slug"], "body"),
            show_in_menus=content["slug"] == "help",
        )
        if created:
            context.note(f"page “{page.title}”")

    site = Site.objects.get(root_page=home)
    settings = SafeguardingSettings.for_site(site)
    if settings.help_page_id is None:
        settings.help_page = home.get_children().get(slug="help")
        settings.save()
    return context


@transaction.atomic
def load_all(app_configs, translations=True):
    """Run cms's demo, then each app's, in order."""
    context = load()
    for app_config in app_configs:
        if app_config.name == "cms":
            continue
        try:
            module = __import__(f"{app_config.name}.demo", fromlist=["load"])
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.demo":
                raise
            continue
        module.load(context)

    from . import demo_translations

    for language_code in demo_translations.languages() if translations else []:
        created, skipped = demo_translations.load(context.home, language_code)
        for name in created:
            context.note(f"{language_code} translation of “{name}”")
        for reason in skipped:
            logger.warning("Demo translation not loaded: %s/%s", language_code, reason)
    return context


@transaction.atomic
def finish(app_configs, context):
    """Each app's `after_translations(context)`, run after load_all's transaction has
    committed: translating in bulk re-saves the translated pages on commit, which
    would undo changes made to them inside that transaction."""
    for app_config in app_configs:
        try:
            module = __import__(f"{app_config.name}.demo", fromlist=["after_translations"])
        except ModuleNotFoundError:
            continue
        if hasattr(module, "after_translations"):
            module.after_translations(context)
    return context
