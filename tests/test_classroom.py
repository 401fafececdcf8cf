"""Live classroom sessions: start, join by code, teacher-paced questions, anonymous results."""

import io
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from classroom.models import JOIN_CODE_ALPHABET, MAX_SEATS, ClassroomSession, Seat, SessionAnswer
from quizzes.models import QuizAttempt, QuizPage

pytestmark = pytest.mark.django_db

# "Run this quiz live" is sent from this site's pages, as a browser says in the Origin header.
THIS_SITE = {"Origin": "http://testserver"}


@pytest.fixture
def teacher(quiz):
    client = Client()
    response = client.post(reverse("classroom:start", args=[quiz.pk]), headers=THIS_SITE)
    client.session_obj = ClassroomSession.objects.latest("created_at")
    client.host_url = response["Location"]
    return client


def join(code):
    pupil = Client()
    response = pupil.post(reverse("classroom:join"), {"code": code})
    return pupil, response


def control(teacher, action):
    return teacher.post(reverse("classroom:control", args=[teacher.session_obj.pk]), {"action": action})


def current_question(session):
    session.refresh_from_db()
    return session.current_question()


def answer(pupil, session, option_index=0):
    question_id, question = current_question(session)
    option = question.block.answer_options(question.value)[option_index]
    return pupil.post(reverse("classroom:answer", args=[session.pk]), {"question": question_id, "answer": option.id})


def test_a_teacher_starts_a_session_without_an_account(teacher):
    session = teacher.session_obj
    assert teacher.host_url == reverse("classroom:host", args=[session.pk])
    html = teacher.get(teacher.host_url).content.decode()
    assert session.join_code in html and "<svg" in html  # the code and a QR code drawn here


def test_a_session_started_from_another_site_is_refused(client, quiz):
    response = client.post(reverse("classroom:start", args=[quiz.pk]), headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert not ClassroomSession.objects.exists()


def test_join_codes_avoid_look_alike_characters(teacher):
    assert set(teacher.session_obj.join_code) <= set(JOIN_CODE_ALPHABET)
    assert not set("0O1IL2Z5S6G8B") & set(JOIN_CODE_ALPHABET)


def test_the_lesson_and_quiz_pages_offer_a_live_session(client, quiz):
    start = reverse("classroom:start", args=[quiz.pk])
    assert start in client.get(quiz.url).content.decode()
    assert start in client.get(quiz.get_parent().url).content.decode()


def test_a_pupil_joins_by_code_and_keeps_the_seat_on_reload(teacher):
    pupil, response = join(teacher.session_obj.join_code.lower())
    assert response["Location"] == reverse("classroom:pupil", args=[teacher.session_obj.pk])
    assert "You’re in!" in pupil.get(response["Location"]).content.decode()
    pupil.post(reverse("classroom:join"), {"code": teacher.session_obj.join_code})
    assert Seat.objects.count() == 1  # a reload or second join keeps the same seat


def test_a_wrong_code_gets_a_clear_message(client):
    response = client.post(reverse("classroom:join"), {"code": "XXXXXX"})
    assert response.status_code == 400
    assert "couldn’t find a running session with that code" in response.content.decode()


def test_an_ended_session_gets_the_same_answer_as_an_unknown_code(teacher):
    unknown = Client().post(reverse("classroom:join"), {"code": "XXXXXX"})
    ClassroomSession.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    _, ended = join(teacher.session_obj.join_code)
    assert ended.status_code == unknown.status_code == 400
    error = 'class="field__error"'
    assert ended.content.decode().split(error)[1].split("</p>")[0] == unknown.content.decode().split(error)[1].split("</p>")[0]


def test_wrong_codes_are_limited_per_address(client, settings):
    settings.UPSTANDER_CLASSROOM_WRONG_CODE_LIMIT = (3, 600)
    statuses = [client.post(reverse("classroom:join"), {"code": "AAAAAA"}).status_code for _ in range(5)]
    assert statuses == [400, 400, 400, 429, 429]


def test_a_whole_school_behind_one_address_joins_its_sessions(settings):
    """30 classes of 30 pupils, all behind the school's one address, all join (the default limits)."""
    quiz = QuizPage.objects.get(locale__language_code="en", title="Quiz: Yes, no and pressure")
    starts = [Client().post(reverse("classroom:start", args=[quiz.pk]), headers=THIS_SITE) for _ in range(30)]
    assert all(response.status_code == 302 for response in starts)
    sessions = list(ClassroomSession.objects.all())
    assert len(sessions) == 30
    for session in sessions:
        for _ in range(30):
            assert join(session.join_code)[1].status_code == 302
    assert Seat.objects.count() == 900


def test_joins_into_one_session_from_one_address_are_limited(teacher, settings):
    settings.UPSTANDER_CLASSROOM_JOINS_PER_SESSION = (2, 600)
    statuses = [join(teacher.session_obj.join_code)[1].status_code for _ in range(3)]
    assert statuses == [302, 302, 429]


def test_a_session_holds_at_most_200_seats(teacher):
    Seat.objects.bulk_create(Seat(session=teacher.session_obj) for _ in range(MAX_SEATS))
    _, response = join(teacher.session_obj.join_code)
    assert "This session is full" in response.content.decode()


def test_every_control_needs_the_host_secret(teacher):
    session = teacher.session_obj
    stranger = Client()
    for action in ("start", "reveal", "next", "end"):
        assert stranger.post(reverse("classroom:control", args=[session.pk]), {"action": action}).status_code == 403
    assert stranger.get(reverse("classroom:host", args=[session.pk])).status_code == 403
    pupil, _ = join(session.join_code)
    assert pupil.post(reverse("classroom:control", args=[session.pk]), {"action": "start"}).status_code == 403
    session.refresh_from_db()
    assert session.state == "lobby"


def test_the_private_host_link_opens_the_controls_on_another_device(teacher):
    session = teacher.session_obj
    html = teacher.get(reverse("classroom:teacher", args=[session.pk])).content.decode()
    link = html.split("<code>")[1].split("</code>")[0]
    other_device = Client()
    response = other_device.get(link)
    assert other_device.get(response["Location"]).status_code == 200
    assert Client().get(reverse("classroom:host_link", args=[session.pk, "forged"])).status_code == 403


def test_the_private_host_link_works_once(teacher):
    session = teacher.session_obj
    html = teacher.get(reverse("classroom:teacher", args=[session.pk])).content.decode()
    link = html.split("<code>")[1].split("</code>")[0]
    assert Client().get(link).status_code == 302
    second = Client().get(link)
    assert second.status_code == 403 and "used already" in second.content.decode()


def test_the_private_host_link_expires(teacher):
    from unittest import mock

    from classroom.models import HOST_LINK_LIFETIME

    session = teacher.session_obj
    token = session.host_link_token()
    later = time.time() + HOST_LINK_LIFETIME.total_seconds() + 1
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = Client().get(reverse("classroom:host_link", args=[session.pk, token]))
    assert response.status_code == 403 and "expired" in response.content.decode()


def test_the_whole_journey_with_three_pupils(teacher):
    session = teacher.session_obj
    pupils = [join(session.join_code)[0] for _ in range(3)]
    assert "<span data-live-seats>3</span> joined" in teacher.get(teacher.host_url).content.decode()

    control(teacher, "start")
    for index, pupil in enumerate(pupils):
        assert answer(pupil, session, option_index=index % 2).status_code == 302
    assert "3</span> of <span data-live-seats>3</span> have answered" in teacher.get(teacher.host_url).content.decode()

    control(teacher, "reveal")
    host_html = teacher.get(teacher.host_url).content.decode()
    assert "Remember:" in host_html and "(2 answers)" in host_html
    pupil_html = pupils[0].get(reverse("classroom:pupil", args=[session.pk])).content.decode()
    assert "Your answer:" in pupil_html and "Remember:" in pupil_html

    total = len(session.quiz.specific.question_blocks)
    for _ in range(total - 1):
        control(teacher, "next")
        for pupil in pupils:
            answer(pupil, session)
        control(teacher, "reveal")
    control(teacher, "next")
    session.refresh_from_db()
    assert session.state == "summary"
    assert "Summary" in teacher.get(teacher.host_url).content.decode()

    control(teacher, "end")
    attempts = QuizAttempt.objects.filter(quiz=session.quiz)
    assert attempts.count() == 3
    assert all(len(attempt.answers) == total for attempt in attempts)


def test_an_answer_after_the_question_closes_is_refused(teacher):
    session = teacher.session_obj
    pupil, _ = join(session.join_code)
    control(teacher, "start")
    question_id, question = current_question(session)
    control(teacher, "reveal")
    response = pupil.post(
        reverse("classroom:answer", args=[session.pk]),
        {"question": question_id, "answer": question.block.answer_options(question.value)[0].id},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 409
    assert "closed" in response.json()["error"]
    assert SessionAnswer.objects.count() == 0


def test_a_second_answer_to_the_same_question_is_refused(teacher):
    session = teacher.session_obj
    pupil, _ = join(session.join_code)
    control(teacher, "start")
    answer(pupil, session, 0)
    response = answer(pupil, session, 1)
    assert "refused=409" in response["Location"]
    assert SessionAnswer.objects.count() == 1


def test_a_forged_option_is_refused(teacher):
    session = teacher.session_obj
    pupil, _ = join(session.join_code)
    control(teacher, "start")
    question_id, _ = current_question(session)
    response = pupil.post(reverse("classroom:answer", args=[session.pk]), {"question": question_id, "answer": "forged"})
    assert "refused=400" in response["Location"]
    assert SessionAnswer.objects.count() == 0


def test_answering_needs_a_seat(teacher):
    control(teacher, "start")
    session = teacher.session_obj
    question_id, _ = current_question(session)
    response = Client().post(reverse("classroom:answer", args=[session.pk]), {"question": question_id, "answer": "x"})
    assert response.status_code == 403


def test_polling_answers_304_when_nothing_changed(teacher):
    url = reverse("classroom:state", args=[teacher.session_obj.pk]) + "?view=projector"
    first = teacher.get(url)
    assert first.json()["state"] == "lobby"
    assert teacher.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    join(teacher.session_obj.join_code)
    changed = teacher.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed.json()["seats"] == 1


def test_ending_keeps_only_anonymous_quiz_results_and_purge_removes_the_session(teacher):
    session = teacher.session_obj
    pupil, _ = join(session.join_code)
    control(teacher, "start")
    answer(pupil, session)
    control(teacher, "end")
    assert QuizAttempt.objects.filter(quiz=session.quiz).count() == 1
    call_command("purge_classroom_sessions", stdout=io.StringIO())
    assert not ClassroomSession.objects.exists() and not Seat.objects.exists() and not SessionAnswer.objects.exists()
    assert QuizAttempt.objects.filter(quiz=session.quiz).count() == 1


def test_purge_keeps_the_results_of_an_expired_session_that_was_never_ended(teacher):
    session = teacher.session_obj
    pupil, _ = join(session.join_code)
    control(teacher, "start")
    answer(pupil, session)
    ClassroomSession.objects.update(expires_at=timezone.now() - timedelta(hours=1))
    call_command("purge_classroom_sessions", stdout=io.StringIO())
    assert not ClassroomSession.objects.exists()
    assert QuizAttempt.objects.filter(quiz=session.quiz).count() == 1


def test_purge_leaves_running_sessions_alone(teacher):
    call_command("purge_classroom_sessions", stdout=io.StringIO())
    assert ClassroomSession.objects.count() == 1


def test_a_phase_computed_before_a_change_is_never_served_after_it(teacher):
    """A slow poll that read the session before the teacher moved on must not store its old phase over the new one."""
    from django.core.cache import cache

    from classroom import state as live_state

    session = teacher.session_obj
    version_before = live_state._version(session.pk)
    stale = live_state.phase(session.pk)  # computed now: the lobby
    control(teacher, "start")  # the change
    cache.set(live_state._key("phase", session.pk, version_before), stale, 60)  # the slow poll's late write
    url = reverse("classroom:state", args=[session.pk]) + "?view=projector"
    assert Client().get(url).json()["state"] == "question"


def test_polls_read_no_database_while_pupils_join_and_answer(teacher, django_assert_num_queries):
    session = teacher.session_obj
    pupils = [join(session.join_code)[0] for _ in range(3)]
    control(teacher, "start")
    url = reverse("classroom:state", args=[session.pk])
    teacher.get(url + "?view=projector")  # the phase, read once after the change
    answer(pupils[0], session)
    with django_assert_num_queries(0):
        projector = teacher.get(url + "?view=projector").json()
        pupils[1].get(url + "?view=pupil")
    assert projector["seats"] == 3 and projector["answered"] == 1


def test_an_answer_from_a_classmate_leaves_a_pupils_poll_unchanged(teacher):
    session = teacher.session_obj
    first, second = join(session.join_code)[0], join(session.join_code)[0]
    control(teacher, "start")
    url = reverse("classroom:state", args=[session.pk]) + "?view=pupil"
    etag = first.get(url)["ETag"]
    answer(second, session)
    assert first.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_seat_cookie_for_another_session_is_refused(teacher, quiz):
    session = teacher.session_obj
    other, _secret = ClassroomSession.start(quiz)
    other_seat = Seat.objects.create(session=other)
    pupil = Client()
    pupil.cookies[session.seat_cookie_name] = other.seat_token(other_seat)  # a valid seat, of another session
    control(teacher, "start")
    question_id, question = current_question(session)
    option = question.block.answer_options(question.value)[0].id
    response = pupil.post(reverse("classroom:answer", args=[session.pk]), {"question": question_id, "answer": option})
    assert response.status_code == 403 and SessionAnswer.objects.count() == 0
