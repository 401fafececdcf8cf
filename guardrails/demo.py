"""The demo curriculum quotes blaming phrases on purpose, so that pupils learn
to answer them ("'She shouldn't have sent it' is exactly what not to say").
Those pages carry the written justification a reviewer would expect, so an
editor who opens one is not stopped by the content check for the demo's own words."""

from wagtail.models import Page

from .checks import check
from .models import JustifiedContent

JUSTIFICATION = {
    "en": "The flagged phrase is quoted so that pupils learn to recognise and answer it; the text says it is wrong.",
    "fr": "La phrase signalée est citée pour que les élèves apprennent à la reconnaître et à y répondre ; le texte dit qu’elle est fausse.",
    "nl": "De gemarkeerde zin wordt geciteerd zodat leerlingen hem leren herkennen en weerleggen; de tekst zegt dat hij fout is.",
    "de": "Der markierte Satz wird zitiert, damit Schüler lernen, ihn zu erkennen und zu widerlegen; der Text sagt, dass er falsch ist.",
}


def load(context):
    """Nothing to load before the pages exist; see after_translations."""
    return context


def after_translations(context):
    for page in Page.objects.filter(path__startswith=context.home.path[:4]).specific():
        if not isinstance(page, JustifiedContent) or page.safeguarding_justification or not check(page):
            continue
        text = JUSTIFICATION.get(page.locale.language_code, JUSTIFICATION["en"])
        type(page).objects.filter(pk=page.pk).update(safeguarding_justification=text)
        revision = page.get_latest_revision()
        if revision:
            revision.content["safeguarding_justification"] = text
            revision.save(update_fields=["content"])
        context.note(f"justification on “{page.title}”")
    return context
