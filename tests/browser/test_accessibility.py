"""axe-core on every page type, wide and narrow: no serious or critical violation."""

import pytest

from .harness import NARROW, PAGE_TYPES, WIDE, assert_no_serious_axe_violations


@pytest.mark.parametrize("width", [WIDE, NARROW])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_has_no_serious_accessibility_violations(open_page, page_type, width):
    page = open_page(PAGE_TYPES[page_type], width=width)
    assert_no_serious_axe_violations(page)


def test_open_help_panel_has_no_serious_accessibility_violations(open_page):
    page = open_page("/en/consent/yes-no-and-pressure/")
    page.locator(".help-button summary").click()
    assert page.locator(".help-button__panel").is_visible()
    assert_no_serious_axe_violations(page)


def test_lesson_finder_with_an_invalid_filter_has_no_serious_violations(open_page):
    page = open_page("/en/lessons/?age=99-100")
    assert page.get_by_text("Please check the filters above.").is_visible()
    assert_no_serious_axe_violations(page)
