import pytest

from lessons.models import LessonPage
from tests.factories.lessons import LessonPageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db


def test_search_finds_a_lesson_by_its_words(client):
    response = client.get("/en/search/", {"q": "sextortion"})
    titles = [result.title for result in response.context["results"]]
    assert "Sextortion: it's not your fault" in titles


def test_search_only_shows_pages_of_the_current_language(client, home):
    german_home = home.copy_for_translation(locale=_locale("de"))
    german_home.save_revision().publish()
    german_module = ModulePageFactory(parent=german_home, title="Einverständnis", slug="einverstaendnis")
    LessonPageFactory(parent=german_module, title="Nein sagen, zebracorn")
    english = client.get("/en/search/", {"q": "zebracorn"}).context["results"]
    german = client.get("/de/search/", {"q": "zebracorn"}).context["results"]
    assert len(english) == 0
    assert [page.title for page in german] == ["Nein sagen, zebracorn"]


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def test_empty_search_shows_the_form_without_results(client):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert len(response.context["results"]) == 0


def test_overlong_search_is_cut_not_refused(client):
    response = client.get("/en/search/", {"q": "consent " * 200})
    assert response.status_code == 200
    assert len(response.context["search_query"]) <= 200


def test_search_escapes_what_was_typed(client):
    response = client.get("/en/search/", {"q": "<script>alert(1)</script>"})
    assert b"<script>alert(1)</script>" not in response.content


def test_search_box_is_on_every_page(client, home):
    assert b'role="search"' in client.get(home.url).content


def test_sitemap_lists_the_lessons(client):
    content = client.get("/sitemap.xml").content.decode()
    for lesson in LessonPage.objects.live():
        assert lesson.full_url in content


def test_search_finds_lessons_not_their_quizzes(client):
    results = client.get("/en/search/", {"q": "sextortion"}).context["results"]
    assert not any(type(page).__name__ == "QuizPage" for page in results)


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_the_classroom(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text and "Disallow: /fr/class/" in text and "Sitemap: http://testserver/sitemap.xml" in text


def test_a_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/cms/img/favicon.svg"
    from django.contrib.staticfiles import finders

    assert finders.find("cms/img/favicon.svg")
