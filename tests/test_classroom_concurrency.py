"""Pupils answering at the same instant are all counted (PostgreSQL; SQLite skips it)."""

import io
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from classroom.models import ClassroomSession, SessionAnswer
from quizzes.models import QuizPage

pytestmark = pytest.mark.django_db(transaction=True)
PUPILS = 30


@pytest.fixture
def session(settings):
    if connection.vendor != "postgresql":
        pytest.skip("The concurrency tests need PostgreSQL: run `make test-postgres` (CI does).")
    settings.UPSTANDER_CLASSROOM_JOIN_LIMIT = (10_000, 60)
    call_command("load_demo_content", "--without-translations", stdout=io.StringIO())
    quiz = QuizPage.objects.get(locale__language_code="en", title="Quiz: Yes, no and pressure")
    teacher = Client()
    teacher.post(reverse("classroom:start", args=[quiz.pk]), headers={"Origin": "http://testserver"})
    session = ClassroomSession.objects.get()
    pupils = []
    for _ in range(PUPILS):
        pupil = Client()
        pupil.post(reverse("classroom:join"), {"code": session.join_code})
        pupils.append(pupil)
    teacher.post(reverse("classroom:control", args=[session.pk]), {"action": "start"})
    session.refresh_from_db()
    session.teacher = teacher
    return session, pupils


def test_pupils_answering_at_the_same_instant_are_all_counted(session):
    session, pupils = session
    session.quiz = session.quiz.specific
    question_id, question = session.current_question()
    option = question.block.answer_options(question.value)[0].id

    def send(pupil):
        try:
            return pupil.post(reverse("classroom:answer", args=[session.pk]), {"question": question_id, "answer": option}).status_code
        finally:
            from django.db import connection as thread_connection

            thread_connection.close()

    with ThreadPoolExecutor(max_workers=PUPILS) as pool:
        statuses = list(pool.map(send, pupils))
    assert statuses == [302] * PUPILS
    assert SessionAnswer.objects.filter(session=session, question_id=question_id).count() == PUPILS
    state = Client().get(reverse("classroom:state", args=[session.pk]) + "?view=projector").json()
    assert state["answered"] == PUPILS


def test_two_end_presses_at_the_same_instant_end_the_session_once(session):
    from quizzes.models import QuizAttempt

    session, pupils = session
    session.quiz = session.quiz.specific
    question_id, question = session.current_question()
    option = question.block.answer_options(question.value)[0].id
    for pupil in pupils[:5]:
        pupil.post(reverse("classroom:answer", args=[session.pk]), {"question": question_id, "answer": option})
    devices = []
    for _ in range(2):
        device = Client()
        device.cookies.update(session.teacher.cookies)
        devices.append(device)

    def press_end(device):
        try:
            return device.post(reverse("classroom:control", args=[session.pk]), {"action": "end"}).status_code
        finally:
            from django.db import connection as thread_connection

            thread_connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        statuses = list(pool.map(press_end, devices))
    assert statuses == [302, 302]
    assert QuizAttempt.objects.filter(quiz=session.quiz).count() == 5
    assert ClassroomSession.objects.get(pk=session.pk).state == "ended"
