"""Which pages are behind a password or a login, read once per publish instead of on every query.

A workaround for a gap in Wagtail 7.4, kept in this one module. Wagtail reads every
PageViewRestriction row each time a queryset asks for `.public()` (a lesson page asks
about five times: next lesson, quiz, guide, translations, menu) and reads the page's
ancestors and their restrictions before serving any page. A site has a handful of
restrictions at most and they change only when an editor sets one, so the restricted
sections (and the aliases, whose restrictions are their source's) are kept in the
shared cache under the page-cache generation, which a publish, a move or a change to a
restriction renews (cms.wagtail_hooks). When no restriction or alias covers a page,
`get_view_restrictions()` is an empty queryset without a query; otherwise Wagtail's own
method answers, so passwords and logins work exactly as Wagtail makes them work.

`install()` (from CmsConfig.ready) puts the two methods in place.
"""

from django.db.models import Q



def _sections():
    """(restricted sections as (path, depth), paths of alias pages), from the cache."""
    from wagtail.models import Page, PageViewRestriction

    from .page_cache import for_generation

    def read():
        restricted = sorted(PageViewRestriction.objects.values_list("page__path", "page__depth").distinct())
        aliases = list(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
        return restricted, aliases

    return for_generation("view-restrictions", read)


def private_q(queryset):
    """Wagtail's PageQuerySet.private_q, from the cached sections."""
    restricted, _aliases = _sections()
    q = Q()
    for path, depth in restricted:
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])  # as Wagtail: match nothing when nothing is private


def may_have_restrictions(page):
    """False when no restricted section and no alias lies on the page's branch."""
    restricted, aliases = _sections()
    return any(page.path.startswith(path) for path, _depth in restricted) or any(
        page.path.startswith(path) for path in aliases
    )


def install():
    from wagtail.models import Page, PageViewRestriction
    from wagtail.query import PageQuerySet

    wagtail_get_view_restrictions = Page.get_view_restrictions

    def get_view_restrictions(page):
        if page.pk is None or may_have_restrictions(page):
            return wagtail_get_view_restrictions(page)
        return PageViewRestriction.objects.none()

    get_view_restrictions.__doc__ = wagtail_get_view_restrictions.__doc__
    PageQuerySet.private_q = private_q
    Page.get_view_restrictions = get_view_restrictions
