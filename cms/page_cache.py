"""Published pages cached for anonymous visitors, so a cache hit touches no database.

A page type opts in with `cacheable = True`. Only plain GETs without a query
string or a session are served from the cache; a publish (or a change to the
safeguarding entries, or to a page's view restrictions) starts a new cache
generation, so nothing stale survives it. Forms on cached pages carry a
placeholder where the CSRF token goes; every response gets the visitor's own
token there, cached or not. Never stored: a page behind a password or a login,
and any response whose rendering used a real CSRF token (it belongs to one
visitor).

Shared caches (a reverse proxy, a CDN, the browser's own cache):

- A page is `Cache-Control: public, max-age=UPSTANDER_PUBLIC_MAX_AGE` when it is the
  same bytes for every anonymous visitor: exactly the responses this cache may store
  (a cacheable page type, a plain GET, no session or classroom cookie, no view
  restriction, no cookie set, no CSRF token in it: its buttons are checked by Origin
  instead, cms.same_origin). A hit and a miss send the same headers.
- Every other response of a page URL is `private`: a signed-in editor's (the
  userbar), a classroom device's (campaign box hidden), one with a query string
  (?supported=1 says thank you); Wagtail makes previews and restricted pages
  private (never-cache) itself. So is any response that used a real
  CSRF token (the quiz, the petition page's signature form, the classroom join page)
  or had the token placeholder filled in (`private, no-cache`).
- Page responses carry `Vary: Cookie`, public ones included. `private` alone only
  keeps a cache from *storing* a cookie-dependent page; a cache still picks what it
  *serves* by URL, so without Vary it would hand the stored anonymous copy to a
  classroom device whose teacher hid the campaign box, or to an editor, and the
  browser would show its own anonymous copy again right after the classroom switch
  redirects back to the same URL. Vary: Cookie makes every HTTP cache use a stored
  copy only for requests with the same cookies. The cost: a visitor with some other
  cookie (their language choice, the CSRF cookie after a quiz) gets a copy of their
  own in a shared cache; a proxy may share one copy among them by bypassing its cache
  for the session and UPSTANDER_PAGE_CACHE_SKIP_COOKIES cookies and leaving the
  Cookie header out of its key (README.md)."""

import contextvars
import gzip
import hashlib
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import DatabaseError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import compress_string
from django.http.request import split_domain_port
from django.urls import Resolver404, resolve
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_from_path, override
from wagtail.models import Site

CSRF_PLACEHOLDER = "__upstander_csrf_token__"
GENERATION_KEY = "page-cache:generation"


def placeholder_input():
    return mark_safe(f'<input type="hidden" name="csrfmiddlewaretoken" value="{CSRF_PLACEHOLDER}">')


# The generation read once per request (every cache below asks for it, each asking
# would be a round trip to Redis); outside a request it is read every time.
_request_generation = contextvars.ContextVar("page_cache_generation", default=None)


def _start_request(**kwargs):
    _request_generation.set(0)  # 0: inside a request, not read yet


def _end_request(**kwargs):
    _request_generation.set(None)


request_started.connect(_start_request, dispatch_uid="page_cache.start_request")
request_finished.connect(_end_request, dispatch_uid="page_cache.end_request")


def generation():
    """The current generation: every cache made from published content is keyed on it."""
    memo = _request_generation.get()
    if memo:
        return memo
    current = cache.get(GENERATION_KEY)
    if current is None:  # a new cache (or Redis restarted): generations start again, so do the memos
        _site_keys.clear()
        _copies.clear()
        cache.add(GENERATION_KEY, _first_generation(), None)
        current = cache.get(GENERATION_KEY) or _first_generation()
    _note_generation(current)
    if memo == 0:
        _request_generation.set(current)
    return current


def _first_generation():
    """Generations start from the clock (in milliseconds), not from 1: after Redis restarts
    empty, no process may take a new generation for one its memos and copies were made in."""
    return time.time_ns() // 1_000_000


def _remember_generation(current):
    """The generation read along with a page: the rest of this request need not read it again."""
    if _request_generation.get() == 0:
        _request_generation.set(current)


def new_generation(**kwargs):
    """Forget every cached page (after a publish, an unpublish, a settings change)."""
    try:
        _note_generation(cache.incr(GENERATION_KEY))
    except ValueError:
        current = _first_generation()
        cache.set(GENERATION_KEY, current, None)
        _note_generation(current)
    if _request_generation.get() is not None:
        _request_generation.set(0)  # this request reads the new one


_generation_values = {}  # key -> value made in the generation the key names; emptied when it changes
_MAX_GENERATION_VALUES = 1000
FOR_GENERATION_SECONDS = 24 * 3600


def for_generation(name, build):
    """A value made from published content (menus, the site, the locales, the restricted
    sections), made once per generation: the shared cache keeps it for every process, and
    this process remembers it until the generation changes, so a page asks the shared cache
    for it once per publish instead of at every request. `build()` makes it; its result is
    shared by the requests of this process, so callers must not change it."""
    current = generation()
    key = f"{name}:{current}"
    if _generation_values.get("generation") != current or len(_generation_values) > _MAX_GENERATION_VALUES:
        _generation_values.clear()
        _generation_values["generation"] = current
    try:
        return _generation_values[key]
    except KeyError:
        pass
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, FOR_GENERATION_SECONDS)
    _generation_values[key] = value
    return value


_MISSING = object()


def site_ids_for_hostname(hostname):
    """The ids of the Wagtail sites that claim this hostname, in Wagtail's order, from its cached root paths."""
    return list(dict.fromkeys(root.site_id for root in for_generation("site-root-paths", Site.get_site_root_paths)
                              if urlsplit(root.root_url).hostname == hostname))


_site_keys = {}  # hostname -> (generation, site key), this process's memo; a new generation checks again


def _site_key(request, current_generation):
    """The Wagtail site a request is for, from Wagtail's cached root paths. A Host
    with another port, or a host no site claims (it gets the default site), never
    makes a cache entry of its own."""
    hostname = split_domain_port(request.get_host())[0]
    memo = _site_keys.get(hostname)
    if memo is not None and memo[0] == current_generation:
        return memo[1]
    site_ids = site_ids_for_hostname(hostname)
    site_key = site_ids[0] if site_ids else "default"
    if len(_site_keys) > 100:  # ALLOWED_HOSTS bounds the hostnames; this bounds the memo whatever it says
        _site_keys.clear()
    _site_keys[hostname] = (current_generation, site_key)
    return site_key


def _path_key(site_key, request):
    path = hashlib.sha256(request.path.encode("utf-8", "surrogatepass")).hexdigest()  # any path makes a short, safe key
    return f"page-cache:{site_key}:{path}"


def _key(request):
    return _path_key(_site_key(request, generation()), request)


# key -> entry: this process's copies of stored pages, so a hit need not fetch the page from
# the shared cache each time. A copy is used only while the shared generation is still the
# one it was made in and the stored page has not expired, so a publish or a new count made by
# any process is seen at once by all of them: nothing here is state only one process knows.
_copies = {}
_MAX_COPIES = 500


def _keep_copy(key, entry):
    if len(_copies) >= _MAX_COPIES:  # bounds the memory however many pages a site has
        _copies.clear()
    _copies[key] = entry


# The shared generation as this process last read it, and when. A hit on a copy trusts it for
# GENERATION_TRUSTED_FOR seconds rather than asking the shared cache at every request: that
# round trip was most of what a hit cost (at school-day load a worker serves hundreds of hits
# a second). A publish in this process is seen at once; one in another process within that
# time, which is far less than the public max-age a proxy or a browser may keep the page for.
GENERATION_TRUSTED_FOR = 0.1
_last_read = {"generation": None, "at": float("-inf")}


def forget_local_copies():
    """Forget what this process remembers of the shared cache (its pages, the generation and
    the hostnames' sites), as after the shared cache was emptied under it."""
    _copies.clear()
    _site_keys.clear()
    _generation_values.clear()
    _note_generation(None)


def _note_generation(current):
    _last_read.update(generation=current, at=time.monotonic())


def _shared_generation_is(expected):
    if _last_read["generation"] == expected and time.monotonic() - _last_read["at"] < GENERATION_TRUSTED_FOR:
        return True
    current = cache.get(GENERATION_KEY)
    _note_generation(current)
    return current == expected


def _stored_page(request):
    """The stored page for this request, or None. A page is stored with the generation it
    was made in, under a key without it (a new generation replaces it in place). Once this
    process knows the hostname's site, a hit is one round trip to the cache: the generation
    alone when this process holds a copy of the page (not even that when it read the
    generation less than GENERATION_TRUSTED_FOR ago), the generation and the page together
    when it does not. A page of an older generation is a miss."""
    memo = _site_keys.get(split_domain_port(request.get_host())[0])
    if memo is not None:
        key = _path_key(memo[1], request)
        copy = _copies.get(key)
        if copy is not None and copy["generation"] == memo[0] and copy["expires"] > time.time():
            if _shared_generation_is(memo[0]):
                _remember_generation(memo[0])
                return copy
        found = cache.get_many([GENERATION_KEY, key])
        _note_generation(found.get(GENERATION_KEY))
        if found.get(GENERATION_KEY) == memo[0]:
            _remember_generation(memo[0])
            entry = found.get(key)
            if entry is not None and entry.get("generation") == memo[0] and "expires" in entry:
                _keep_copy(key, entry)
                return entry
            return None
    current = generation()
    entry = cache.get(_key(request))
    return entry if entry is not None and entry.get("generation") == current and "expires" in entry else None


_page_urls = {}  # path -> whether Wagtail's page view serves it: URL patterns never change while running


def _is_page_url(request):
    """Only Wagtail's page URLs can be in the page cache: other views (a live class's poll,
    search) skip the lookup altogether. Asked before LocaleMiddleware has chosen the
    language, so the path is resolved in the language its prefix names (i18n_patterns
    only match the active language's prefix); the answer is remembered per path."""
    path = request.path_info
    known = _page_urls.get(path)
    if known is None:
        known = _resolves_to_a_page(path)
        if len(_page_urls) >= 10_000:  # any path can be asked for: this bounds the memory
            _page_urls.clear()
        _page_urls[path] = known
    return known


def _resolves_to_a_page(path):
    language = get_language_from_path(path)
    if language is None:
        return False
    try:
        with override(language):
            return resolve(path).url_name == "wagtail_serve"
    except Resolver404:
        return False


def _is_shared_request(request):
    """A request any anonymous visitor could make: no query string, no session, no cookie
    that changes the page, not Wagtail's preview."""
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not any(name in request.COOKIES for name in settings.UPSTANDER_PAGE_CACHE_SKIP_COOKIES)
        and not getattr(request, "is_dummy", False)
        and _is_page_url(request)
    )


def can_serve_from_cache(request):
    return settings.UPSTANDER_PAGE_CACHE_SECONDS > 0 and _is_shared_request(request)


def mark_cacheable(page, request, serve_args, serve_kwargs):
    """Wagtail's before_serve_page hook: remember that this response is the same for every
    anonymous visitor (so it may be stored, and sent public). A restricted page never is,
    whatever order the hooks run in."""
    if (getattr(page.specific_class, "cacheable", False) and _is_shared_request(request)
            and not page.get_view_restrictions().exists()):
        request._shared_page = True
        if settings.UPSTANDER_PAGE_CACHE_SECONDS > 0:
            request._page_cache_key = _key(request)


def _served_a_page(request):
    """The response came from Wagtail's page view (a page, a route of one, a page's 404)."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "wagtail_serve"


# Headers of a stored page that belong to one response, not to the page: the hit sets its own.
_PER_RESPONSE_HEADERS = {"content-length", "content-encoding", "set-cookie", "x-page-cache", "date"}


class PageCacheMiddleware:
    """Serves a stored page, and stores a page PageResponseMiddleware found the same for
    every anonymous visitor. It sits right below WhiteNoise: a hit is answered before
    sessions, the language, CSRF, authentication and the view are looked at (none of them
    would change the bytes), with the headers the miss went out with, so a hit costs about
    what a static file does. It stores pages on the way out for the same reason: the
    headers every middleware below it added (Content-Language, X-Frame-Options, Vary,
    Cache-Control) are stored with the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if can_serve_from_cache(request):
            try:
                stored = _stored_page(request)
            except DatabaseError:  # the site lookup needs the database: let the view say it is down
                stored = None
            if stored is not None:
                return self._hit(request, stored)
        response = self.get_response(request)
        entry = getattr(request, "_page_cache_entry", None)
        if entry is not None and response.get("X-Page-Cache") == "miss":
            entry["headers"] = [(name, value) for name, value in response.items()
                                if name.lower() not in _PER_RESPONSE_HEADERS]
            cache.set(request._page_cache_key, entry, settings.UPSTANDER_PAGE_CACHE_SECONDS)
            _keep_copy(request._page_cache_key, entry)
        return response

    @staticmethod
    def _hit(request, stored):
        """The stored page; compressed once when it was stored, not at every hit."""
        if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            response = HttpResponse(stored["gzip"])
            response["Content-Encoding"] = "gzip"
        else:
            response = HttpResponse(gzip.decompress(stored["gzip"]))  # a rare client: compressed once, kept once
        for name, value in stored["headers"]:
            response[name] = value
        response["Content-Length"] = str(len(response.content))
        response["X-Page-Cache"] = "hit"
        return response


class PageResponseMiddleware:
    """Says who may keep a page response (the module's docstring), fills in the visitor's
    CSRF token where a form on a page has the placeholder, and hands a page that is the
    same for every anonymous visitor to PageCacheMiddleware to store. It sits where the
    view's response is final but CSRF's cookie is still to be set (below
    CsrfViewMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        used_a_real_token = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or "CSRF_COOKIE_USED" in request.META)
        shared = (getattr(request, "_shared_page", False) and response.status_code == 200 and not response.streaming
                  and not response.cookies and not used_a_real_token
                  and response.get("Content-Type", "").startswith("text/html"))
        with_token = self._with_token(request, response)
        if shared and not with_token and getattr(request, "_page_cache_key", None):
            request._page_cache_entry = {"gzip": compress_string(response.content), "generation": generation(),
                                         "expires": time.time() + settings.UPSTANDER_PAGE_CACHE_SECONDS}
            response["X-Page-Cache"] = "miss"
        if with_token:
            response["Cache-Control"] = "private, no-cache"
        elif shared and settings.UPSTANDER_PUBLIC_MAX_AGE > 0:
            patch_cache_control(response, public=True, max_age=settings.UPSTANDER_PUBLIC_MAX_AGE)
        elif _served_a_page(request) or used_a_real_token:
            patch_cache_control(response, private=True)
        if _served_a_page(request):
            patch_vary_headers(response, ("Cookie",))
        return response

    @staticmethod
    def _with_token(request, response):
        """Fill in the visitor's own token where the placeholder is; True when there was one."""
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return False
        placeholder = CSRF_PLACEHOLDER.encode()
        if placeholder not in response.content:
            return False
        response.content = response.content.replace(placeholder, get_token(request).encode())
        return True
