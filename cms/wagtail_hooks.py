from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
