"""The one place HTML that did not come from Wagtail's own editor is cleaned.

Editors never write raw HTML; but HTML does arrive from outside the editor
(the demo curriculum files today, imported or user-submitted text later).
It is cleaned here with nh3 against an allow-list that matches what the rich
text editor itself can produce."""

import nh3

RICH_TEXT_TAGS = {"p", "h2", "h3", "ul", "ol", "li", "strong", "em", "b", "i", "a", "br"}
RICH_TEXT_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_rich_text(html):
    """Keep only the tags and attributes rich text may hold; drop scripts, styles and handlers."""
    return nh3.clean(
        html,
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    ).strip()
