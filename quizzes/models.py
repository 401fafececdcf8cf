import uuid

from django.db import IntegrityError, models, transaction
from django.db.models import Avg, Count, F, FloatField, Q
from django.db.models.functions import Cast
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from guardrails.models import JustifiedContent

from .answers import percent
from .blocks import QuizBodyBlock
from .forms import QuizPageForm
from .results import QuestionResult, QuizResult


class QuizPage(RoutablePageMixin, JustifiedContent, Page):
    """A lesson's quiz. Scoring happens in score() and nowhere else."""

    routes_kept_across_languages = ("easy-read/",)

    intro = models.TextField(_("introduction"), max_length=400, blank=True)
    questions = StreamField(QuizBodyBlock(), verbose_name=_("questions"))

    parent_page_types = ["lessons.LessonPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    base_form_class = QuizPageForm

    content_panels = Page.content_panels + [
        FieldPanel("intro"), FieldPanel("questions"), FieldPanel("safeguarding_justification"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    # --- questions -----------------------------------------------------

    @cached_property
    def question_blocks(self):
        """{question id: bound block}, in quiz order."""
        return {str(child.id): child for child in self.questions}

    @cached_property
    def has_easy_read(self):
        """Whether the quiz has an easy-read version: every question has its easy-read wording."""
        return bool(self.question_blocks) and all(
            child.value.get("easy_question") for child in self.question_blocks.values()
        )

    def answer_key(self):
        """Every question with its correct answers and explanation: what the
        teacher guide prints, so the key is never copied by hand."""
        return self.score({}).questions

    # --- scoring -------------------------------------------------------

    def score(self, answers):
        """answers: {question id: [chosen option ids]} -> QuizResult.

        Questions missing from answers count as unanswered (not right); option
        ids the question does not have are ignored; question ids the quiz does
        not have are ignored."""
        results = []
        for number, (question_id, child) in enumerate(self.question_blocks.items(), start=1):
            block, value = child.block, child.value
            options = {option.id: option for option in block.answer_options(value)}
            chosen_ids = [option_id for option_id in answers.get(question_id, ()) if option_id in options]
            right = block.is_right(value, chosen_ids) if block.scored else None
            if block.scored and not chosen_ids:
                right = False
            results.append(
                QuestionResult(
                    question_id=question_id,
                    number=number,
                    kind=child.block_type,
                    text=value["question"],
                    chosen=tuple(options[option_id] for option_id in chosen_ids),
                    scored=block.scored,
                    right=right,
                    correct_options=tuple(block.correct_options(value)),
                    explanation=value["explanation"],
                    lesson_section=value.get("lesson_section", ""),
                    story=value.get("story", ""),
                    easy_text=value.get("easy_question") or "",
                )
            )
        return QuizResult(questions=tuple(results))

    # --- what the lesson around it offers ------------------------------

    @cached_property
    def lesson(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lesson = self.lesson
        context.update(
            lesson=lesson,
            key_messages=lesson.key_messages() if hasattr(lesson, "key_messages") else [],
            next_lesson=lesson.next_lesson() if hasattr(lesson, "next_lesson") else None,
        )
        return context


    # --- statistics (aggregate queries only) ---------------------------

    def opinion_distribution(self, question_ids):
        """{question id: {option id: count}} over every attempt at this quiz."""
        rows = (
            QuizAnswer.objects.filter(attempt__quiz=self, question_id__in=list(question_ids))
            .values("question_id", "option_id")
            .annotate(count=Count("id"))
        )
        distribution = {question_id: {} for question_id in question_ids}
        for row in rows:
            distribution[row["question_id"]][row["option_id"]] = row["count"]
        return distribution

    def statistics(self):
        """Attempts, average score and, per question, how many answered, the
        share who were right, and how often each option was chosen."""
        attempts = self.attempts.aggregate(
            count=Count("id"),
            average=Avg(
                Cast(F("score"), FloatField()) * 100 / F("max_score"), filter=Q(max_score__gt=0)
            ),
        )
        per_question = {
            row["question_id"]: row
            for row in QuizAnswer.objects.filter(attempt__quiz=self)
            .values("question_id")
            .annotate(
                answered=Count("attempt", distinct=True),
                right=Count("attempt", distinct=True, filter=Q(question_right=True)),
            )
        }
        distribution = self.opinion_distribution(self.question_blocks)
        questions = []
        for result in self.answer_key():
            counts = per_question.get(result.question_id, {"answered": 0, "right": 0})
            options = self.question_blocks[result.question_id].block.answer_options(
                self.question_blocks[result.question_id].value
            )
            questions.append(
                {
                    "result": result,
                    "answered": counts["answered"],
                    "percent_right": percent(counts["right"], counts["answered"]) if result.scored else None,
                    "options": [
                        (option, distribution[result.question_id].get(option.id, 0)) for option in options
                    ],
                }
            )
        return {
            "attempts": attempts["count"],
            "average_percent": round(attempts["average"]) if attempts["average"] is not None else None,
            "questions": questions,
        }

    # --- pages ---------------------------------------------------------

    @path("")
    def take(self, request):
        from . import views

        return views.take_quiz(request, self)

    @path("easy-read/", name="easy_read")
    def take_easy_read(self, request):
        """The same quiz, each question and answer in its easy-read wording; it counts like the other."""
        from . import views

        if not self.has_easy_read:
            raise Http404
        return views.take_quiz(request, self, easy=True)

    def score_question(self, question_id, chosen):
        """The result of one question answered on its own (one-at-a-time checking, a live class)."""
        return next(q for q in self.score({question_id: chosen}).questions if q.question_id == question_id)

    def record_attempt(self, answers, submission):
        """Score and store one go at this quiz: (attempt, created); the same submission counts once."""
        return QuizAttempt.objects.record(self, answers, submission)

    def attempt(self, attempt_id):
        return self.attempts.filter(pk=attempt_id).first()

    @path("check/", name="check")
    def check_one_answer(self, request):
        from . import views

        return views.check_answer(request, self)

    @path("results/<uuid:attempt_id>/", name="results")
    def results(self, request, attempt_id):
        from . import views

        return views.show_results(request, self, attempt_id)


class QuizAttemptManager(models.Manager):
    def record(self, quiz, answers, submission):
        """Score and store one go at a quiz, with a row per chosen option for the statistics.
        The same submission counts once: returns (attempt, created), also when two arrive at once."""
        existing = self.filter(submission=submission).first()
        if existing:
            return existing, False
        result = quiz.score(answers)
        try:
            with transaction.atomic():
                attempt = self.create(
                    quiz=quiz, locale=quiz.locale, submission=submission, answers=answers,
                    score=result.score, max_score=result.max_score,
                )
                QuizAnswer.objects.bulk_create(
                    QuizAnswer(attempt=attempt, question_id=question.question_id, option_id=option.id,
                               question_right=question.right)
                    for question in result.questions
                    for option in question.chosen
                )
        except IntegrityError:  # the same form sent twice at once
            return self.get(submission=submission), False
        return attempt, True


class QuizAttempt(models.Model):
    """One anonymous go at a quiz: no user, no IP address, no cookie identifier."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    quiz = models.ForeignKey(QuizPage, on_delete=models.CASCADE, related_name="attempts")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.PROTECT, related_name="+")
    submission = models.UUIDField(
        unique=True, help_text=_("A random token from the form, so a submission sent twice counts once.")
    )
    answers = models.JSONField(_("answers by question id"), default=dict)
    score = models.PositiveSmallIntegerField(_("score"))
    max_score = models.PositiveSmallIntegerField(_("highest possible score"))
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    objects = QuizAttemptManager()

    class Meta:
        verbose_name = _("quiz attempt")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.quiz} · {self.score}/{self.max_score}"


class QuizAnswer(models.Model):
    """One chosen option of an attempt, kept as a row so statistics are aggregate queries."""

    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="chosen_options")
    question_id = models.CharField(max_length=64, db_index=True)
    option_id = models.CharField(max_length=64)
    question_right = models.BooleanField(null=True)

    class Meta:
        verbose_name = _("chosen answer")
