from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_request
from django.views.decorators.http import require_GET
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
