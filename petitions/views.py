"""Signing, supporting, confirming and withdrawing. Thin: forms validate,
models store, counts.py keeps the shown numbers right."""

import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from cms.ratelimit import is_limited
from cms.views import bad_request, body_too_large

from .counts import counts_changed
from .emails import send_confirmation
from .forms import SignatureForm
from .models import Signature, Support, normalise_email
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

    data = form.cleaned_data
    try:
        with transaction.atomic():
            signature = Signature.objects.create(
                petition=page,
                first_name=data["first_name"].strip(),
                email=data["email"].strip(),
                postcode_or_country=data["postcode_or_country"].strip(),
                updates_opt_in=data["updates_opt_in"],
            )
    except IntegrityError:
        signature = Signature.objects.get(petition=page, email_normalised=normalise_email(data["email"]))
        if signature.is_confirmed:
            return _render(request, page, "petitions/already_signed.html")
    send_confirmation(request, signature)
    return _render(request, page, "petitions/check_your_email.html")


def support(request, page):
    if request.method != "POST":
        return bad_request(request, _("Press the “I support this” button to show your support."), status=405)
    if not page.is_open:
        return bad_request(request, _("This petition is closed. Thank you for caring about it."), status=410)
    if is_limited(request, "petition-support", *settings.UPSTANDER_PETITION_SUPPORT_LIMIT):
        return _too_many(request)
    Support.objects.create(petition=page)
    counts_changed(page.pk)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = page.url
    return redirect(f"{back.split('#')[0].split('?')[0]}?supported=1#petition")


def _signature_from(page, secret):
    try:
        return Signature.objects.filter(petition=page, secret=uuid.UUID(hex=secret)).first() if secret else None
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
        updated = Signature.objects.filter(pk=signature.pk, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now()
        )
        if updated:
            counts_changed(page.pk)
            return _render(request, page, "petitions/confirmed.html", just_confirmed=True)
    if signature.is_confirmed or request.method == "POST":
        return _render(request, page, "petitions/confirmed.html", just_confirmed=False)
    return _render(request, page, "petitions/confirm.html", token=token)


def withdraw(request, page, token):
    signature = _signature_from(page, secret_from_withdraw_token(token))
    if signature is None:
        return bad_request(request, _("This link is not valid, or the signature was already withdrawn."))
    if request.method == "POST":
        signature.delete()
        counts_changed(page.pk)
        return _render(request, page, "petitions/withdrawn.html")
    return _render(request, page, "petitions/withdraw.html", token=token)
