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


def class_rows(items, pupils):
    """The rows of a class's change, or None when fewer than SMALLEST_GROUP pupils answered both times."""
    if pupils < SMALLEST_GROUP:
        return None
    return [ClassRow(item, answers) for item, answers in items]
