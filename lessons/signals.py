"""Publishing a guide, its lesson or its quiz makes the guide's PDF afresh."""

import logging

from django.conf import settings
from django.db import transaction
from wagtail.signals import page_published

logger = logging.getLogger(__name__)


def guide_affected_by(page):
    from quizzes.models import QuizPage

    from .models import LessonPage, TeacherGuidePage

    if isinstance(page, TeacherGuidePage):
        return page
    if isinstance(page, QuizPage):
        page = page.get_parent().specific
    if isinstance(page, LessonPage):
        return page.guide()
    return None


def refresh_guide_pdf(sender, instance, **kwargs):
    if not settings.UPSTANDER_GUIDE_PDF_ON_PUBLISH:
        return
    guide = guide_affected_by(instance.specific)
    if guide is None:
        return

    def make():
        from .models.pdfs import guide_pdf

        try:
            guide_pdf(type(guide).objects.get(pk=guide.pk))
        except Exception:  # a PDF problem must never undo a publish; the download makes it on the spot
            logger.exception("Could not make the PDF of guide %s after publishing", guide.pk)

    transaction.on_commit(make)


def connect():
    from django.db.models.signals import post_delete, post_save

    from cms import page_cache

    from .models import DisclosureCard

    page_published.connect(refresh_guide_pdf, dispatch_uid="lessons.refresh_guide_pdf")
    # Every guide page shows the disclosure card: an edit must reach the cached pages.
    post_save.connect(page_cache.new_generation, sender=DisclosureCard, dispatch_uid="lessons.card_saved")
    post_delete.connect(page_cache.new_generation, sender=DisclosureCard, dispatch_uid="lessons.card_deleted")
