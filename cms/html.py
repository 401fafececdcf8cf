"""The one place HTML that did not come from Wagtail's own editor is cleaned.

Editors never write raw HTML; but HTML does arrive from outside the editor
(the demo curriculum files today, imported or user-submitted text later).
It is cleaned here with nh3 against an allow-list that matches what the rich
text editor itself can produce."""

import re
from html import unescape

import nh3
from django.utils.html import strip_tags
from django.utils.text import slugify

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


def section_anchor(heading):
    """The id a lesson section's heading gets, so a quiz question can link to it."""
    return f"section-{slugify(unescape(heading))}"


_HEADING = re.compile(r"<(h[23])>(.*?)</\1>", re.DOTALL)


def add_heading_anchors(html):
    """Give each <h2>/<h3> in rendered rich text an id made from its text."""
    return _HEADING.sub(
        lambda match: f'<{match[1]} id="{section_anchor(strip_tags(match[2]))}">{match[2]}</{match[1]}>', str(html)
    )


def headings_in(html):
    """The text of each <h2> in stored rich text."""
    return [unescape(strip_tags(text)).strip() for tag, text in _HEADING.findall(html) if tag == "h2"]
