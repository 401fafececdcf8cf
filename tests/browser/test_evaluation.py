"""A teacher runs a lesson's quiz live with the evaluation: five pupils (one without
JavaScript) answer before and after, and the projector shows the class's change."""

import re

from .harness import NARROW, assert_no_serious_axe_violations

QUIZ = "/en/consent/consent-in-relationships/quiz/"


def answer_every_item(pupil, choose):
    """choose: "first" or "last" answer of each item (never "I'd rather not say")."""
    for fieldset in pupil.locator("form.survey-form fieldset").all():
        options = fieldset.locator("input[type=radio]:not([value=rather-not-say])")
        (options.first if choose == "first" else options.last).check()
    pupil.get_by_role("button", name="Send my answers").click()


def test_five_pupils_answer_before_and_after_and_the_projector_shows_the_class_change(open_page):
    teacher = open_page(QUIZ)
    teacher.get_by_label(re.compile("Add the anonymous before/after evaluation")).check()
    teacher.get_by_role("button", name="Run this quiz live with your class").click()
    teacher.wait_for_url(re.compile(r".*/class/[0-9a-f-]+/host/$"))
    code = teacher.locator(".join-code").inner_text().strip()

    pupils = []
    for number in range(5):
        pupil = open_page("/en/class/join/", width=NARROW, javascript=number != 4)  # one pupil without JavaScript
        pupil.get_by_label("Code").fill(code)
        pupil.get_by_role("button", name="Join").click()
        pupil.get_by_role("heading", name="Consent: what do you think?").wait_for()
        if number == 0:
            assert_no_serious_axe_violations(pupil)
        answer_every_item(pupil, "first")
        pupil.get_by_role("heading", name="You’re in!").wait_for()
        pupils.append(pupil)

    teacher.get_by_role("button", name="Show the first question").click()
    # Each button is on the page the previous press leads to, so each click waits for that page.
    number = teacher.locator(".projector__number").inner_text()
    for _ in range(int(re.search(r"Question 1 of (\d+)", number).group(1))):
        teacher.get_by_role("button", name="Show the answers").click()
        teacher.get_by_role("button", name="Next").click()
    teacher.get_by_role("button", name="Ask the evaluation questions again").click()
    teacher.get_by_role("heading", name="Last questions, on your device").wait_for()

    for pupil in pupils:
        if pupil is pupils[4]:
            pupil.reload()  # without JavaScript the page refreshes itself; here we do it at once
        pupil.locator("form.survey-form").wait_for(timeout=6000)
        answer_every_item(pupil, "last")
        pupil.get_by_role("heading", name="Thank you for your answers").wait_for()

    teacher.reload()
    assert teacher.get_by_text("5 pupils have answered").is_visible()
    teacher.get_by_role("button", name="Show the class’s change").click()
    teacher.get_by_role("heading", name="What changed for the class").wait_for()
    chart = teacher.get_by_role("img", name=re.compile("before and after the lesson"))
    assert chart.is_visible()
    rows = teacher.locator(".class-change__table tbody tr")
    assert rows.count() == 6
    assert rows.first.locator("td").all_inner_texts() == ["0%", "100%", "More of you agree now."]  # disagree, then agree
    assert_no_serious_axe_violations(teacher)
