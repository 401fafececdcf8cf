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


@pytest.mark.screenshots
@pytest.mark.parametrize("state", ["lobby", "question", "reveal"])
@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_screenshot_of_the_projector(open_page, site_url, state, width, height):
    from .test_projector import open_as_teacher, start_session

    SCREENSHOTS.mkdir(exist_ok=True)
    session, secret = start_session(state)
    page = open_as_teacher(open_page, site_url, session, secret, width, height)
    path = SCREENSHOTS / f"projector-{state}-{width}x{height}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 0


@pytest.mark.screenshots
@pytest.mark.parametrize("state", ["question", "reveal"])
def test_screenshot_of_a_pupils_phone(open_page, site_url, state):
    from classroom.models import Seat

    from .test_projector import start_session

    SCREENSHOTS.mkdir(exist_ok=True)
    session, _secret = start_session(state)
    seat = Seat.objects.create(session=session)
    page = open_page(None, width=360, height=740)
    page.context.add_cookies([{"name": f"upstander_seat_{session.pk.hex}", "value": session.seat_token(seat), "url": site_url}])
    page.goto(f"/en/class/{session.pk}/")
    path = SCREENSHOTS / f"pupil-live-{state}-360.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0
