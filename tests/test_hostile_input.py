"""Hostile and random input at every public form and endpoint: always an answer
below 500, and nothing stored for input that cannot be valid (Hypothesis)."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from classroom.models import BoxMessage, ClassroomSession, Seat, SessionAnswer
from petitions.models import Signature, Support
from quizzes.models import QuizAttempt

pytestmark = pytest.mark.django_db

EXAMPLES = hypothesis_settings(
    max_examples=25, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NASTY = st.sampled_from([
    "", " ", "NaN", "null", "-1", "0", "9" * 40, "../../etc/passwd", "//evil.example", "https://evil.example/",
    "javascript:alert(1)", "<script>alert(1)</script>", '"', "'", "\\", "%00", "\x00", "\x0b", "\u200b",
    "' OR 1=1 --", "{{ 7*7 }}", "%(x)s", "é" * 300, "\ud7ff", "a\nb", "?next=/", "#", "x" * 5000,
])
TEXT = st.one_of(NASTY, st.text(max_size=300))
FIELDS = st.dictionaries(st.sampled_from(["q", "page", "next", "code", "answer", "question", "text", "action",
                                          "decision", "view", "age", "module", "tag", "submission", "email",
                                          "first_name", "postcode_or_country", "started", "website"]),
                         TEXT, max_size=6)


def below_500(response):
    assert response.status_code < 500, (response.status_code, response.content[:300])
    return response


def stored():
    return (Signature.objects.count(), Support.objects.count(), QuizAttempt.objects.count(),
            SessionAnswer.objects.count(), ClassroomSession.objects.count())


# The one-click buttons (support, classroom view, run live) check where a POST comes from:
# sent from this site's pages, as a browser says in the Origin header.
THIS_SITE = {"Origin": "http://testserver"}


@pytest.fixture(autouse=True)
def generous_limits(settings):
    """Limits so high they never answer for the input: each example is judged on its own."""
    for name in ("UPSTANDER_PETITION_SIGN_LIMIT", "UPSTANDER_PETITION_SUPPORT_LIMIT", "UPSTANDER_QUIZ_SUBMIT_LIMIT",
                 "UPSTANDER_CLASSROOM_START_LIMIT", "UPSTANDER_CLASSROOM_JOIN_LIMIT",
                 "UPSTANDER_CLASSROOM_JOINS_PER_SESSION", "UPSTANDER_CLASSROOM_WRONG_CODE_LIMIT"):
        setattr(settings, name, (10**9, 60))


@pytest.fixture
def live(quiz):
    """A running session: the teacher, a pupil with a seat, the first question open."""
    teacher, pupil = Client(), Client()
    teacher.post(reverse("classroom:start", args=[quiz.pk]), headers=THIS_SITE)
    session = ClassroomSession.objects.latest("created_at")
    pupil.post(reverse("classroom:join"), {"code": session.join_code})
    teacher.post(reverse("classroom:control", args=[session.pk]), {"action": "start"})
    return session, teacher, pupil


@given(data=FIELDS)
@EXAMPLES
def test_quiz_submission_and_check(client, quiz, data):
    before = stored()
    below_500(client.post(quiz.url, data))
    below_500(client.post(quiz.url + "easy-read/", data))
    below_500(client.post(quiz.url + "check/", data))
    below_500(client.post(quiz.url + "check/?read=easy", data))
    assert stored() == before  # random answers never make a valid attempt (no valid submission token)


@given(texts=st.lists(TEXT, max_size=8), language=TEXT)
@EXAMPLES
def test_the_readability_check_answers_any_text(editor_client, texts, language):
    below_500(editor_client.post(reverse("lessons_readability"), {"text": texts, "language": language}))


@given(data=FIELDS, token=TEXT)
@EXAMPLES
def test_petition_sign_confirm_withdraw(client, petition, data, token):
    before = stored()
    below_500(client.post(petition.url, data))
    for kind in ("confirm", "withdraw"):
        url = f"{petition.url}{kind}/{token.replace('/', '')}/"
        below_500(client.get(url))
        below_500(client.post(url))
    assert stored() == before


@given(data=FIELDS)
@EXAMPLES
def test_petition_support_with_any_next(client, petition, data):
    response = below_500(client.post(reverse("petitions:support", args=[petition.pk]), data, headers=THIS_SITE))
    assert response.status_code == 302
    assert not response["Location"].startswith(("http", "//", "javascript"))


@given(data=FIELDS, path=TEXT)
@EXAMPLES
def test_classroom_join(client, data, path):
    before = stored(), Seat.objects.count()
    below_500(client.post(reverse("classroom:join"), data))
    below_500(client.get("/en/class/join/" + (path.replace("/", "") or "x") + "/"))
    below_500(client.get("/join/" + (path.replace("/", "") or "x") + "/"))
    assert (stored(), Seat.objects.count()) == before  # a random code joins no session


@given(data=FIELDS)
@EXAMPLES
def test_classroom_answer_message_state_control_moderate(live, data):
    session, teacher, pupil = live
    answers = SessionAnswer.objects.count()
    below_500(pupil.post(reverse("classroom:answer", args=[session.pk]), data))
    assert SessionAnswer.objects.count() == answers  # random options are never a valid answer
    below_500(pupil.post(reverse("classroom:send_message", args=[session.pk]), data))
    below_500(pupil.get(reverse("classroom:state", args=[session.pk]), data))
    below_500(pupil.post(reverse("classroom:control", args=[session.pk]), data))  # not the host: 403
    message = BoxMessage.objects.filter(session=session).first()
    if message:
        below_500(teacher.post(reverse("classroom:moderate", args=[session.pk, message.pk]), data))
    if data.get("action") not in ("end", "start", "reveal", "next"):
        below_500(teacher.post(reverse("classroom:control", args=[session.pk]), data))


@given(data=FIELDS)
@EXAMPLES
def test_search_finder_and_language(client, data):
    below_500(client.get("/en/search/", data))
    below_500(client.get("/en/lessons/", data))
    below_500(client.get("/language/en/", data))
    below_500(client.post("/en/campaign-box/", data, headers=THIS_SITE))


@given(code=TEXT, quiz_id=st.integers(min_value=10**7, max_value=10**18))
@EXAMPLES
def test_language_codes_and_start_ids(client, code, quiz_id):
    below_500(client.get("/language/" + (code.replace("/", "") or "x") + "/"))
    before = ClassroomSession.objects.count()
    below_500(client.post(f"/en/class/start/{quiz_id}/", headers=THIS_SITE))
    assert ClassroomSession.objects.count() == before  # no quiz has such an id


@given(origin=TEXT, referer=TEXT)
@EXAMPLES
def test_one_click_buttons_with_any_origin_or_referer(client, petition, quiz, origin, referer):
    before = stored()
    for headers in ({"Origin": origin}, {"Referer": referer}):
        below_500(client.post(reverse("petitions:support", args=[petition.pk]), headers=headers))
        below_500(client.post("/en/campaign-box/", {"classroom": "1"}, headers=headers))
        below_500(client.post(reverse("classroom:start", args=[quiz.pk]), headers=headers))
    assert stored() == before  # none of them is this site


# --- the cases the hostile sweep found, one by one -------------------------------------

@pytest.mark.parametrize("url", ["/language/en/?next=NaN", "/language/fr/?next=https://evil.example/"])
def test_a_bad_next_on_the_language_link_falls_back_to_the_home_page(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == "/" + url.split("/")[2] + "/"


def test_a_bad_next_on_the_classroom_device_switch_falls_back(client):
    response = client.post("/en/campaign-box/", {"classroom": "1", "next": "NaN"}, headers=THIS_SITE)
    assert response.status_code == 302 and response["Location"] == "/"


def test_a_bad_next_on_support_returns_to_the_petition(client, petition):
    response = client.post(reverse("petitions:support", args=[petition.pk]), {"next": "NaN"}, headers=THIS_SITE)
    assert response.status_code == 302 and response["Location"] == petition.url + "?supported=1#petition"


def test_a_host_we_do_not_serve_gets_a_400_page_not_a_500(settings):
    settings.ALLOWED_HOSTS = ["upstander.example"]
    response = Client(raise_request_exception=False, HTTP_HOST="evil.example").get("/en/")
    assert response.status_code == 400
    assert "116 000" in response.content.decode()  # the error page still shows help


@pytest.mark.parametrize("query", ['"', "%00", "consent\"", "a\x00b"])
def test_search_syntax_gets_an_answer_not_an_outage(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200


def test_quiz_submissions_are_limited_per_address(client, quiz, settings):
    settings.UPSTANDER_QUIZ_SUBMIT_LIMIT = (2, 600)
    import uuid

    from quizzes.forms import QUESTION_PREFIX

    statuses = []
    for _ in range(3):
        data = {"quiz": quiz.pk, "submission": str(uuid.uuid4())}
        for question_id, question in quiz.question_blocks.items():
            data[QUESTION_PREFIX + question_id] = question.block.answer_options(question.value)[0].id
        statuses.append(client.post(quiz.url, data).status_code)
    assert statuses == [302, 302, 429]
    assert QuizAttempt.objects.count() == 2


SURVEY_FIELDS = st.dictionaries(st.one_of(st.sampled_from(["phase", "item-ask-before-posting-a-photo",
                                                           "item-reply-that-respects-a-no", "item-x"]),
                                          st.text(max_size=20)),
                                st.one_of(NASTY, st.sampled_from(["before", "after", "later", "1", "5", "6", "0"])),
                                max_size=5)


@given(data=SURVEY_FIELDS)
@EXAMPLES
def test_classroom_evaluation_answers(quiz, data):
    from classroom.models import SurveyAnswer

    teacher, pupil = Client(), Client()
    teacher.post(reverse("classroom:start", args=[quiz.pk]), {"with_evaluation": "1"}, headers=THIS_SITE)
    session = ClassroomSession.objects.latest("created_at")
    pupil.post(reverse("classroom:join"), {"code": session.join_code})
    below_500(pupil.post(reverse("classroom:survey", args=[session.pk]), data))
    stored_values = set(SurveyAnswer.objects.filter(session=session).values_list("value", flat=True))
    if data.get("phase") != "before":
        assert not stored_values  # the only open phase is "before"
    assert stored_values <= {None, 0, 1, 2, 3, 4, 5}


@given(token=TEXT)
@EXAMPLES
def test_classroom_follow_up_links(client, token):
    before = stored()
    below_500(client.get("/en/class/follow-up/" + (token.replace("/", "") or "x") + "/"))
    below_500(client.post("/en/class/follow-up/" + (token.replace("/", "") or "x") + "/"))
    assert stored() == before  # a link that is not signed starts nothing
