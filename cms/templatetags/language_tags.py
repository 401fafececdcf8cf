"""The language switcher and hreflang alternates: the same page in each language it exists in."""

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import translate_url
from django.utils.translation import get_language_info
from wagtail.models import Page

register = template.Library()


def _own_name(code):
    name = get_language_info(code)["name_local"]
    return name[:1].upper() + name[1:]  # "français" heads a list as "Français"


@register.simple_tag(takes_context=True)
def page_languages(context):
    """[(code, own name, url or None, is_current)] for every site language.

    On a page: the URL of its translation in each language (None where it has
    none). Elsewhere (search, errors): the same address in the other language."""
    request = context.get("request")
    page = context.get("page")
    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    cache_key = "_page_languages"
    if request is not None and hasattr(request, cache_key):
        return getattr(request, cache_key)
    urls = {}
    if isinstance(page, Page) and page.pk:
        route = _kept_route(page, request)
        for translation in page.get_translations(inclusive=True).live().public().select_related("locale"):
            url = translation.get_url(request)
            urls[translation.locale.language_code] = url + route if url else url
    elif request is not None:
        for code, _name in settings.LANGUAGES:
            urls[code] = translate_url(request.path, code)
    # Each language named in itself, as visitors look for it ("Français", "Nederlands").
    result = [(code, _own_name(code), urls.get(code), code == current) for code, _name in settings.LANGUAGES]
    if request is not None:
        setattr(request, cache_key, result)
    return result


def _kept_route(page, request):
    """The part of the address after the page's own, when the page says every translation
    has it too (a lesson's "easy-read/"): a reader switching language stays in that version."""
    if request is None:
        return ""
    own = page.get_url(request) or ""
    route = request.path[len(own):] if own and request.path.startswith(own) else ""
    return route if route in getattr(page, "routes_kept_across_languages", ()) else ""


@register.simple_tag(takes_context=True)
def full_url(context, path):
    """The absolute address of path; just the path when the request's Host is not one of ours
    (the 400 page for a bad Host must still render)."""
    request = context.get("request")
    try:
        return request.build_absolute_uri(path) if request else path
    except DisallowedHost:
        return path
