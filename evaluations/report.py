"""The organisation's evaluation report (admin, Reports › Evaluation): per item, across the
classes a filter selects, the means before and after, the paired mean difference with its
95 % confidence interval, Cohen's d_z and the share moving to "agree". Two queries whatever
the number of sessions (the sums are added in the database); groups of fewer than
SMALLEST_GROUP pupils show no numbers."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from lessons.models import ModuleEvaluation

from .models import SMALLEST_GROUP, EvaluationRun, ItemResult
from .statistics import PairedChange, PairedSums

SUM_FIELDS = [name for name in PairedSums.__dataclass_fields__]
NUMBERS = ("mean_before", "mean_after", "mean_difference", "ci_low", "ci_high", "effect_size")
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
        for name in NUMBERS:  # blank where the group is too small or the figure does not exist
            value = getattr(self.change, name) if self.shown else None
            setattr(self, name, "" if value is None else round(value, 2))
        self._follow_up(values)

    def _follow_up(self, values):
        """The mean weeks later, and the share of the gain kept, over the classes that had a follow-up."""
        self.mean_follow_up = self.gain_kept = ""
        n = values["n_follow_up"] or 0
        if not self.shown or n < SMALLEST_GROUP:
            return
        later = values["sum_follow_up"] / n
        self.mean_follow_up = round(later, 2)
        if values["followed_up_n_before"] and values["followed_up_n_after"]:
            before = values["followed_up_sum_before"] / values["followed_up_n_before"]
            after = values["followed_up_sum_after"] / values["followed_up_n_after"]
            if after > before:
                self.gain_kept = f"{round(100 * (later - before) / (after - before))}%"

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
    followed_up = Q(n_follow_up__gt=0)
    grouped = (ItemResult.objects.filter(run__in=runs).values("item_key", "version", "kind")
               # the sums over the classes that had a follow-up come first: after them, the totals
               # take the fields' names
               .annotate(**{f"followed_up_{name}": Sum(name, filter=followed_up)
                            for name in ("n_before", "sum_before", "n_after", "sum_after")},
                         sessions=Count("run", distinct=True), **{name: Sum(name) for name in SUM_FIELDS},
                         n_follow_up=Sum("n_follow_up"), sum_follow_up=Sum("sum_follow_up"))
               .order_by("item_key", "version"))
    texts = item_texts()
    return [ReportRow(values, texts) for values in grouped]


def totals(runs):
    found = runs.aggregate(sessions=Count("pk"), pupils=Sum("pupils"))
    return {"sessions": found["sessions"], "pupils": found["pupils"] or 0}
