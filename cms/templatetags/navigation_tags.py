from django import template

from .. import chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page in the visitor's language (None on an error page that cannot know it)."""
    return chrome.for_request(context.get("request")).home


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """Children of the home page marked “show in menus”: the header navigation."""
    return chrome.for_request(context.get("request")).menu


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """Children of the home page not in the menu (about, privacy) for the footer."""
    return chrome.for_request(context.get("request")).footer


@register.simple_tag
def breadcrumb_pages(page):
    """The page's ancestors from the home page down, as the router found them (no query),
    else from the tree."""
    trail = getattr(page, "walked_from_home", None)
    return trail if trail is not None else list(page.get_ancestors()[1:])


@register.filter
def is_within(page, ancestor):
    """True when page is ancestor or lies below it in the tree."""
    return bool(page and ancestor and page.path.startswith(ancestor.path))
