"""The anonymous message box of a live session: the projector and pupils only
ever see what the teacher approved, and never what the word filter held."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from classroom.models import BoxMessage, ClassroomSession
from quizzes.models import QuizPage

pytestmark = pytest.mark.django_db

HELD_EXAMPLES = [
    "Everyone knows Emma in 2B sent nudes to Tom",
    "Jules is such a lo\u200bs\u200ber",
    "Jules is a l.o.s.e.r",
    "Jules is a l\u043es\u0435r",
]


@pytest.fixture
def session_with_pupil(db):
    quiz = QuizPage.objects.get(locale__language_code="en", title="Quiz: Yes, no and pressure")
    teacher = Client()
    teacher.post(reverse("classroom:start", args=[quiz.pk]), headers={"Origin": "http://testserver"})
    session = ClassroomSession.objects.latest("created_at")
    pupil = Client()
    pupil.post(reverse("classroom:join"), {"code": session.join_code})
    return session, teacher, pupil


def send(pupil, session, text):
    return pupil.post(reverse("classroom:send_message", args=[session.pk]), {"text": text})


def projector_html(teacher, session):
    return teacher.get(reverse("classroom:host", args=[session.pk])).content.decode()


def pupil_html(pupil, session):
    return pupil.get(reverse("classroom:pupil", args=[session.pk])).content.decode()


def teacher_html(teacher, session):
    return teacher.get(reverse("classroom:teacher", args=[session.pk])).content.decode()


def moderate(client, session, message, decision):
    return client.post(reverse("classroom:moderate", args=[session.pk, message.pk]), {"decision": decision})


@pytest.mark.parametrize("text", HELD_EXAMPLES)
def test_each_example_message_is_held(session_with_pupil, text):
    session, _teacher, pupil = session_with_pupil
    send(pupil, session, text)
    assert BoxMessage.objects.get().held


@pytest.mark.parametrize("text", HELD_EXAMPLES)
def test_a_held_message_never_reaches_the_projector_or_a_pupil(session_with_pupil, text):
    session, teacher, pupil = session_with_pupil
    send(pupil, session, text)
    classmate = Client()
    classmate.post(reverse("classroom:join"), {"code": session.join_code})
    assert text not in projector_html(teacher, session)
    assert text not in pupil_html(pupil, session)
    assert text not in pupil_html(classmate, session)


def test_a_held_message_cannot_be_approved(session_with_pupil):
    session, teacher, pupil = session_with_pupil
    send(pupil, session, HELD_EXAMPLES[0])
    message = BoxMessage.objects.get()
    assert moderate(teacher, session, message, "approve").status_code == 409
    assert BoxMessage.objects.get().status == BoxMessage.Status.PENDING
    assert HELD_EXAMPLES[0] not in projector_html(teacher, session)


def test_the_teacher_can_read_a_held_message_in_the_teacher_panel(session_with_pupil):
    session, teacher, pupil = session_with_pupil
    send(pupil, session, HELD_EXAMPLES[0])
    html = teacher_html(teacher, session)
    assert "1 message held back by the word filter" in html
    assert "Everyone knows Emma in 2B sent nudes to Tom" in html
    assert "names someone together with a sexual word" in html


def test_a_waiting_message_is_in_the_teacher_panel_but_not_on_the_projector(session_with_pupil):
    session, teacher, pupil = session_with_pupil
    send(pupil, session, "Can you get a photo removed if it was taken years ago?")
    assert "taken years ago" in teacher_html(teacher, session)
    assert "taken years ago" not in projector_html(teacher, session)
    assert "taken years ago" not in pupil_html(pupil, session)


def test_approving_a_message_shows_it_on_the_projector_and_to_pupils(session_with_pupil):
    session, teacher, pupil = session_with_pupil
    send(pupil, session, "Can you get a photo removed if it was taken years ago?")
    moderate(teacher, session, BoxMessage.objects.get(), "approve")
    assert "taken years ago" in projector_html(teacher, session)
    assert "taken years ago" in pupil_html(pupil, session)


def test_a_waiting_message_does_not_change_the_projectors_etag(session_with_pupil):
    session, teacher, pupil = session_with_pupil
    url = reverse("classroom:state", args=[session.pk]) + "?view=projector"
    before = teacher.get(url)["ETag"]
    send(pupil, session, "Can you get a photo removed if it was taken years ago?")
    send(pupil, session, HELD_EXAMPLES[0])
    assert teacher.get(url, HTTP_IF_NONE_MATCH=before).status_code == 304


def test_a_waiting_message_changes_the_teacher_panels_etag(session_with_pupil):
    session, teacher, pupil = session_with_pupil
    url = reverse("classroom:state", args=[session.pk]) + "?view=teacher"
    before = teacher.get(url)["ETag"]
    send(pupil, session, "A question for you")
    response = teacher.get(url, HTTP_IF_NONE_MATCH=before)
    assert response.status_code == 200 and response.json()["waiting"] == 1


def test_approving_changes_the_projectors_etag(session_with_pupil):
    session, teacher, pupil = session_with_pupil
    url = reverse("classroom:state", args=[session.pk]) + "?view=projector"
    send(pupil, session, "A question for you")
    before = teacher.get(url)["ETag"]
    moderate(teacher, session, BoxMessage.objects.get(), "approve")
    assert teacher.get(url, HTTP_IF_NONE_MATCH=before).status_code == 200


def test_the_projector_never_shows_the_private_host_link(session_with_pupil):
    session, teacher, _pupil = session_with_pupil
    private_link = re.compile(rf"/class/{session.pk}/host/[^/\"<\s]+/")
    assert private_link.search(teacher_html(teacher, session))
    assert not private_link.search(projector_html(teacher, session))


def test_the_projector_has_no_site_navigation_but_keeps_help_and_quick_exit(session_with_pupil):
    session, teacher, _pupil = session_with_pupil
    html = projector_html(teacher, session)
    assert 'class="site-nav"' not in html and 'role="search"' not in html
    assert "help-button" in html and "data-quick-exit" in html


def test_only_the_host_can_moderate(session_with_pupil):
    session, _teacher, pupil = session_with_pupil
    send(pupil, session, "A question")
    message = BoxMessage.objects.get()
    assert moderate(pupil, session, message, "approve").status_code == 403
    assert pupil.get(reverse("classroom:teacher", args=[session.pk])).status_code == 403
    assert BoxMessage.objects.get().status == BoxMessage.Status.PENDING


def test_messages_are_limited_in_length_and_number(session_with_pupil, settings):
    settings.UPSTANDER_CLASSROOM_MESSAGES_PER_SEAT = 2
    session, _teacher, pupil = session_with_pupil
    assert "sent=invalid" in send(pupil, session, "x" * 281)["Location"]
    send(pupil, session, "one")
    send(pupil, session, "two")
    assert "sent=limit" in send(pupil, session, "three")["Location"]
    assert BoxMessage.objects.count() == 2


def test_messages_are_deleted_with_the_session(session_with_pupil):
    import io

    from django.core.management import call_command

    session, teacher, pupil = session_with_pupil
    send(pupil, session, "A question")
    teacher.post(reverse("classroom:control", args=[session.pk]), {"action": "end"})
    call_command("purge_classroom_sessions", stdout=io.StringIO())
    assert not BoxMessage.objects.exists()


def test_the_short_join_address_sends_a_pupil_to_the_join_page_in_their_language(client):
    response = client.get("/join/", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 302 and response["Location"] == "/nl/class/join/"


def test_the_short_join_address_keeps_the_code(client):
    response = client.get("/join/abc123/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Location"] == "/fr/class/join/ABC123/"
