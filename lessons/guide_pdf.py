"""Teacher guide PDFs: made with WeasyPrint once per set of published revisions,
stored with the site's media storage, served from there.

A stored PDF is keyed by a fingerprint of everything it was made from (the live
revisions of the guide, its lesson and its quiz; the helplines; the template
version). Publishing any of them changes the fingerprint, so the next download,
or the publish signal itself, makes a fresh PDF; a missing file is made on the spot.
"""

import logging
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.http import FileResponse, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from cms.models import Helpline, ReportingRoute

from .models import GuideDownloadCount, GuidePdf, TeacherGuidePage
from .models.guides import fingerprint, guide_help_box

logger = logging.getLogger(__name__)

# Change when the PDF templates or styles change, so stored PDFs are made again.
PDF_TEMPLATE_VERSION = 1
PDF_STYLESHEET = "lessons/css/guide-pdf.css"


def _allowed_roots():
    roots = [Path(settings.MEDIA_ROOT).resolve()]
    roots += [Path(path).resolve() for path in finders.searched_locations if path]
    return roots


def check_local_url(url):
    """Only the site's own static and media files (and data: URIs) may go into
    a PDF: it never makes a request to another host or reads other files."""
    if url.startswith("data:"):
        return
    if url.startswith("file://"):
        path = Path(unquote(url[len("file://"):].split("?")[0])).resolve()
        if any(path.is_relative_to(root) for root in _allowed_roots()):
            return
    raise ValueError(f"The guide PDF may only use the site's own files, not {url}")


def local_files_fetcher():
    from weasyprint.urls import URLFetcher

    class LocalFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            check_local_url(url)
            return super().fetch(url, headers)

    return LocalFilesOnly(allowed_protocols={"file", "data"})


def _static_uri(path):
    found = finders.find(path)
    return Path(found).resolve().as_uri() if found else ""


def _safeguarding_fingerprint(locale):
    return (
        list(Helpline.objects.filter(locale=locale).values_list("name", "number", "hours", "description")),
        list(ReportingRoute.objects.filter(locale=locale).values_list("name", "audience", "description", "link")),
    )


def render_pdf(guides, title, request=None):
    """One PDF with the given guides, in their language."""
    from weasyprint import CSS, HTML

    locale = guides[0].locale
    with translation.override(locale.language_code):
        html = render_to_string(
            "lessons/pdf/guides.html",
            {
                "guides": [(guide, guide.lesson, guide.answer_key()) for guide in guides],
                "title": title,
                "language_name": locale.get_display_name(),
                "LANGUAGE_CODE": locale.language_code,
                "logo_uri": _static_uri("cms/img/logo.svg"),
                "guide_help_box": guide_help_box(),
            },
            request=request,
        )
        fetcher = local_files_fetcher()
        stylesheet = CSS(filename=finders.find(PDF_STYLESHEET), url_fetcher=fetcher)
        return HTML(string=html, base_url=str(settings.MEDIA_ROOT), url_fetcher=fetcher).write_pdf(
            stylesheets=[stylesheet]
        )


def _stored_or_new(page, guides, title, filename, request=None):
    """The stored PDF's bytes or file, making and storing it when needed."""
    sources = [source for guide in guides for source in guide.pdf_sources()]
    key = fingerprint(PDF_TEMPLATE_VERSION, page.pk, sources, _safeguarding_fingerprint(page.locale))
    stored = GuidePdf.objects.filter(fingerprint=key).first()
    if stored and stored.file.storage.exists(stored.file.name):
        return stored.file.open("rb"), stored
    content = render_pdf(guides, title, request)
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
    return _stored_or_new(guide, [guide], guide.title, guide.pdf_filename(), request)


def module_pdf(module, request=None):
    guides = list(TeacherGuidePage.objects.live().public().descendant_of(module).order_by("path").specific())
    return guides, (
        _stored_or_new(module, guides, module.title, module_pdf_filename(module), request) if guides else (None, None)
    )


def module_pdf_filename(module):
    return f"upstander-{module.slug}-teacher-guides-{module.locale.language_code}.pdf"


def serve_guide_pdf(request, guide):
    body, _stored = guide_pdf(guide, request)
    GuideDownloadCount.add_one(guide)
    return _pdf_response(body, guide.pdf_filename())


def serve_module_pdf(request, module):
    from django.http import Http404

    guides, (body, _stored) = module_pdf(module, request)
    if not guides:
        raise Http404
    GuideDownloadCount.add_one(module)
    return _pdf_response(body, module_pdf_filename(module))
