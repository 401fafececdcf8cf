import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from cms.models import HomePage


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The browser tests run last: they share one database without rolling back (tests/browser/conftest.py)."""
    items.sort(key=lambda item: "/browser/" in item.nodeid.replace("\\", "/"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo site, as a newcomer's `make run` builds it."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=io.StringIO())


@pytest.fixture
def home(db):
    return HomePage.objects.get(locale=Locale.get_default(), depth=2)


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_pages(db):
    """Every live page of the English demo tree, as its specific class."""
    return list(Page.objects.live().filter(depth__gte=2, locale=Locale.get_default()).specific())


@pytest.fixture(autouse=True)
def default_language():
    """A request leaves its language active in the thread (LocaleMiddleware); each test starts in English."""
    from django.utils import translation

    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (counts, rate limits), on local memory or Redis alike."""
    from django.core.cache import cache

    from cms import page_cache

    cache.clear()
    page_cache.forget_local_copies()
    yield
    cache.clear()
    page_cache.forget_local_copies()


# --- the demo's pages and an editor, shared by the test modules (a module that needs
# another lesson or quiz defines its own, under the same name) ----------------------

@pytest.fixture
def lesson(db):
    """The demo's "Yes, no and pressure" (12-14), with its quiz and guide."""
    from lessons.models import LessonPage

    return LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")


@pytest.fixture
def quiz(db):
    from quizzes.models import QuizPage

    return QuizPage.objects.get(locale__language_code="en", title="Quiz: Yes, no and pressure")


@pytest.fixture
def petition(db):
    from petitions.models import PetitionPage

    return PetitionPage.objects.get(locale__language_code="en", slug="petition")


@pytest.fixture
def editor_client(client):
    """A client signed in to the admin as a superuser."""
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("test-editor", "editor@example.com", "pw"))
    return client
