"""Module pages and the lesson finder filter lessons by age, module and theme."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lessons.models import LessonFinderPage, ModulePage
from tests.factories.lessons import LessonPageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(home):
    module = ModulePageFactory(parent=home, title="Test module", slug="test-module")
    LessonPageFactory(parent=module, title="For the youngest", age_min=10, age_max=12)
    LessonPageFactory(parent=module, title="For twelve to fourteen", age_min=12, age_max=14)
    older = LessonPageFactory(parent=module, title="For the oldest", age_min=16, age_max=18)
    older.tags.add("law")
    older.save_revision().publish()
    return module


@pytest.fixture
def finder(home):
    return LessonFinderPage.objects.child_of(home).get()


def test_module_page_lists_all_its_lessons(client, module):
    response = client.get(module.url)
    assert [lesson.title for lesson in response.context["lessons"]] == [
        "For the youngest", "For twelve to fourteen", "For the oldest",
    ]


def test_module_page_filters_by_age_band(client, module):
    response = client.get(module.url, {"age": "12-14"})
    assert [lesson.title for lesson in response.context["lessons"]] == ["For twelve to fourteen"]


def test_module_page_ignores_an_unknown_age_band(client, module):
    response = client.get(module.url, {"age": "<script>"})
    assert response.status_code == 200
    assert len(response.context["lessons"]) == 3


def test_lesson_finder_filters_by_age_module_and_theme(client, module, finder):
    response = client.get(finder.url, {"age": "16-18", "module": module.slug, "tag": "law"})
    assert [lesson.title for lesson in response.context["lessons"]] == ["For the oldest"]


def test_lesson_finder_filters_across_modules_by_age(client, module, finder):
    response = client.get(finder.url, {"age": "10-12"})
    lessons = response.context["lessons"]
    assert "For the youngest" in [lesson.title for lesson in lessons]
    assert all(lesson.age_min < 12 for lesson in lessons)


def test_lesson_finder_shows_each_lessons_module(client, module, finder):
    response = client.get(finder.url, {"module": module.slug})
    assert {lesson.module.title for lesson in response.context["lessons"]} == {"Test module"}
    assert b"Test module" in response.content


def test_lesson_finder_explains_an_unknown_filter_value_instead_of_failing(client, finder):
    response = client.get(finder.url, {"age": "99-100"})
    assert response.status_code == 200
    assert response.context["form"].errors["age"]
    assert b"Please check the filters above." in response.content


def test_lesson_finder_survives_a_nonsense_page_number(client, finder):
    assert client.get(finder.url, {"page": "x' OR 1=1"}).status_code == 200


def test_lesson_finder_is_reachable_from_the_home_page(client, home, finder):
    assert finder.url.encode() in client.get(home.url).content


def queries_to_render(client, url):
    client.get(url)  # warm the caches (petition counts), as a busy site has them
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_lesson_listings_do_not_query_once_per_lesson(client, home, finder, settings):
    settings.UPSTANDER_PAGE_CACHE_SECONDS = 0  # count the queries of rendering, not of the page cache
    module = ModulePageFactory(parent=home, slug="counted")
    LessonPageFactory(parent=module).tags.add("one")
    module_queries = queries_to_render(client, module.url)
    finder_queries = queries_to_render(client, finder.url)
    for _ in range(6):
        lesson = LessonPageFactory(parent=module)
        lesson.tags.add("two")
        lesson.save()
    assert queries_to_render(client, module.url) == module_queries
    assert queries_to_render(client, finder.url) == finder_queries


def test_every_demo_module_covers_all_four_age_bands(client):
    for module in ModulePage.objects.live():
        for band in ("10-12", "12-14", "14-16", "16-18"):
            response = client.get(module.url, {"age": band})
            assert len(response.context["lessons"]) >= 1, (module.title, band)


def test_lesson_finder_ties_each_error_to_its_field(client, finder):
    html = client.get(finder.url, {"age": "old"}).content.decode()
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_age-error"' in html
    assert 'id="id_age-error"' in html
