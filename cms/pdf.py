"""PDFs made with WeasyPrint from the site's own HTML: only the site's own files
go in (never a request to another host), and every PDF is tagged PDF/UA-1."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

# Tagged PDF/UA-1: a structure tree with headings, lists, tables and figures
# (with their text alternatives) in reading order, the document's language and
# its title shown instead of the file name, so screen readers can read it.
PDF_VARIANT = "pdf/ua-1"


def _allowed_roots():
    roots = [Path(settings.MEDIA_ROOT).resolve()]
    roots += [Path(path).resolve() for path in finders.searched_locations if path]
    return roots


def check_local_url(url):
    """Only the site's own static and media files (and data: URIs) may go into
    a PDF: it never makes a request to another host or reads other files.
    Returns the URL to fetch: the checked file itself, rebuilt from its resolved
    path, so a query or "#fragment" can never point the fetch somewhere else."""
    if url.startswith("data:"):
        return url
    parts = urlsplit(url)
    if parts.scheme == "file" and parts.netloc in ("", "localhost"):
        path = Path(unquote(parts.path)).resolve()
        if any(path.is_relative_to(root) for root in _allowed_roots()):
            return path.as_uri()
    raise ValueError(f"A PDF may only use the site's own files, not {url}")


def local_files_fetcher():
    from weasyprint.urls import URLFetcher

    class LocalFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            return super().fetch(check_local_url(url), headers)

    return LocalFilesOnly(allowed_protocols={"file", "data"})


def static_uri(path):
    found = finders.find(path)
    return Path(found).resolve().as_uri() if found else ""


def static_bytes(path):
    found = finders.find(path)
    return Path(found).read_bytes() if found else b""


def render_pdf(html, stylesheet):
    """The PDF of `html`, styled by the static file `stylesheet`."""
    from weasyprint import CSS, HTML

    fetcher = local_files_fetcher()
    css = CSS(filename=finders.find(stylesheet), url_fetcher=fetcher)
    return HTML(string=html, base_url=str(settings.MEDIA_ROOT), url_fetcher=fetcher).write_pdf(
        stylesheets=[css], pdf_variant=PDF_VARIANT
    )
