"""With the page cache off, every page type renders in a small, fixed number of queries:
the route in two (cms.routing), the site chrome and the petition from the shared cache
(cms.chrome), view restrictions without a query where none applies (cms.view_restrictions)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from cms.models import ContentPage

pytestmark = pytest.mark.django_db


def _url(model_path, **lookup):
    from django.apps import apps

    model = apps.get_model(model_path)
    return model.objects.live().filter(locale__language_code="en", **lookup).first().url


# The queries each page type makes once the shared cache is warm; at most 10 each.
PAGES = {
    "home": (lambda: "/en/", 6),
    "module": (lambda: _url("lessons.ModulePage", slug="consent"), 8),
    "lesson": (lambda: _url("lessons.LessonPage", slug="yes-no-and-pressure"), 10),
    "lesson, easy read": (lambda: _url("lessons.LessonPage", slug="yes-no-and-pressure") + "easy-read/", 8),
    "quiz": (lambda: _url("quizzes.QuizPage", title="Quiz: Yes, no and pressure"), 6),
    "quiz, easy read": (lambda: _url("quizzes.QuizPage", title="Quiz: Yes, no and pressure") + "easy-read/", 6),
    "guide": (lambda: _url("lessons.TeacherGuidePage"), 6),
    "lesson finder": (lambda: _url("lessons.LessonFinderPage"), 8),
    "teacher hub": (lambda: _url("lessons.TeacherHubPage"), 8),
    # The search backends differ: SQLite's full-text search takes a savepoint of its own. Then one
    # query per page type among the first results (Wagtail's specific()), never per result.
    "search": (lambda: "/en/search/?q=consent", {"sqlite": 7, "postgresql": 7}),
    "petition": (lambda: _url("petitions.PetitionPage", slug="petition"), 4),
    "content page": (lambda: _url("cms.ContentPage", slug="help"), 3),
    "staff protocol": (lambda: _url("protocols.ProtocolPage"), 3),
    "page for parents": (lambda: _url("lessons.ParentsPage"), 6),
}


def queries_to_render(client, url):
    assert client.get(url).status_code == 200  # warms the shared cache, as a running site has it
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page_type", PAGES)
def test_each_page_type_renders_in_its_pinned_number_of_queries_without_the_page_cache(client, settings, page_type):
    settings.UPSTANDER_PAGE_CACHE_SECONDS = 0
    url, expected = PAGES[page_type]
    expected = expected[connection.vendor] if isinstance(expected, dict) else expected
    assert queries_to_render(client, url()) == expected


def test_no_page_type_needs_more_than_ten_queries():
    counts = [count for _url, expected in PAGES.values()
              for count in (expected.values() if isinstance(expected, dict) else [expected])]
    assert max(counts) <= 10


# --- the router (cms.routing) --------------------------------------------------------

def test_a_routable_pages_own_route_comes_before_a_child_with_the_same_slug(client, lesson):
    lesson.add_child(instance=ContentPage(title="Not the presenter", slug="present"))
    response = client.get(lesson.url + "present/")
    assert response.status_code == 200
    assert "Not the presenter" not in response.content.decode()
    assert response.templates[0].name == "lessons/lesson_present.html"


def test_a_page_below_a_routable_page_is_served(client, lesson, quiz):
    assert client.get(lesson.url + "quiz/").context["page"].pk == quiz.pk


def test_an_unknown_path_is_not_found(client, lesson):
    assert client.get(lesson.url + "no-such-page/").status_code == 404


def test_an_unpublished_page_is_not_found(client, lesson):
    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_a_translated_page_is_found_under_its_language(client, lesson):
    from wagtail.models import Locale

    french = lesson.get_translation(Locale.objects.get(language_code="fr"))
    response = client.get(french.url)
    assert response.status_code == 200 and response.context["page"].pk == french.pk


def test_the_breadcrumbs_name_the_pages_above_from_the_home_page(client, lesson):
    html = client.get(lesson.url).content.decode()
    trail = html[html.index('class="breadcrumbs"'):html.index('aria-current="page"')]
    assert [title for title in ("Upstander", lesson.get_parent().title) if f">{title}</a>" in trail] == [
        "Upstander", lesson.get_parent().title]


# --- view restrictions (cms.view_restrictions) ---------------------------------------

def test_a_page_with_no_restriction_above_it_is_checked_without_a_query(lesson, django_assert_num_queries):
    lesson.get_view_restrictions()  # warms the cached sections
    with django_assert_num_queries(0):
        assert list(lesson.get_view_restrictions()) == []


def test_a_restriction_added_after_the_cache_was_filled_hides_the_section_from_public_listings(lesson):
    assert Page.objects.public().filter(pk=lesson.pk).exists()
    PageViewRestriction.objects.create(page=lesson.get_parent(), restriction_type="login")
    assert not Page.objects.public().filter(pk=lesson.pk).exists()
    assert [r.page_id for r in lesson.get_view_restrictions()] == [lesson.get_parent().pk]


def test_an_alias_is_restricted_like_its_source(client, lesson):
    PageViewRestriction.objects.create(page=lesson, restriction_type="password", password="class-2b")
    alias = lesson.create_alias(update_slug="yes-no-and-pressure-again")
    response = client.get(alias.url)
    assert response.status_code == 200 and "password" in response.content.decode().lower()
    assert lesson.intro[:60] not in response.content.decode()
