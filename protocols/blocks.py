"""The blocks a staff protocol is written with: steps that ask a question and
lead, by the answer, to the next step (ProtocolStepsBlock checks the whole path)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.blocks import RichTextBlock, UntranslatedKeyBlock

from . import paths


class AnswerBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=120, label=_("Answer"))
    next_step = UntranslatedKeyBlock(
        max_length=40, label=_("Leads to step"), help_text=_("The key of the step this answer leads to."),
    )

    class Meta:
        icon = "arrow-right"
        label = _("Answer")


class StepBlock(blocks.StructBlock):
    key = UntranslatedKeyBlock(
        max_length=40, label=_("Key"),
        help_text=_("A short name in lowercase-with-hyphens, the same in every language: answers lead to it."),
    )
    title = blocks.CharBlock(max_length=120, label=_("Title"))
    body = RichTextBlock(label=_("What to do"))
    show_helplines = blocks.BooleanBlock(
        required=False, label=_("Show the helplines"),
        help_text=_("The helplines and reporting routes of this language, from the Safeguarding settings. "
                    "Every step that ends a path shows them."),
    )
    question = blocks.CharBlock(
        required=False, max_length=200, label=_("Question"),
        help_text=_("What the reader decides next. Leave empty, with no answers, for a step that ends a path."),
    )
    answers = blocks.ListBlock(AnswerBlock(), min_num=0, max_num=4, label=_("Answers"))

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "protocols/blocks/step.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value["question"].strip()) != bool(value["answers"]):
            raise StructBlockValidationError(block_errors={"question": ValidationError(
                _("A step either asks a question and gives its answers, or ends the path with neither."))})
        return value


class ProtocolStepsBlock(blocks.StreamBlock):
    step = StepBlock()

    MESSAGES = {
        "duplicate": _("Two steps have the key “%(detail)s”: give each step its own."),
        "unknown": _("An answer of step “%(key)s” leads to “%(detail)s”, which is not the key of any step."),
        "end_without_help": _("Step “%(key)s” ends a path: tick “Show the helplines” so every path ends with them."),
        "circle": _("The answers lead round in a circle through step “%(key)s”: every path must reach an end."),
        "unreachable": _("No answer leads to step “%(key)s”: link it from another step or remove it."),
    }

    class Meta:
        min_num = 1

    @staticmethod
    def graph(value):
        return [
            paths.Step(key=child.value["key"], next_keys=tuple(answer["next_step"] for answer in child.value["answers"]),
                       shows_helplines=bool(child.value["show_helplines"]))
            for child in value
        ]

    def clean(self, value):
        value = super().clean(value)
        found = paths.problems(self.graph(value))
        if found:
            raise blocks.StreamBlockValidationError(non_block_errors=ValidationError(
                [self.MESSAGES[kind] % {"key": key, "detail": detail} for key, kind, detail in found]))
        return value
