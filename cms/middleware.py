"""Site-wide middleware: security headers on every response, text sent
compressed, and a kind 503 when the database is down."""

import logging

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.template.loader import render_to_string
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

from .http import database_is_reachable

logger = logging.getLogger(__name__)


# Wagtail's admin still needs inline scripts and styles; it is behind a login.
ADMIN_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-ancestors": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
}
# Uploaded files (an SVG can hold a script) are never run as part of the site.
# The reverse proxy that serves MEDIA_ROOT in production sends the same header (README).
MEDIA_POLICY = {
    "default-src": [NONE],
    "img-src": [SELF, "data:"],
    "style-src": [UNSAFE_INLINE],
    "sandbox": True,
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), "
    "browsing-topics=(), fullscreen=(self)"
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware (the site's policy is CONTENT_SECURITY_POLICY in
    settings), with the admin's and the uploads' own policies chosen by path."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:
            if request.path_info.startswith(settings.MEDIA_URL):
                parts.config = MEDIA_POLICY
            elif request.path_info.startswith("/admin/"):
                parts.config = ADMIN_POLICY
        return parts


class SecurityHeadersMiddleware:
    """The headers django-csp and Django's SecurityMiddleware don't send."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware for text only (HTML, JSON, XML, SVG, plain text): PDFs,
    images and videos are compressed already, and compressing a video again would only
    cost time.

    BREACH (guessing a secret in a compressed page from its size, by putting text of
    the attacker's in the same page over thousands of requests) finds nothing stable
    to guess here: Django masks the CSRF token anew on every response, the teacher
    panel's private link is signed with the time and works once, and the petition
    links' tokens are the very URL the visitor opened. Every cookie is SameSite=Lax,
    so another site cannot make a browser fetch signed-in or seated pages at all."""

    COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/javascript", "image/svg+xml")

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(self.COMPRESSIBLE):
            return response
        return super().process_response(request, response)


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, visitors get a calm 503 page that
    still shows the helpline (from settings), never a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)) and type(exception) is not DatabaseError:
            return None
        if database_is_reachable():  # the database refused one query: a bug to see, not an outage
            return None
        logger.error("Database unavailable: %s", exception)
        html = render_to_string("503.html", {"request": None})
        response = HttpResponse(html, status=503)
        response["Retry-After"] = "60"
        return response
