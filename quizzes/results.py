"""What scoring returns: plain data, easy to render and to test."""

from dataclasses import dataclass, field

from .blocks import Option


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    number: int
    kind: str  # the block type: single_choice, multiple_choice, true_false, scenario, opinion_scale
    text: str
    chosen: tuple[Option, ...]
    scored: bool
    right: bool | None  # None when the question is not scored
    correct_options: tuple[Option, ...]
    explanation: str
    lesson_section: str = ""
    story: str = ""
    easy_text: str = ""  # the question's easy-read wording, when it has one

    def wording(self, easy=False):
        return self.easy_text if easy and self.easy_text else self.text

    @property
    def answered(self):
        return bool(self.chosen)


@dataclass(frozen=True)
class QuizResult:
    questions: tuple[QuestionResult, ...] = field(default_factory=tuple)

    @property
    def score(self):
        return sum(1 for question in self.questions if question.right)

    @property
    def max_score(self):
        return sum(1 for question in self.questions if question.scored)

    @property
    def percent(self):
        return round(100 * self.score / self.max_score) if self.max_score else None
