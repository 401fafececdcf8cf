"""Teacher and pupil views of a live session. Thin: models hold the state,
services.py moves it on, state.py answers the polling.

What the class sees and what only the teacher sees are separate pages: the
projector shows the join code, the question, the results and the messages the
teacher approved; the teacher panel (opened deliberately, on another device or
window) holds the message queue, the held messages and the private link."""

import hashlib
import time

import segno
from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_request, override
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_GET, require_POST

from cms.ratelimit import is_limited
from cms.same_origin import same_origin_only
from cms.views import bad_request
from evaluations.models import SMALLEST_GROUP, EvaluationRun
from evaluations.results import class_rows, follow_up_rows
from lessons.models.evaluation import AGREEMENT_SCALE
from quizzes.answers import percent, valid_options
from quizzes.models import QuizPage

from . import services
from .models import (FOLLOW_UP_LIFETIME, HOST_LINK_LIFETIME, MAX_SEATS, BoxMessage, ClassroomSession, FilteredWord, Seat, SessionAnswer,
                     SurveyAnswer, normalise_code)
from . import state as live_state
from .state import etag_for

COOKIE_AGE = 12 * 3600


def _session_or_404(session_id):
    session = get_object_or_404(ClassroomSession.objects.select_related("quiz"), pk=session_id)
    session.quiz = session.quiz.specific
    return session


def _is_host(request, session):
    return session.is_hosted_by(request)


def _seat_id(request, session):
    """The pupil's seat in this session, from its signed cookie (no database lookup)."""
    return session.seat_id_from(request.COOKIES.get(session.seat_cookie_name))


def _seat(request, session):
    seat_id = _seat_id(request, session)
    return Seat.objects.filter(pk=seat_id, session=session).first() if seat_id else None


def _set_cookie(response, request, name, value):
    response.set_cookie(name, value, max_age=COOKIE_AGE, httponly=True, samesite="Lax", secure=request.is_secure())


def _not_the_host(request, session):
    return bad_request(request, _("Only the teacher who started this session can see or use its controls."), status=403)


@same_origin_only  # the button is on lesson pages every visitor shares: no CSRF token there
@require_POST
def start(request, quiz_id):
    quiz = get_object_or_404(QuizPage, pk=quiz_id, live=True)
    if is_limited(request, "classroom-start", *settings.UPSTANDER_CLASSROOM_START_LIMIT):
        return bad_request(request, _("Many sessions were started from your connection. Please wait a few minutes."), status=429)
    session, secret = ClassroomSession.start(quiz, with_evaluation=request.POST.get("with_evaluation") == "1")
    response = redirect("classroom:host", session_id=session.pk)
    _set_cookie(response, request, session.host_cookie_name, secret)
    return response


@require_GET
def host_link(request, session_id, token):
    """The private link: opens the teacher panel on another device of the teacher's. It works
    once and for HOST_LINK_LIFETIME, so a copy in a log or a history is worth nothing."""
    session = _session_or_404(session_id)
    if not session.is_host_link_token(token):
        return bad_request(request, _("This link has expired or is not valid. Open a new one in the teacher panel."),
                           status=403)
    if not cache.add("classroom-host-link-used:" + hashlib.sha256(token.encode()).hexdigest(), True,
                     int(HOST_LINK_LIFETIME.total_seconds())):
        return bad_request(request, _("This link was used already. Open a new one in the teacher panel."), status=403)
    response = redirect("classroom:teacher", session_id=session.pk)
    _set_cookie(response, request, session.host_cookie_name, session.host_token())
    return response


@require_GET
def join_redirect(request, code=""):
    """/join/ (the short address the projector shows) sends a pupil to the join page in their language."""
    language = get_language_from_request(request, check_path=False)
    with_code = normalise_code(code)
    with override(language):
        target = reverse("classroom:join_code", args=[with_code]) if with_code else reverse("classroom:join")
    response = redirect(target)
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def _short_join_address(request):
    return f"{request.get_host()}/join"


def _qr_svg(url):
    return segno.make(url, error="m").svg_inline(scale=6, border=2, dark="#14213d", light="#ffffff")


def _live_context(session):
    """What the projector and the teacher panel both show about the current question."""
    question_id, question = session.current_question()
    context = {"session": session, "quiz": session.quiz, "question_id": question_id, "question": question}
    if question_id:
        context["options"] = question.block.answer_options(question.value)
    if question_id and session.state == ClassroomSession.State.REVEAL:
        context["counts"] = live_state.distribution(session, question_id)
        context["total"] = sum(context["counts"].values())
    if session.state == ClassroomSession.State.SUMMARY:
        context["summary"] = _summary(session)
    if session.state == ClassroomSession.State.AFTER:
        context["evaluation_answered"] = session.survey_answers.filter(phase=SurveyAnswer.Phase.AFTER).values(
            "seat").distinct().count()
    if session.state == ClassroomSession.State.CHANGE and session.is_follow_up:
        items, pupils = services.follow_up_answers(session)
        rows = follow_up_rows(session.follow_up_of, items, pupils)
        context.update(change_rows=rows, smallest_group=SMALLEST_GROUP)
    elif session.state == ClassroomSession.State.CHANGE:
        items, pupils = services.class_change(session)
        rows = class_rows(items, pupils)
        context.update(change_rows=rows, smallest_group=SMALLEST_GROUP, chart_height=70 * len(rows or []))
    return context


@require_GET
def host(request, session_id):
    """The projector: what the whole class may see, and nothing else."""
    session = _session_or_404(session_id)
    if not _is_host(request, session):
        return _not_the_host(request, session)
    code_url = request.build_absolute_uri("/join/" + session.join_code + "/")
    context = _live_context(session)
    context.update(
        state=live_state.for_view(session.pk, "projector", session.question_ids()),
        join_address=_short_join_address(request),
        qr_svg=_qr_svg(code_url),
        box_approved=session.box_messages.filter(status=BoxMessage.Status.APPROVED),
    )
    return render(request, "classroom/projector.html", context)


@require_GET
def teacher(request, session_id):
    """The teacher panel: the message queue, held messages, prompts and the private link."""
    session = _session_or_404(session_id)
    if not _is_host(request, session):
        return _not_the_host(request, session)
    context = _live_context(session)
    messages = list(session.box_messages.exclude(status=BoxMessage.Status.DISMISSED))
    context.update(
        state=live_state.for_view(session.pk, "teacher", session.question_ids()),
        box_approved=[m for m in messages if m.status == BoxMessage.Status.APPROVED],
        box_waiting=[m for m in messages if m.status == BoxMessage.Status.PENDING and not m.held],
        box_held=[m for m in messages if m.status == BoxMessage.Status.PENDING and m.held],
        host_link=request.build_absolute_uri(reverse("classroom:host_link", args=[session.pk, session.host_link_token()])),
        host_link_minutes=int(HOST_LINK_LIFETIME.total_seconds() // 60),
        guide=session.quiz.lesson.guide() if hasattr(session.quiz.lesson, "guide") else None,
        follow_up_link=request.build_absolute_uri(reverse("classroom:follow_up", args=[session.follow_up_token()]))
        if session.evaluation_run_id else None,
        follow_up_days=FOLLOW_UP_LIFETIME.days,
    )
    return render(request, "classroom/teacher.html", context)


def _summary(session):
    """Per question: how many answered and the share who were right, from one query."""
    answers_by_question = {}
    for question_id, option_ids in session.answers.values_list("question_id", "option_ids"):
        answers_by_question.setdefault(question_id, []).append(option_ids)
    rows = []
    for number, (question_id, question) in enumerate(session.quiz.question_blocks.items(), start=1):
        answers = answers_by_question.get(question_id, [])
        right = None
        if question.block.scored:
            right = percent(sum(1 for ids in answers if question.block.is_right(question.value, ids)), len(answers))
        rows.append({"number": number, "text": question.value["question"], "answered": len(answers),
                     "percent_right": right})
    return rows


def _back_to(request, session):
    """Controls are pressed on the projector or in the teacher panel: go back where the press came from."""
    view = "classroom:teacher" if request.POST.get("from") == "teacher" else "classroom:host"
    return redirect(view, session_id=session.pk)


@require_POST
def control(request, session_id):
    session = _session_or_404(session_id)
    if not _is_host(request, session):
        return _not_the_host(request, session)
    action = request.POST.get("action", "")
    if action == "end":  # ending twice (two presses, two devices) shows the ended session
        services.end(session)
        return _back_to(request, session)
    if not session.is_active:
        return bad_request(request, _("This session has ended."), status=410)
    if not services.advance(session, action):
        return bad_request(request, _("That step does not fit where the session is now. Go back to the session and try again."), status=409)
    return _back_to(request, session)


@require_POST
def send_message(request, session_id):
    """A pupil's anonymous question or comment for the teacher."""
    session = _session_or_404(session_id)
    seat = _seat(request, session)
    if seat is None:
        return bad_request(request, _("Join the session first, with the code on the screen."), status=403)
    if not session.is_active:
        return bad_request(request, _("This session has ended."), status=410)
    text = " ".join(request.POST.get("text", "").split())
    pupil_page = reverse("classroom:pupil", args=[session.pk])
    if not text or len(text) > BoxMessage.MAX_LENGTH:
        return redirect(pupil_page + "?sent=invalid#message-box")
    if seat.box_messages.count() >= settings.UPSTANDER_CLASSROOM_MESSAGES_PER_SEAT:
        return redirect(pupil_page + "?sent=limit#message-box")
    word_filter = FilteredWord.objects.word_filter(session.quiz.locale.language_code)
    BoxMessage.objects.create(session=session, seat=seat, text=text, hold_reason=word_filter.reason_to_hold(text) or "")
    services.changed(session)
    return redirect(pupil_page + "?sent=1#message-box")


@require_POST
def moderate(request, session_id, message_id):
    session = _session_or_404(session_id)
    if not _is_host(request, session):
        return _not_the_host(request, session)
    message = get_object_or_404(BoxMessage, pk=message_id, session=session)
    decision = request.POST.get("decision")
    if decision not in ("approve", "dismiss"):
        return bad_request(request, _("Choose to show or not show the message."))
    if decision == "approve" and message.held:
        return bad_request(
            request, _("The word filter held this message, so it cannot be shown to the class. "
                       "If it was a false alarm, answer it in your own words."), status=409,
        )
    message.status = BoxMessage.Status.APPROVED if decision == "approve" else BoxMessage.Status.DISMISSED
    message.save(update_fields=["status"])
    services.changed(session)
    return redirect("classroom:teacher", session_id=session.pk)


def join(request, code=""):
    """Join by code. An unknown code and an ended session get the same answer, and
    such misses are limited per address (see models.JOIN_CODE_ALPHABET for why
    guessing a live code takes far longer than a session lives)."""
    if request.method == "POST":
        if is_limited(request, "classroom-wrong-code", *settings.UPSTANDER_CLASSROOM_WRONG_CODE_LIMIT, count=False):
            return bad_request(request, _("Many codes that didn’t work came from your connection. Wait a few minutes, "
                                          "then type the code on the screen again."), status=429)
        code = normalise_code(request.POST.get("code"))
        session = ClassroomSession.objects.filter(join_code=code).first() if code else None
        if session is None or not session.is_active:
            is_limited(request, "classroom-wrong-code", *settings.UPSTANDER_CLASSROOM_WRONG_CODE_LIMIT)
            error = _("We couldn’t find a running session with that code. Check the code on the screen, "
                      "or ask your teacher for the new one.")
            return render(request, "classroom/join.html", {"code": code, "error": error}, status=400)
        if _seat(request, session):
            return redirect("classroom:pupil", session_id=session.pk)
        if (is_limited(request, "classroom-join", *settings.UPSTANDER_CLASSROOM_JOIN_LIMIT)
                or is_limited(request, "classroom-join", *settings.UPSTANDER_CLASSROOM_JOINS_PER_SESSION, per=session.pk)):
            return bad_request(request, _("Many pupils joined from your connection just now. Wait a minute, then try again."),
                               status=429)
        if session.seats.count() >= MAX_SEATS:
            return render(request, "classroom/join.html", {"code": code, "error": _("This session is full.")}, status=400)
        live_state.seats(session.pk)  # the counter exists before this seat is in the database
        seat = Seat.objects.create(session=session)
        live_state.seat_taken(session.pk)
        response = redirect("classroom:pupil", session_id=session.pk)
        _set_cookie(response, request, session.seat_cookie_name, session.seat_token(seat))
        return response
    return render(request, "classroom/join.html", {"code": normalise_code(code)})


def pupil(request, session_id):
    """A pupil's live page. While it is the same for every pupil of the session (waiting, a
    question not yet answered, the end) it is made once per phase and served from the shared
    cache, each pupil's CSRF token filled in (cms.page_cache): a class opening it at once
    costs one render, not thirty."""
    meta = live_state.session_meta(session_id)
    if meta is None:
        raise Http404
    seat_id = _seat_id(request, ClassroomSession(pk=session_id))
    if seat_id is None:
        return redirect("classroom:join")
    phase = live_state.phase(session_id)
    survey_phase = (FOLLOW_UP_PHASES if meta.get("follow_up") else SURVEY_PHASES).get(phase["state"])
    if (meta.get("evaluation") and survey_phase
            and not SurveyAnswer.objects.filter(seat_id=seat_id, phase=survey_phase).exists()):
        session = _session_or_404(session_id)
        if _survey_phase(session) == survey_phase:
            return _render_survey(request, session, survey_phase)
    question_id = None
    if phase["state"] in (ClassroomSession.State.QUESTION, ClassroomSession.State.REVEAL):
        question_id = live_state.question_ids(meta)[phase["question"]]
    answer = SessionAnswer.objects.filter(seat_id=seat_id, question_id=question_id).first() if question_id else None
    shared = not request.GET and phase["state"] != ClassroomSession.State.REVEAL and answer is None
    if not shared:
        return _render_pupil(request, _session_or_404(session_id), answer)
    key = live_state.shared_page_key(session_id, request.LANGUAGE_CODE)
    page = cache.get(key)
    if page is None:
        page = _render_pupil(request, _session_or_404(session_id), None).content
        cache.set(key, page, live_state.KEPT)
    return HttpResponse(page)


# The evaluation is answered while the class waits for the first question, and again when
# the teacher asks for it after the quiz.
SURVEY_PHASES = {ClassroomSession.State.LOBBY: SurveyAnswer.Phase.BEFORE, ClassroomSession.State.AFTER: SurveyAnswer.Phase.AFTER}
FOLLOW_UP_PHASES = {ClassroomSession.State.LOBBY: SurveyAnswer.Phase.LATER}


def _survey_phase(session):
    """The evaluation phase a pupil may answer now, if any: a follow-up asks only "later"."""
    if not session.is_active or not session.evaluation_items():
        return None
    return (FOLLOW_UP_PHASES if session.is_follow_up else SURVEY_PHASES).get(session.state)


def _render_survey(request, session, phase):
    return render(request, "classroom/survey.html", {
        "session": session, "phase": phase, "items": session.evaluation_items(),
        "evaluation": session.evaluation()[0],
        "scale": AGREEMENT_SCALE, "state": live_state.for_view(session.pk, "pupil", session.question_ids()),
    })


def follow_up(request, token):
    """The teacher's private link, weeks later: a page that starts the follow-up of the class
    (a POST, so a link preview or a prefetch starts nothing), once per class."""
    run_id = ClassroomSession.follow_up_run_id(token)
    if run_id is None:
        return bad_request(request, _("This follow-up link has expired or is not valid."), status=403)
    run = get_object_or_404(EvaluationRun, pk=run_id)
    if run.follow_up_pupils is not None:
        return bad_request(request, _("This class has had its follow-up already."), status=409)
    if request.method == "POST":
        session, secret = services.start_follow_up(run)
        if session is None:
            return bad_request(request, _("The lesson of this class is no longer published, so its follow-up cannot start."),
                               status=410)
        response = redirect("classroom:host", session_id=session.pk)
        _set_cookie(response, request, session.host_cookie_name, secret)
        return response
    return render(request, "classroom/follow_up.html", {"run": run, "smallest_group": SMALLEST_GROUP})


@require_POST
def survey(request, session_id):
    """A pupil's evaluation answers, before or after the lesson: one row per item asked, None
    for a skipped item or "I'd rather not say". Sending twice (a double tap, the back button)
    stores nothing more: the first answers stand."""
    session = _session_or_404(session_id)
    seat_id = _seat_id(request, session)
    if seat_id is None:
        return redirect("classroom:join")
    phase = _survey_phase(session)
    if phase is None or request.POST.get("phase") != phase:
        return bad_request(request, _("These questions are closed now. Go back to the session."), status=409)
    SurveyAnswer.objects.bulk_create([
        SurveyAnswer(session=session, seat_id=seat_id, phase=phase, item_key=item.key, version=item.version,
                     value=item.value_of(request.POST.get(f"item-{item.key}")))
        for item in session.evaluation_items()
    ], ignore_conflicts=True)
    return redirect("classroom:pupil", session_id=session.pk)


def _render_pupil(request, session, answer):
    question_id, question = session.current_question()
    context = {
        "session": session,
        "state": live_state.for_view(session.pk, "pupil", session.question_ids()),
        "question_id": question_id,
        "question": question,
        "answer": answer,
        "refused": request.GET.get("refused"),
        "sent": request.GET.get("sent"),
        "box_approved": session.box_messages.filter(status=BoxMessage.Status.APPROVED),
        "box_max_length": BoxMessage.MAX_LENGTH,
        "options": question.block.answer_options(question.value) if question_id else [],
    }
    if question_id and session.state == ClassroomSession.State.REVEAL:
        result = session.quiz.score_question(question_id, answer.option_ids if answer else [])
        context.update(result=result, counts=live_state.distribution(session, question_id))
    return render(request, "classroom/pupil.html", context)


@require_POST
def answer(request, session_id):
    """A pupil's answer: the hot path of a live class (30 answers within seconds). It reads
    what it needs from the cache (the session's questions, the phase), trusts the signed seat
    cookie, and writes one row; a second answer from the same seat breaks the unique
    constraint and is refused, so nothing is lost or counted twice."""
    meta = live_state.session_meta(session_id)
    if meta is None:
        raise Http404
    session = ClassroomSession(pk=session_id)  # its id is all the seat check needs
    seat_id = _seat_id(request, session)
    if seat_id is None:
        return bad_request(request, _("Join the session first, with the code on the screen."), status=403)
    wants_json = request.headers.get("Accept", "").startswith("application/json")

    def refuse(message, status):
        if wants_json:
            return JsonResponse({"error": message}, status=status)
        return redirect(reverse("classroom:pupil", args=[session_id]) + f"?refused={status}")

    phase = live_state.phase(session_id)
    number = phase["question"] if phase else -1
    open_question = (phase is not None and phase["state"] == ClassroomSession.State.QUESTION
                     and number < len(meta["questions"]) and time.time() < meta["expires_at"])
    if not open_question or request.POST.get("question") != meta["questions"][number][0]:
        return refuse(_("This question is closed: answers can no longer be sent."), 409)
    question_id, option_ids, multiple = meta["questions"][number]
    chosen = request.POST.getlist("answer")
    if not valid_options(chosen, option_ids, multiple):
        return refuse(_("Choose one of the answers."), 400)
    live_state.answered(session_id, question_id)  # the counter exists before this answer is in the database
    try:
        with transaction.atomic():
            SessionAnswer.objects.create(session_id=session_id, seat_id=seat_id, question_id=question_id,
                                         option_ids=chosen)
    except IntegrityError:
        return refuse(_("You already answered this question."), 409)
    live_state.answer_given(session_id, question_id)
    if wants_json:
        return JsonResponse({"ok": True})
    return redirect("classroom:pupil", session_id=session_id)


def _live_state(request, session_id):
    """What this poll may see (see state.py), once per request, from the shared cache
    (the database only after a change). None when there is no such session."""
    if not hasattr(request, "_live_state"):
        request._live_state = live_state.for_view(session_id, request.GET.get("view", "pupil"))
    return request._live_state


def _live_state_etag(request, session_id):
    current = _live_state(request, session_id)
    return etag_for(current) if current is not None else None


@require_GET
@condition(etag_func=_live_state_etag)
def state(request, session_id):
    """Polled every 2 seconds by the projector, the teacher panel and pupils; 304 when nothing
    changed for that audience (Django's condition decorator compares the ETag)."""
    current = _live_state(request, session_id)
    if current is None:
        raise Http404
    response = JsonResponse(current)
    response["Cache-Control"] = "no-cache"
    return response
