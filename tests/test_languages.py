"""Languages from day one: prefixed URLs, / picks the visitor's language."""

import re

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


@pytest.fixture
def french_home(home):
    french_locale = Locale.objects.get(language_code="fr")
    french = home.get_translation_or_none(french_locale)
    if french is None:  # the demo's French translation may not be loaded
        french = home.copy_for_translation(french_locale)
        french.save_revision().publish()
    return french


def test_every_page_offers_the_languages_it_exists_in(client, home, french_home):
    html = client.get("/en/").content.decode()
    assert 'href="/language/fr/?next=/fr/"' in html
    assert '<span lang="en" aria-current="true">English</span>' in html
    assert "/language/de/" not in html  # the demo has no German pages


def test_pages_name_their_translations_as_hreflang_alternates(client, french_home):
    html = client.get("/en/").content.decode()
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in html


def test_choosing_a_language_remembers_it_for_the_next_visit(client, french_home):
    response = client.get("/language/fr/", {"next": "/fr/"})
    assert response["Location"] == "/fr/"
    assert response.cookies["django_language"].value == "fr"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="nl")["Location"] == "/fr/"


def test_choosing_a_language_never_redirects_elsewhere(client):
    assert client.get("/language/fr/", {"next": "https://evil.example/"})["Location"] == "/fr/"


def test_choosing_an_unknown_language_is_a_clear_400(client):
    response = client.get("/language/xx/")
    assert response.status_code == 400
    assert "We don’t have that language." in response.content.decode()


def test_a_page_missing_in_german_says_which_languages_it_exists_in(client, french_home):
    response = client.get("/de/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'lang="de"' in html.split(">")[1]  # the interface is German
    assert '<main id="main" tabindex="-1" lang="en">' in html  # the content says it is English
    assert 'class="notice translation-notice"' in html
    assert 'href="/language/fr/?next=/fr/"' in html


def test_sitemap_lists_every_language_with_alternates(client, french_home):
    content = client.get("/sitemap.xml").content.decode()
    assert re.search(r"<loc>http://[\w.]+/fr/</loc>", content)
    assert re.search(r'<xhtml:link rel="alternate" hreflang="fr" href="http://[\w.]+/fr/"/>', content)
