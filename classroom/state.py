"""What polling clients see, kept in the shared cache (Redis in production) so a
poll is a couple of cache reads and never touches the database; any app server
can answer it, and nothing is held in one process.

Two kinds of data, kept apart so 30 pupils answering do not make 30 devices
rebuild anything:

- the phase (state, question, messages approved, waiting or held) changes only
  when the teacher acts or a pupil sends a message. It is stored under a
  versioned key: a change bumps the version (an atomic increment), and a poll
  that finds no phase for the current version rebuilds it once, under a short
  lock, from the database. A phase computed from data older than a change lands
  under the old version, which nobody reads again.
- the counts (seats, answers to the current question) are counters that a
  join or an answer increments atomically; a missing counter is counted afresh
  from the database.

Three audiences poll the same state and each sees only its part:
- a pupil's device: the phase (so its polls stay 304 while classmates answer);
- the projector: the phase and the counts, never anything about messages
  waiting for the teacher;
- the teacher panel: everything, including how many messages wait or are held.
"""

import hashlib
import json
import time

from django.core.cache import cache
from django.db.models import Count, Q

from quizzes.answers import count_choices

from .models import SESSION_LIFETIME, BoxMessage, ClassroomSession, Seat, SessionAnswer

KEPT = int(SESSION_LIFETIME.total_seconds()) + 3600  # longer than a session lives
PHASE_FIELDS = ("state", "question", "phase")
VIEWS = {
    "pupil": PHASE_FIELDS,
    "projector": (*PHASE_FIELDS, "seats", "answered"),
    "teacher": (*PHASE_FIELDS, "seats", "answered", "waiting", "held", "teacher_phase"),
}


def _key(kind, session_id, *more):
    return ":".join(["classroom", kind, str(session_id), *map(str, more)])


# --- what never changes in a session -------------------------------------------------

def session_meta(session_id):
    """The quiz's questions in order, with each one's option ids and whether it takes several,
    the quiz's language and when the session ends; None when there is no such session.
    Read once from the database, then from the cache (forget_meta after the quiz is published)."""
    key = _key("meta", session_id)
    meta = cache.get(key)
    if meta is None:
        session = ClassroomSession.objects.select_related("quiz").filter(pk=session_id).first()
        if session is None:
            return None
        quiz = session.quiz.specific
        meta = {
            "questions": [
                [question_id, [option.id for option in child.block.answer_options(child.value)], child.block.multiple]
                for question_id, child in quiz.question_blocks.items()
            ],
            "language": quiz.locale.language_code,
            "expires_at": session.expires_at.timestamp(),
            "evaluation": session.with_evaluation or session.follow_up_of_id is not None,
            "follow_up": session.follow_up_of_id is not None,
        }
        cache.set(key, meta, KEPT)
    return meta


def forget_meta(session_ids):
    cache.delete_many([_key("meta", session_id) for session_id in session_ids])


def question_ids(meta):
    return [question_id for question_id, _options, _multiple in meta["questions"]]


# --- the phase -----------------------------------------------------------------------

def _version(session_id):
    """The session's phase version; a fresh one starts from the clock, so it never repeats an old one."""
    key = _key("version", session_id)
    version = cache.get(key)
    if version is None:
        cache.add(key, time.time_ns() // 1000, KEPT)
        version = cache.get(key)
    return version


def phase_changed(session_id):
    """The teacher acted or a message came in: the next poll rebuilds the phase."""
    try:
        cache.incr(_key("version", session_id))
    except ValueError:  # no version yet (or it expired): any new one differs from the old
        cache.set(_key("version", session_id), time.time_ns() // 1000, KEPT)


def _phase_from_database(session_id):
    row = ClassroomSession.objects.filter(pk=session_id).values("state", "question_index").first()
    if row is None:
        return None
    box = BoxMessage.objects.filter(session_id=session_id).aggregate(
        approved=Count("id", filter=Q(status=BoxMessage.Status.APPROVED)),
        waiting=Count("id", filter=Q(status=BoxMessage.Status.PENDING, hold_reason="")),
        held=Count("id", filter=Q(status=BoxMessage.Status.PENDING) & ~Q(hold_reason="")),
    )
    phase = f"{row['state']}:{row['question_index']}:{box['approved']}"
    return {
        "state": row["state"],
        "question": row["question_index"],
        "phase": phase,
        "waiting": box["waiting"],
        "held": box["held"],
        "teacher_phase": f"{phase}:{box['waiting']}:{box['held']}",
    }


def phase(session_id, found=None):
    """The current phase, or None when there is no such session. It is kept under one key
    with the version it was built for; after a change (a new version) one poll rebuilds it
    (the others wait for it a moment), then every poll reads it from the cache. found:
    what the caller already read with get_many (the version and the phase), if anything."""
    found = found if found is not None else cache.get_many([_key("version", session_id), _key("phase", session_id)])
    version = found.get(_key("version", session_id)) or _version(session_id)
    kept = found.get(_key("phase", session_id))
    if kept is not None and kept[0] == version:
        return kept[1]
    if not cache.add(_key("rebuilding", session_id, version), True, 2):
        for _ in range(10):
            time.sleep(0.01)
            kept = cache.get(_key("phase", session_id))
            if kept is not None and kept[0] == version:
                return kept[1]
    current = _phase_from_database(session_id)
    if current is not None:
        # A rebuild that read the database before a later change stores the older version:
        # readers of the newer one see the mismatch and rebuild, they never take it.
        cache.set(_key("phase", session_id), (version, current), KEPT)
    return current


def shared_page_key(session_id, language_code):
    """The pupils' page of the current phase, the same for every pupil who has not answered (views.pupil)."""
    return _key("page", session_id, _version(session_id), language_code)


# --- the counts ------------------------------------------------------------------------

def _counter(key, count_in_database):
    count = cache.get(key)
    if count is None:
        cache.add(key, count_in_database(), KEPT)
        count = cache.get(key)
    return count if count is not None else count_in_database()


def _add_one(key, count_in_database):
    """Count one more, atomically. The caller read the counter before writing its row
    (seats(), answered()), so a counter counted from the database never already holds
    a row whose increment is still to come; one that vanished since (evicted, Redis
    restarted) is counted afresh, the new row included."""
    try:
        cache.incr(key)
    except ValueError:
        cache.add(key, count_in_database(), KEPT)


def _seats_in_database(session_id):
    return lambda: Seat.objects.filter(session_id=session_id).count()


def seats(session_id):
    return _counter(_key("seats", session_id), _seats_in_database(session_id))


def seat_taken(session_id):
    _add_one(_key("seats", session_id), _seats_in_database(session_id))


def _answers_in_database(session_id, question_id):
    return lambda: SessionAnswer.objects.filter(session_id=session_id, question_id=question_id).count()


def answered(session_id, question_id):
    return _counter(_key("answered", session_id, question_id), _answers_in_database(session_id, question_id))


def answer_given(session_id, question_id):
    _add_one(_key("answered", session_id, question_id), _answers_in_database(session_id, question_id))


# --- what a poll returns -----------------------------------------------------------------

def for_view(session_id, view, ids_in_order=None):
    """What one audience may see, or None when there is no such session. A pupil's poll is
    one round trip to the cache (the questions, the version and the phase together); the
    projector's and the teacher's read the two counters too. ids_in_order: the quiz's
    question ids (from the cached questions when not given)."""
    fields = VIEWS.get(view, VIEWS["pupil"])
    keys = [_key("meta", session_id), _key("version", session_id), _key("phase", session_id)]
    if "seats" in fields:
        keys.append(_key("seats", session_id))
    found = cache.get_many(keys)
    meta = found.get(_key("meta", session_id)) or session_meta(session_id)
    current = phase(session_id, found) if meta is not None else None
    if current is None:
        return None
    shown = {field: current[field] for field in fields if field in current}
    if "seats" in fields:
        shown["seats"] = found.get(_key("seats", session_id))
        if shown["seats"] is None:
            shown["seats"] = seats(session_id)
        ids_in_order = ids_in_order if ids_in_order is not None else question_ids(meta)
        number = current["question"]
        shown["answered"] = answered(session_id, ids_in_order[number]) if number < len(ids_in_order) else 0
    return shown


def etag_for(state):
    return '"%s"' % hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()[:16]


def distribution(session, question_id):
    """{option id: count} of the class's answers to one question, in one query."""
    return count_choices(session.answers.filter(question_id=question_id).values_list("option_ids", flat=True))
