"""Reports › Evaluation: the organisation's report, its spreadsheet export and the funder summary PDF."""

import django_filters
from django import forms
from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, LocaleFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from lessons.models import LessonPage, ModulePage
from lessons.models.pdfs import render_pdf

from . import report
from .models import SMALLEST_GROUP, EvaluationRun


def _in_default_language(model):
    return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("path")


class EvaluationFilterSet(WagtailFilterSet):
    """Lesson and module match their translations too (a class in French counts for the lesson)."""

    lesson = django_filters.ModelChoiceFilter(label=_("Lesson"), queryset=lambda request: _in_default_language(LessonPage),
                                              method="same_page_in_any_language")
    module = django_filters.ModelChoiceFilter(label=_("Module"), queryset=lambda request: _in_default_language(ModulePage),
                                              method="same_page_in_any_language")
    language = LocaleFilter(label=_("Language"), field_name="locale", empty_label=None, null_label=_("All"),
                            null_value=None, widget=forms.RadioSelect,
                            choices=[(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES])
    week = django_filters.DateFromToRangeFilter(label=_("Period"), widget=DateRangePickerWidget)

    class Meta:
        model = EvaluationRun
        fields = []

    def same_page_in_any_language(self, queryset, name, page):
        return queryset.filter(**{f"{name}__translation_key": page.translation_key}) if page else queryset


class EvaluationReportView(ReportView):
    page_title = _("Evaluation")
    header_icon = "tasks"
    index_url_name = "evaluation_report"
    index_results_url_name = "evaluation_report_results"
    results_template_name = "evaluations/report_results.html"
    filterset_class = EvaluationFilterSet
    paginate_by = None
    list_export = ["item", "item_key", "version", "kind_label", "sessions", "pupils_shown", "mean_before", "mean_after",
                   "mean_difference", "ci_low", "ci_high", "effect_size", "moved_to_agree", "mean_follow_up", "gain_kept"]
    export_headings = {
        "item": _("Item"), "item_key": _("Key"), "version": _("Version"), "kind_label": _("Kind"),
        "sessions": _("Classes"), "pupils_shown": _("Pupils (before and after)"), "mean_before": _("Mean before"),
        "mean_after": _("Mean after"), "mean_difference": _("Mean difference"), "ci_low": _("95% CI, low"),
        "ci_high": _("95% CI, high"), "effect_size": _("Effect size (Cohen's d_z)"),
        "moved_to_agree": _("Moved to agree"),
        "mean_follow_up": _("Mean at the follow-up"), "gain_kept": _("Gain kept at the follow-up"),
    }

    def user_has_any_permission(self, permissions):
        return self.request.user.has_perm("wagtailadmin.access_admin")

    @property
    def columns(self):
        return [Column(name, label=self.export_headings[name]) for name in self.list_export if name not in ("item_key", "version")]

    def runs(self):
        return self.filter_queryset(EvaluationRun.objects.all())

    def get_filtered_queryset(self):
        return report.rows(self.runs())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(totals=report.totals(self.runs()), smallest_group=SMALLEST_GROUP,
                       summary_query=self.request.GET.urlencode())
        return context


def funder_summary(request):
    """The same report as a PDF to hand to a funder: what was measured, how, and the results."""
    view = EvaluationReportView()
    view.setup(request)
    runs = view.runs()
    filters = view.filters
    html = render_to_string("evaluations/funder_summary.html", {
        "rows": report.rows(runs), "totals": report.totals(runs), "smallest_group": SMALLEST_GROUP,
        "filters": [(filters.form[name].label, filters.form.cleaned_data.get(name)) for name in filters.form.changed_data]
        if filters and filters.is_valid() else [],
        "made_on": timezone.localdate(), "default_language": Locale.get_default(),
    }, request=request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="evaluation-summary.pdf"'
    return response
