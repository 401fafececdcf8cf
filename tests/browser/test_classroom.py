"""One teacher and three pupils in separate browsers run a live quiz."""

import re

from .harness import NARROW, assert_no_serious_axe_violations

QUIZ = "/en/consent/yes-no-and-pressure/quiz/"


def test_a_teacher_and_three_pupils_run_a_live_quiz(open_page):
    teacher = open_page(QUIZ)
    teacher.get_by_role("button", name="Run this quiz live with your class").click()
    teacher.wait_for_url(re.compile(r".*/class/[0-9a-f-]+/host/$"))
    code = teacher.locator(".join-code").inner_text().strip()
    assert len(code) == 6
    assert_no_serious_axe_violations(teacher)

    pupils = []
    for number in range(3):
        pupil = open_page("/en/class/join/", width=NARROW, javascript=number != 2)  # one pupil without JavaScript
        pupil.get_by_label("Code").fill(code.lower())
        pupil.get_by_role("button", name="Join").click()
        pupil.get_by_role("heading", name="You’re in!").wait_for()
        pupils.append(pupil)
    teacher.locator("[data-live-seats]").filter(has_text="3").first.wait_for(timeout=6000)  # live, no reload
    assert_no_serious_axe_violations(pupils[0])

    teacher.get_by_role("button", name="Show the first question").click()
    for pupil in pupils:
        # Without JavaScript the waiting page refreshes itself every 4 s (a meta refresh): wait for that
        # rather than reloading, which the page's own refresh can abort mid-way (net::ERR_ABORTED).
        pupil.locator("fieldset.question input").first.wait_for(timeout=10_000 if pupil is pupils[2] else 6000)
        pupil.locator("fieldset.question input").first.check()
        pupil.get_by_role("button", name="Send my answer").click()
        pupil.get_by_role("heading", name="Answer sent").wait_for()
    teacher.locator("[data-live-answered]").filter(has_text="3").first.wait_for(timeout=6000)

    teacher.get_by_role("button", name="Show the answers").click()
    teacher.get_by_text("Remember:").wait_for()  # after a page load: wait for it, do not sample
    pupils[0].get_by_text("Remember:").wait_for(timeout=6000)  # the pupil's device shows the same reveal
    assert_no_serious_axe_violations(pupils[0])

    teacher.get_by_role("button", name="End the session").click()
    teacher.get_by_role("heading", name="The session has ended").wait_for()
    pupils[1].get_by_role("heading", name="The session has ended").wait_for(timeout=6000)


def test_a_wrong_code_is_explained(open_page):
    page = open_page("/en/class/join/")
    page.get_by_label("Code").fill("XXXXXX")
    page.get_by_role("button", name="Join").click()
    page.get_by_text("couldn’t find a running session with that code").wait_for()  # after a page load: wait for it, do not sample
    assert_no_serious_axe_violations(page)
