"""Live classroom sessions: a teacher runs a lesson's quiz on the projector,
pupils answer anonymously on their devices. Everything here is short-lived:
when a session ends its answers become anonymous quiz results and the rest is purged."""

import secrets
import uuid
from datetime import timedelta

from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .word_filter import HOLD_ABUSIVE, HOLD_NAMES_SOMEONE, WordFilter

# No look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B.
# 22 characters, 6 long: 22**6 = 113,379,904 codes. Even with 1,000 sessions
# live at once (a national action day), a guess hits one with a chance of
# 1 in 113,380. Codes that don't work are limited to 60 per 10 minutes per
# address (UPSTANDER_CLASSROOM_WRONG_CODE_LIMIT): 360 an hour, so finding a
# live code takes about 315 hours on average, while a session lives 12.
JOIN_CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
JOIN_CODE_LENGTH = 6
SESSION_LIFETIME = timedelta(hours=12)
MAX_SEATS = 200


def new_join_code():
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


HOST_SALT = "classroom.host"
HOST_LINK_SALT = "classroom.host-link"
HOST_LINK_LIFETIME = timedelta(minutes=10)
SEAT_SALT = "classroom.seat"
FOLLOW_UP_SALT = "classroom.follow-up"
FOLLOW_UP_LIFETIME = timedelta(days=180)


def _signed_value(token, salt, max_age):
    try:
        return signing.loads(token or "", salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None


def normalise_code(code):
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())[:JOIN_CODE_LENGTH * 2]


class ClassroomSession(models.Model):
    class State(models.TextChoices):
        LOBBY = "lobby", _("Waiting for pupils")
        QUESTION = "question", _("Question open")
        REVEAL = "reveal", _("Answers shown")
        SUMMARY = "summary", _("Summary")
        AFTER = "after", _("Evaluation after the lesson")
        CHANGE = "change", _("The class's change shown")
        ENDED = "ended", _("Ended")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    quiz = models.ForeignKey("quizzes.QuizPage", on_delete=models.CASCADE, related_name="classroom_sessions")
    join_code = models.CharField(max_length=JOIN_CODE_LENGTH, unique=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.LOBBY)
    question_index = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    results_kept = models.BooleanField(default=False)
    with_evaluation = models.BooleanField(
        default=False, help_text=_("Pupils answer the module’s evaluation before the lesson and after it."))
    # What the evaluation left when this session ended (its follow-up link points to it), and, for a
    # follow-up weeks later, the class's earlier evaluation it is compared with.
    evaluation_run = models.ForeignKey("evaluations.EvaluationRun", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+")
    follow_up_of = models.ForeignKey("evaluations.EvaluationRun", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")

    class Meta:
        verbose_name = _("classroom session")

    def __str__(self):
        return f"{self.join_code} · {self.quiz}"

    @classmethod
    def start(cls, quiz, with_evaluation=False):
        """A new session and the token that makes a device its host."""
        for _attempt in range(20):
            code = new_join_code()
            if not cls.objects.filter(join_code=code).exists():
                break
        session = cls.objects.create(quiz=quiz, join_code=code, expires_at=timezone.now() + SESSION_LIFETIME,
                                     with_evaluation=with_evaluation)
        return session, session.host_token()

    # The host's cookie holds a value signed with the site's secret key: nothing to store, nothing to leak.
    @property
    def host_cookie_name(self):
        return f"upstander_host_{self.pk.hex}"

    @property
    def seat_cookie_name(self):
        return f"upstander_seat_{self.pk.hex}"

    def seat_token(self, seat):
        """The pupil's cookie: the seat, signed with the site's secret key (no lookup needed to trust it)."""
        return signing.dumps(f"{self.pk}:{seat.pk}", salt=SEAT_SALT)

    def seat_id_from(self, token):
        value = _signed_value(token, SEAT_SALT, SESSION_LIFETIME)
        session_id, _, seat_id = (value or "").partition(":")
        return int(seat_id) if session_id == str(self.pk) and seat_id.isdigit() else None

    def is_hosted_by(self, request):
        """True when this request comes from the device of the teacher who runs the session."""
        return self.is_host_token(request.COOKIES.get(self.host_cookie_name))

    def host_token(self):
        return signing.dumps(str(self.pk), salt=HOST_SALT)

    def is_host_token(self, token):
        return _signed_value(token, HOST_SALT, SESSION_LIFETIME) == str(self.pk)

    # The private link for another device: signed, short-lived, and used once (the view remembers it).
    def host_link_token(self):
        return signing.dumps(str(self.pk), salt=HOST_LINK_SALT)

    def is_host_link_token(self, token):
        return _signed_value(token, HOST_LINK_SALT, HOST_LINK_LIFETIME) == str(self.pk)

    @property
    def is_active(self):
        return self.state != self.State.ENDED and timezone.now() < self.expires_at

    def follow_up_token(self):
        """The teacher's private link to the follow-up of this class, weeks later (FOLLOW_UP_LIFETIME)."""
        return signing.dumps(self.evaluation_run_id, salt=FOLLOW_UP_SALT)

    @staticmethod
    def follow_up_run_id(token):
        value = _signed_value(token, FOLLOW_UP_SALT, FOLLOW_UP_LIFETIME)
        return value if isinstance(value, int) else None

    @property
    def is_follow_up(self):
        return self.follow_up_of_id is not None

    def evaluation(self):
        """The module's evaluation in this session's language, and the lesson it is asked in; once per
        instance (a survey page and its POST ask several times, each would walk the tree again)."""
        if not hasattr(self, "_evaluation"):
            lesson = self.quiz.get_parent().specific
            self._evaluation = (getattr(lesson.get_parent().specific, "evaluation", None), lesson)
        return self._evaluation

    def evaluation_items(self):
        """The evaluation items this session asks (none when the teacher did not add the evaluation)."""
        if not self.with_evaluation and not self.is_follow_up:
            return []
        if not hasattr(self, "_evaluation_items"):
            evaluation, lesson = self.evaluation()
            self._evaluation_items = evaluation.items_for(lesson) if evaluation is not None else []
        return self._evaluation_items

    def question_ids(self):
        return list(self.quiz.question_blocks)

    def current_question(self):
        ids = self.question_ids()
        if self.state in (self.State.QUESTION, self.State.REVEAL) and self.question_index < len(ids):
            question_id = ids[self.question_index]
            return question_id, self.quiz.question_blocks[question_id]
        return None, None


class Seat(models.Model):
    """An anonymous seat: a signed number in the pupil's browser (ClassroomSession.seat_token), nothing else."""

    session = models.ForeignKey(ClassroomSession, on_delete=models.CASCADE, related_name="seats")
    created_at = models.DateTimeField(auto_now_add=True)


class SessionAnswer(models.Model):
    session = models.ForeignKey(ClassroomSession, on_delete=models.CASCADE, related_name="answers")
    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=64)
    option_ids = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["seat", "question_id"], name="one_answer_per_seat_and_question")]


class SurveyAnswer(models.Model):
    """A pupil's answer to one evaluation item, before or after the lesson, kept only while the
    session lives: when it ends, the class's answers become sums per item (evaluations.results)
    and these rows go with the seats. `value` is None for a skipped item or "I'd rather not say"."""

    class Phase(models.TextChoices):
        BEFORE = "before", _("Before the lesson")
        AFTER = "after", _("After the lesson")
        LATER = "later", _("Weeks later (follow-up)")

    session = models.ForeignKey(ClassroomSession, on_delete=models.CASCADE, related_name="survey_answers")
    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="survey_answers")
    phase = models.CharField(max_length=6, choices=Phase.choices)
    item_key = models.CharField(max_length=60)
    version = models.CharField(max_length=12)
    value = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["seat", "phase", "item_key"], name="one_survey_answer_per_item")]


class FilteredWordQuerySet(models.QuerySet):
    def word_filter(self, language_code):
        """The question-box filter for one language (its words and English ones), from one query."""
        words = {kind: [] for kind in FilteredWord.Kind.values}
        for word, kind in self.filter(locale__language_code__in={language_code, "en"}).values_list("word", "kind"):
            words[kind].append(word)
        return WordFilter.from_words(language_code, words[FilteredWord.Kind.ABUSIVE], words[FilteredWord.Kind.SEXUAL])


class FilteredWord(models.Model):
    """A word the question-box filter holds back, in one language. Editors keep the lists."""

    class Kind(models.TextChoices):
        ABUSIVE = "abusive", _("Insult or threat: always held")
        SEXUAL = "sexual", _("Sexual word: held when the message names someone")

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", verbose_name=_("language"))
    word = models.CharField(
        _("word or phrase"), max_length=60,
        help_text=_("Matched whatever the capitals, accents, look-alike letters or dots between the letters."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)

    objects = FilteredWordQuerySet.as_manager()

    panels = [FieldPanel("locale"), FieldPanel("word"), FieldPanel("kind")]

    class Meta:
        verbose_name = _("question-box filter word")
        verbose_name_plural = _("question-box filter words")
        ordering = ["locale", "kind", "word"]
        constraints = [models.UniqueConstraint(fields=["locale", "word"], name="one_filtered_word_per_language")]

    def __str__(self):
        return self.word


class BoxMessage(models.Model):
    """An anonymous question or comment a pupil sends to the teacher. Nothing
    reaches the projector or a pupil's device until the teacher approves it,
    and a message the word filter holds can never be shown."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the teacher")
        APPROVED = "approved", _("Shown to the class")
        DISMISSED = "dismissed", _("Not shown")

    class HoldReason(models.TextChoices):
        ABUSIVE = HOLD_ABUSIVE, _("an insult or a threat")
        NAMES_SOMEONE = HOLD_NAMES_SOMEONE, _("names someone together with a sexual word")

    MAX_LENGTH = 280

    session = models.ForeignKey(ClassroomSession, on_delete=models.CASCADE, related_name="box_messages")
    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="box_messages")
    text = models.CharField(max_length=MAX_LENGTH)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    hold_reason = models.CharField(
        max_length=20, choices=HoldReason.choices, blank=True,
        help_text=_("Why the word filter held it; a held message is only ever seen by the teacher."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    @property
    def held(self):
        return bool(self.hold_reason)
