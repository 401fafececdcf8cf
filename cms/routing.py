"""Finding the page for a URL in two queries, whatever its depth.

A workaround for a gap in Wagtail 7.4, kept in this one module. Wagtail's serve view
looks up the Site, its root page and that page's translation, then walks the tree one
level at a time, two queries per level (the child by slug, then its specific row): a
lesson four levels down costs about ten queries before it renders. Here:

- the Site (with its root page) is read once per publish from the shared cache, found
  from Wagtail's own cached root paths exactly as Wagtail finds it (the one site with
  that hostname, else the default site); hostnames shared by several sites on different
  ports are left to Wagtail;
- the pages along the URL are read in one query (by url_path, narrowed by slug, which
  is indexed), and only the last one is made specific.

The walk keeps Wagtail's rules: a routable page's own routes come before its children,
the last page answers with its own `route()` (live check, routable sub-pages, a 404),
and anything unusual (no translation of the home page in the active language, a page
type that no longer exists) falls back to Wagtail's walk. The result is handed to
Wagtail through the attribute its serve view reads (`request._wagtail_route_for_request`),
so hooks, view restrictions and page serving are all Wagtail's.
"""


from django.http import Http404
from django.http.request import split_domain_port
from django.urls import Resolver404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, Site

from . import page_cache



def site_for_request(request):
    """Site.find_for_request, from the shared cache (no query once warm)."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    site_ids = page_cache.site_ids_for_hostname(hostname)
    if len(site_ids) > 1:  # sites told apart by port: Wagtail's own lookup decides
        return Site.find_for_request(request)
    site = page_cache.for_generation(f"site:{site_ids[0] if site_ids else 'default'}", lambda: _site_with_root(request))
    request._wagtail_site = site
    return site


def _site_with_root(request):
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page  # noqa: B018 - read now, so the cached site carries its root page
    return site


def _localized_root_path(site):
    """The url_path of the site's home page in the active language, else its first root path."""
    paths = [root for root in Site.get_site_root_paths() if root.site_id == site.pk]
    language = get_language()
    matching = [root.root_path for root in paths if root.language_code == language]
    return matching[0] if matching else (paths[0].root_path if paths else None)


def _routable_here(page_class, remaining):
    if not (issubclass(page_class, RoutablePageMixin) and remaining):
        return False
    try:
        page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
    except Resolver404:
        return False
    return True


def find_route(request, path):
    """Wagtail's RouteResult for the path, or None for a 404; NotImplemented where Wagtail must walk."""
    site = site_for_request(request)
    if site is None:
        return None
    root_path = _localized_root_path(site)
    if root_path is None:
        return NotImplemented
    components = [component for component in path.split("/") if component]
    candidates = [root_path] + [root_path + "/".join(components[: index + 1]) + "/" for index in range(len(components))]
    slugs = {root_path.strip("/").rsplit("/", 1)[-1], *components}
    found = {page.url_path: page for page in Page.objects.filter(slug__in=slugs, url_path__in=candidates)}
    page = found.get(root_path)
    if page is None or not page.live or page.specific_class is None:
        return NotImplemented
    walked, depth = [], 0
    while depth < len(components) and not (page.live and _routable_here(page.specific_class, components[depth:])):
        child = found.get(candidates[depth + 1])
        if child is None or child.specific_class is None:
            break
        walked.append(page)
        page, depth = child, depth + 1
    page = page.specific
    if walked:
        page._cached_parent_obj = walked[-1]  # as Wagtail's walk does: get_parent() needs no query
    page.walked_from_home = walked  # the breadcrumb trail (navigation_tags.breadcrumb_pages)
    locale = _locales().get(page.locale_id)
    if locale is not None:
        page._state.fields_cache.setdefault("locale", locale)
    try:
        return page.route(request, components[depth:])
    except Http404:
        return None


def _locales():
    """Every Locale by id (a handful of rows), so page.locale needs no query."""
    return page_cache.for_generation("locales", lambda: {locale.pk: locale for locale in Locale.objects.all()})


def serve(request, path):
    """Wagtail's serve view, the route found by find_route."""
    if not hasattr(request, "_wagtail_route_for_request"):
        route = find_route(request, path)
        if route is not NotImplemented:
            request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)
