import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from guardrails.forms import ContentCheckedPageForm

from .answers import valid_choice

QUESTION_PREFIX = "q_"


class QuizPageForm(ContentCheckedPageForm):
    """The editor's quiz form: a question's lesson section must exist in the lesson."""

    def clean(self):
        cleaned_data = super().clean()
        lesson = self.parent_page.specific if self.parent_page else None
        questions = cleaned_data.get("questions")
        if not questions or not hasattr(lesson, "section_headings"):
            return cleaned_data
        headings = lesson.section_headings()
        for number, child in enumerate(questions, start=1):
            section = (child.value.get("lesson_section") or "").strip()
            if section and section not in headings:
                self.add_error(
                    "questions",
                    ValidationError(
                        _("Question %(number)s names the lesson section “%(section)s”, which the lesson does "
                          "not have. Its sections are: %(headings)s.")
                        % {"number": number, "section": section, "headings": "; ".join(headings) or "-"}
                    ),
                )
        return cleaned_data


class QuizForm(forms.Form):
    """The pupil's answers: one field per question, named after the question's stable id."""

    quiz = forms.IntegerField(widget=forms.HiddenInput)
    submission = forms.UUIDField(widget=forms.HiddenInput)

    error_messages = {
        "required": _("Choose an answer to this question."),
        "invalid_choice": _("That answer is not one of the options. Please choose again."),
        "invalid_list": _("That answer is not one of the options. Please choose again."),
    }

    def __init__(self, quiz, data=None, easy=False):
        super().__init__(data, initial={"quiz": quiz.pk, "submission": uuid.uuid4()})
        self.quiz = quiz
        self.easy = easy
        for question_id, child in quiz.question_blocks.items():
            choices = [(option.id, option.wording(easy)) for option in child.block.answer_options(child.value)]
            if child.block.multiple:
                field = forms.MultipleChoiceField(
                    choices=choices, widget=forms.CheckboxSelectMultiple, error_messages=self.error_messages
                )
            else:
                field = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, error_messages=self.error_messages)
            field.label = child.block.wording(child.value, easy)
            field.story = child.block.story_wording(child.value, easy)
            field.question = child
            self.fields[QUESTION_PREFIX + question_id] = field

    def questions(self):
        """(number, bound field, question block) for the template."""
        return [
            (number, self[name], self.fields[name].question)
            for number, name in enumerate((n for n in self.fields if n.startswith(QUESTION_PREFIX)), start=1)
        ]

    def clean_quiz(self):
        if self.cleaned_data["quiz"] != self.quiz.pk:
            raise ValidationError(
                _("These answers were meant for a different quiz. Please answer the questions below."),
                code="other_quiz",
            )
        return self.cleaned_data["quiz"]

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            if name.startswith(QUESTION_PREFIX) and not field.question.block.multiple:
                if hasattr(self.data, "getlist") and len(self.data.getlist(name)) > 1:
                    self.add_error(name, ValidationError(_("Choose only one answer to this question."), code="several"))
        unknown = [key for key in self.data if key.startswith(QUESTION_PREFIX) and key not in self.fields]
        if unknown:
            raise ValidationError(
                _("Some answers were for questions that are not in this quiz. Please answer the questions below."),
                code="unknown_question",
            )
        return cleaned_data

    def answers(self):
        """{question id: [option ids]} from valid data."""
        answers = {}
        for name, value in self.cleaned_data.items():
            if name.startswith(QUESTION_PREFIX):
                answers[name[len(QUESTION_PREFIX):]] = list(value) if isinstance(value, list) else [value]
        return answers


class CheckAnswerForm(forms.Form):
    """One question checked on its own (the JavaScript one-at-a-time mode). Stores nothing."""

    question = forms.CharField(max_length=64)

    def __init__(self, quiz, data):
        super().__init__(data)
        self.quiz = quiz
        self.chosen = data.getlist("answer") if hasattr(data, "getlist") else []

    def clean_question(self):
        question_id = self.cleaned_data["question"]
        if question_id not in self.quiz.question_blocks:
            raise ValidationError(_("That question is not in this quiz."))
        return question_id

    def clean(self):
        cleaned_data = super().clean()
        question_id = cleaned_data.get("question")
        if question_id:
            if not self.chosen:
                raise ValidationError(_("Choose an answer first."))
            if not valid_choice(self.quiz.question_blocks[question_id], self.chosen):
                raise ValidationError(_("That answer is not one of the options. Please choose again."))
        return cleaned_data
