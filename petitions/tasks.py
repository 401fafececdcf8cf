"""Petition emails, sent after the signature is committed, through Django's
tasks framework. In production a worker runs them from the database queue; an
email the mail server refuses is tried again later (RETRY_AFTER), so a
signature is never lost and its email goes out once the server is back."""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task, task_backends

from .models import Signature
from .tokens import confirm_token, withdraw_token

logger = logging.getLogger(__name__)

# Minutes to wait before each new try: about two days in all.
RETRY_AFTER = [1, 5, 30, 120, 480, 1440]


def signature_email(signature, site_url):
    """The email for a signature: a link to confirm it, or, when it is already
    confirmed, word that it counts. It never carries anything the signer typed."""
    petition = signature.petition
    page_url = site_url.rstrip("/") + petition.url
    with translation.override(petition.locale.language_code):
        context = {
            "petition": petition,
            "already_confirmed": signature.is_confirmed,
            "confirm_url": page_url + petition.reverse_subpage("confirm", args=(confirm_token(signature),)),
            "withdraw_url": page_url + petition.reverse_subpage("withdraw", args=(withdraw_token(signature),)),
        }
        subject = render_to_string("petitions/emails/confirm_subject.txt", context).strip()
        body = render_to_string("petitions/emails/confirm.txt", context)
    return EmailMessage(subject, body, None, [signature.email])


@task()
def send_signature_email(signature_id, site_url, attempt=1):
    signature = Signature.objects.select_related("petition").filter(pk=signature_id).first()
    if signature is None or not signature.email:
        return "gone"  # withdrawn or anonymised before the email went out
    try:
        signature_email(signature, site_url).send()
    except (smtplib.SMTPException, OSError) as error:
        backend = task_backends[send_signature_email.backend]
        if attempt > len(RETRY_AFTER) or not backend.supports_defer:
            logger.error("Petition email for signature %s not sent, giving up: %s", signature_id, error)
            raise
        delay = timedelta(minutes=RETRY_AFTER[attempt - 1])
        logger.warning("Petition email for signature %s not sent (%s); trying again in %s", signature_id, error, delay)
        send_signature_email.using(run_after=timezone.now() + delay).enqueue(signature_id, site_url, attempt + 1)
        return "retrying"
    Signature.objects.filter(pk=signature_id).update(email_sent_at=timezone.now())
    return "sent"


def queue_signature_email(sender, signature_id, site_url, **kwargs):
    """PetitionPage.sign asked for an email: queue it (it runs at once in development and tests)."""
    send_signature_email.enqueue(signature_id, site_url)
