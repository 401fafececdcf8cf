"""What is overdue for a check: lessons, teacher guides, helplines and reporting
routes whose "check again by" date has passed, per language."""

from collections import defaultdict

from django.apps import apps
from django.utils import timezone

REVIEWED_MODELS = ["lessons.LessonPage", "lessons.TeacherGuidePage", "cms.Helpline", "cms.ReportingRoute"]


def overdue(today=None):
    """{language name: [(kind, item)]}, most overdue first, one query per kind."""
    today = today or timezone.localdate()
    found = defaultdict(list)
    for name in REVIEWED_MODELS:
        model = apps.get_model(name)
        for item in model.objects.filter(review_by__lt=today).select_related("locale").order_by("review_by"):
            found[item.locale.get_display_name()].append((model._meta.verbose_name, item))
    return dict(sorted(found.items()))


def overdue_count(today=None):
    today = today or timezone.localdate()
    return sum(apps.get_model(name).objects.filter(review_by__lt=today).count() for name in REVIEWED_MODELS)
