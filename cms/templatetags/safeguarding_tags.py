"""Helplines, reporting routes and the quick exit for every page.

Each is read once per request and kept on the request, because the help button,
the footer and each help box of a page all ask for the same rows."""

import logging

from django import template
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from wagtail.models import Locale

from ..models import Helpline, ReportingRoute, SafeguardingSettings, fallback_helpline

register = template.Library()
logger = logging.getLogger(__name__)


def _for_active_locale(model):
    active = Locale.get_active()
    rows = list(model.objects.filter(locale=active))
    if not rows and active != Locale.get_default():
        rows = list(model.objects.filter(locale=Locale.get_default()))
    return rows


def _cached(context, key, loader):
    request = context.get("request")
    cache = getattr(request, "_safeguarding_cache", None) if request else None
    if cache is None:
        cache = {}
        if request is not None:
            request._safeguarding_cache = cache
    if key not in cache:
        try:
            cache[key] = loader()
        except (DatabaseError, DisallowedHost):
            # The 500 page must still show help when the database is the problem, the 400 page for a bad Host too.
            logger.exception("Safeguarding data could not be read")
            cache[key] = [fallback_helpline()] if key == "helplines" else []
    return cache[key]


@register.simple_tag(takes_context=True)
def helplines(context, purpose=None):
    """The helplines of the visitor's language for one purpose (young people's lines unless told otherwise)."""
    purpose = purpose or Helpline.Purpose.YOUNG_PEOPLE
    return [line for line in _cached(context, "helplines", lambda: _for_active_locale(Helpline)) if line.purpose == purpose]


@register.simple_tag(takes_context=True)
def reporting_routes(context):
    return _cached(context, "routes", lambda: _for_active_locale(ReportingRoute))


@register.simple_tag(takes_context=True)
def help_button_helpline(context):
    lines = helplines(context)
    return next((line for line in lines if line.show_in_help_button), lines[0] if lines else None)


@register.simple_tag(takes_context=True)
def safeguarding_settings(context):
    request = context.get("request")

    def load():
        return [SafeguardingSettings.for_request(request)] if request else [SafeguardingSettings()]

    found = _cached(context, "settings", load)
    return found[0] if found else SafeguardingSettings()
