"""What polling clients see, kept in the shared cache (Redis in production) so a
poll is a cache read; any app server can answer it.

The state is stored under a versioned key. A change bumps the version
(an atomic increment); a poll reads the version before it reads the database,
so a state computed from data older than a change lands under the old version,
which nobody reads again. (Deleting the key instead would race: a poll that
read before the change could write its stale state back after the delete.)

Three audiences poll the same state and each sees only its part:
- a pupil's device: the phase (so its polls stay 304 while classmates answer);
- the projector: the phase and the counts of seats and answers, never anything
  about messages waiting for the teacher;
- the teacher panel: everything, including how many messages wait or are held.
"""

import hashlib
import json
import time

from django.core.cache import cache
from django.db.models import Count, Q

from quizzes.answers import count_choices

STATE_SECONDS = 30

VIEWS = {
    "pupil": ("state", "question", "phase"),
    "projector": ("state", "question", "phase", "seats", "answered"),
    "teacher": ("state", "question", "phase", "seats", "answered", "waiting", "held", "teacher_phase"),
}


VERSION_SECONDS = 13 * 3600  # longer than a session lives


def _version_key(session_id):
    return f"classroom-version:{session_id}"


def _key(session_id, version):
    return f"classroom-state:{session_id}:{version}"


def _version(session_id):
    """The session's current state version; a fresh one starts from the clock, so it never repeats an old one."""
    version = cache.get(_version_key(session_id))
    if version is None:
        cache.add(_version_key(session_id), time.time_ns() // 1000, VERSION_SECONDS)
        version = cache.get(_version_key(session_id))
    return version


def forget_state(session):
    """A change: the next poll computes the state afresh."""
    try:
        cache.incr(_version_key(session.pk))
    except ValueError:  # no version yet (or it expired): any new one differs from the old
        cache.set(_version_key(session.pk), time.time_ns() // 1000, VERSION_SECONDS)


def cached_state(session_id):
    """The state as last computed, or None: a poll that finds it touches no database."""
    version = cache.get(_version_key(session_id))
    return cache.get(_key(session_id, version)) if version is not None else None


def for_view(state, view):
    """The part of the state one audience may see; unknown audiences get the pupil's part."""
    return {field: state[field] for field in VIEWS.get(view, VIEWS["pupil"])}


def session_state(session):
    version = _version(session.pk)
    state = cache.get(_key(session.pk, version)) if version is not None else None
    if state is None:
        question_id, _question = session.current_question()
        answered = session.answers.filter(question_id=question_id).count() if question_id else 0
        box = session.box_messages.aggregate(
            approved=Count("id", filter=Q(status="approved")),
            waiting=Count("id", filter=Q(status="pending", hold_reason="")),
            held=Count("id", filter=Q(status="pending") & ~Q(hold_reason="")),
        )
        phase = f"{session.state}:{session.question_index}:{box['approved']}"
        state = {
            "state": session.state,
            "question": session.question_index,
            "phase": phase,
            "answered": answered,
            "seats": session.seats.count(),
            "waiting": box["waiting"],
            "held": box["held"],
            "teacher_phase": f"{phase}:{box['waiting']}:{box['held']}",
        }
        if version is not None:
            cache.set(_key(session.pk, version), state, STATE_SECONDS)
    return state


def etag_for(state):
    return '"%s"' % hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()[:16]


def distribution(session, question_id):
    """{option id: count} of the class's answers to one question, in one query."""
    return count_choices(session.answers.filter(question_id=question_id).values_list("option_ids", flat=True))
