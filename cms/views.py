import logging
import unicodedata

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from .http import database_is_reachable, safe_redirect

logger = logging.getLogger(__name__)

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def root_redirect(request):
    """/ sends a visitor to their language: their choice, then Accept-Language, then English."""
    language = get_language_from_request(request, check_path=False)
    response = redirect(f"/{language}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def plain_search_words(query):
    """What a visitor typed, as words a search backend accepts: no control characters,
    no quotes (an unbalanced quote is a syntax error to SQLite's full-text search)."""
    cleaned = "".join(" " if unicodedata.category(ch).startswith("C") or ch in '"“”„' else ch for ch in query)
    return " ".join(cleaned.split())[:SEARCH_QUERY_MAX_LENGTH]


@require_GET
def search(request):
    query = plain_search_words(request.GET.get("q", ""))
    context = {"search_query": query, "results": Paginator([], SEARCH_RESULTS_PER_PAGE).get_page(1)}
    if query:
        searchable = [apps.get_model(name) for name in settings.UPSTANDER_SEARCH_PAGE_TYPES]
        results = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .type(*searchable)
            .specific()
            .search(query)
        )
        try:
            with transaction.atomic():  # a savepoint: a refused query leaves the connection usable
                page_of_results = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
                page_of_results.object_list = list(page_of_results.object_list)
        except DatabaseError:
            if not database_is_reachable():
                raise
            logger.info("Search refused the query %r", query)
            return render(request, "cms/search.html", {
                **context, "search_error": _("We couldn’t search for that. Try a few plain words."),
            }, status=400)
        context["results"] = page_of_results
    return render(request, "cms/search.html", context)


def bad_request(request, message, status=400):
    """A 4xx page in the site's style that says what went wrong and what to do next."""
    return render(request, "400.html", {"message": message}, status=status)


@require_GET
def choose_language(request, language_code):
    """The language switcher's links: remember the visitor's choice (a functional
    cookie, used when they come back to /) and go to the page in that language."""
    languages = dict(settings.LANGUAGES)
    if language_code not in languages:
        return bad_request(request, _("We don’t have that language."))
    response = safe_redirect(request.GET.get("next", ""), f"/{language_code}/")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language_code, max_age=365 * 24 * 3600, samesite="Lax",
        secure=request.is_secure(), httponly=True,
    )
    return response


def body_too_large(request, limit_bytes):
    """True when a request says its body is over limit_bytes (or gives a nonsense length)."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > limit_bytes
    except ValueError:
        return True


@require_GET
def robots_txt(request):
    """Crawlers may read the lessons, not the admin, live classroom sessions or the join links."""
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /join/"]
    lines += [f"Disallow: /{code}/class/" for code, _name in settings.LANGUAGES]
    lines += [f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(public=True, max_age=86400)
def favicon(request):
    """/favicon.ico, which browsers ask for on their own, points to the site icon.

    The static URL is looked up per request, not at import: with manifest storage it
    carries a content hash that changes with the icon, so the redirect is not permanent.
    """
    return redirect(static("cms/img/favicon.svg"))
