"""The readability check an editor sees beside the easy-read version."""

from wagtail.admin.panels import Panel

from . import readability
from .blocks import EasyReadBodyBlock


def _language(page):
    return page.locale.language_code if page.locale_id else "en"


def easy_read_readability(page):
    """The readability of a lesson's easy-read version, in the lesson's language; None when it has none."""
    if not page.easy_read:
        return None
    return readability.measure(EasyReadBodyBlock.texts(page.easy_read), _language(page))


class ReadabilityPanel(Panel):
    """Sentence length and long words of the easy-read version as saved, with
    warnings over the language's limits; the editor's script measures it again
    as the editor types (see lessons/js/readability.js)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "lessons/admin/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["readability"] = easy_read_readability(page) if page is not None else None
            context["language"] = _language(page) if page is not None else ""
            return context
