from django import template
from wagtail.models import Site

from ..models import PetitionPage, PetitionSettings

register = template.Library()


def petition_for(request, module=None):
    """The module's own petition, or the site's default one, in the visitor's language."""
    petition = getattr(module, "petition", None)
    if petition is None and request is not None:
        site = Site.find_for_request(request)
        petition = PetitionSettings.for_site(site).default_petition if site else None
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
        "hidden_in_classroom": request is not None and request.COOKIES.get("upstander_classroom") == "1",
    }


@register.inclusion_tag("petitions/includes/progress.html")
def petition_progress(counts):
    return {"counts": counts}


register.simple_tag(lambda: PetitionPage.objects.live().exists(), name="any_petition")
