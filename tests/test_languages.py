"""Languages from day one: prefixed URLs, / picks the visitor's language."""

import pytest
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def test_the_four_locales_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "fr", "nl", "de"}


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("fr-BE,fr;q=0.9", "/fr/"), ("nl-BE", "/nl/"), ("de", "/de/"), ("es", "/en/"), ("", "/en/")],
)
def test_root_sends_the_visitor_to_their_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_root_prefers_the_visitors_own_language_choice(client):
    client.cookies["django_language"] = "nl"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/nl/"


def test_pages_are_served_under_a_language_prefix(client, home):
    assert home.url == "/en/"
    assert client.get("/en/").status_code == 200


def test_html_lang_follows_the_url_language(client):
    assert b'<html lang="fr"' in client.get("/fr/").content
