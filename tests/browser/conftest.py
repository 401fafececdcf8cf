"""The browser harness: Playwright driving Debian's chromium against a live
server that serves the demo site.

A journey needs a few lines:

    def test_something(open_page):
        page = open_page("/en/consent/", width=360)
        page.get_by_role("link", name="Yes, no and pressure").click()
        assert_no_serious_axe_violations(page)   # from tests.browser.harness

Every browser context refuses requests to any host but the live server and
records them: a test that makes the page reach outside fails.
"""

import io
import os
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.management import call_command

from .harness import WIDE

# Playwright's sync API runs an event loop in this thread; Django's ORM calls
# in the same test (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")

CHROMIUM = Path(os.environ.get("UPSTANDER_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]"}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db)  # so the test database is made; see _django_db_helper below


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"Browser tests need Chromium at {CHROMIUM} (apt-get install chromium)."
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " Under CI=true they must run, not be skipped.")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker):
    """One live server for every browser test, serving the demo site (loaded once,
    for the whole session, by tests/conftest.py). The tests share its database:
    what one test stores stays for the next, so a test counts what it added
    rather than what there is."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import connections
    from django.test.testcases import LiveServerThread

    with django_db_blocker.unblock():
        call_command("load_demo_content", "--without-translations", stdout=io.StringIO())  # present: changes nothing
        shared = {}
        for connection in connections.all():
            if connection.vendor == "sqlite" and connection.is_in_memory_db():
                connection.inc_thread_sharing()  # an in-memory database lives in this one connection
                shared[connection.alias] = connection
        server = LiveServerThread("localhost", StaticFilesHandler, connections_override=shared, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield f"http://localhost:{server.port}"
        server.terminate()
        for connection in shared.values():
            connection.dec_thread_sharing()


@pytest.fixture
def _django_db_helper(django_db_setup, django_db_blocker):
    """For browser tests, pytest-django's per-test transaction is replaced by plain access:
    the live server (another thread, on PostgreSQL another connection) must see what a
    test stores, and the tests share one preloaded site (tests/conftest.py runs them last)."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def open_page(browser, site_url):
    """open_page(path, width=1280, javascript=True, reduced_motion=None) -> a Playwright page."""
    contexts, outside_requests = [], []

    def guard(route):
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            outside_requests.append(route.request.url)
            route.abort()

    def _open(path="/en/", width=WIDE, height=900, javascript=True, reduced_motion=None):
        context = browser.new_context(
            base_url=site_url,
            viewport={"width": width, "height": height},
            java_script_enabled=javascript,
            reduced_motion=reduced_motion,
            locale="en-GB",
            bypass_csp=True,  # so axe-core can be injected
        )
        context.route("**/*", guard)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        if path is not None:
            page.goto(path)
        return page

    yield _open
    for context in contexts:
        context.close()
    assert outside_requests == [], f"A page tried to reach another host: {outside_requests}"
