from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FilteredWord


class FilteredWordViewSet(SnippetViewSet):
    """The question-box word lists, per language, kept by editors."""

    model = FilteredWord
    icon = "warning"
    menu_label = _("Classroom word filter")
    add_to_admin_menu = True
    menu_order = 266
    list_display = ["word", "kind", "locale"]
    list_filter = ["locale", "kind"]
    search_fields = ["word"]


register_snippet(FilteredWordViewSet)
