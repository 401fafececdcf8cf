from django.contrib import messages
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import DisclosureCard, LessonPage, ModuleEvaluation
from .panels import easy_read_readability


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
    return [
        path("guide-downloads/", admin_views.guide_downloads, name="guide_downloads"),
        path("lessons/readability/", admin_views.readability_check, name="lessons_readability"),
    ]


@hooks.register("insert_editor_js")
def readability_js():
    return format_html('<script src="{}" defer></script>', static("lessons/js/readability.js"))


def warn_about_readability(request, page):
    measured = easy_read_readability(page.specific) if isinstance(page.specific, LessonPage) else None
    warnings = measured.warnings() if measured else []
    if warnings:
        messages.warning(
            request,
            _("The easy-read version is harder to read than easy read allows: %(warnings)s")
            % {"warnings": " ".join(warnings)},
        )


hooks.register("after_create_page", warn_about_readability)
hooks.register("after_edit_page", warn_about_readability)


@hooks.register("register_reports_menu_item")
def guide_downloads_menu_item():
    return MenuItem(_("Guide downloads"), reverse("guide_downloads"), icon_name="download", order=710)
