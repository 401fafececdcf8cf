"""The admin refuses a broken question with a clear message on the field."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from lessons.models import LessonPage
from quizzes.blocks import MultipleChoiceQuestionBlock, ScenarioQuestionBlock, SingleChoiceQuestionBlock
from quizzes.models import QuizPage

pytestmark = pytest.mark.django_db


def options(*flags, feedback="Because."):
    return [{"text": f"Answer {i}", "correct": flag, "feedback": feedback} for i, flag in enumerate(flags)]


def clean(block, **value):
    value.setdefault("question", "Which one?")
    value.setdefault("explanation", "This one.")
    value.setdefault("lesson_section", "")
    block.clean(block.to_python(value))


def block_error(block, **value):
    with pytest.raises(ValidationError) as error:
        clean(block, **value)
    return error.value


def option_errors(error):
    return [str(message) for message in error.block_errors["options"].messages] if "options" in error.block_errors else []


def test_single_choice_without_a_correct_answer_is_refused():
    error = block_error(SingleChoiceQuestionBlock(), options=options(False, False))
    assert option_errors(error) == ["Mark the one correct answer."]


def test_single_choice_with_two_correct_answers_is_refused():
    error = block_error(SingleChoiceQuestionBlock(), options=options(True, True))
    assert "exactly one correct answer; 2 are marked" in option_errors(error)[0]


def test_multiple_choice_without_a_correct_answer_is_refused():
    error = block_error(MultipleChoiceQuestionBlock(), options=options(False, False))
    assert option_errors(error) == ["Mark at least one correct answer."]


def test_scenario_without_a_good_choice_is_refused():
    error = block_error(ScenarioQuestionBlock(), story="Noor sees it.", options=options(False, False))
    assert option_errors(error) == ["Mark at least one choice as a good choice."]


def test_an_answer_without_feedback_is_refused_on_its_feedback_field():
    error = block_error(SingleChoiceQuestionBlock(), options=options(True, False, feedback=" "))
    item_errors = error.block_errors["options"].block_errors
    assert "Every answer needs feedback" in str(item_errors[0].block_errors["feedback"].messages[0])


def test_a_well_formed_single_choice_is_accepted():
    clean(SingleChoiceQuestionBlock(), options=options(True, False))


def quiz_form(questions):
    return nested_form_data({
        "title": "Quiz: test",
        "slug": "quiz-test",
        "intro": "",
        "questions": streamfield(questions),
        "comments": inline_formset([]),
        "action-publish": "publish",
    })


def single(section="", correct=(True, False)):
    return ("single_choice", {
        "question": "Which one?",
        "explanation": "This one.",
        "lesson_section": section,
        "options": streamfield([("item", o) for o in options(*correct)]),
    })


def add_quiz(editor_client, lesson, questions):
    url = reverse("wagtailadmin_pages:add", args=("quizzes", "quizpage", lesson.pk))
    return editor_client.post(url, quiz_form(questions))


@pytest.fixture
def lesson_without_quiz():
    lesson = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")
    QuizPage.objects.child_of(lesson).delete()
    return LessonPage.objects.get(pk=lesson.pk)


def test_editor_can_add_a_quiz_to_a_lesson(editor_client, lesson_without_quiz):
    response = add_quiz(editor_client, lesson_without_quiz, [single("What a free yes looks like")])
    assert response.status_code == 302
    assert QuizPage.objects.child_of(lesson_without_quiz).exists()


def test_editor_sees_the_message_for_a_question_without_a_correct_answer(editor_client, lesson_without_quiz):
    response = add_quiz(editor_client, lesson_without_quiz, [single(correct=(False, False))])
    assert response.status_code == 200
    assert "Mark the one correct answer." in response.content.decode().replace("\\u201c", "“")
    assert not QuizPage.objects.child_of(lesson_without_quiz).exists()


def test_editor_is_told_when_a_lesson_section_does_not_exist(editor_client, lesson_without_quiz):
    response = add_quiz(editor_client, lesson_without_quiz, [single("A heading nobody wrote")])
    assert response.status_code == 200
    message = " ".join(response.context["form"].errors["questions"])
    assert "names the lesson section “A heading nobody wrote”, which the lesson does not have" in message
    assert "What a free yes looks like" in message  # it lists the sections there are
