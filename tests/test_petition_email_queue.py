"""Petition emails go through the task queue after the signature is stored:
with the mail server down the signature is kept and its email goes out later."""

import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from petitions.forms import STARTED_SALT
from petitions.models import PetitionPage, Signature
from tests.mail_backends import SwitchableSmtp

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "tests.mail_backends.SwitchableSmtp"
    SwitchableSmtp.down = True
    yield
    SwitchableSmtp.down = False


def sign(client):
    petition = PetitionPage.objects.get(locale__language_code="en", slug="petition")
    return client.post(petition.url, {
        "first_name": "Sam", "email": "sam@example.com", "postcode_or_country": "9000",
        "age_confirmed": "on", "privacy_consent": "on", "website": "",
        "started": signing.dumps(time.time() - 30, salt=STARTED_SALT),
    })


def run_worker():
    """The production worker, in this test's transaction: its "close old connections" between
    tasks would end the test's transaction on PostgreSQL, so it keeps the connection here."""
    from unittest import mock

    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_with_the_mail_server_down_the_signature_is_kept_and_the_signer_told_to_expect_an_email(client, queued):
    response = sign(client)
    assert response.status_code == 200
    assert "check your email" in response.content.decode()
    assert Signature.objects.filter(email="sam@example.com").exists()


def test_the_email_goes_out_once_the_mail_server_is_back(client, queued):
    sign(client)
    run_worker()  # the server refuses: the email waits for a later try
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(status="READY", run_after__gt=timezone.now()).count() == 1

    SwitchableSmtp.down = False
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - timedelta(seconds=1))
    run_worker()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["sam@example.com"]
    assert Signature.objects.get(email="sam@example.com").email_sent_at is not None


def test_nothing_is_sent_before_the_signature_is_committed(client, queued):
    SwitchableSmtp.down = False
    sign(client)
    assert mail.outbox == []  # queued, not sent inside the request
    run_worker()
    assert len(mail.outbox) == 1
