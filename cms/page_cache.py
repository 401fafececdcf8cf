"""Published pages cached for anonymous visitors, so a cache hit touches no database.

A page type opts in with `cacheable = True`. Only plain GETs without a query
string or a session are served from the cache; a publish (or a change to the
safeguarding entries, or to a page's view restrictions) starts a new cache
generation, so nothing stale survives it. Forms on cached pages carry a
placeholder where the CSRF token goes; every response gets the visitor's own
token there, cached or not. Never stored: a page behind a password or a login,
and any response whose rendering used a real CSRF token (it belongs to one
visitor)."""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.http.request import split_domain_port
from django.urls import Resolver404, resolve
from django.utils.safestring import mark_safe
from wagtail.models import Site

CSRF_PLACEHOLDER = "__upstander_csrf_token__"
GENERATION_KEY = "page-cache:generation"


def placeholder_input():
    return mark_safe(f'<input type="hidden" name="csrfmiddlewaretoken" value="{CSRF_PLACEHOLDER}">')


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, None)
    return generation


def new_generation(**kwargs):
    """Forget every cached page (after a publish, an unpublish, a settings change)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def _site_key(request):
    """The Wagtail site a request is for, from Wagtail's cached root paths. A Host
    with another port, or a host no site claims (it gets the default site), never
    makes a cache entry of its own."""
    hostname = split_domain_port(request.get_host())[0]
    for root in Site.get_site_root_paths():
        if urlsplit(root.root_url).hostname == hostname:
            return root.site_id
    return "default"


def _key(request):
    path = hashlib.sha256(request.path.encode("utf-8", "surrogatepass")).hexdigest()  # any path makes a short, safe key
    return f"page-cache:{_generation()}:{_site_key(request)}:{path}"


def _is_page_url(request):
    """Only Wagtail's page URLs can be in the page cache: other views (a live class's poll,
    search) skip the lookup altogether."""
    try:
        return resolve(request.path_info).url_name == "wagtail_serve"
    except Resolver404:
        return False


def can_serve_from_cache(request):
    return (
        settings.UPSTANDER_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not any(name in request.COOKIES for name in settings.UPSTANDER_PAGE_CACHE_SKIP_COOKIES)
        and _is_page_url(request)
    )


def mark_cacheable(page, request, serve_args, serve_kwargs):
    """Wagtail's before_serve_page hook: remember that this response may be stored.
    A restricted page never is, whatever order the hooks run in."""
    if (getattr(page.specific_class, "cacheable", False) and can_serve_from_cache(request)
            and not page.get_view_restrictions().exists()):
        request._page_cache_key = _key(request)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if can_serve_from_cache(request):
            try:
                cached = cache.get(_key(request))
            except DatabaseError:  # the site lookup needs the database: let the view say it is down
                cached = None
            if cached is not None:
                response = HttpResponse(cached["content"], content_type=cached["content_type"])
                response["X-Page-Cache"] = "hit"
                return self._with_token(request, response)
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        used_a_real_token = request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or "CSRF_COOKIE_USED" in request.META
        if (key and response.status_code == 200 and not response.streaming and not response.cookies
                and not used_a_real_token and response.get("Content-Type", "").startswith("text/html")):
            cache.set(key, {"content": response.content, "content_type": response["Content-Type"]},
                      settings.UPSTANDER_PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return self._with_token(request, response)

    @staticmethod
    def _with_token(request, response):
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return response
        placeholder = CSRF_PLACEHOLDER.encode()
        if placeholder in response.content:
            response.content = response.content.replace(placeholder, get_token(request).encode())
            response["Cache-Control"] = "private, no-cache"
        return response
