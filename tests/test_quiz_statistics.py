"""Editors see anonymous statistics per quiz, counted with aggregate queries."""

import csv
import io
import random
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lessons.models import LessonPage
from quizzes.models import QuizAnswer, QuizAttempt, QuizPage
from tests.factories.quizzes import QuizPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz():
    lesson = LessonPage.objects.get(locale__language_code="en", slug="the-five-ds-online")
    QuizPage.objects.child_of(lesson).delete()
    return QuizPageFactory(parent=LessonPage.objects.get(pk=lesson.pk))


def add_attempts(quiz, count, seed=1):
    """count attempts answered at random, scored by QuizPage.score like real ones."""
    rng = random.Random(seed)
    attempts, answers = [], []
    for _ in range(count):
        chosen = {}
        for question_id, child in quiz.question_blocks.items():
            option_ids = [option.id for option in child.block.answer_options(child.value)]
            chosen[question_id] = rng.sample(option_ids, 2) if child.block.multiple else [rng.choice(option_ids)]
        result = quiz.score(chosen)
        attempt = QuizAttempt(quiz=quiz, locale=quiz.locale, submission=uuid.uuid4(), answers=chosen,
                              score=result.score, max_score=result.max_score)
        attempts.append(attempt)
        answers += [QuizAnswer(attempt=attempt, question_id=q.question_id, option_id=o.id, question_right=q.right)
                    for q in result.questions for o in q.chosen]
    QuizAttempt.objects.bulk_create(attempts)
    QuizAnswer.objects.bulk_create(answers)
    return attempts


def test_statistics_count_attempts_average_and_right_answers(quiz):
    attempts = add_attempts(quiz, 300)
    stats = quiz.statistics()
    assert stats["attempts"] == 300
    expected_average = sum(100 * a.score / a.max_score for a in attempts) / 300
    assert stats["average_percent"] == round(expected_average)
    single = next(q for q in stats["questions"] if q["result"].question_id == "single")
    right = sum(1 for a in attempts if a.answers["single"] == ["s-right"])
    assert single["answered"] == 300
    assert single["percent_right"] == round(100 * right / 300)


def test_statistics_give_the_spread_of_an_opinion_scale(quiz):
    attempts = add_attempts(quiz, 200)
    opinion = next(q for q in quiz.statistics()["questions"] if q["result"].question_id == "opinion")
    assert opinion["percent_right"] is None
    counts = {option.id: count for option, count in opinion["options"]}
    assert counts == {key: sum(1 for a in attempts if a.answers["opinion"] == [key]) for key in "12345"}


def count_queries(function):
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def test_statistics_take_the_same_few_queries_for_thirty_or_three_hundred_attempts(quiz):
    add_attempts(quiz, 30)
    few = count_queries(quiz.statistics)
    add_attempts(quiz, 270, seed=2)
    assert count_queries(quiz.statistics) == few <= 4


def test_editor_sees_the_statistics_page(editor_client, quiz):
    add_attempts(quiz, 20)
    response = editor_client.get(reverse("quiz_results:detail", args=[quiz.pk]))
    assert response.status_code == 200
    assert "20 attempts" in response.content.decode()


def test_editor_downloads_the_statistics_as_csv(editor_client, quiz):
    add_attempts(quiz, 50)
    response = editor_client.get(reverse("quiz_results:csv", args=[quiz.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1] == ["Attempts", "50"]
    chosen_total = sum(int(row[7]) for row in rows[5:] if row[0] == "1")
    assert chosen_total == 50


def test_results_index_lists_every_quiz_with_its_attempts(editor_client, quiz):
    add_attempts(quiz, 7)
    html = editor_client.get(reverse("quiz_results:index")).content.decode()
    assert "The five Ds online" in html and ">7<" in html


def test_results_need_an_admin_login(client, quiz):
    assert client.get(reverse("quiz_results:detail", args=[quiz.pk])).status_code == 302


def test_editor_without_edit_rights_cannot_see_results(client, quiz):
    user = get_user_model().objects.create_user("visitor", "v@example.com", "pw")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("quiz_results:detail", args=[quiz.pk]))
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "permission denied"


def test_quiz_editor_shows_a_results_button(editor_client, quiz):
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk])).content.decode()
    assert reverse("quiz_results:detail", args=[quiz.pk]) in html
