from django import template
from django.utils.translation import get_language

from cms import page_cache
from cms.routing import site_for_request

from ..models import PetitionSettings
from ..views import CAMPAIGN_BOX_HIDDEN_COOKIE

register = template.Library()


def petition_for(request, module=None):
    """The module's own petition, or the site's default one, in the visitor's language.
    Found once per publish and language (the page-cache generation), then from the shared cache."""
    site = site_for_request(request) if request is not None else None
    chosen = getattr(module, "petition_id", None)
    key = f"petition-for:{site.pk if site else 'none'}:{get_language()}:{chosen or 'default'}"
    return page_cache.for_generation(key, lambda: _find_petition(site, module))


def _find_petition(site, module):
    petition = getattr(module, "petition", None)
    if petition is None and site is not None:
        petition = PetitionSettings.for_site(site).default_petition
    if petition is None:
        return None
    petition = petition.localized
    return petition.specific if petition.live else None


@register.inclusion_tag("petitions/includes/call_to_action.html", takes_context=True)
def petition_call_to_action(context, module=None):
    request = context.get("request")
    petition = petition_for(request, module)
    return {
        "request": request,
        "petition": petition,
        "counts": petition.counts() if petition else None,
        "supported": request is not None and request.GET.get("supported") == "1",
        "hidden_in_classroom": campaign_box_hidden(request),
    }


def campaign_box_hidden(request):
    return request is not None and request.COOKIES.get(CAMPAIGN_BOX_HIDDEN_COOKIE) == "1"


@register.inclusion_tag("petitions/includes/campaign_box_toggle.html", takes_context=True)
def campaign_box_toggle(context):
    """"Teaching in class? Hide the campaign box on this device", at the bottom of lessons and modules."""
    request = context.get("request")
    return {"request": request, "hidden": campaign_box_hidden(request)}


@register.inclusion_tag("petitions/includes/progress.html")
def petition_progress(counts):
    return {"counts": counts}


