"""Signing, supporting, confirming and withdrawing. Thin: forms validate, the
petition page stores and counts (PetitionPage.sign, record_support). The page's
routes call these views; the views reach the data through the page they are
given and never import the models, so the two never form a loop. The one-click
views (support, the campaign box switch) have URLs of their own, without a CSRF
token (cms.same_origin); support finds its petition by the model's name."""

import uuid

from django.apps import apps
from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cms.http import is_local_path, safe_redirect
from cms.ratelimit import is_limited
from cms.same_origin import same_origin_only
from cms.views import bad_request, body_too_large

from .forms import SignatureForm
from .tokens import secret_from_confirm_token, secret_from_withdraw_token

MAX_BODY_BYTES = 16 * 1024



def _render(request, petition, template, status=200, **context):
    return TemplateResponse(request, template, petition.get_context(request) | context, status=status)


def _too_many(request):
    return bad_request(
        request,
        _("Many signatures came from your connection in a short time. Please try again in an hour."),
        status=429,
    )


def petition(request, page):
    if request.method in ("GET", "HEAD"):
        return _render(request, page, "petitions/petition_page.html")
    if request.method != "POST":
        return bad_request(request, _("A petition can be read or signed."), status=405)
    if not page.signable_here:
        return bad_request(request, _("This petition cannot be signed here (it is closed, or signed elsewhere)."), status=410)
    if body_too_large(request, MAX_BODY_BYTES):
        return bad_request(request, _("That was much more than a signature. Please fill in the form again."))
    if is_limited(request, "petition-sign", *settings.UPSTANDER_PETITION_SIGN_LIMIT):
        return _too_many(request)

    form = SignatureForm(request.POST, petition=page)
    if not form.is_valid():
        if form.looks_automated:
            return bad_request(request, _("We could not accept this signature."))
        form.describe_errors()
        return _render(request, page, "petitions/petition_page.html", status=400, form=form)

    page.sign(form.cleaned_data, site_url=request.build_absolute_uri("/"))
    # The same page whether the address is new, waiting for confirmation or already counted:
    # nobody can learn from it whether an address signed (the email says which).
    return _render(request, page, "petitions/check_your_email.html")


@same_origin_only
def support(request, petition_id):
    """"I support this": one anonymous count. The button is on pages every visitor shares
    (a lesson, a module), so it carries no CSRF token; the Origin check, SameSite cookies
    and the rate limit protect it (cms.same_origin). Not a route of the petition page,
    whose URLs all ask for Django's token."""
    petition_page = apps.get_model("petitions", "PetitionPage")  # by name: the models import these views
    page = petition_page.objects.live().filter(pk=petition_id).first()
    if page is None:
        raise Http404
    if request.method != "POST":
        return bad_request(request, _("Press the “I support this” button to show your support."), status=405)
    if not page.is_open:
        return bad_request(request, _("This petition is closed. Thank you for caring about it."), status=410)
    if is_limited(request, "petition-support", *settings.UPSTANDER_PETITION_SUPPORT_LIMIT):
        return _too_many(request)
    page.record_support()
    back = request.POST.get("next", "")
    back = back.split("#")[0].split("?")[0] if is_local_path(back) else page.url
    return safe_redirect(f"{back}?supported=1#petition", page.url)


def _signature_from(page, secret):
    try:
        return page.signatures.filter(secret=uuid.UUID(hex=secret)).first() if secret else None
    except ValueError:
        return None


def confirm(request, page, token):
    signature = _signature_from(page, secret_from_confirm_token(token))
    if signature is None:
        return bad_request(
            request, _("This confirmation link has expired or is not valid. Sign again to get a new one.")
        )
    if request.method == "POST" and not signature.is_confirmed:
        # A POST, so that mail scanners that open links cannot confirm on their own.
        if signature.confirm():
            return _render(request, page, "petitions/confirmed.html", just_confirmed=True)
    if signature.is_confirmed or request.method == "POST":
        return _render(request, page, "petitions/confirmed.html", just_confirmed=False)
    return _render(request, page, "petitions/confirm.html", token=token)


def withdraw(request, page, token):
    signature = _signature_from(page, secret_from_withdraw_token(token))
    if signature is None:
        return bad_request(request, _("This link is not valid, or the signature was already withdrawn."))
    if request.method == "POST":
        signature.delete()  # off the count in the same transaction (signals.py)
        return _render(request, page, "petitions/withdrawn.html")
    return _render(request, page, "petitions/withdraw.html", token=token)


# A functional cookie on a classroom's device: the teacher hid the campaign box there.
CAMPAIGN_BOX_HIDDEN_COOKIE = "upstander_classroom"


@same_origin_only
def campaign_box(request):
    """A teacher hides the campaign box on the classroom's device, so a school can stay neutral
    in class (and shows it again). A cookie on that device only; nothing is stored on the server."""
    if request.method != "POST":
        return bad_request(request, _("Use the button at the bottom of a lesson to hide or show the campaign box."),
                           status=405)
    response = safe_redirect(request.POST.get("next", ""), "/")
    if request.POST.get("classroom") == "1":
        response.set_cookie(CAMPAIGN_BOX_HIDDEN_COOKIE, "1", max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
                            secure=request.is_secure())
    else:
        response.delete_cookie(CAMPAIGN_BOX_HIDDEN_COOKIE, samesite="Lax")
    return response
