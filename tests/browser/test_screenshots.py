"""`make screenshots`: PNGs of every page type at both widths, into screenshots/ (git-ignored)."""

from pathlib import Path

import pytest

from .harness import NARROW, PAGE_TYPES, WIDE

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.mark.screenshots
@pytest.mark.parametrize("width", [WIDE, NARROW])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_screenshot(open_page, page_type, width):
    SCREENSHOTS.mkdir(exist_ok=True)
    page = open_page(PAGE_TYPES[page_type], width=width)
    path = SCREENSHOTS / f"{page_type}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0
