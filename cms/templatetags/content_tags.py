from django import template
from django.utils.safestring import mark_safe

from ..html import add_heading_anchors, section_anchor

register = template.Library()


@register.filter
def heading_anchors(html):
    return mark_safe(add_heading_anchors(html))  # noqa: S308 - adds ids to already-rendered rich text


register.filter("section_anchor", section_anchor)


@register.simple_tag
def csrf_input():
    """Like {% csrf_token %}, but safe on cached pages: the visitor's own token is filled in
    by cms.page_cache.PageResponseMiddleware."""
    from ..page_cache import placeholder_input

    return placeholder_input()
