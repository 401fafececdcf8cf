"""Teacher guide PDFs: made with WeasyPrint, stored with the site's media
storage (GuidePdf), served from there and counted (GuideDownloadCount).

A stored PDF is keyed by a fingerprint of everything it shows: the HTML it is
made from (so the guide, lesson and quiz, the disclosure card, the helplines
and routes, the templates and the interface translations, whatever changes)
and the stylesheet and images it uses. Rendering that HTML is cheap next to
making the PDF, and nobody has to remember to bump a version: any change to an
input gives a new fingerprint, so the next download, or the publish signal
itself, makes a fresh PDF; a missing file is made on the spot.
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.http import FileResponse, Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms import pdf as cms_pdf
from cms.blocks import every_helpline_box
from cms.pdf import static_bytes

logger = logging.getLogger(__name__)

PDF_STYLESHEET = "lessons/css/guide-pdf.css"
PDF_LOGO = "cms/img/logo.svg"


class GuidePdf(models.Model):
    """A stored PDF: one per page and fingerprint of what it was made from."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    fingerprint = models.CharField(max_length=64, unique=True)
    file = models.FileField(upload_to="guides/")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stored guide PDF")


class GuideDownloadCount(models.Model):
    """How often a guide (or a module's pack) was downloaded: a number, nothing about who."""

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="+", primary_key=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("guide download count")

    @classmethod
    def add_one(cls, page):
        updated = cls.objects.filter(page=page).update(count=F("count") + 1)
        if not updated:
            cls.objects.get_or_create(page=page, defaults={"count": 0})
            cls.objects.filter(page=page).update(count=F("count") + 1)


def fingerprint(*parts):
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _file_bytes(static_path):
    return static_bytes(static_path)


def pdf_html(guides, title):
    """The HTML a PDF is made from, in the guides' language. Rendered without a
    request, so the same inputs give the same HTML on publish and on download."""
    locale = guides[0].locale
    with translation.override(locale.language_code):
        return render_to_string(
            "lessons/pdf/guides.html",
            {
                "guides": [(guide, guide.lesson, guide.answer_key()) for guide in guides],
                "title": title,
                "language_name": locale.get_display_name(),
                "LANGUAGE_CODE": locale.language_code,
                "logo_uri": cms_pdf.static_uri(PDF_LOGO),
                "guide_help_box": every_helpline_box(),
            },
        )


def pictogram_cards_html(lesson):
    """The HTML of a lesson's pictogram cards: one card per pictogram its easy-read version uses."""
    from .. import pictograms

    with translation.override(lesson.locale.language_code):
        return render_to_string(
            "lessons/pdf/pictogram_cards.html",
            {
                "lesson": lesson,
                "title": _("Pictogram cards: %(lesson)s") % {"lesson": lesson.title},
                "cards": [pictograms.PICTOGRAMS[name] for name in lesson.easy_read_pictograms()
                          if name in pictograms.PICTOGRAMS],
                "LANGUAGE_CODE": lesson.locale.language_code,
            },
        )


def render_pdf(html):
    return cms_pdf.render_pdf(html, PDF_STYLESHEET)


def pdf_fingerprint(page, html):
    return fingerprint(page.pk, html, _file_bytes(PDF_STYLESHEET), _file_bytes(PDF_LOGO))


def _stored_or_new(page, html, filename):
    """The stored PDF's bytes or file, making and storing it when needed."""
    key = pdf_fingerprint(page, html)
    stored = GuidePdf.objects.filter(fingerprint=key).first()
    if stored and stored.file.storage.exists(stored.file.name):
        return stored.file.open("rb"), stored
    content = render_pdf(html)
    try:
        with transaction.atomic():
            for old in GuidePdf.objects.filter(page=page):
                old.file.delete(save=False)
                old.delete()
            stored = GuidePdf(page=page, fingerprint=key)
            stored.file.save(filename, ContentFile(content), save=True)
    except (IntegrityError, OSError):  # made twice at once, or storage refused: still serve what we made
        logger.exception("Could not store the guide PDF for page %s", page.pk)
        return content, None
    return content, stored


def _pdf_response(body, filename):
    if isinstance(body, bytes):
        response = HttpResponse(body, content_type="application/pdf")
    else:
        response = FileResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def guide_pdf(guide, request=None):
    return _stored_or_new(guide, pdf_html([guide], guide.title), guide.pdf_filename())


def module_pdf(module, guides, request=None):
    return _stored_or_new(module, pdf_html(guides, module.title), module_pdf_filename(module))


def module_pdf_filename(module):
    return f"upstander-{module.slug}-teacher-guides-{module.locale.language_code}.pdf"


def serve_guide_pdf(request, guide):
    body, _stored = guide_pdf(guide, request)
    GuideDownloadCount.add_one(guide)
    return _pdf_response(body, guide.pdf_filename())


def serve_module_pdf(request, module, guides):
    if not guides:
        raise Http404
    body, _stored = module_pdf(module, guides, request)
    GuideDownloadCount.add_one(module)
    return _pdf_response(body, module_pdf_filename(module))


def pictogram_cards_filename(lesson):
    return f"upstander-{lesson.slug}-pictogram-cards-{lesson.locale.language_code}.pdf"


def serve_pictogram_cards(request, lesson):
    body, _stored = _stored_or_new(lesson, pictogram_cards_html(lesson), pictogram_cards_filename(lesson))
    return _pdf_response(body, pictogram_cards_filename(lesson))
