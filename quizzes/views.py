"""The pupil's side of a quiz: answer, check one question, see the results.
Thin: forms validate, the page scores and stores (QuizPage.score, record_attempt).
The page's routes call these views; the views reach the data through the page
they are given and never import the models, so the two never form a loop."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from cms.ratelimit import is_limited
from cms.views import bad_request, body_too_large

from .forms import CheckAnswerForm, QuizForm

# A whole quiz's answers are well under a kilobyte or two; anything far larger is not a quiz answer.
MAX_ANSWER_BODY_BYTES = 32 * 1024



def _render_quiz(request, quiz, form, status=200):
    return TemplateResponse(
        request, "quizzes/quiz_page.html", quiz.get_context(request) | {"form": form, "easy": form.easy},
        status=status,
    )


def _reads_easy(request):
    return request.GET.get("read") == "easy"


def take_quiz(request, quiz, easy=False):
    if request.method not in ("GET", "HEAD", "POST"):
        return bad_request(request, _("A quiz can only be read or answered."), status=405)
    if request.method != "POST":
        return _render_quiz(request, quiz, QuizForm(quiz, easy=easy))
    if body_too_large(request, MAX_ANSWER_BODY_BYTES):
        return bad_request(request, _("That was much more than a quiz's answers. Please answer the quiz again."))

    form = QuizForm(quiz, request.POST, easy=easy)
    if not form.is_valid():
        return _render_quiz(request, quiz, form, status=400)

    if is_limited(request, "quiz-submit", *settings.UPSTANDER_QUIZ_SUBMIT_LIMIT):
        return bad_request(request, _("Many quizzes were sent from your connection just now. "
                                      "Wait a minute, then send your answers again."), status=429)
    attempt, created = quiz.record_attempt(form.answers(), form.cleaned_data["submission"])
    return _redirect_to_results(quiz, attempt, again=not created, easy=easy)


def _redirect_to_results(quiz, attempt, again=False, easy=False):
    url = quiz.url + quiz.reverse_subpage("results", args=(attempt.pk,))
    query = urlencode({key: value for key, value in (("again", "1" if again else ""), ("read", "easy" if easy else ""))
                       if value})
    return redirect(url + (f"?{query}" if query else ""))


def check_answer(request, quiz):
    if request.method != "POST":
        return JsonResponse({"error": _("Send an answer to check it.")}, status=405)
    if body_too_large(request, MAX_ANSWER_BODY_BYTES):
        return JsonResponse({"error": _("That was much more than an answer.")}, status=400)
    form = CheckAnswerForm(quiz, request.POST)
    if not form.is_valid():
        messages = [str(message) for errors in form.errors.values() for message in errors]
        return JsonResponse({"error": " ".join(messages)}, status=400)
    question_id = form.cleaned_data["question"]
    result = quiz.score_question(question_id, form.chosen)
    distribution = quiz.opinion_distribution([question_id]) if not result.scored else {}
    html = render_to_string(
        "quizzes/includes/question_result.html",
        {"question": result, "quiz": quiz, "distribution": distribution.get(question_id), "immediate": True,
         "easy": _reads_easy(request)},
        request=request,
    )
    return JsonResponse({"right": result.right, "html": html})


def show_results(request, quiz, attempt_id):
    attempt = quiz.attempt(attempt_id)
    if attempt is None:
        raise Http404
    result = quiz.score(attempt.answers)
    opinion_ids = [question.question_id for question in result.questions if not question.scored]
    context = quiz.get_context(request) | {
        "attempt": attempt,
        "result": result,
        "distributions": quiz.opinion_distribution(opinion_ids),
        "counted_before": request.GET.get("again") == "1",
        "easy": _reads_easy(request) and quiz.has_easy_read,
    }
    return TemplateResponse(request, "quizzes/quiz_results.html", context)
