"""Quiz questions as StreamField blocks.

Each question block knows its options (with stable ids: the block ids Wagtail
keeps across edits and wagtail-localize translations) and whether a set of
chosen options is right. QuizPage.score() is the one place that adds it up.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    correct: bool | None  # None: not scored (opinion scales)
    feedback: str
    easy_text: str = ""  # the easy-read wording, when the editor wrote one

    def wording(self, easy=False):
        return self.easy_text if easy and self.easy_text else self.text


EASY_READ_HELP = _("Optional: the same in short sentences and common words, for the quiz's easy-read version.")


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=250, label=_("Answer"))
    easy_text = blocks.CharBlock(required=False, max_length=250, label=_("Answer in easy read"),
                                 help_text=EASY_READ_HELP)
    correct = blocks.BooleanBlock(required=False, label=_("Correct"))
    feedback = blocks.TextBlock(
        required=False,
        max_length=600,
        label=_("Feedback"),
        help_text=_("Shown to a pupil who chose this answer: why it is, or is not, a good answer."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Option")

    def clean(self, value):
        value = super().clean(value)
        if not value["feedback"].strip():
            raise StructBlockValidationError(
                block_errors={
                    "feedback": ValidationError(
                        _("Every answer needs feedback: tell the pupil kindly why it is, or is not, a good answer.")
                    )
                }
            )
        return value


class ScenarioOptionBlock(OptionBlock):
    correct = blocks.BooleanBlock(required=False, label=_("A good choice"))

    class Meta:
        label = _("Choice")


class QuestionBlock(blocks.StructBlock):
    """What every question has. Subclasses say how it is answered and scored."""

    question = blocks.TextBlock(max_length=400, label=_("Question"))
    easy_question = blocks.TextBlock(required=False, max_length=400, label=_("Question in easy read"),
                                     help_text=EASY_READ_HELP)
    explanation = blocks.TextBlock(
        max_length=800,
        label=_("Explanation"),
        help_text=_("Shown after answering, whatever the answer: the point to remember."),
    )
    lesson_section = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Lesson section"),
        help_text=_("Optional: the heading of the part of the lesson this question comes from, exactly as written."),
    )

    scored = True
    multiple = False  # may a pupil choose more than one option?

    def answer_options(self, value):
        raise NotImplementedError

    @staticmethod
    def wording(value, easy=False):
        """The question as a pupil reads it: its easy-read wording in the easy-read quiz, when it has one."""
        return value.get("easy_question") if easy and value.get("easy_question") else value["question"]

    @staticmethod
    def story_wording(value, easy=False):
        return value.get("easy_story") if easy and value.get("easy_story") else value.get("story", "")

    def is_right(self, value, chosen_ids):
        """True or False for a scored question, None when it is not scored."""
        options = self.answer_options(value)
        correct = {option.id for option in options if option.correct}
        return set(chosen_ids) == correct

    def correct_options(self, value):
        return [option for option in self.answer_options(value) if option.correct]


class ChoiceQuestionBlock(QuestionBlock):
    options_block_class = OptionBlock

    def answer_options(self, value):
        return [
            Option(id=str(item.id), text=item.value["text"], correct=bool(item.value["correct"]),
                   feedback=item.value["feedback"], easy_text=item.value.get("easy_text") or "")
            for item in value["options"].bound_blocks
        ]

    def correct_count_error(self, count):
        return None

    def clean(self, value):
        value = super().clean(value)
        count = sum(1 for item in value["options"] if item["correct"])
        message = self.correct_count_error(count)
        if message:
            raise StructBlockValidationError(block_errors={"options": ValidationError(message)})
        return value


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=8, label=_("Answers"))


    def correct_count_error(self, count):
        if count == 0:
            return _("Mark the one correct answer.")
        if count > 1:
            return _("A single-choice question has exactly one correct answer; %(count)s are marked.") % {"count": count}
        return None

    class Meta:
        icon = "radio-full"
        label = _("Single choice")
        description = _("Pupils choose one answer; exactly one is correct.")
        preview_value = {
            "question": "Sara looks funny in a photo you took. What is the kind thing to do before posting it?",
            "explanation": "A photo of someone is a little bit of them, so they get a say.",
            "options": [
                {"text": "Ask Sara first", "correct": True, "feedback": "Yes: asking shows respect."},
                {"text": "Post it, it's only a joke", "correct": False, "feedback": "Sara might not find it funny."},
            ],
        }


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=8, label=_("Answers"))
    multiple = True


    def correct_count_error(self, count):
        return _("Mark at least one correct answer.") if count == 0 else None

    class Meta:
        icon = "tick-inverse"
        label = _("Multiple choice")
        description = _("Pupils tick all answers that apply; it is right when they tick exactly the correct ones.")


class ScenarioQuestionBlock(ChoiceQuestionBlock):
    story = blocks.TextBlock(
        max_length=1200, label=_("Situation"), help_text=_("Fictional characters; stop at the choice.")
    )
    easy_story = blocks.TextBlock(required=False, max_length=1200, label=_("Situation in easy read"),
                                  help_text=EASY_READ_HELP)
    options = blocks.ListBlock(ScenarioOptionBlock(), min_num=2, max_num=6, label=_("Choices"))


    def is_right(self, value, chosen_ids):
        good = {option.id for option in self.answer_options(value) if option.correct}
        return len(chosen_ids) == 1 and chosen_ids[0] in good

    def correct_count_error(self, count):
        return _("Mark at least one choice as a good choice.") if count == 0 else None

    class Meta:
        icon = "user"
        label = _("Scenario: what would you do?")
        description = _("A short situation; each choice has its own feedback; one or more are good choices.")


class TrueFalseQuestionBlock(QuestionBlock):
    answer = blocks.ChoiceBlock(
        choices=[("true", _("True")), ("false", _("False"))], label=_("The statement is")
    )
    feedback_true = blocks.TextBlock(max_length=600, label=_("Feedback for “true”"))
    feedback_false = blocks.TextBlock(max_length=600, label=_("Feedback for “false”"))

    def answer_options(self, value):
        return [
            Option(id="true", text=str(_("True")), correct=value["answer"] == "true", feedback=value["feedback_true"]),
            Option(id="false", text=str(_("False")), correct=value["answer"] == "false", feedback=value["feedback_false"]),
        ]

    class Meta:
        icon = "tick"
        label = _("True or false")
        description = _("A statement pupils judge true or false.")


OPINION_SCALE = (
    ("1", _("Fine")),
    ("2", _("Mostly fine")),
    ("3", _("Not sure")),
    ("4", _("Mostly not OK")),
    ("5", _("Not OK at all")),
)


class OpinionScaleQuestionBlock(QuestionBlock):
    """Unscored: “how OK is this?”. It teaches by showing how others answered."""

    scored = False

    def answer_options(self, value):
        return [Option(id=key, text=str(label), correct=None, feedback="") for key, label in OPINION_SCALE]

    def is_right(self, value, chosen_ids):
        return None

    def correct_options(self, value):
        return []

    class Meta:
        icon = "order"
        label = _("Opinion scale: how OK is this?")
        description = _("Not scored. Pupils see how others answered, from “fine” to “not OK at all”.")


class QuizBodyBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    scenario = ScenarioQuestionBlock()
    opinion_scale = OpinionScaleQuestionBlock()

    class Meta:
        block_counts = {}
