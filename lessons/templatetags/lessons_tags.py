"""Curriculum pieces that site-wide templates (the home page, the header) show."""

from django import template

from .. import pictograms
from ..age_bands import AGE_BANDS
from ..models import LessonFinderPage, ModulePage, TeacherHubPage

register = template.Library()


@register.inclusion_tag("lessons/includes/module_cards.html", takes_context=True)
def module_cards(context, parent):
    modules = ModulePage.objects.child_of(parent).live().public().select_related("illustration")
    return {"request": context.get("request"), "modules": modules}


@register.simple_tag
def lesson_finder(locale):
    """The lesson finder page of a language, or None."""
    return LessonFinderPage.objects.live().public().filter(locale=locale).first()


@register.inclusion_tag("lessons/includes/age_band_links.html", takes_context=True)
def age_band_links(context, locale):
    return {
        "request": context.get("request"),
        "finder": lesson_finder(locale),
        "hub": TeacherHubPage.objects.live().public().filter(locale=locale).first(),
        "age_bands": AGE_BANDS,
    }


@register.simple_tag
def pictogram(name, size=48):
    """An easy-read pictogram, hidden from screen readers: the text beside it says the same."""
    return pictograms.svg(name, size)
