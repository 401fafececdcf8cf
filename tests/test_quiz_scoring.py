"""QuizPage.score(): answers in, a result out. The one place scoring happens."""

import pytest

from quizzes.models import QuizPage
from tests.factories.quizzes import all_question_types, multiple_choice, opinion_scale, scenario, single_choice, true_false


pytestmark = pytest.mark.django_db  # building a Page looks up its content type; scoring itself reads nothing


def quiz(*questions):
    return QuizPage(title="Quiz", questions=list(questions) or all_question_types())


def result_for(page, question_id, chosen):
    return next(q for q in page.score({question_id: chosen}).questions if q.question_id == question_id)


def test_single_choice_is_right_with_the_correct_option():
    assert result_for(quiz(single_choice()), "single", ["s-right"]).right is True


def test_single_choice_is_not_right_with_another_option():
    assert result_for(quiz(single_choice()), "single", ["s-wrong"]).right is False


def test_multiple_choice_needs_exactly_the_correct_options():
    page = quiz(multiple_choice())
    assert result_for(page, "multiple", ["m-a", "m-b"]).right is True
    assert result_for(page, "multiple", ["m-a"]).right is False
    assert result_for(page, "multiple", ["m-a", "m-b", "m-c"]).right is False


@pytest.mark.parametrize(("answer", "chosen", "right"), [("false", "false", True), ("false", "true", False), ("true", "true", True)])
def test_true_false(answer, chosen, right):
    assert result_for(quiz(true_false(answer=answer)), "truefalse", [chosen]).right is right


def test_scenario_is_right_with_any_good_choice():
    page = quiz(scenario())
    assert result_for(page, "scenario", ["c-good-1"]).right is True
    assert result_for(page, "scenario", ["c-good-2"]).right is True
    assert result_for(page, "scenario", ["c-bad"]).right is False


def test_opinion_scale_is_never_scored():
    page = quiz(opinion_scale())
    result = result_for(page, "opinion", ["5"])
    assert result.right is None and result.scored is False
    assert page.score({"opinion": ["5"]}).max_score == 0


def test_score_counts_right_answers_out_of_scored_questions():
    result = quiz().score({
        "single": ["s-right"], "multiple": ["m-a"], "truefalse": ["false"], "scenario": ["c-bad"], "opinion": ["1"],
    })
    assert (result.score, result.max_score, result.percent) == (2, 4, 50)


def test_a_missing_answer_is_not_right():
    result = quiz().score({})
    assert result.score == 0 and result.max_score == 4
    assert all(not q.answered for q in result.questions)


def test_unknown_option_ids_are_ignored():
    question = result_for(quiz(single_choice()), "single", ["s-right-but-tampered"])
    assert question.chosen == () and question.right is False


def test_unknown_question_ids_are_ignored():
    assert len(quiz().score({"not-a-question": ["x"]}).questions) == 5


def test_each_chosen_option_carries_its_feedback():
    question = result_for(quiz(single_choice()), "single", ["s-wrong"])
    assert question.chosen[0].feedback == "About Just post it."
    assert [option.text for option in question.correct_options] == ["Ask first"]
    assert question.explanation == "The point to remember."


def test_questions_are_numbered_in_quiz_order():
    assert [q.number for q in quiz().score({}).questions] == [1, 2, 3, 4, 5]


def test_answer_key_lists_the_correct_answers_and_explanations():
    key = quiz().answer_key()
    assert [[o.text for o in q.correct_options] for q in key] == [
        ["Ask first"], ["Report it", "Tell a trusted adult"], ["False"],
        ["Message Milan privately", "Tell a teacher"], [],
    ]
    assert all(q.explanation for q in key)
