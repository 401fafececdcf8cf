"""The content check: flags victim-blaming and fear phrases and advice to keep or
copy an image, each with the content guide's rule and a kinder wording (a lesson
without a help box cannot go live at all: lessons.models.LessonPageForm). It runs when an editor saves (as a warning) and blocks
submission and publishing until the flag is fixed or justified."""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .models import FlaggedPhrase


@dataclass(frozen=True)
class Flag:
    phrase: str
    rule: str
    suggestion: str

    def __str__(self):
        return _("“%(phrase)s”: %(rule)s Try: %(suggestion)s") % {
            "phrase": self.phrase, "rule": self.rule, "suggestion": self.suggestion,
        }


def _fold(text):
    text = unicodedata.normalize("NFKD", strip_tags(str(text))).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def page_text(page):
    """All the words a page shows, from its fields and StreamFields."""
    parts = [page.title]
    for field in page._meta.get_fields():
        if not getattr(field, "concrete", False) or field.name in ("title", "safeguarding_justification"):
            continue
        value = getattr(page, field.name, None)
        if hasattr(value, "raw_data"):  # a StreamField: the words of its blocks, as search sees them
            for block in value:
                parts += [str(text) for text in block.block.get_searchable_content(block.value)]
        elif isinstance(value, str) and field.get_internal_type() in ("TextField", "CharField", "RichTextField"):
            parts.append(value)
    return _fold(" ".join(parts))


def check(page):
    """[Flag] for a page, in its own language."""
    text = f" {page_text(page)} "
    flags = [
        Flag(phrase.phrase, phrase.rule, phrase.suggestion)
        for phrase in FlaggedPhrase.objects.filter(locale_id=page.locale_id)
        if f" {_fold(phrase.phrase)} " in text
    ]
    return flags
