"""Signing, supporting, confirming and withdrawing. Thin: forms validate,
models store, counts.py keeps the shown numbers right."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.http import is_local_path, safe_redirect
from cms.ratelimit import is_limited
from cms.views import bad_request, body_too_large

from .forms import SignatureForm
from .models import Signature, Support, normalise_email
from .tasks import send_signature_email
from .tokens import secret_from_confirm_token, secret_from_withdraw_token

MAX_BODY_BYTES = 16 * 1024
EMAIL_AT_MOST_EVERY = timedelta(days=1)



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

    signature = _sign(page, form.cleaned_data, site_url=request.build_absolute_uri("/"))
    # The same page whether the address is new, waiting for confirmation or already counted:
    # nobody can learn from it whether an address signed (the email says which).
    return _render(request, page, "petitions/check_your_email.html", signature=signature)


def _sign(page, data, site_url):
    """Store the signature (or find the one this address already made) and send its email,
    at most once a day per signature; the email goes out after the commit, through the task queue."""
    now = timezone.now()
    with transaction.atomic():
        try:
            with transaction.atomic():
                signature = Signature.objects.create(
                    petition=page,
                    first_name=data["first_name"],
                    email=data["email"].strip(),
                    postcode_or_country=data["postcode_or_country"],
                    updates_opt_in=data["updates_opt_in"],
                )
        except IntegrityError:
            signature = Signature.objects.select_for_update().get(
                petition=page, email_normalised=normalise_email(data["email"])
            )
        due = signature.email_requested_at is None or now - signature.email_requested_at >= EMAIL_AT_MOST_EVERY
        if due:
            Signature.objects.filter(pk=signature.pk).update(email_requested_at=now)
    if due:
        send_signature_email.enqueue(signature.pk, site_url)
    return signature


def support(request, page):
    if request.method != "POST":
        return bad_request(request, _("Press the “I support this” button to show your support."), status=405)
    if not page.is_open:
        return bad_request(request, _("This petition is closed. Thank you for caring about it."), status=410)
    if is_limited(request, "petition-support", *settings.UPSTANDER_PETITION_SUPPORT_LIMIT):
        return _too_many(request)
    Support.record(page)
    back = request.POST.get("next", "")
    back = back.split("#")[0].split("?")[0] if is_local_path(back) else page.url
    return safe_redirect(f"{back}?supported=1#petition", page.url)


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
