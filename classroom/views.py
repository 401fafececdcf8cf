"""Teacher and pupil views of a live session. Thin: models hold the state,
services.py moves it on, state.py answers the polling."""

import segno
from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseNotModified, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cms.ratelimit import is_limited
from cms.views import bad_request
from quizzes.models import QuizPage

from . import services
from .models import MAX_SEATS, BoxQuestion, ClassroomSession, Seat, SessionAnswer, normalise_code
from .word_filter import is_abusive
from .state import cached_state, distribution, etag_for, for_pupils, session_state

COOKIE_AGE = 12 * 3600


def _host_cookie(session):
    return f"upstander_host_{session.pk.hex}"


def _seat_cookie(session):
    return f"upstander_seat_{session.pk.hex}"


def _session_or_404(session_id):
    session = get_object_or_404(ClassroomSession.objects.select_related("quiz"), pk=session_id)
    session.quiz = session.quiz.specific
    return session


def _is_host(request, session):
    return session.is_host_secret(request.COOKIES.get(_host_cookie(session)))


def _seat(request, session):
    token = request.COOKIES.get(_seat_cookie(session))
    if not token:
        return None
    try:
        return Seat.objects.filter(session=session, token=token).first()
    except Exception:  # a malformed token is simply no seat
        return None


def _set_cookie(response, request, name, value):
    response.set_cookie(name, value, max_age=COOKIE_AGE, httponly=True, samesite="Lax", secure=request.is_secure())


@require_POST
def start(request, quiz_id):
    quiz = get_object_or_404(QuizPage, pk=quiz_id, live=True)
    if is_limited(request, "classroom-start", *settings.UPSTANDER_CLASSROOM_START_LIMIT):
        return bad_request(request, _("Many sessions were started from your connection. Please wait a few minutes."), status=429)
    session, secret = ClassroomSession.start(quiz)
    response = redirect("classroom:host", session_id=session.pk)
    _set_cookie(response, request, _host_cookie(session), secret)
    return response


@require_GET
def host_link(request, session_id, secret):
    """The private host link: opens the controls on another device of the teacher's."""
    session = _session_or_404(session_id)
    if not session.is_host_secret(secret):
        return bad_request(request, _("This host link is not valid."), status=403)
    response = redirect("classroom:host", session_id=session.pk)
    _set_cookie(response, request, _host_cookie(session), secret)
    return response


def _join_url(request):
    return request.build_absolute_uri(reverse("classroom:join"))


def _qr_svg(url):
    return segno.make(url, error="m").svg_inline(scale=6, border=2, dark="#14213d", light="#ffffff")


@require_GET
def host(request, session_id):
    session = _session_or_404(session_id)
    if not _is_host(request, session):
        return bad_request(request, _("Only the teacher who started this session can see its controls."), status=403)
    question_id, question = session.current_question()
    code_url = request.build_absolute_uri(reverse("classroom:join_code", args=[session.join_code]))
    context = {
        "session": session,
        "quiz": session.quiz,
        "state": session_state(session),
        "question_id": question_id,
        "question": question,
        "join_url": _join_url(request),
        "qr_svg": _qr_svg(code_url),
        "host_link": request.build_absolute_uri(
            reverse("classroom:host_link", args=[session.pk, request.COOKIES.get(_host_cookie(session))])
        ),
        "guide": session.quiz.lesson.guide() if hasattr(session.quiz.lesson, "guide") else None,
    }
    if question_id:
        context["options"] = question.block.answer_options(question.value)
    if question_id and session.state == ClassroomSession.State.REVEAL:
        context["counts"] = distribution(session, question_id)
        context["total"] = sum(context["counts"].values())
    if session.state == ClassroomSession.State.SUMMARY:
        context["summary"] = _summary(session)
    box = list(session.box_questions.exclude(status=BoxQuestion.Status.DISMISSED))
    context["box_approved"] = [q for q in box if q.status == BoxQuestion.Status.APPROVED]
    context["box_pending"] = [q for q in box if q.status == BoxQuestion.Status.PENDING and not q.held]
    context["box_held"] = [q for q in box if q.status == BoxQuestion.Status.PENDING and q.held]
    return render(request, "classroom/host.html", context)


def _summary(session):
    """Per question: how many answered and the share who were right, from one query."""
    answers_by_question = {}
    for question_id, option_ids in session.answers.values_list("question_id", "option_ids"):
        answers_by_question.setdefault(question_id, []).append(option_ids)
    rows = []
    for number, (question_id, question) in enumerate(session.quiz.question_blocks.items(), start=1):
        answers = answers_by_question.get(question_id, [])
        right = None
        if question.block.scored and answers:
            right_count = sum(1 for ids in answers if question.block.is_right(question.value, ids))
            right = round(100 * right_count / len(answers))
        rows.append({"number": number, "text": question.value["question"], "answered": len(answers),
                     "percent_right": right})
    return rows


@require_POST
def control(request, session_id):
    session = _session_or_404(session_id)
    if not _is_host(request, session):
        return bad_request(request, _("Only the teacher who started this session can control it."), status=403)
    if not session.is_active:
        return bad_request(request, _("This session has ended."), status=410)
    if not services.advance(session, request.POST.get("action", "")):
        return bad_request(request, _("That step does not fit where the session is now. Go back to the session and try again."), status=409)
    return redirect("classroom:host", session_id=session.pk)


@require_POST
def ask(request, session_id):
    """A pupil's anonymous question or comment for the box."""
    session = _session_or_404(session_id)
    seat = _seat(request, session)
    if seat is None:
        return bad_request(request, _("Join the session first, with the code on the screen."), status=403)
    if not session.is_active:
        return bad_request(request, _("This session has ended."), status=410)
    text = " ".join(request.POST.get("text", "").split())
    if not text or len(text) > BoxQuestion.MAX_LENGTH:
        return redirect(reverse("classroom:pupil", args=[session.pk]) + "?asked=invalid#question-box")
    if seat.box_questions.count() >= settings.UPSTANDER_CLASSROOM_QUESTIONS_PER_SEAT:
        return redirect(reverse("classroom:pupil", args=[session.pk]) + "?asked=limit#question-box")
    BoxQuestion.objects.create(
        session=session, seat=seat, text=text, held=is_abusive(text, session.quiz.locale.language_code)
    )
    session.changed()
    return redirect(reverse("classroom:pupil", args=[session.pk]) + "?asked=1#question-box")


@require_POST
def moderate(request, session_id, question_id):
    session = _session_or_404(session_id)
    if not _is_host(request, session):
        return bad_request(request, _("Only the teacher who started this session can control it."), status=403)
    question = get_object_or_404(BoxQuestion, pk=question_id, session=session)
    decision = request.POST.get("decision")
    if decision not in ("approve", "dismiss"):
        return bad_request(request, _("Choose to show or not show the message."))
    question.status = BoxQuestion.Status.APPROVED if decision == "approve" else BoxQuestion.Status.DISMISSED
    question.save(update_fields=["status"])
    session.changed()
    return redirect("classroom:host", session_id=session.pk)


def join(request, code=""):
    if request.method == "POST":
        if is_limited(request, "classroom-join", *settings.UPSTANDER_CLASSROOM_JOIN_LIMIT):
            return bad_request(request, _("Too many tries from your connection. Wait a minute, then type the code again."), status=429)
        code = normalise_code(request.POST.get("code"))
        session = ClassroomSession.objects.filter(join_code=code).first() if code else None
        error = None
        if session is None:
            error = _("We couldn’t find a session with that code. Check the code on the screen and try again.")
        elif not session.is_active:
            error = _("That session has ended. Ask your teacher for the new code.")
        elif _seat(request, session):
            return redirect("classroom:pupil", session_id=session.pk)
        elif session.seats.count() >= MAX_SEATS:
            error = _("This session is full.")
        if error:
            return render(request, "classroom/join.html", {"code": code, "error": error}, status=400)
        seat = Seat.objects.create(session=session)
        session.changed()
        response = redirect("classroom:pupil", session_id=session.pk)
        _set_cookie(response, request, _seat_cookie(session), str(seat.token))
        return response
    return render(request, "classroom/join.html", {"code": normalise_code(code)})


def pupil(request, session_id):
    session = _session_or_404(session_id)
    seat = _seat(request, session)
    if seat is None:
        return redirect("classroom:join")
    question_id, question = session.current_question()
    answer = SessionAnswer.objects.filter(seat=seat, question_id=question_id).first() if question_id else None
    context = {
        "session": session,
        "state": session_state(session),
        "question_id": question_id,
        "question": question,
        "answer": answer,
        "refused": request.GET.get("refused"),
        "asked": request.GET.get("asked"),
        "box_approved": session.box_questions.filter(status=BoxQuestion.Status.APPROVED),
        "box_max_length": BoxQuestion.MAX_LENGTH,
        "options": question.block.answer_options(question.value) if question_id else [],
    }
    if question_id and session.state == ClassroomSession.State.REVEAL:
        result = next(q for q in session.quiz.score({question_id: answer.option_ids if answer else []}).questions
                      if q.question_id == question_id)
        context.update(result=result, counts=distribution(session, question_id))
        context["total"] = sum(context["counts"].values())
    return render(request, "classroom/pupil.html", context)


@require_POST
def answer(request, session_id):
    session = _session_or_404(session_id)
    seat = _seat(request, session)
    if seat is None:
        return bad_request(request, _("Join the session first, with the code on the screen."), status=403)
    question_id, question = session.current_question()
    wants_json = request.headers.get("Accept", "").startswith("application/json")

    def refuse(message, status):
        if wants_json:
            return JsonResponse({"error": message}, status=status)
        return redirect(reverse("classroom:pupil", args=[session.pk]) + f"?refused={status}")

    if session.state != ClassroomSession.State.QUESTION or request.POST.get("question") != question_id:
        return refuse(_("This question is closed: answers can no longer be sent."), 409)
    chosen = request.POST.getlist("answer")
    options = {option.id for option in question.block.answer_options(question.value)}
    if not chosen or not set(chosen) <= options or (len(chosen) > 1 and not question.block.multiple):
        return refuse(_("Choose one of the answers."), 400)
    try:
        with transaction.atomic():
            SessionAnswer.objects.create(session=session, seat=seat, question_id=question_id, option_ids=chosen)
    except IntegrityError:
        return refuse(_("You already answered this question."), 409)
    session.changed()
    if wants_json:
        return JsonResponse({"ok": True})
    return redirect("classroom:pupil", session_id=session.pk)


@require_GET
def state(request, session_id):
    """Polled every 2 seconds by projector and pupils; 304 when nothing changed.
    A poll is answered from the shared cache; the database is read only after a change."""
    current = cached_state(session_id)
    if current is None:
        session = ClassroomSession.objects.filter(pk=session_id).select_related("quiz").first()
        if session is None:
            raise Http404
        session.quiz = session.quiz.specific
        current = session_state(session)
    if request.GET.get("view") == "pupil":
        current = for_pupils(current)
    etag = etag_for(current)
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = JsonResponse(current)
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    return response
