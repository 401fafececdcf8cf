from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext as _
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale, Page

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def root_redirect(request):
    """/ sends a visitor to their language: their choice, then Accept-Language, then English."""
    language = get_language_from_request(request, check_path=False)
    response = redirect(f"/{language}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    results = Page.objects.none()
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
    page_of_results = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "cms/search.html",
        {"search_query": query, "results": page_of_results},
    )


def bad_request(request, message, status=400):
    """A 4xx page in the site's style that says what went wrong and what to do next."""
    return render(request, "400.html", {"message": message}, status=status)


CLASSROOM_COOKIE = "upstander_classroom"


@require_POST
def classroom_view(request):
    """A teacher hides the campaign box on the classroom's device, so a school can stay neutral in class.
    A functional cookie on that device only; nothing is stored on the server."""
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        target = "/"
    response = redirect(target)
    if request.POST.get("classroom") == "1":
        response.set_cookie(CLASSROOM_COOKIE, "1", max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
                            secure=request.is_secure())
    else:
        response.delete_cookie(CLASSROOM_COOKIE, samesite="Lax")
    return response


@require_GET
def choose_language(request, language_code):
    """The language switcher's links: remember the visitor's choice (a functional
    cookie, used when they come back to /) and go to the page in that language."""
    languages = dict(settings.LANGUAGES)
    if language_code not in languages:
        return bad_request(request, _("We don’t have that language."))
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        target = f"/{language_code}/"
    response = redirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language_code, max_age=365 * 24 * 3600, samesite="Lax",
        secure=request.is_secure(), httponly=True,
    )
    return response


def overdue_report(request):
    """Admin report: what is past its "check again by" date, per language."""
    from .review import overdue

    return render(request, "cms/admin/overdue.html", {"overdue": overdue(), "page_title": _("Overdue for a check")})


def body_too_large(request, limit_bytes):
    """True when a request says its body is over limit_bytes (or gives a nonsense length)."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > limit_bytes
    except ValueError:
        return True
