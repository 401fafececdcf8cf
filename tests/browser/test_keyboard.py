"""A keyboard-only visitor can reach a lesson and come back, always seeing where focus is."""

from .harness import has_visible_focus


def tab_to(page, matches, limit=80):
    """Press Tab until the focused element's text satisfies `matches`; check focus is visible on the way."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert has_visible_focus(page), page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
        text = page.evaluate("document.activeElement.textContent.replace(/\\s+/g, ' ').trim()")
        if matches(text):
            return text
    raise AssertionError(f"Tab never reached the element on {page.url}")


def test_keyboard_journey_from_home_to_a_lesson_for_12_to_14_and_back(open_page):
    page = open_page("/en/")
    tab_to(page, lambda text: text.startswith("12-14"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/lessons/?age=12-14")

    tab_to(page, lambda text: text == "Yes, no and pressure")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/consent/yes-no-and-pressure/")
    assert page.locator("h1").inner_text() == "Yes, no and pressure"

    tab_to(page, lambda text: text == "Upstander" and page.evaluate("!!document.activeElement.closest('.breadcrumbs')"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/")


def test_skip_link_appears_on_focus_and_moves_to_the_content(open_page):
    page = open_page("/en/consent/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.is_visible() and skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_help_panel_opens_and_closes_from_the_keyboard(open_page):
    page = open_page("/en/")
    tab_to(page, lambda text: text.startswith("Get help"))
    page.keyboard.press("Enter")
    assert page.locator(".help-button__panel").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(".help-button__panel").is_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"


def test_reduced_motion_turns_transitions_off(open_page):
    duration = "getComputedStyle(document.querySelector('.button')).transitionDuration"
    moving = open_page("/en/lessons/", reduced_motion="no-preference")
    still = open_page("/en/lessons/", reduced_motion="reduce")
    assert moving.evaluate(duration) != "0s"
    assert still.evaluate(duration) == "0s"
