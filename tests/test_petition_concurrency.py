"""50 people sign at the same moment: no signature lost, none counted twice.
Runs against PostgreSQL (make test-postgres; CI runs it); SQLite cannot take
concurrent writers and skips it with that reason."""

import io
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import signing
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from petitions.forms import STARTED_SALT
from petitions.models import PetitionPage, Signature
from petitions.tokens import confirm_token

pytestmark = pytest.mark.django_db(transaction=True)
SIGNERS = 50


@pytest.fixture
def petition(settings):
    if connection.vendor != "postgresql":
        pytest.skip("The concurrency tests need PostgreSQL: run `make test-postgres` (CI does).")
    settings.UPSTANDER_PETITION_SIGN_LIMIT = (10_000, 3600)
    settings.UPSTANDER_PETITION_SUPPORT_LIMIT = (10_000, 3600)
    call_command("load_demo_content", "--without-translations", stdout=io.StringIO())
    return PetitionPage.objects.get(locale__language_code="en", slug="petition")


def sign_and_confirm(petition, email):
    from django.db import connection as thread_connection

    try:
        client = Client()
        response = client.post(petition.url, {
            "first_name": "Sam", "email": email, "postcode_or_country": "9000",
            "age_confirmed": "on", "privacy_consent": "on", "website": "",
            "started": signing.dumps(time.time() - 30, salt=STARTED_SALT),
        })
        assert response.status_code == 200, response.status_code
        signature = Signature.objects.get(petition=petition, email_normalised=email.strip().lower())
        confirm_url = petition.url + petition.reverse_subpage("confirm", args=(confirm_token(signature),))
        return client.post(confirm_url).status_code
    finally:
        thread_connection.close()


def run_at_once(petition, emails):
    with ThreadPoolExecutor(max_workers=len(emails)) as pool:
        return list(pool.map(lambda email: sign_and_confirm(petition, email), emails))


def test_fifty_simultaneous_signings_lose_none(petition):
    statuses = run_at_once(petition, [f"person{i}@example.com" for i in range(SIGNERS)])
    assert statuses == [200] * SIGNERS
    assert Signature.objects.filter(petition=petition).count() == SIGNERS
    assert Signature.objects.filter(petition=petition, confirmed_at__isnull=False).count() == SIGNERS
    assert Client().get(petition.url).context["counts"]["signatures"] == SIGNERS


def test_fifty_simultaneous_signings_by_one_person_count_once(petition):
    statuses = run_at_once(petition, ["Same.Person@example.com" if i % 2 else "same.person@EXAMPLE.com " for i in range(SIGNERS)])
    assert statuses == [200] * SIGNERS
    assert Signature.objects.filter(petition=petition).count() == 1
    assert Client().get(petition.url).context["counts"]["signatures"] == 1


def test_fifty_simultaneous_supports_are_all_counted(petition):
    from django.db import connection as thread_connection

    support_url = reverse("petitions:support", args=[petition.pk])

    def support(_):
        try:
            return Client().post(support_url, headers={"Origin": "http://testserver"}).status_code
        finally:
            thread_connection.close()

    with ThreadPoolExecutor(max_workers=SIGNERS) as pool:
        statuses = list(pool.map(support, range(SIGNERS)))
    assert statuses == [302] * SIGNERS
    assert Client().get(petition.url).context["counts"]["supports"] == SIGNERS
