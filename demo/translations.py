"""The demo content in other languages, made with wagtail-localize, the same
mechanism editors use: a PO file per page or snippet under
content/translations/<language>/. Exporting writes the English strings to
translate; loading imports the PO files and saves the translated pages, so
wagtail-localize's sync keeps working on them afterwards."""

from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from lessons.models import DisclosureCard, ModuleEvaluation

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "content" / "translations"


def translatable_objects(home):
    """The translatable snippets (pages point to them), then every demo page (home first, parents
    before children)."""
    pages = [page.specific for page in Page.objects.filter(path__startswith=home.path, locale=home.locale).order_by("path")]
    snippets = [*DisclosureCard.objects.filter(locale=home.locale).order_by("pk"),
                *ModuleEvaluation.objects.filter(locale=home.locale).order_by("pk")]
    return snippets + pages


def po_name(instance, home):
    if isinstance(instance, Page):
        relative = instance.url_path[len(home.url_path):].strip("/")
        return (relative.replace("/", "__") or "home") + ".po"
    return f"{type(instance).__name__.lower()}-{instance.translation_key}.po"


def export(home, language_code):
    """Write (or refresh) the PO files to translate into language_code; keeps translations already made."""
    target = Locale.objects.get(language_code=language_code)
    folder = TRANSLATIONS_DIR / language_code
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for instance in translatable_objects(home):
        source, _ = TranslationSource.update_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=target)
        po = translation.export_po()
        po.wrapwidth = 78
        path = folder / po_name(instance, home)
        if path.exists():
            earlier = [e for e in polib.pofile(str(path)) if e.msgstr and not e.fuzzy]
            done = {(e.msgctxt, e.msgid): e.msgstr for e in earlier}
            # A block that moved gets a new context; the same English keeps its translation.
            same_text = {e.msgid: e.msgstr for e in earlier}
            for entry in po:
                entry.msgstr = done.get((entry.msgctxt, entry.msgid)) or same_text.get(entry.msgid, entry.msgstr)
        po.metadata.pop("X-WagtailLocalize-TranslationID", None)
        po.save(str(path))
        written += 1
    return written


def load(home, language_code):
    """Create the translations that have a complete PO file and do not exist yet.
    Returns (created, skipped): what was made, and why others were not."""
    target = Locale.objects.get(language_code=language_code)
    folder = TRANSLATIONS_DIR / language_code
    created, skipped = [], []
    if not folder.exists():
        return created, skipped
    for instance in translatable_objects(home):
        path = folder / po_name(instance, home)
        if not path.exists() or instance.has_translation(target):
            continue
        if isinstance(instance, Page) and instance.depth > 2 and not instance.get_parent().has_translation(target):
            skipped.append(f"{path.name}: its parent page is not translated")
            continue
        po = polib.pofile(str(path))
        if po.percent_translated() < 100:
            skipped.append(f"{path.name}: {po.percent_translated()}% translated")
            continue
        source, _ = TranslationSource.get_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=target)
        translation.import_po(po)
        translation.save_target(publish=True)
        created.append(str(instance))
    return created, skipped


def repair_tree():
    """Translating a whole tree in one transaction leaves the translated parents'
    child counts (treebeard's numchild) at 0 once the commit hooks have re-saved
    them, and such a parent routes no children. Recount, after the commit."""
    Page.fix_tree()


def languages():
    return [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE]
