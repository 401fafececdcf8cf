"""A pupil takes a quiz: all at once without JavaScript, one question at a time with it."""

from quizzes.models import QuizAttempt

from .harness import answer_visible_questions, assert_no_serious_axe_violations

QUIZ = "/en/consent/yes-no-and-pressure/quiz/"


def test_without_javascript_the_whole_quiz_is_one_form(open_page):
    before = QuizAttempt.objects.count()
    page = open_page(QUIZ, javascript=False)
    assert page.locator("fieldset.question:visible").count() == 8
    answer_visible_questions(page)
    page.get_by_role("button", name="See my results").click()
    page.wait_for_url("**/results/**")
    assert page.get_by_role("heading", name="Your results").is_visible()
    assert page.get_by_text("You got").is_visible()
    assert QuizAttempt.objects.count() == before + 1
    assert_no_serious_axe_violations(open_page(page.url))  # axe-core itself needs JavaScript


def test_without_javascript_a_missing_answer_is_explained(open_page):
    before = QuizAttempt.objects.count()
    page = open_page(QUIZ, javascript=False)
    page.locator("fieldset.question").first.locator("input").first.check()
    page.get_by_role("button", name="See my results").click()
    page.get_by_role("alert").get_by_text("Some answers need another look").wait_for()  # after a page load: wait for it, do not sample
    assert page.locator("fieldset.question").first.locator("input").first.is_checked()
    assert QuizAttempt.objects.count() == before


def test_the_missing_answer_page_has_no_serious_accessibility_violations(open_page):
    page = open_page(QUIZ)
    page.locator("fieldset.question").first.locator("input").first.check()
    page.locator("form[data-quiz]").evaluate("form => form.submit()")  # as without JavaScript
    page.get_by_role("alert").wait_for()
    assert page.locator("fieldset.question:visible").count() == 8  # one-at-a-time mode stays off
    assert_no_serious_axe_violations(page)


def test_with_javascript_questions_come_one_at_a_time_with_feedback(open_page):
    before = QuizAttempt.objects.count()
    page = open_page(QUIZ)
    assert page.locator("fieldset.question:visible").count() == 1
    assert not page.get_by_role("button", name="See my results").is_visible()

    page.get_by_role("button", name="Check my answer").click()
    page.get_by_text("Choose an answer first.").wait_for()  # after a page load: wait for it, do not sample

    for number in range(1, 9):
        fieldset = page.locator("fieldset.question:visible")
        assert f"Question {number} of 8" in fieldset.locator("legend").text_content()
        fieldset.locator("input").first.check()
        fieldset.get_by_role("button", name="Check my answer").click()
        fieldset.locator(".question-result").wait_for()
        assert fieldset.get_by_text("Remember:").is_visible()
        if number == 1:
            assert_no_serious_axe_violations(page)
        if number < 8:
            fieldset.get_by_role("button", name="Next question").click()

    assert QuizAttempt.objects.count() == before  # checking stores nothing
    page.get_by_role("button", name="See my results").click()
    page.wait_for_url("**/results/**")
    assert QuizAttempt.objects.count() == before + 1
    assert_no_serious_axe_violations(page)


def test_with_javascript_the_quiz_works_from_the_keyboard(open_page):
    page = open_page(QUIZ)
    page.locator("fieldset.question:visible input").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    for _ in range(6):
        if page.evaluate("document.activeElement.textContent.trim()") == "Check my answer":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.locator("fieldset.question:visible .question-result").wait_for()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") in ("Next question", "Read “What a free yes looks like” in the lesson again")
