"""Two reports for the people who keep the content safe, as Wagtail report views
(Reports menu, with spreadsheet export): what is past its "check again by" date,
and who approved, sent back or published what."""

from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import PageLogEntry

from cms.models import CheckAgainBy

AUDITED_ACTIONS = ("wagtail.workflow.approve", "wagtail.workflow.reject", "wagtail.publish", "wagtail.unpublish")


def dated_models():
    """Every concrete model with a "check again by" date, in any app."""
    return [model for model in apps.get_models() if issubclass(model, CheckAgainBy) and not model._meta.abstract]


def overdue(today=None):
    """Everything past its date, by language then most overdue first: one query per kind."""
    today = today or timezone.localdate()
    found = []
    for model in dated_models():
        found += model.objects.filter(review_by__lt=today).select_related("locale")
    return sorted(found, key=lambda item: (item.locale.get_display_name(), item.review_by))


def overdue_count(today=None):
    today = today or timezone.localdate()
    return sum(model.objects.filter(review_by__lt=today).count() for model in dated_models())


class EditorsReportView(ReportView):
    """A report every admin user may read (editors, translators, reviewers), linking to each item's editor."""

    def user_has_any_permission(self, permissions):
        return self.request.user.has_perm("wagtailadmin.access_admin")

    @property
    def url_finder(self):
        return AdminURLFinder(self.request.user)


class OverdueReportView(EditorsReportView):
    page_title = _("Overdue for a check")
    header_icon = "date"
    index_url_name = "overdue_report"
    index_results_url_name = "overdue_report_results"
    list_export = ["locale.get_display_name", "kind", "__str__", "review_by"]
    export_headings = {"locale.get_display_name": _("Language"), "kind": _("Kind"), "__str__": _("What"),
                       "review_by": _("Check again by")}

    @property
    def columns(self):
        return [
            TitleColumn("title", label=_("What"), accessor="__str__", get_url=self.url_finder.get_edit_url),
            Column("kind", label=_("Kind")),
            Column("language", label=_("Language"), accessor="locale.get_display_name"),
            DateColumn("review_by", label=_("Check again by")),
        ]

    def get_queryset(self):
        items = overdue()
        for item in items:
            item.kind = str(item._meta.verbose_name).capitalize()
        return items


class ApprovalsReportView(EditorsReportView):
    page_title = _("Approvals and publishing")
    header_icon = "tick"
    index_url_name = "approvals_report"
    index_results_url_name = "approvals_report_results"
    list_export = ["timestamp", "user_display_name", "message", "label", "page.locale.get_display_name", "comment"]
    export_headings = {"timestamp": _("When"), "user_display_name": _("Who"), "message": _("What"),
                       "label": _("Page"), "page.locale.get_display_name": _("Language"), "comment": _("Comment")}

    @property
    def columns(self):
        return [
            DateColumn("timestamp", label=_("When")),
            UserColumn("user", label=_("Who")),
            Column("message", label=_("What")),
            TitleColumn("label", label=_("Page"), get_url=lambda entry: self.url_finder.get_edit_url(entry.page) if entry.page else None),
            Column("language", label=_("Language"), accessor="page.locale.get_display_name"),
            Column("comment", label=_("Comment")),
        ]

    def get_queryset(self):
        return (
            PageLogEntry.objects.filter(action__in=AUDITED_ACTIONS)
            .select_related("user", "page", "page__locale")
            .order_by("-timestamp")
        )
