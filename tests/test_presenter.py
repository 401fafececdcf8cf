"""Presenter mode: a lesson one step at a time on the projector."""

import pytest

from lessons.models import LessonPage

pytestmark = pytest.mark.django_db


def present(client, lesson, step=None):
    return client.get(lesson.url + "present/", {"step": step} if step is not None else {})


def test_the_first_slide_is_the_title_and_content_note(client, lesson):
    html = present(client, lesson).content.decode()
    assert f"<h1>{lesson.title}</h1>" in html and "Before you start" in html


def test_each_step_shows_one_block_of_the_lesson(client, lesson):
    third = list(lesson.body)[2]
    html = present(client, lesson, 3).content.decode()
    assert f"Step 3 of {len(lesson.body)}" in html
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert str(third.render()).strip()[:60] in html


def test_navigation_petition_and_footer_are_hidden_but_help_stays(client, lesson):
    html = present(client, lesson, 1).content.decode()
    assert 'class="site-nav"' not in html and 'id="petition"' not in html and "site-footer" not in html
    assert "116 000" in html and "data-quick-exit" in html


def test_out_of_range_or_nonsense_steps_are_clamped(client, lesson):
    assert present(client, lesson, 999).status_code == 200
    assert present(client, lesson, "abc").status_code == 200


def test_the_lesson_page_links_to_presenter_mode(client, lesson):
    assert f'href="{lesson.url}present/"' in client.get(lesson.url).content.decode()


@pytest.fixture
def lesson_with_quiz_step(lesson):
    lesson.body.append(("quiz_questions", {"first": 1, "last": 2}))
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


def test_the_lesson_points_to_its_quiz_questions_where_it_places_them(client, lesson_with_quiz_step):
    assert "Time to check: questions 1 to 2 of the quiz." in client.get(lesson_with_quiz_step.url).content.decode()


def test_presenter_mode_shows_those_questions_at_that_step(client, lesson_with_quiz_step):
    quiz = lesson_with_quiz_step.quiz()
    first, second, third = list(quiz.question_blocks.values())[:3]
    html = present(client, lesson_with_quiz_step, len(lesson_with_quiz_step.body)).content.decode()
    assert first.value["question"].replace("'", "&#x27;") in html and second.value["question"].replace("'", "&#x27;") in html
    assert third.value["question"].replace("'", "&#x27;") not in html
    assert "Ask these in the live session" not in html


def test_the_teacher_running_a_live_session_can_ask_them_there(client, lesson_with_quiz_step):
    from django.urls import reverse

    client.post(reverse("classroom:start", args=[lesson_with_quiz_step.quiz().pk]), headers={"Origin": "http://testserver"})
    html = present(client, lesson_with_quiz_step, len(lesson_with_quiz_step.body)).content.decode()
    assert "Ask these in the live session" in html
