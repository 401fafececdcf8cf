"""Presenting a lesson on the projector: keys and clickers move between steps."""

from .harness import assert_no_serious_axe_violations

PRESENT = "/en/consent/yes-no-and-pressure/present/"


def test_arrow_keys_and_clicker_keys_move_between_steps(open_page):
    page = open_page(PRESENT)
    assert page.locator("h1").inner_text() == "Yes, no and pressure"
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**present/?step=1")
    page.keyboard.press("PageDown")  # what most presentation clickers send
    page.wait_for_url("**present/?step=2")
    page.keyboard.press("ArrowLeft")
    page.wait_for_url("**present/?step=1")


def test_presenter_mode_keeps_help_in_a_corner_and_passes_axe(open_page):
    page = open_page(PRESENT + "?step=1")
    assert page.locator(".presenter__help").is_visible()
    assert page.locator(".site-nav").count() == 0
    assert_no_serious_axe_violations(page)


def test_presenter_mode_works_without_javascript(open_page):
    page = open_page(PRESENT, javascript=False)
    page.get_by_role("link", name="Next").click()
    page.wait_for_url("**present/?step=1")
