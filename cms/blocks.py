"""StreamField blocks used across the site. Lesson-specific blocks live in lessons/blocks.py."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# Editors get structure, never raw HTML.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "cms/blocks/rich_text.html"
        preview_value = "<p>Asking before you post a photo of a friend shows you respect them.</p>"
        description = _("Paragraphs, headings, lists and links.")


class UntranslatedKeyBlock(blocks.CharBlock):
    """A short key in lowercase-with-hyphens that other content points to: the same in
    every language, so wagtail-localize never offers it for translation."""

    def get_translatable_segments(self, value):
        return []

    def clean(self, value):
        value = super().clean(value)
        if value and value != slugify(value):
            raise ValidationError(_("Use lowercase letters, digits and hyphens."))
        return value


class KeyMessageBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        max_length=250,
        label=_("Key message"),
        help_text=_("One short sentence a pupil should remember."),
    )

    class Meta:
        icon = "pick"
        label = _("Key message")
        template = "cms/blocks/key_message.html"
        preview_value = {"text": "Taking, sending and passing on a photo are three separate permissions."}
        description = _("A highlighted sentence to remember.")


class HelpBoxBlock(blocks.StructBlock):
    """Shows the helplines of the visitor's language from the Safeguarding
    settings, so no number is ever typed into lesson text."""

    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Heading"),
        help_text=_("Leave empty for “Need to talk to someone?”."),
    )
    text = blocks.TextBlock(
        required=False,
        max_length=500,
        label=_("Text before the helplines"),
    )
    show_reporting_routes = blocks.BooleanBlock(
        required=False,
        default=False,
        label=_("Also list reporting and removal routes"),
        help_text=_("Tick it wherever the text talks about an image being shared: Take It Down, StopNCII, the platform, the police."),
    )
    show_suicide_prevention = blocks.BooleanBlock(
        required=False,
        default=False,
        label=_("Also list suicide-prevention lines"),
        help_text=_("For the help page and beside any mention of the campaign's origin; not for lessons."),
    )

    class Meta:
        icon = "help"
        label = _("Get help box")
        template = "cms/blocks/help_box.html"
        preview_value = {
            "heading": "",
            "text": "You can talk to someone at any time, for free.",
            "show_reporting_routes": False,
            "show_suicide_prevention": False,
        }
        description = _("The helplines of this language, taken from the Safeguarding settings.")


def every_helpline_box():
    """The value of a help box showing every kind of line (adult advice and suicide prevention
    included) and the reporting routes, from the settings: for teacher guides and staff protocols."""
    return {
        "heading": _("Helplines and reporting routes"),
        "text": "",
        "show_reporting_routes": True,
        "show_suicide_prevention": True,
        "show_adult_lines": True,
    }


class ContentBodyBlock(blocks.StreamBlock):
    """Body of a plain content page (help, about, privacy)."""

    text = RichTextBlock()
    key_message = KeyMessageBlock()
    help = HelpBoxBlock()

    class Meta:
        block_counts = {}
