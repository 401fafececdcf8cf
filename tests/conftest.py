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

    cache.clear()
    yield
    cache.clear()
