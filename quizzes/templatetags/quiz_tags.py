from django import template

from ..answers import percent_rows
from ..blocks import OPINION_SCALE

register = template.Library()


@register.simple_tag
def opinion_rows(counts):
    """[(label, count, percent)] for each point of the opinion scale."""
    return [(label, count, share) for (_key, label), count, share in percent_rows(OPINION_SCALE, counts, key=lambda point: point[0])]


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
