from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def evaluation_report_urls():
    return [
        path("reports/evaluation/", views.EvaluationReportView.as_view(), name="evaluation_report"),
        path("reports/evaluation/results/", views.EvaluationReportView.as_view(results_only=True),
             name="evaluation_report_results"),
        path("reports/evaluation/summary.pdf", views.funder_summary, name="evaluation_summary_pdf"),
    ]


@hooks.register("register_reports_menu_item")
def evaluation_report_menu_item():
    return MenuItem(_("Evaluation"), reverse("evaluation_report"), icon_name="tasks", order=730)
