"""Links to the staff protocols, for the home page and the teacher hub."""

from django import template

from cms import page_cache

from ..models import ProtocolPage

register = template.Library()


@register.simple_tag
def staff_protocols(locale):
    """[(title, url)] of the live staff protocols of a language: remembered per publish, so
    showing them costs a page no query."""
    return page_cache.for_generation(f"staff-protocols:{locale.pk}", lambda: [
        (page.title, page.url) for page in ProtocolPage.objects.live().public().filter(locale=locale)
    ])
