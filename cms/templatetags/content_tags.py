from django import template
from django.utils.safestring import mark_safe

from ..html import add_heading_anchors, section_anchor

register = template.Library()


@register.filter
def heading_anchors(html):
    return mark_safe(add_heading_anchors(html))  # noqa: S308 - adds ids to already-rendered rich text


register.filter("section_anchor", section_anchor)
