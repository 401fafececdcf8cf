from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import admin_views
from .models import QuizPage


@hooks.register("register_admin_urls")
def quiz_results_urls():
    return [
        path(
            "quiz-results/",
            include(
                (
                    [
                        path("", admin_views.index, name="index"),
                        path("<int:page_id>/", admin_views.detail, name="detail"),
                        path("<int:page_id>/csv/", admin_views.export_csv, name="csv"),
                    ],
                    "quiz_results",
                ),
                namespace="quiz_results",
            ),
        )
    ]


@hooks.register("register_reports_menu_item")
def quiz_results_menu_item():
    return MenuItem(_("Quiz results"), reverse("quiz_results:index"), icon_name="tasks", order=700)


@hooks.register("register_page_header_buttons")
def quiz_results_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, QuizPage):
        yield Button(_("Results"), reverse("quiz_results:detail", args=[page.pk]), icon_name="tasks", priority=80)
