"""The quick exit leaves the site and Back does not return to the page."""

import pytest

from .harness import NARROW, WIDE

NEUTRAL_SITE = "https://www.google.com/"


@pytest.fixture
def lesson_page(open_page):
    page = open_page(path=None)
    # Stand in for the neutral site so no request leaves this machine.
    page.route(f"{NEUTRAL_SITE}**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Neutral</title><p>An everyday site.</p>"))
    page.goto("/en/consent/yes-no-and-pressure/")
    return page


def assert_left_for_good(page):
    page.wait_for_url(f"{NEUTRAL_SITE}**")
    assert page.title() == "Neutral"
    page.go_back()
    assert "/en/consent/yes-no-and-pressure/" not in page.url


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_clicking_quick_exit_leaves_and_back_does_not_return(lesson_page, width):
    lesson_page.set_viewport_size({"width": width, "height": 800})
    lesson_page.get_by_role("link", name="Quick exit").click()
    assert_left_for_good(lesson_page)


def test_pressing_escape_twice_leaves_and_back_does_not_return(lesson_page):
    lesson_page.keyboard.press("Escape")
    lesson_page.keyboard.press("Escape")
    assert_left_for_good(lesson_page)


def test_a_single_escape_only_closes_the_help_panel(lesson_page):
    lesson_page.locator(".help-button summary").click()
    lesson_page.keyboard.press("Escape")
    assert not lesson_page.locator(".help-button__panel").is_visible()
    lesson_page.wait_for_timeout(1200)  # longer than the double-press window
    lesson_page.keyboard.press("Escape")
    assert "/en/consent/yes-no-and-pressure/" in lesson_page.url


def test_quick_exit_is_the_first_control_after_the_skip_link_and_help(open_page):
    page = open_page("/en/")
    names = []
    for _ in range(3):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert names[0] == "Skip to content"
    assert names[1].startswith("Get help")
    assert names[2].startswith("Quick exit")
