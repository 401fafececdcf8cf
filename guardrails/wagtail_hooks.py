from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .checks import check
from .models import FlaggedPhrase, JustifiedContent
from .reports import ApprovalsReportView, OverdueReportView, overdue_count


class FlaggedPhraseViewSet(SnippetViewSet):
    model = FlaggedPhrase
    icon = "warning"
    menu_label = gettext_lazy("Flagged phrases")
    add_to_admin_menu = True
    menu_order = 265
    list_display = ["phrase", "kind", "locale"]
    list_filter = ["locale", "kind"]
    search_fields = ["phrase"]


register_snippet(FlaggedPhraseViewSet)


@hooks.register("after_edit_page")
@hooks.register("after_create_page")
def warn_about_flags(request, page):
    """The check as the editor writes: every save shows what it flags."""
    page = page.specific
    if not isinstance(page, JustifiedContent):
        return
    flags = check(page.get_latest_revision_as_object() if page.get_latest_revision() else page)
    for flag in flags:
        messages.warning(request, _("Content check: %(flag)s") % {"flag": flag})


@hooks.register("register_admin_urls")
def report_urls():
    return [
        path("reports/overdue/", OverdueReportView.as_view(), name="overdue_report"),
        path("reports/overdue/results/", OverdueReportView.as_view(results_only=True), name="overdue_report_results"),
        path("reports/approvals/", ApprovalsReportView.as_view(), name="approvals_report"),
        path("reports/approvals/results/", ApprovalsReportView.as_view(results_only=True),
             name="approvals_report_results"),
    ]


@hooks.register("register_reports_menu_item")
def overdue_menu_item():
    return MenuItem(gettext_lazy("Overdue for a check"), reverse("overdue_report"), icon_name="date", order=720)


@hooks.register("register_reports_menu_item")
def approvals_menu_item():
    return MenuItem(gettext_lazy("Approvals and publishing"), reverse("approvals_report"), icon_name="tick", order=730)


class OverduePanel(Component):
    """On the dashboard: how many items are past their "check again by" date."""

    name = "overdue"
    order = 50
    template_name = "guardrails/overdue_panel.html"

    def get_context_data(self, parent_context):
        return {"count": overdue_count()}


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, panels):
    panels.insert(0, OverduePanel())
