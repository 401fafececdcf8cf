"""Help and a quick exit on every page, including the error pages."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from cms.models import Helpline, SafeguardingSettings

pytestmark = pytest.mark.django_db


def safety_bar(html):
    soup = BeautifulSoup(html, "html.parser")
    return soup.select_one(".help-button"), soup.select_one("a[data-quick-exit]")


def assert_help_and_exit(html):
    help_button, exit_link = safety_bar(html)
    assert help_button is not None and "116 000" in help_button.get_text()
    assert exit_link is not None and exit_link["href"].startswith("https://")
    assert "noreferrer" in exit_link["rel"]


def test_every_page_type_shows_the_help_button_and_quick_exit(client, demo_pages):
    seen_types = set()
    for page in demo_pages:
        assert_help_and_exit(client.get(page.url).content.decode())
        seen_types.add(type(page).__name__)
    assert seen_types == {"HomePage", "ContentPage", "ModulePage", "LessonPage", "LessonFinderPage", "QuizPage",
        "TeacherGuidePage", "TeacherHubPage", "PetitionPage", "ProtocolPage", "ParentsPage",
    }


def test_the_404_page_shows_help_and_quick_exit_in_the_sites_style(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert_help_and_exit(html)
    assert "site.css" in html


def test_search_page_shows_help_and_quick_exit(client):
    assert_help_and_exit(client.get("/en/search/?q=photo").content.decode())


def test_quick_exit_goes_where_the_settings_say(client, site, home):
    settings = SafeguardingSettings.for_site(site)
    settings.quick_exit_url = "https://weather.example/"
    settings.save()
    _, exit_link = safety_bar(client.get(home.url).content)
    assert exit_link["href"] == "https://weather.example/"


def test_help_panel_lists_the_helplines_of_the_visitors_language(client):
    html = client.get("/nl/").content.decode()
    help_button, _ = safety_bar(html)
    assert "Awel" in help_button.get_text()
    assert "Awel" not in safety_bar(client.get("/en/").content.decode())[0].get_text()


def test_help_falls_back_to_the_default_language_when_a_language_has_none(client):
    Helpline.objects.filter(locale=Locale.objects.get(language_code="de")).delete()
    help_button, _ = safety_bar(client.get("/de/").content.decode())
    assert "116 000" in help_button.get_text()


def test_helpline_numbers_are_dialable_links(client, home):
    soup = BeautifulSoup(client.get(home.url).content, "html.parser")
    assert soup.select_one('.help-button a[href="tel:116000"]') is not None


def test_quick_exit_address_must_be_https(site):
    from django.core.exceptions import ValidationError

    settings = SafeguardingSettings(site=site, quick_exit_url="http://example.com/")
    with pytest.raises(ValidationError):
        settings.clean()
