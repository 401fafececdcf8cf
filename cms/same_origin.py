"""One-click buttons that work without a per-visitor CSRF token: "I support this",
the classroom view switch, "Run this quiz live".

Why: these buttons sit on the lesson, module and home pages, which are the same
bytes for every anonymous visitor so that a shared cache (a reverse proxy, a CDN)
may keep them (cms.page_cache). A page like that cannot carry a token of its own
per visitor. The buttons are protected instead the way large petition sites
protect their one-click actions:

- this Origin check: a browser names the site a form was sent from in the Origin
  header (current browsers do on every POST). It must be this site itself (the
  request's own scheme and host, which ALLOWED_HOSTS has vetted) or one of
  CSRF_TRUSTED_ORIGINS. When a browser leaves Origin out, the Referer's origin
  counts instead (our Referrer-Policy, same-origin, keeps it on our own requests).
  A POST with neither, or with "null" (a sandboxed frame, a data: URL), is refused:
  another site's page can make a visitor's browser send a form, but it cannot make
  the browser name our site as the sender;
- SameSite=Lax cookies (the session, CSRF and classroom cookies): a form sent from
  another site carries none of them;
- the rate limits each view keeps (cms.ratelimit), which an attacker spreading
  POSTs over many visitors' browsers would otherwise get round.

What such a POST could do is small in any case: count one anonymous support, hide
the campaign box on one device, start an empty classroom session. Forms that take
personal data (signing a petition) or act for a signed-in editor keep Django's
CSRF token, and their pages stay private."""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.http import is_same_domain
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .views import bad_request

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


def _origin_of(url):
    """"https://example.org" for "https://example.org/en/x/?y", lowercased; "" for anything else."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}".lower()


def _is_trusted(origin):
    """One of CSRF_TRUSTED_ORIGINS, with Django's wildcard form ("https://*.example.org")."""
    scheme, _sep, netloc = origin.partition("://")
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        trusted_scheme, _sep, trusted_netloc = trusted.lower().partition("://")
        if trusted_scheme != scheme:
            continue
        if netloc == trusted_netloc or (trusted_netloc.startswith("*") and is_same_domain(netloc, trusted_netloc[1:])):
            return True
    return False


def is_same_origin(request):
    """True when the browser says the request was sent from a page of this site."""
    origin = request.META.get("HTTP_ORIGIN")
    sender = _origin_of(origin) if origin is not None else _origin_of(request.META.get("HTTP_REFERER", ""))
    if not sender:
        return False
    return sender == f"{request.scheme}://{request.get_host()}".lower() or _is_trusted(sender)


def same_origin_only(view):
    """Decorator for a one-click action: no CSRF token asked for (csrf_exempt); a POST
    (or any other unsafe method) from another site gets a 403 page and the view never runs."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method not in SAFE_METHODS and not is_same_origin(request):
            return bad_request(
                request,
                _("This button only works on this website’s own pages. Go back to the page and press it there."),
                status=403,
            )
        return view(request, *args, **kwargs)

    return csrf_exempt(checked)
