"""The live classroom on a projector and on a pupil's phone: readable from the
back of the room without scrolling, the question first on a phone, axe clean."""

import pytest

from classroom.models import ClassroomSession, Seat, SessionAnswer
from quizzes.models import QuizPage

from .harness import assert_no_serious_axe_violations

PROJECTORS = [(1280, 720), (1920, 1080)]


def longest_four_option_question():
    """Of every demo quiz question with four options, the one with the most text: the hardest to fit."""
    best = None
    for quiz in QuizPage.objects.filter(locale__language_code="en").specific():
        for index, (question_id, question) in enumerate(quiz.question_blocks.items()):
            options = question.block.answer_options(question.value)
            if len(options) != 4:
                continue
            size = len(question.value["question"]) + len(question.value.get("story") or "") + sum(
                len(option.text) for option in options) + len(question.value["explanation"])
            if best is None or size > best[0]:
                best = (size, quiz, index, question_id, options)
    return best[1:]


def start_session(state):
    """A session on the hardest four-option question, with a class that answered."""
    quiz, index, question_id, options = longest_four_option_question()
    session, secret = ClassroomSession.start(quiz)
    session.state, session.question_index = state, index
    session.save()
    for number in range(23):
        seat = Seat.objects.create(session=session)
        SessionAnswer.objects.create(session=session, seat=seat, question_id=question_id,
                                     option_ids=[options[number % 4].id])
    return session, secret


def open_as_teacher(open_page, site_url, session, secret, width, height):
    page = open_page(None, width=width, height=height)
    page.context.add_cookies([{"name": f"upstander_host_{session.pk.hex}", "value": secret, "url": site_url}])
    page.goto(f"/en/class/{session.pk}/host/")
    return page


def scroll_size(page):
    return page.evaluate(
        "() => ({width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight,"
        " viewWidth: window.innerWidth, viewHeight: window.innerHeight})"
    )


@pytest.mark.parametrize("state", ["question", "reveal"])
@pytest.mark.parametrize(("width", "height"), PROJECTORS)
def test_the_projected_question_fits_the_screen_without_scrolling(open_page, site_url, state, width, height):
    session, secret = start_session(state)
    page = open_as_teacher(open_page, site_url, session, secret, width, height)
    size = scroll_size(page)
    assert size["width"] <= size["viewWidth"]
    assert size["height"] <= size["viewHeight"], f"{size['height']} px tall on a {height} px screen"


@pytest.mark.parametrize(("width", "height"), PROJECTORS)
def test_the_projector_shows_full_option_texts_with_bars_underneath(open_page, site_url, width, height):
    session, secret = start_session("reveal")
    page = open_as_teacher(open_page, site_url, session, secret, width, height)
    label = page.locator(".results__label").first.bounding_box()
    bar = page.locator(".results__bar").first.bounding_box()
    assert bar["y"] >= label["y"] + label["height"] - 1  # the bar sits under its label
    assert label["width"] > width * 0.6  # the label has the width of the screen, not a narrow column
    assert page.locator(".results__value").first.inner_text().endswith("answers)")


def test_the_projector_has_no_site_navigation_and_keeps_help_and_quick_exit(open_page, site_url):
    session, secret = start_session("question")
    page = open_as_teacher(open_page, site_url, session, secret, 1920, 1080)
    assert page.locator(".site-nav").count() == 0 and page.locator("form[role=search]").count() == 0
    assert page.locator(".help-button summary").is_visible() and page.get_by_role("link", name="Quick exit").is_visible()
    assert page.get_by_role("button", name="Full screen").is_visible()
    assert_no_serious_axe_violations(page)


def test_the_lobby_shows_the_short_join_address_and_the_code(open_page, site_url):
    session, secret = ClassroomSession.start(QuizPage.objects.filter(locale__language_code="en").first())
    page = open_as_teacher(open_page, site_url, session, secret, 1280, 720)
    assert page.get_by_text(site_url.split("//")[1] + "/join", exact=True).is_visible()
    assert page.locator(".join-code").inner_text() == session.join_code
    size = scroll_size(page)
    assert size["height"] <= size["viewHeight"]
    assert_no_serious_axe_violations(page)


def test_a_pupil_on_a_phone_sees_the_question_first(open_page, site_url):
    session, _secret = start_session("question")
    seat = Seat.objects.create(session=session)
    page = open_page(None, width=360, height=740)
    page.context.add_cookies([{"name": f"upstander_seat_{session.pk.hex}", "value": session.seat_token(seat), "url": site_url}])
    page.goto(f"/en/class/{session.pk}/")
    question = page.locator("fieldset.question").bounding_box()
    assert question["y"] < 200  # right under the help bar and a one-line header
    assert not page.locator(".site-nav").first.is_visible()  # folded into the menu
    page.get_by_text("Menu").click()
    assert page.locator(".site-nav").first.is_visible()
    size = scroll_size(page)
    assert size["width"] <= size["viewWidth"]
    assert_no_serious_axe_violations(page)


def test_the_short_join_address_leads_a_pupil_into_the_session(open_page, site_url):
    session, _secret = ClassroomSession.start(QuizPage.objects.filter(locale__language_code="en").first())
    page = open_page("/join/", width=360)
    page.get_by_label("Code").fill(session.join_code)
    page.get_by_role("button", name="Join").click()
    page.get_by_role("heading", name="You’re in!").wait_for()
