from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from .tokens import confirm_token, withdraw_token


def send_confirmation(request, signature):
    petition = signature.petition
    with translation.override(petition.locale.language_code):
        context = {
            "signature": signature,
            "petition": petition,
            "confirm_url": request.build_absolute_uri(
                petition.url + petition.reverse_subpage("confirm", args=(confirm_token(signature),))
            ),
            "withdraw_url": request.build_absolute_uri(
                petition.url + petition.reverse_subpage("withdraw", args=(withdraw_token(signature),))
            ),
        }
        subject = render_to_string("petitions/emails/confirm_subject.txt", context).strip()
        body = render_to_string("petitions/emails/confirm.txt", context)
    send_mail(subject, body, None, [signature.email])
