"""The organisation's evaluation report (admin, Reports › Evaluation): per item, across the
classes a filter selects, the means before and after, the paired mean difference with its
95 % confidence interval, Cohen's d_z and the share moving to "agree". Two queries whatever
the number of sessions (the sums are added in the database); groups of fewer than
SMALLEST_GROUP pupils show no numbers."""

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from lessons.models import ModuleEvaluation

from .models import SMALLEST_GROUP, EvaluationRun, ItemResult
from .statistics import PairedChange, PairedSums

SUM_FIELDS = [name for name in PairedSums.__dataclass_fields__]
KIND_LABELS = {"agreement": _("Agreement (1-5)"), "knowledge": _("Knowledge (share right)")}


class ReportRow:
    def __init__(self, values, texts):
        self.item_key, self.version, self.kind = values["item_key"], values["version"], values["kind"]
        self.sessions = values["sessions"]
        current = texts.get(self.item_key)
        if current is None:
            self.item = self.item_key
        elif current[1] == self.version:
            self.item = current[0]
        else:
            self.item = _("%(text)s (an earlier wording)") % {"text": current[0]}
        self.kind_label = KIND_LABELS.get(self.kind, self.kind)
        sums = PairedSums(**{name: values[name] or 0 for name in SUM_FIELDS})
        self.pairs = sums.pairs
        self.shown = sums.pairs >= SMALLEST_GROUP
        self.change = PairedChange.from_sums(sums) if self.shown else None

    def _number(self, value, digits=2):
        if not self.shown or value is None:
            return ""
        return round(value, digits)

    @property
    def mean_before(self):
        return self._number(self.change and self.change.mean_before)

    @property
    def mean_after(self):
        return self._number(self.change and self.change.mean_after)

    @property
    def mean_difference(self):
        return self._number(self.change and self.change.mean_difference)

    @property
    def ci_low(self):
        return self._number(self.change and self.change.ci_low)

    @property
    def ci_high(self):
        return self._number(self.change and self.change.ci_high)

    @property
    def effect_size(self):
        return self._number(self.change and self.change.effect_size)

    @property
    def moved_to_agree(self):
        if not self.shown or self.kind != "agreement" or self.change.moved_to_agree is None:
            return ""
        return f"{round(100 * self.change.moved_to_agree)}%"

    @property
    def pupils_shown(self):
        return self.pairs if self.shown else _("fewer than %(smallest)s") % {"smallest": SMALLEST_GROUP}


def item_texts():
    """key -> (wording, version) of every item in the default language: one query."""
    texts = {}
    for evaluation in ModuleEvaluation.objects.filter(locale=Locale.get_default()):
        for item in evaluation.all_items():
            texts[item.key] = (item.text, item.version)
    return texts


def rows(runs):
    """The report's rows for the classes in `runs` (an EvaluationRun queryset)."""
    grouped = (ItemResult.objects.filter(run__in=runs).values("item_key", "version", "kind")
               .annotate(sessions=Count("run", distinct=True), **{name: Sum(name) for name in SUM_FIELDS})
               .order_by("item_key", "version"))
    texts = item_texts()
    return [ReportRow(values, texts) for values in grouped]


def totals(runs):
    found = runs.aggregate(sessions=Count("pk"), pupils=Sum("pupils"))
    return {"sessions": found["sessions"], "pupils": found["pupils"] or 0}
