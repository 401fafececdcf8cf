"""The module's evaluation in a live session: pupils answer before and after, the projector
shows the class's change for groups of five or more, and only sums per item are kept."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from classroom.models import ClassroomSession, SurveyAnswer
from evaluations.models import EvaluationRun, ItemResult

pytestmark = pytest.mark.django_db

THIS_SITE = {"Origin": "http://testserver"}


def start(quiz, with_evaluation=True):
    teacher = Client()
    data = {"with_evaluation": "1"} if with_evaluation else {}
    teacher.post(reverse("classroom:start", args=[quiz.pk]), data, headers=THIS_SITE)
    teacher.session_obj = ClassroomSession.objects.latest("created_at")
    return teacher


def join(session):
    pupil = Client()
    pupil.post(reverse("classroom:join"), {"code": session.join_code})
    return pupil


def control(teacher, action):
    return teacher.post(reverse("classroom:control", args=[teacher.session_obj.pk]), {"action": action})


def answer_survey(pupil, session, phase, choose):
    """choose(item) -> the raw value to send for that item, or None to leave it out."""
    session.refresh_from_db()
    fields = {"phase": phase}
    for item in session.evaluation_items():
        value = choose(item)
        if value is not None:
            fields[f"item-{item.key}"] = value
    return pupil.post(reverse("classroom:survey", args=[session.pk]), fields)


def run_the_quiz(teacher):
    control(teacher, "start")
    for _ in teacher.session_obj.question_ids():
        control(teacher, "reveal")
        control(teacher, "next")


def disagree_then_agree(phase):
    return lambda item: ("2" if phase == "before" else "5") if item.is_agreement else (
        str(next(i for i, option in enumerate(item.options) if option["correct"] == (phase == "after"))))


@pytest.fixture
def class_of(quiz):
    def make(size):
        teacher = start(quiz)
        session = teacher.session_obj
        pupils = [join(session) for _ in range(size)]
        for pupil in pupils:
            answer_survey(pupil, session, "before", disagree_then_agree("before"))
        run_the_quiz(teacher)
        control(teacher, "after")
        for pupil in pupils:
            answer_survey(pupil, session, "after", disagree_then_agree("after"))
        control(teacher, "change")
        return teacher, session, pupils
    return make


def test_a_pupil_who_joins_a_session_with_the_evaluation_answers_it_first(quiz):
    teacher = start(quiz)
    pupil = join(teacher.session_obj)
    html = pupil.get(reverse("classroom:pupil", args=[teacher.session_obj.pk])).content.decode()
    assert 'name="phase" value="before"' in html
    assert "I’d rather not say" in html and "http-equiv=\"refresh\"" not in html


def test_after_sending_the_evaluation_the_pupil_waits_for_the_first_question(quiz):
    teacher = start(quiz)
    pupil = join(teacher.session_obj)
    response = answer_survey(pupil, teacher.session_obj, "before", lambda item: None)  # everything left out
    assert response.status_code == 302
    html = pupil.get(response["Location"]).content.decode()
    assert 'name="phase"' not in html and "You’re in!" in html


def test_without_the_evaluation_a_pupil_goes_straight_to_the_waiting_page(quiz):
    teacher = start(quiz, with_evaluation=False)
    pupil = join(teacher.session_obj)
    assert 'name="phase"' not in pupil.get(reverse("classroom:pupil", args=[teacher.session_obj.pk])).content.decode()


def test_sending_the_evaluation_twice_keeps_the_first_answers(quiz):
    teacher = start(quiz)
    session = teacher.session_obj
    pupil = join(session)
    answer_survey(pupil, session, "before", lambda item: "3" if item.is_agreement else "0")
    answer_survey(pupil, session, "before", lambda item: "5" if item.is_agreement else "1")
    agreement = SurveyAnswer.objects.filter(session=session, phase="before").exclude(value__in=[0, 1])
    assert SurveyAnswer.objects.filter(session=session).count() == len(session.evaluation_items())
    assert set(agreement.values_list("value", flat=True)) == {3}


def test_the_after_questions_cannot_be_sent_before_the_teacher_asks_for_them(quiz):
    teacher = start(quiz)
    pupil = join(teacher.session_obj)
    response = answer_survey(pupil, teacher.session_obj, "after", lambda item: None)
    assert response.status_code == 409
    assert not SurveyAnswer.objects.exists()


def test_the_projector_shows_the_class_change_for_five_pupils(class_of):
    teacher, session, _pupils = class_of(5)
    html = teacher.get(reverse("classroom:host", args=[session.pk])).content.decode()
    assert "<svg class=\"class-change__chart\" role=\"img\"" in html
    rows = re.findall(r"<td>(\d+)%</td><td>(\d+)%</td>", html)
    assert rows == [("0", "100")] * len(session.evaluation_items())
    assert "More of you agree now." in html and "More of you know the answer now." in html


def test_a_class_that_agreed_less_after_the_lesson_is_told_kindly():
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    from evaluations.results import ClassRow

    row = ClassRow(SimpleNamespace(is_agreement=True, text="I know where to get help."), [(5, 2)] * 5)
    html = render_to_string("evaluations/includes/class_change.html", {"rows": [row], "chart_height": 70})
    assert (row.before, row.after) == (100, 0)
    assert "Fewer of you agree now: a good one to talk about together." in html


def test_a_class_of_four_sees_no_results(class_of):
    teacher, session, _pupils = class_of(4)
    html = teacher.get(reverse("classroom:host", args=[session.pk])).content.decode()
    assert "Too few answers to show" in html
    assert "class-change__chart" not in html and "%</td>" not in html


def test_ending_the_session_keeps_only_sums_per_item_and_removes_every_pupils_answers(class_of):
    teacher, session, _pupils = class_of(5)
    control(teacher, "end")
    assert not SurveyAnswer.objects.filter(session=session).exists()
    run = EvaluationRun.objects.get()
    assert run.pupils == 5 and run.lesson_id == session.quiz.get_parent().pk
    assert run.week.weekday() == 0  # a week, never a day or an hour
    results = ItemResult.objects.filter(run=run)
    assert results.count() == len(session.evaluation_items())
    for result in results:
        assert result.pairs == 5
        if result.kind == "agreement":
            assert (result.sum_before, result.sum_after, result.sum_difference, result.moved_to_agree) == (10, 25, 15, 5)
        else:
            assert (result.sum_before, result.sum_after, result.sum_difference) == (0, 5, 5)


def test_ending_twice_keeps_the_class_once(class_of):
    teacher, _session, _pupils = class_of(5)
    control(teacher, "end")
    control(teacher, "end")
    assert EvaluationRun.objects.count() == 1


def test_the_privacy_notice_says_what_the_evaluation_keeps_and_for_how_long(client):
    html = client.get("/en/privacy/").content.decode()
    assert "Questions before and after a lesson" in html
    assert "only totals for the whole class are kept" in html and "they are kept for as long as" in html
    assert "the same questions once more. Those answers are not linked" in html


def test_the_start_button_offers_the_evaluation_only_where_the_module_has_one(client, quiz):
    assert 'name="with_evaluation"' in client.get(quiz.url).content.decode()
    module = quiz.get_parent().get_parent().specific
    module.evaluation = None
    module.save_revision().publish()
    assert 'name="with_evaluation"' not in client.get(quiz.url).content.decode()


# --- the follow-up, weeks later --------------------------------------------------------

def follow_up_link(teacher):
    html = teacher.get(reverse("classroom:teacher", args=[teacher.session_obj.pk])).content.decode()
    return re.search(r'value="http://testserver(/[^"]*/class/follow-up/[^"]+/)"', html).group(1)


@pytest.fixture
def ended_class(class_of):
    teacher, session, _pupils = class_of(5)
    control(teacher, "end")
    return teacher


def run_follow_up(link, size, choose):
    teacher = Client()
    response = teacher.post(link)
    assert response.status_code == 302
    teacher.session_obj = ClassroomSession.objects.latest("created_at")
    session = teacher.session_obj
    for _ in range(size):
        answer_survey(join(session), session, "later", choose)
    control(teacher, "change")
    return teacher, session


def test_the_teacher_panel_of_an_ended_class_gives_a_private_follow_up_link(ended_class):
    link = follow_up_link(ended_class)
    page = Client().get(link)
    assert page.status_code == 200 and "Start the follow-up" in page.content.decode()


def test_a_follow_up_asks_only_the_evaluation_and_shows_before_after_and_now(ended_class):
    teacher, session = run_follow_up(follow_up_link(ended_class), 5, disagree_then_agree("after"))
    html = teacher.get(reverse("classroom:host", args=[session.pk])).content.decode()
    rows = re.findall(r"<td>(\d+)%</td><td>(\d+)%</td><td>(\d+)%</td>", html)
    assert rows == [("0", "100", "100")] * len(session.evaluation_items())


def test_ending_a_follow_up_adds_its_sums_to_the_class_and_a_second_one_is_refused(ended_class):
    link = follow_up_link(ended_class)
    teacher, session = run_follow_up(link, 5, disagree_then_agree("before"))
    control(teacher, "end")
    run = EvaluationRun.objects.get()
    assert run.follow_up_pupils == 5
    assert all(result.n_follow_up == 5 for result in run.items.all())
    assert not SurveyAnswer.objects.exists()
    assert Client().post(link).status_code == 409


def test_a_tampered_follow_up_link_is_refused(ended_class):
    link = follow_up_link(ended_class)
    assert Client().get(link[:-3] + "xx/").status_code == 403


def test_the_report_shows_the_gain_kept_at_the_follow_up(ended_class):
    from evaluations import report

    teacher, _session = run_follow_up(follow_up_link(ended_class), 5, lambda item: "3" if item.is_agreement else "0")
    control(teacher, "end")
    agreement = next(row for row in report.rows(EvaluationRun.objects.all()) if row.kind == "agreement")
    assert (agreement.mean_before, agreement.mean_after, agreement.mean_follow_up) == (2, 5, 3)
    assert agreement.gain_kept == "33%"  # (3 - 2) / (5 - 2)


def test_the_hourly_purge_keeps_an_expired_class_evaluation_as_sums(class_of):
    import io
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    _teacher, session, _pupils = class_of(5)
    ClassroomSession.objects.filter(pk=session.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    call_command("purge_classroom_sessions", stdout=io.StringIO())
    assert not ClassroomSession.objects.filter(pk=session.pk).exists() and not SurveyAnswer.objects.exists()
    run = EvaluationRun.objects.get()
    assert run.pupils == 5 and all(result.pairs == 5 for result in run.items.all())


def test_a_class_that_never_answered_after_the_lesson_keeps_nothing(quiz):
    import io
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    teacher = start(quiz)
    session = teacher.session_obj
    for _ in range(5):
        answer_survey(join(session), session, "before", disagree_then_agree("before"))
    ClassroomSession.objects.filter(pk=session.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    call_command("purge_classroom_sessions", stdout=io.StringIO())
    assert not ClassroomSession.objects.filter(pk=session.pk).exists() and not SurveyAnswer.objects.exists()
    assert not EvaluationRun.objects.exists()  # no change to compare: nothing is kept
