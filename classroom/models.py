"""Live classroom sessions: a teacher runs a lesson's quiz on the projector,
pupils answer anonymously on their devices. Everything here is short-lived:
when a session ends its answers become anonymous quiz results and the rest is purged."""

import hashlib
import secrets
import uuid
from datetime import timedelta

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B.
JOIN_CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
JOIN_CODE_LENGTH = 6
SESSION_LIFETIME = timedelta(hours=12)
MAX_SEATS = 200


def new_join_code():
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def hash_secret(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_code(code):
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())[:JOIN_CODE_LENGTH * 2]


class ClassroomSession(models.Model):
    class State(models.TextChoices):
        LOBBY = "lobby", _("Waiting for pupils")
        QUESTION = "question", _("Question open")
        REVEAL = "reveal", _("Answers shown")
        SUMMARY = "summary", _("Summary")
        ENDED = "ended", _("Ended")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    quiz = models.ForeignKey("quizzes.QuizPage", on_delete=models.CASCADE, related_name="classroom_sessions")
    join_code = models.CharField(max_length=JOIN_CODE_LENGTH, unique=True)
    host_secret_hash = models.CharField(max_length=64)
    state = models.CharField(max_length=10, choices=State.choices, default=State.LOBBY)
    question_index = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=0, help_text=_("Goes up with every change; pupils' and projectors' polling compares it."))
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    results_kept = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("classroom session")

    def __str__(self):
        return f"{self.join_code} · {self.quiz}"

    @classmethod
    def start(cls, quiz):
        """A new session and its host secret (returned once, never stored in clear)."""
        secret = secrets.token_urlsafe(32)
        for _attempt in range(20):
            code = new_join_code()
            if not cls.objects.filter(join_code=code).exists():
                break
        session = cls.objects.create(
            quiz=quiz, join_code=code, host_secret_hash=hash_secret(secret),
            expires_at=timezone.now() + SESSION_LIFETIME,
        )
        return session, secret

    def is_host_secret(self, secret):
        return bool(secret) and secrets.compare_digest(hash_secret(secret), self.host_secret_hash)

    @property
    def is_active(self):
        return self.state != self.State.ENDED and timezone.now() < self.expires_at

    def question_ids(self):
        return list(self.quiz.question_blocks)

    def current_question(self):
        ids = self.question_ids()
        if self.state in (self.State.QUESTION, self.State.REVEAL) and self.question_index < len(ids):
            question_id = ids[self.question_index]
            return question_id, self.quiz.question_blocks[question_id]
        return None, None

    def changed(self):
        """Count a change, so polling clients see it."""
        ClassroomSession.objects.filter(pk=self.pk).update(version=F("version") + 1)
        self.refresh_from_db(fields=["version"])
        from .state import forget_state

        forget_state(self)


class Seat(models.Model):
    """An anonymous seat: a random token in the pupil's browser, nothing else."""

    session = models.ForeignKey(ClassroomSession, on_delete=models.CASCADE, related_name="seats")
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)


class SessionAnswer(models.Model):
    session = models.ForeignKey(ClassroomSession, on_delete=models.CASCADE, related_name="answers")
    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=64)
    option_ids = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["seat", "question_id"], name="one_answer_per_seat_and_question")]


class BoxQuestion(models.Model):
    """An anonymous question or comment for the class. Nothing reaches the
    projector until the teacher approves it; held ones stay folded away."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the teacher")
        APPROVED = "approved", _("Shown to the class")
        DISMISSED = "dismissed", _("Not shown")

    MAX_LENGTH = 280

    session = models.ForeignKey(ClassroomSession, on_delete=models.CASCADE, related_name="box_questions")
    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="box_questions")
    text = models.CharField(max_length=MAX_LENGTH)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    held = models.BooleanField(default=False, help_text=_("Held back by the word filter until the teacher chooses to read it."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
