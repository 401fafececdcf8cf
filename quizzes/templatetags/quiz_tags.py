from django import template

from ..blocks import OPINION_SCALE

register = template.Library()


@register.simple_tag
def opinion_rows(counts):
    """[(label, count, percent)] for each point of the opinion scale."""
    counts = counts or {}
    total = sum(counts.values())
    return [
        (label, counts.get(key, 0), round(100 * counts.get(key, 0) / total) if total else 0)
        for key, label in OPINION_SCALE
    ]


@register.filter
def kind_summary(result):
    """An encouraging sentence for a score, never a judgement of the pupil."""
    from django.utils.translation import gettext as _

    if result.percent is None:
        return _("Thank you for sharing what you think.")
    if result.percent >= 80:
        return _("Great work: you took a lot from this lesson.")
    if result.percent >= 50:
        return _("A good start. The explanations below fill in the rest.")
    return _("This topic takes time. The explanations below are the most useful part of the quiz.")


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)
