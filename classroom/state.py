"""What polling clients see, kept in the shared cache (Redis in production) so a
poll is a cache read; any app server can answer it."""

import hashlib
import json

from django.core.cache import cache
from django.db.models import Count


STATE_SECONDS = 30


def _key(session_id):
    return f"classroom-state:{session_id}"


def forget_state(session):
    cache.delete(_key(session.pk))


PUPIL_FIELDS = ("state", "question", "phase")


def cached_state(session_id):
    """The state as last computed, or None: a poll that finds it touches no database."""
    return cache.get(_key(session_id))


def for_pupils(state):
    """What a pupil's device needs: only changes of phase, so its polls stay 304 while classmates answer."""
    return {field: state[field] for field in PUPIL_FIELDS}


def session_state(session):
    state = cache.get(_key(session.pk))
    if state is None:
        from .models import SessionAnswer

        question_id, _question = session.current_question()
        answered = SessionAnswer.objects.filter(session=session, question_id=question_id).count() if question_id else 0
        from .models import BoxQuestion

        box = dict(
            session.box_questions.values_list("status").annotate(count=Count("id")).values_list("status", "count")
        )
        approved = box.get(BoxQuestion.Status.APPROVED, 0)
        state = {
            "state": session.state,
            "question": session.question_index,
            "phase": f"{session.state}:{session.question_index}:{approved}",
            "host_phase": f"{session.state}:{session.question_index}:{approved}:{box.get(BoxQuestion.Status.PENDING, 0)}",
            "answered": answered,
            "seats": session.seats.count(),
            "version": session.version,
        }
        cache.set(_key(session.pk), state, STATE_SECONDS)
    return state


def etag_for(state):
    return '"%s"' % hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()[:16]


def distribution(session, question_id):
    """{option id: count} of the class's answers to one question, in one query."""
    counts = {}
    rows = session.answers.filter(question_id=question_id).values_list("option_ids", flat=True)
    for option_ids in rows:
        for option_id in option_ids:
            counts[option_id] = counts.get(option_id, 0) + 1
    return counts
