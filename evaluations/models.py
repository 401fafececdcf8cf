"""What is kept of a class's evaluation once its session ends: sums per item, never an
answer of one pupil (evaluations.statistics says why sums are enough)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Results are shown only for groups of at least this many pupils.
SMALLEST_GROUP = 5


class EvaluationRun(models.Model):
    """One class's evaluation: which lesson, in which language, in which week; no session, no seat."""

    lesson = models.ForeignKey("wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+")
    module = models.ForeignKey("wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.PROTECT, related_name="+")
    week = models.DateField(help_text=_("The Monday of the week the class answered (never the day or the hour)."))
    pupils = models.PositiveIntegerField(help_text=_("Pupils who answered both before and after."))
    follow_up_pupils = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Pupils who answered the follow-up weeks later (empty: none yet)."))

    class Meta:
        verbose_name = _("class evaluation")


class ItemResult(models.Model):
    """The sums of one item's answers in one class (evaluations.statistics.PairedSums)."""

    run = models.ForeignKey(EvaluationRun, on_delete=models.CASCADE, related_name="items")
    item_key = models.CharField(max_length=60)
    version = models.CharField(max_length=12)
    kind = models.CharField(max_length=10)
    n_before = models.PositiveIntegerField()
    sum_before = models.PositiveIntegerField()
    n_after = models.PositiveIntegerField()
    sum_after = models.PositiveIntegerField()
    pairs = models.PositiveIntegerField()
    sum_difference = models.IntegerField()
    sum_squared_difference = models.PositiveIntegerField()
    not_agreeing_before = models.PositiveIntegerField()
    moved_to_agree = models.PositiveIntegerField()
    hits_before = models.PositiveIntegerField(default=0)
    hits_after = models.PositiveIntegerField(default=0)
    # The follow-up weeks later: other devices, so never paired; class level only.
    n_follow_up = models.PositiveIntegerField(default=0)
    sum_follow_up = models.PositiveIntegerField(default=0)
    hits_follow_up = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["item_key", "version"])]
