from django import template
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from wagtail.models import Site

register = template.Library()


def _home(request):
    try:
        site = Site.find_for_request(request)
        return site.root_page.localized if site else None
    except (DatabaseError, DisallowedHost):  # the 500 page, and the 400 page for a bad Host, still render
        return None


@register.simple_tag(takes_context=True)
def site_home(context):
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_site_home"):
        request._site_home = _home(request)
    return request._site_home


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """Children of the home page marked “show in menus”: the header navigation."""
    home = site_home(context)
    return home.get_children().live().public().in_menu() if home else []


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """Children of the home page not in the menu (about, privacy) for the footer."""
    home = site_home(context)
    return home.get_children().live().public().not_in_menu() if home else []


@register.filter
def is_within(page, ancestor):
    """True when page is ancestor or lies below it in the tree."""
    return bool(page and ancestor and page.path.startswith(ancestor.path))
