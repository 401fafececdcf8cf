"""Taking a quiz without JavaScript, and every kind of bad input."""

import uuid

import pytest
from bs4 import BeautifulSoup

from cms.html import section_anchor
from lessons.models import LessonPage
from quizzes.models import QuizAnswer, QuizAttempt, QuizPage
from tests.factories.quizzes import QuizPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz():
    """A quiz with every question type under a demo lesson (the demo's own quiz moved aside)."""
    lesson = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")
    QuizPage.objects.child_of(lesson).delete()
    return QuizPageFactory(parent=LessonPage.objects.get(pk=lesson.pk))


def form_fields(client, quiz):
    soup = BeautifulSoup(client.get(quiz.url).content, "html.parser")
    return {tag["name"]: tag["value"] for tag in soup.select("form[data-quiz] input[type=hidden]")}


GOOD_ANSWERS = {
    "q_single": "s-right", "q_multiple": ["m-a", "m-b"], "q_truefalse": "false", "q_scenario": "c-bad", "q_opinion": "4",
}


def submit(client, page, **overrides):
    data = form_fields(client, page) | GOOD_ANSWERS | overrides
    return client.post(page.url, {k: v for k, v in data.items() if v is not None})


def test_the_quiz_is_one_form_sent_with_post(client, quiz):
    soup = BeautifulSoup(client.get(quiz.url).content, "html.parser")
    form = soup.select_one("form[data-quiz]")
    assert form["method"] == "post"
    assert len(form.select("fieldset.question")) == 5
    assert form.select_one("button[type=submit]")


def test_each_question_is_a_fieldset_with_a_legend(client, quiz):
    soup = BeautifulSoup(client.get(quiz.url).content, "html.parser")
    for fieldset in soup.select("fieldset.question"):
        assert fieldset.legend.get_text(strip=True)
        for option in fieldset.select("input"):
            assert fieldset.select_one(f'label[for="{option["id"]}"]')


def test_answering_stores_an_anonymous_attempt_and_shows_the_results(client, quiz):
    response = submit(client, quiz)
    assert response.status_code == 302
    attempt = QuizAttempt.objects.get(quiz=quiz)
    assert (attempt.score, attempt.max_score) == (3, 4)
    assert attempt.answers["multiple"] == ["m-a", "m-b"]
    assert attempt.locale == quiz.locale
    assert response["Location"].endswith(f"/results/{attempt.pk}/")
    assert QuizAnswer.objects.filter(attempt=attempt).count() == 6


def test_an_attempt_stores_no_person(quiz):
    fields = {field.name for field in QuizAttempt._meta.get_fields()}
    assert not fields & {"user", "ip", "ip_address", "session", "session_key", "name", "email", "cookie"}


def test_results_show_each_answer_feedback_explanation_and_score(client, quiz):
    html = client.get(submit(client, quiz)["Location"]).content.decode()
    assert "You got 3 out of 4." in html
    assert "Your answer:" in html and "Add a laughing emoji" in html
    assert "About Add a laughing emoji." in html  # the chosen option's feedback
    assert "Not quite" in html and "Right" in html
    assert "Good choices here:" in html
    assert "The point to remember." in html


def test_results_show_the_lessons_key_messages_and_help(client, quiz):
    html = client.get(submit(client, quiz)["Location"]).content.decode()
    lesson = quiz.get_parent().specific
    for message in lesson.key_messages():
        assert message.replace("'", "&#x27;") in html
    assert 'class="help-box"' in html and "116 000" in html


def test_results_show_how_others_answered_an_opinion_scale(client, quiz):
    for answer in ("5", "5", "4"):
        submit(client, quiz, q_opinion=answer)
    soup = BeautifulSoup(client.get(submit(client, quiz, q_opinion="5")["Location"]).content, "html.parser")
    values = [li.select_one(".opinion-bars__value").get_text(" ", strip=True) for li in soup.select(".opinion-bars li")]
    assert values[-1].startswith("75%") and "(3 answers)" in values[-1]


def test_results_lead_back_to_the_lesson_and_on_to_the_next(client, quiz):
    html = client.get(submit(client, quiz)["Location"]).content.decode()
    lesson = quiz.get_parent().specific
    assert f'href="{lesson.url}"' in html
    assert f'href="{lesson.next_lesson().url}"' in html


def test_a_question_links_to_the_lesson_section_it_comes_from(client):
    quiz = QuizPage.objects.get(title="Quiz: Yes, no and pressure")
    question = next(q for q in quiz.answer_key() if q.lesson_section)
    anchor = section_anchor(question.lesson_section)
    assert f'id="{anchor}"' in client.get(quiz.get_parent().url).content.decode()
    data = form_fields(client, quiz)
    for question_id, child in quiz.question_blocks.items():
        data[f"q_{question_id}"] = child.block.answer_options(child.value)[0].id
    results = client.get(client.post(quiz.url, data)["Location"]).content.decode()
    assert f'href="{quiz.get_parent().url}#{anchor}"' in results


# --- bad input: a clear message, a 4xx, nothing stored -------------------------

def assert_refused(response, message):
    assert 400 <= response.status_code < 500
    assert message in response.content.decode()
    assert QuizAttempt.objects.count() == 0 and QuizAnswer.objects.count() == 0


def test_a_missing_answer_is_asked_for_and_nothing_is_stored(client, quiz):
    assert_refused(submit(client, quiz, q_truefalse=None), "Choose an answer to this question.")


def test_missing_answers_keep_what_was_already_chosen(client, quiz):
    soup = BeautifulSoup(submit(client, quiz, q_truefalse=None).content, "html.parser")
    assert soup.select_one('input[name="q_single"][value="s-right"]').has_attr("checked")


def test_a_tampered_option_id_is_refused(client, quiz):
    assert_refused(submit(client, quiz, q_single="s-right-but-tampered"), "That answer is not one of the options.")


def test_two_answers_to_a_single_choice_question_are_refused(client, quiz):
    assert_refused(submit(client, quiz, q_single=["s-right", "s-wrong"]), "Choose only one answer to this question.")


def test_answers_meant_for_another_quiz_are_refused(client, quiz):
    other = QuizPage.objects.exclude(pk=quiz.pk).first()
    assert_refused(submit(client, quiz, quiz=str(other.pk)), "These answers were meant for a different quiz.")


def test_answers_to_questions_not_in_this_quiz_are_refused(client, quiz):
    assert_refused(submit(client, quiz, **{"q_not-a-question": "x"}), "Some answers were for questions that are not in this quiz.")


def test_a_missing_or_broken_submission_token_is_refused(client, quiz):
    response = submit(client, quiz, submission="not-a-uuid")
    assert response.status_code == 400
    assert QuizAttempt.objects.count() == 0


def test_sending_the_same_answers_twice_counts_once(client, quiz):
    data = form_fields(client, quiz) | GOOD_ANSWERS
    first = client.post(quiz.url, data)
    second = client.post(quiz.url, data)
    assert QuizAttempt.objects.count() == 1
    assert second["Location"] == first["Location"] + "?again=1"
    assert "counted only once" in client.get(second["Location"]).content.decode()


def test_an_oversized_body_is_refused(client, quiz):
    response = submit(client, quiz, padding="x" * 40_000)
    assert_refused(response, "much more than a quiz")


def test_a_malformed_body_is_refused_in_the_sites_style(client, quiz):
    response = client.generic(
        "POST", quiz.url, b"--broken\r\nnonsense", content_type="multipart/form-data; boundary=broken"
    )
    assert response.status_code == 400
    assert QuizAttempt.objects.count() == 0


def test_results_of_an_unknown_attempt_are_not_found(client, quiz):
    url = quiz.url + quiz.reverse_subpage("results", args=(uuid.uuid4(),))
    assert client.get(url).status_code == 404


def test_results_of_an_attempt_at_another_quiz_are_not_found(client, quiz):
    attempt_url = submit(client, quiz)["Location"]
    other = QuizPage.objects.exclude(pk=quiz.pk).first()
    assert client.get(other.url + "results/" + attempt_url.rstrip("/").split("/")[-1] + "/").status_code == 404


# --- checking one question (the JavaScript mode) --------------------------------

def test_checking_one_answer_gives_its_feedback_and_stores_nothing(client, quiz):
    response = client.post(quiz.url + "check/", {"question": "single", "answer": "s-wrong"})
    assert response.status_code == 200
    data = response.json()
    assert data["right"] is False
    assert "About Just post it." in data["html"] and "The point to remember." in data["html"]
    assert QuizAttempt.objects.count() == 0


def test_checking_an_unknown_question_or_option_is_refused(client, quiz):
    assert client.post(quiz.url + "check/", {"question": "nope", "answer": "x"}).status_code == 400
    response = client.post(quiz.url + "check/", {"question": "single", "answer": "forged"})
    assert response.status_code == 400
    assert "not one of the options" in response.json()["error"]


def test_checking_needs_post(client, quiz):
    assert client.get(quiz.url + "check/").status_code == 405


# --- the lesson and the demo ----------------------------------------------------

def test_every_demo_lesson_leads_to_a_quiz_of_five_to_eight_questions(client):
    for lesson in LessonPage.objects.live():
        quiz = lesson.quiz()
        assert quiz is not None, lesson.title
        assert 5 <= len(quiz.questions) <= 8, lesson.title
        assert f'href="{quiz.url}"' in client.get(lesson.url).content.decode()


def test_every_demo_quiz_question_links_to_a_real_lesson_section():
    for quiz in QuizPage.objects.all():
        headings = quiz.get_parent().specific.section_headings()
        for question in quiz.answer_key():
            assert not question.lesson_section or question.lesson_section in headings, (quiz.title, question.number)


def test_every_demo_quiz_mixes_question_types():
    """At least three kinds of question; an opinion scale only where reasonable people differ (content guide rule 3)."""
    for quiz in QuizPage.objects.all():
        kinds = {child.block_type for child in quiz.questions}
        assert len(kinds & {"single_choice", "multiple_choice", "true_false", "scenario", "opinion_scale"}) >= 3, quiz.title
