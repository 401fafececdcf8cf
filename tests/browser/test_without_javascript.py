"""With JavaScript off, every page reads and navigates fully."""

import pytest

from .harness import PAGE_TYPES


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_reads_without_javascript(open_page, page_type):
    page = open_page(PAGE_TYPES[page_type], javascript=False)
    assert page.locator("h1").is_visible()
    assert page.locator("a[data-quick-exit]").get_attribute("href").startswith("https://")


def test_navigating_from_home_to_a_lesson_without_javascript(open_page):
    page = open_page("/en/", javascript=False)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Consent").click()
    page.wait_for_url("**/en/consent/")
    page.get_by_role("link", name="Ages 12-14").click()
    page.get_by_role("link", name="Yes, no and pressure", exact=True).click()
    page.wait_for_url("**/en/consent/yes-no-and-pressure/")
    assert page.get_by_role("heading", name="Before you start").is_visible()


def test_help_panel_opens_without_javascript(open_page):
    page = open_page("/en/", javascript=False)
    page.locator(".help-button summary").click()
    assert page.locator(".help-button__panel").get_by_text("116 000").is_visible()


def test_lesson_finder_filters_without_javascript(open_page):
    page = open_page("/en/lessons/", javascript=False)
    page.get_by_label("Age", exact=True).select_option("16-18")
    page.get_by_label("Module", exact=True).select_option("sexting-and-intimate-images")
    page.get_by_role("button", name="Show lessons").click()
    page.wait_for_url("**age=16-18**")
    assert page.get_by_role("link", name="What the law says, and how it protects you", exact=True).is_visible()


def test_search_without_javascript(open_page):
    page = open_page("/en/", javascript=False)
    page.get_by_role("searchbox", name="Search lessons").fill("sextortion")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    page.wait_for_url("**/en/search/?q=sextortion")
    assert page.get_by_role("link", name="Sextortion: it's not your fault", exact=True).is_visible()
