"""A module's before/after evaluation: the items pupils answer anonymously before and
after a lesson run live (classroom), reported by the evaluations app.

One evaluation per module and language (a translatable snippet, translated with
wagtail-localize like every other piece of content). Each item has a key that is never
translated (results of one item are counted together in every language) and a version
made from its wording in the source language: rewording an item starts a new version, so
answers to different wordings are never mixed."""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, TranslatableMixin

from cms.blocks import UntranslatedKeyBlock

# The five points of an agreement item, and where agreeing starts.
AGREEMENT_SCALE = [
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
]
AGREES_FROM = 4
MIN_ITEMS, MAX_ITEMS = 4, 8


class ItemKeyBlock(UntranslatedKeyBlock):
    """The item's key: the same in every language, so never offered for translation."""


class ItemBlock(blocks.StructBlock):
    key = ItemKeyBlock(
        max_length=60, label=_("Key"),
        help_text=_("A short name for this item in lowercase-with-hyphens. Results are counted by it: keep it when you "
                    "change the wording (that starts a new version by itself)."),
    )
    lesson = blocks.PageChooserBlock(
        page_type="lessons.LessonPage", label=_("Lesson"),
        help_text=_("The lesson whose objective this item measures. It is asked in this lesson and in the module's "
                    "lessons for the same age or older."),
    )
    objective = blocks.CharBlock(max_length=200, label=_("Learning objective"))


class AgreementItemBlock(ItemBlock):
    statement = blocks.CharBlock(
        max_length=160, label=_("Statement"),
        help_text=_("First person, one idea, phrased so that agreeing is the answer the lesson hopes for."),
    )

    class Meta:
        icon = "tick"
        label = _("Agreement item (5-point scale)")


class KnowledgeOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=160, label=_("Answer"))
    correct = blocks.BooleanBlock(required=False, label=_("This is the right answer"))


class KnowledgeItemBlock(ItemBlock):
    question = blocks.CharBlock(max_length=200, label=_("Question"))
    options = blocks.ListBlock(KnowledgeOptionBlock(), min_num=3, max_num=4, label=_("Answers"))

    class Meta:
        icon = "help"
        label = _("Knowledge item (one right answer)")

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for option in value["options"] if option["correct"]) != 1:
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Mark exactly one answer as the right one."))})
        return value


class EvaluationItemsBlock(blocks.StreamBlock):
    agreement = AgreementItemBlock()
    knowledge = KnowledgeItemBlock()

    class Meta:
        min_num = MIN_ITEMS
        max_num = MAX_ITEMS

    def clean(self, value):
        value = super().clean(value)
        keys = [child.value["key"] for child in value]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise StreamBlockValidationError(
                non_block_errors=[ValidationError(_("Each item needs its own key: %(keys)s is used twice.")
                                                  % {"keys": ", ".join(repeated)})])
        return value


class Item:
    """One item as a pupil sees it, with its key, version and kind."""

    def __init__(self, child, version):
        self.key = child.value["key"]
        self.kind = child.block_type
        self.version = version
        self.lesson = child.value["lesson"]
        self.objective = child.value["objective"]
        self.text = child.value["statement"] if self.kind == "agreement" else child.value["question"]
        self.options = list(child.value["options"]) if self.kind == "knowledge" else []

    @property
    def is_agreement(self):
        return self.kind == "agreement"

    def value_of(self, raw):
        """The stored value of an answer: 1-5 on the scale, 1 or 0 for right or wrong; None
        for "I'd rather not say", a skip, or anything that is not one of the item's answers."""
        if self.is_agreement:
            return int(raw) if raw in {str(point) for point, _label in AGREEMENT_SCALE} else None
        if raw in {str(index) for index in range(len(self.options))}:
            return 1 if self.options[int(raw)]["correct"] else 0
        return None


def _wording_version(child):
    wording = {name: child.value[name] for name in ("statement", "question") if name in child.value}
    if child.block_type == "knowledge":
        wording["options"] = [[option["text"], bool(option["correct"])] for option in child.value["options"]]
    return hashlib.sha256(json.dumps(wording, sort_keys=True).encode()).hexdigest()[:12]


class ModuleEvaluation(TranslatableMixin, models.Model):
    """The survey of one module, in one language."""

    title = models.CharField(_("title"), max_length=120, help_text=_("What pupils see above the items."))
    intro = models.TextField(
        _("introduction"), max_length=400,
        help_text=_("Before the first item: anonymous, any item may be skipped, and it is not a test."),
    )
    items = StreamField(EvaluationItemsBlock(), verbose_name=_("items"))

    panels = [FieldPanel("title"), FieldPanel("intro"), FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("module evaluation")
        verbose_name_plural = _("module evaluations")

    def __str__(self):
        return self.title

    def source(self):
        """The evaluation in the site's default language, whose wording sets the versions."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return self.get_translation_or_none(default) or self

    def versions(self):
        return {child.value["key"]: _wording_version(child) for child in self.source().items}

    def all_items(self):
        versions = self.versions()
        return [Item(child, versions.get(child.value["key"], _wording_version(child))) for child in self.items]

    def items_for(self, lesson):
        """The items asked in a session of `lesson`: those tied to a lesson of the same age or
        younger, so a class of ten never sees an item written for sixteen-year-olds."""
        return [item for item in self.all_items() if item.lesson is not None and item.lesson.age_min <= lesson.age_min]
