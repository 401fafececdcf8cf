"""Site-wide middleware: security headers on every response, a kind 503 when
the database is down, and a rate limit on the admin sign-in."""

import logging

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.template.loader import render_to_string
from django.http import HttpResponse
from django.utils.translation import gettext as _

from .ratelimit import is_limited

logger = logging.getLogger(__name__)


def _policy(directives):
    return "; ".join(f"{name} {' '.join(values)}".strip() for name, values in directives.items())


def site_policy():
    """No inline scripts, nothing from another host; videos from other sites
    (loaded only on a click) only from the providers listed in settings."""
    return _policy({
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'", *settings.UPSTANDER_CSP_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    })


# Wagtail's admin still needs inline scripts and styles; it is behind a login.
ADMIN_POLICY = _policy({
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-ancestors": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
})
# Uploaded files (an SVG can hold a script) are never run as part of the site.
MEDIA_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), "
    "browsing-topics=(), fullscreen=(self)"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.site_policy = site_policy()

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path_info
        if path.startswith(settings.MEDIA_URL):
            policy = MEDIA_POLICY
        elif path.startswith(("/admin/", "/django-admin/")):
            policy = ADMIN_POLICY
        else:
            policy = self.site_policy
        response.setdefault("Content-Security-Policy", policy)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


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
        logger.error("Database unavailable: %s", exception)
        html = render_to_string("503.html", {"request": None})
        response = HttpResponse(html, status=503)
        response["Retry-After"] = "60"
        return response


class AdminLoginRateLimitMiddleware:
    """At most a few sign-in attempts per client address and minute (kept in the cache)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info.rstrip("/") == "/admin/login":
            if is_limited(request, "admin-login", *settings.UPSTANDER_ADMIN_LOGIN_LIMIT):
                return HttpResponse(
                    _("Too many sign-in attempts from your connection. Please wait a few minutes and try again."),
                    status=429, content_type="text/plain; charset=utf-8",
                )
        return self.get_response(request)
