from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import page_cache
from .models import Helpline, ReportingRoute


class HelplineViewSet(SnippetViewSet):
    model = Helpline
    icon = "help"
    menu_label = _("Helplines")
    list_display = ["name", "number", "hours", "show_in_help_button", "sort_order"]
    ordering = ["sort_order", "pk"]
    search_fields = ["name", "number"]


class ReportingRouteViewSet(SnippetViewSet):
    model = ReportingRoute
    icon = "warning"
    menu_label = _("Reporting routes")
    list_display = ["name", "audience", "link", "sort_order"]
    list_filter = ["audience"]
    ordering = ["sort_order", "pk"]
    search_fields = ["name"]


class SafeguardingViewSetGroup(SnippetViewSetGroup):
    items = (HelplineViewSet, ReportingRouteViewSet)
    menu_icon = "help"
    menu_label = _("Safeguarding")
    menu_name = "safeguarding"
    menu_order = 250


register_snippet(SafeguardingViewSetGroup)

hooks.register("before_serve_page", page_cache.mark_cacheable)


def _connect_cache_invalidation():
    """Whatever the page cache, the site chrome (cms.chrome) and the view restrictions
    (cms.view_restrictions) were made from starts a new generation when it changes."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    from .models import Helpline, ReportingRoute, SafeguardingSettings

    page_published.connect(page_cache.new_generation, dispatch_uid="page_cache.published")
    page_unpublished.connect(page_cache.new_generation, dispatch_uid="page_cache.unpublished")
    post_page_move.connect(page_cache.new_generation, dispatch_uid="page_cache.moved")
    page_slug_changed.connect(page_cache.new_generation, dispatch_uid="page_cache.slug_changed")
    for model in (Helpline, ReportingRoute, SafeguardingSettings, PageViewRestriction, Site, Locale):
        post_save.connect(page_cache.new_generation, sender=model, dispatch_uid=f"page_cache.save.{model.__name__}")
        post_delete.connect(page_cache.new_generation, sender=model, dispatch_uid=f"page_cache.delete.{model.__name__}")

    def page_changed(sender, instance, **kwargs):
        """A live page saved or deleted without a publish (a script, the tree's own
        bookkeeping) still renews the generation: menus and restrictions follow it."""
        if isinstance(instance, Page) and (instance.live or kwargs.get("signal") is post_delete):
            page_cache.new_generation()

    post_save.connect(page_changed, dispatch_uid="page_cache.page_saved", weak=False)
    post_delete.connect(page_changed, dispatch_uid="page_cache.page_deleted", weak=False)

    def purge_section(sender, instance, **kwargs):
        """A view restriction set or lifted changes who may see the page and everything below
        it, without a publish: a frontend cache (WAGTAILFRONTENDCACHE) drops their public copies."""
        from django.conf import settings
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            batch = PurgeBatch()
            batch.add_pages(Page.objects.descendant_of(instance.page, inclusive=True).live().specific())
            batch.purge()

    post_save.connect(purge_section, sender=PageViewRestriction, dispatch_uid="frontend_cache.restriction_saved",
                      weak=False)
    post_delete.connect(purge_section, sender=PageViewRestriction, dispatch_uid="frontend_cache.restriction_deleted",
                        weak=False)


_connect_cache_invalidation()
