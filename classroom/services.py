"""Moving a session on, and keeping its answers as anonymous quiz results when it ends."""

import uuid

from django.db import transaction
from django.utils import timezone

from quizzes.models import QuizAnswer, QuizAttempt

from .models import ClassroomSession
from .state import forget_state


def changed(session):
    """Polling clients see the change at their next poll."""
    forget_state(session)


def advance(session, action):
    """Apply a host's action; returns False when the action does not fit the current state."""
    State = ClassroomSession.State
    total = len(session.question_ids())
    if action == "start" and session.state == State.LOBBY and total:
        session.state, session.question_index = State.QUESTION, 0
    elif action == "reveal" and session.state == State.QUESTION:
        session.state = State.REVEAL
    elif action == "next" and session.state == State.REVEAL:
        if session.question_index + 1 < total:
            session.state, session.question_index = State.QUESTION, session.question_index + 1
        else:
            session.state = State.SUMMARY
    elif action == "end" and session.state != State.ENDED:
        end(session)
        return True
    else:
        return False
    session.save(update_fields=["state", "question_index"])
    changed(session)
    return True


@transaction.atomic
def keep_results(session):
    """Each seat's answers become one anonymous QuizAttempt, scored by the quiz itself."""
    if session.results_kept:
        return 0
    by_seat = {}
    for answer in session.answers.all():
        by_seat.setdefault(answer.seat_id, {})[answer.question_id] = answer.option_ids
    kept = 0
    for seat_id, answers in by_seat.items():
        result = session.quiz.score(answers)
        attempt = QuizAttempt.objects.create(
            quiz=session.quiz,
            locale=session.quiz.locale,
            submission=uuid.uuid5(uuid.NAMESPACE_URL, f"classroom:{session.pk}:{seat_id}"),
            answers=answers,
            score=result.score,
            max_score=result.max_score,
        )
        QuizAnswer.objects.bulk_create(
            QuizAnswer(attempt=attempt, question_id=q.question_id, option_id=o.id, question_right=q.right)
            for q in result.questions for o in q.chosen
        )
        kept += 1
    session.results_kept = True
    session.save(update_fields=["results_kept"])
    return kept


def end(session):
    keep_results(session)
    session.state = ClassroomSession.State.ENDED
    session.ended_at = timezone.now()
    session.save(update_fields=["state", "ended_at"])
    changed(session)
