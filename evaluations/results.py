"""Keeping a class's evaluation as sums (called by the classroom when a session ends)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from lessons.models.evaluation import AGREES_FROM

from .models import SMALLEST_GROUP, EvaluationRun, ItemResult
from .statistics import PairedSums


@transaction.atomic
def record_class(lesson, items, pupils):
    """`items`: (Item, [(before, after) per pupil]) for each item asked. Stores sums only."""
    today = timezone.localdate()
    run = EvaluationRun.objects.create(
        lesson=lesson, module=lesson.get_parent(), locale_id=lesson.locale_id,
        week=today - timedelta(days=today.weekday()), pupils=pupils,
    )
    ItemResult.objects.bulk_create([
        ItemResult(run=run, item_key=item.key, version=item.version, kind=item.kind,
                   **vars(PairedSums.of(answers, agree_from=AGREES_FROM if item.is_agreement else None)))
        for item, answers in items
    ])
    return run


@transaction.atomic
def record_follow_up(run, items, pupils):
    """The follow-up weeks later of the class behind `run`: `items` is (Item, [value per pupil])."""
    results = {(result.item_key, result.version): result for result in run.items.select_for_update()}
    for item, values in items:
        result = results.get((item.key, item.version))
        if result is None:  # the item was reworded since: its answers cannot be compared
            continue
        given = [value for value in values if value is not None]
        hit_from = AGREES_FROM if item.is_agreement else 1
        result.n_follow_up, result.sum_follow_up = len(given), sum(given)
        result.hits_follow_up = sum(1 for value in given if value >= hit_from)
        result.save(update_fields=["n_follow_up", "sum_follow_up", "hits_follow_up"])
    run.follow_up_pupils = pupils
    run.save(update_fields=["follow_up_pupils"])


def _percent(part, whole):
    return round(100 * part / whole) if whole else None


class FollowUpRow:
    """One item of a class's follow-up: the share who agreed (or chose the right answer) before
    and after the lesson, from what the lesson's session kept, and now."""

    def __init__(self, item, result, values):
        self.item = item
        given = [value for value in values if value is not None]
        hit_from = AGREES_FROM if item.is_agreement else 1
        self.shown = result is not None and result.pairs >= SMALLEST_GROUP and len(given) >= SMALLEST_GROUP
        self.before = _percent(result.hits_before, result.pairs) if self.shown else None
        self.after = _percent(result.hits_after, result.pairs) if self.shown else None
        self.now = _percent(sum(1 for value in given if value >= hit_from), len(given)) if self.shown else None


def follow_up_rows(run, items, pupils):
    """The rows of a class's follow-up, or None when too few pupils answered then or now."""
    if run.pupils < SMALLEST_GROUP or pupils < SMALLEST_GROUP:
        return None
    results = {(result.item_key, result.version): result for result in run.items.all()}
    return [FollowUpRow(item, results.get((item.key, item.version)), values) for item, values in items]


NOTICEABLE = 5  # percentage points


class ClassRow:
    """One item of a class's change, as the projector shows it: the share who agreed (or chose
    the right answer) before and after, among the pupils who answered both."""

    def __init__(self, item, answers):
        self.item = item
        pairs = [(before, after) for before, after in answers if before is not None and after is not None]
        self.pairs = len(pairs)
        self.shown = self.pairs >= SMALLEST_GROUP
        hit = (lambda value: value >= AGREES_FROM) if item.is_agreement else (lambda value: value == 1)
        self.before = round(100 * sum(1 for before, _after in pairs if hit(before)) / self.pairs) if self.shown else None
        self.after = round(100 * sum(1 for _before, after in pairs if hit(after)) / self.pairs) if self.shown else None

    @property
    def trend(self):
        """"more", "same" or "fewer": how the class moved, in steps a class would notice (5 points)."""
        if not self.shown:
            return None
        if self.after - self.before >= NOTICEABLE:
            return "more"
        return "fewer" if self.before - self.after >= NOTICEABLE else "same"


def class_rows(items, pupils):
    """The rows of a class's change, or None when fewer than SMALLEST_GROUP pupils answered both times."""
    if pupils < SMALLEST_GROUP:
        return None
    return [ClassRow(item, answers) for item, answers in items]
