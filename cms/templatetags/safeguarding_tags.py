"""Helplines, reporting routes and the quick exit for every page, from the site chrome
(cms.chrome): read once per publish and language, not once per page."""

from django import template

from .. import chrome
from ..models import Helpline

register = template.Library()


@register.simple_tag(takes_context=True)
def helplines(context, purpose=None):
    """The helplines of the visitor's language for one purpose (young people's lines unless told otherwise)."""
    purpose = purpose or Helpline.Purpose.YOUNG_PEOPLE
    return [line for line in chrome.for_request(context.get("request")).helplines if line.purpose == purpose]


@register.simple_tag(takes_context=True)
def reporting_routes(context):
    return chrome.for_request(context.get("request")).reporting_routes


@register.simple_tag(takes_context=True)
def help_button_helpline(context):
    lines = helplines(context)
    return next((line for line in lines if line.show_in_help_button), lines[0] if lines else None)


@register.simple_tag(takes_context=True)
def safeguarding_settings(context):
    """The quick exit address and the help page's address in the visitor's language."""
    return chrome.for_request(context.get("request"))
