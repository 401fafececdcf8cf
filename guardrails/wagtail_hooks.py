from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .checks import check
from .models import FlaggedPhrase, JustifiedContent


class FlaggedPhraseViewSet(SnippetViewSet):
    model = FlaggedPhrase
    icon = "warning"
    menu_label = gettext_lazy("Flagged phrases")
    add_to_admin_menu = True
    menu_order = 265
    list_display = ["phrase", "kind", "locale"]
    list_filter = ["locale", "kind"]
    search_fields = ["phrase"]


register_snippet(FlaggedPhraseViewSet)


@hooks.register("after_edit_page")
@hooks.register("after_create_page")
def warn_about_flags(request, page):
    """The check as the editor writes: every save shows what it flags."""
    page = page.specific
    if not isinstance(page, JustifiedContent):
        return
    flags = check(page.get_latest_revision_as_object() if page.get_latest_revision() else page)
    for flag in flags:
        messages.warning(request, _("Content check: %(flag)s") % {"flag": flag})


@hooks.register("register_admin_urls")
def approvals_url():
    from django.urls import path

    from .views import approvals

    return [path("approvals/", approvals, name="approvals_report")]


@hooks.register("register_reports_menu_item")
def approvals_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    return MenuItem(gettext_lazy("Approvals and publishing"), reverse("approvals_report"), icon_name="tick", order=730)
