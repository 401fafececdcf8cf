"""Phones and paper: nothing scrolls sideways at 360 px, help stays in reach, lessons print cleanly."""

import pytest

from .harness import NARROW, PAGE_TYPES


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_nothing_scrolls_sideways_at_360_px(open_page, page_type):
    page = open_page(PAGE_TYPES[page_type], width=NARROW)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW


@pytest.mark.parametrize("page_type", ["home", "lesson"])
def test_help_button_stays_in_view_at_the_bottom_of_a_long_page(open_page, page_type):
    page = open_page(PAGE_TYPES[page_type], width=NARROW, height=700)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    box = page.locator(".help-button summary").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 700
    page.locator(".help-button summary").click()
    assert page.locator(".help-button__panel").is_visible()


def test_help_panel_fits_a_small_screen(open_page):
    page = open_page("/en/", width=NARROW)
    page.locator(".help-button summary").click()
    box = page.locator(".help-button__panel").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= NARROW


def display(page, selector):
    return page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).display")


def test_a_lesson_prints_without_navigation_or_buttons(open_page):
    page = open_page(PAGE_TYPES["lesson"])
    page.emulate_media(media="print")
    for selector in (".safety-bar", ".site-header", ".site-footer", ".breadcrumbs", ".lesson__next", ".button"):
        assert display(page, selector) == "none", selector
    assert display(page, ".help-box") != "none"
    assert page.locator("h1").is_visible()


def test_printed_links_show_their_address(open_page):
    page = open_page(PAGE_TYPES["content"])
    page.emulate_media(media="print")
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.help-box a[href^=\"http\"]'), '::after').content"
    )
    assert "http" in after


def test_a_lesson_prints_to_a_pdf(open_page):
    page = open_page(PAGE_TYPES["lesson"])
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
