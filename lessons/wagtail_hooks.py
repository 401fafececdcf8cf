from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import DisclosureCard, ModuleEvaluation


class DisclosureCardViewSet(SnippetViewSet):
    model = DisclosureCard
    icon = "help"
    menu_label = _("Disclosure cards")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["title", "locale"]


register_snippet(DisclosureCardViewSet)


class ModuleEvaluationViewSet(SnippetViewSet):
    model = ModuleEvaluation
    icon = "tasks"
    menu_label = _("Module evaluations")
    add_to_admin_menu = True
    menu_order = 265
    list_display = ["title", "locale"]


register_snippet(ModuleEvaluationViewSet)


@hooks.register("register_admin_urls")
def guide_download_urls():
    return [path("guide-downloads/", admin_views.guide_downloads, name="guide_downloads")]


@hooks.register("register_reports_menu_item")
def guide_downloads_menu_item():
    return MenuItem(_("Guide downloads"), reverse("guide_downloads"), icon_name="download", order=710)
