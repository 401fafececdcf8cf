"""Editors' view of anonymous quiz results: counts come from aggregate queries."""

import csv

from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, F, FloatField, Q
from django.db.models.functions import Cast
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.permissions import page_permission_policy

from .models import QuizPage


def _editable_quizzes(user):
    editable = page_permission_policy.instances_user_has_permission_for(user, "change")
    return QuizPage.objects.filter(pk__in=editable.values("pk"))


def _quiz_for(request, page_id):
    quiz = get_object_or_404(QuizPage, pk=page_id)
    if not quiz.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return quiz


def index(request):
    quizzes = (
        _editable_quizzes(request.user)
        .select_related("locale")
        .annotate(
            attempt_count=Count("attempts"),
            average_percent=Avg(
                Cast(F("attempts__score"), FloatField()) * 100 / F("attempts__max_score"),
                filter=Q(attempts__max_score__gt=0),
            ),
        )
        .order_by("path")
    )
    return render(request, "quizzes/admin/index.html", {"quizzes": quizzes, "page_title": _("Quiz results")})


def detail(request, page_id):
    quiz = _quiz_for(request, page_id)
    return render(
        request,
        "quizzes/admin/detail.html",
        {"quiz": quiz, "statistics": quiz.statistics(), "page_title": _("Results: %(title)s") % {"title": quiz.title}},
    )


def export_csv(request, page_id):
    quiz = _quiz_for(request, page_id)
    statistics = quiz.statistics()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"quiz-results-{slugify(quiz.get_parent().title)}-{quiz.locale.language_code}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.writer(response)
    writer.writerow([_("Quiz"), quiz.title])
    writer.writerow([_("Attempts"), statistics["attempts"]])
    writer.writerow([_("Average score (%)"), statistics["average_percent"] if statistics["average_percent"] is not None else ""])
    writer.writerow([])
    writer.writerow([_("Question"), _("Type"), _("Text"), _("Answered"), _("Right (%)"), _("Answer"), _("Correct"), _("Chosen")])
    for question in statistics["questions"]:
        result = question["result"]
        for option, count in question["options"]:
            writer.writerow([
                result.number,
                result.kind,
                result.text,
                question["answered"],
                "" if question["percent_right"] is None else question["percent_right"],
                option.text,
                {True: _("yes"), False: _("no"), None: ""}[option.correct],
                count,
            ])
    return response
