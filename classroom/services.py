"""Moving a session on, and keeping its answers as anonymous quiz results when it ends."""

import uuid

from django.db import transaction
from django.utils import timezone

from evaluations.results import record_class, record_follow_up
from lessons.models import LessonPage
from quizzes.models import QuizAttempt

from .models import ClassroomSession
from .state import phase_changed


def changed(session):
    """The phase changed (a step, a message): polling clients see it at their next poll."""
    phase_changed(session.pk)


def advance(session, action):
    """Apply a host's action; returns False when the action does not fit the current state."""
    State = ClassroomSession.State
    total = len(session.question_ids())
    if action == "change" and session.state == State.LOBBY and session.is_follow_up:
        session.state = State.CHANGE  # a follow-up asks the evaluation only, then shows it
    elif action == "start" and session.state == State.LOBBY and total and not session.is_follow_up:
        session.state, session.question_index = State.QUESTION, 0
    elif action == "reveal" and session.state == State.QUESTION:
        session.state = State.REVEAL
    elif action == "next" and session.state == State.REVEAL:
        if session.question_index + 1 < total:
            session.state, session.question_index = State.QUESTION, session.question_index + 1
        else:
            session.state = State.SUMMARY
    elif action == "after" and session.state == State.SUMMARY and session.with_evaluation:
        session.state = State.AFTER
    elif action == "change" and session.state == State.AFTER:
        session.state = State.CHANGE
    else:
        return False
    session.save(update_fields=["state", "question_index"])
    changed(session)
    return True


def class_change(session):
    """Per item asked, the class's (before, after) per pupil, and how many pupils answered both."""
    answers, phases = {}, {}
    for seat_id, phase, key, value in session.survey_answers.values_list("seat_id", "phase", "item_key", "value"):
        answers.setdefault(key, {}).setdefault(seat_id, [None, None])[0 if phase == "before" else 1] = value
        phases.setdefault(seat_id, set()).add(phase)
    pupils_both = sum(1 for answered in phases.values() if len(answered) == 2)
    items = session.evaluation_items()
    return [(item, [tuple(pair) for pair in answers.get(item.key, {}).values()]) for item in items], pupils_both


def follow_up_answers(session):
    """Per item asked, the class's answers weeks later (one per pupil), and how many pupils answered."""
    answers, pupils = {}, set()
    for seat_id, key, value in session.survey_answers.filter(phase="later").values_list("seat_id", "item_key", "value"):
        answers.setdefault(key, []).append(value)
        pupils.add(seat_id)
    return [(item, answers.get(item.key, [])) for item in session.evaluation_items()], len(pupils)


@transaction.atomic
def keep_evaluation(session):
    """The class's evaluation answers become sums per item (evaluations.results), then the rows go;
    once (the session's row is locked, so an end and the purge at the same moment keep them once).
    A follow-up's answers are added to the class's earlier evaluation, once."""
    if not (session.with_evaluation or session.is_follow_up):
        return
    ClassroomSession.objects.select_for_update().filter(pk=session.pk).exists()
    if not session.survey_answers.exists():
        return
    if session.is_follow_up:
        if session.follow_up_of.follow_up_pupils is None:
            record_follow_up(session.follow_up_of, *follow_up_answers(session))
    else:
        items, pupils = class_change(session)
        if pupils:  # a class that never answered after the lesson has no change to keep
            session.evaluation_run = record_class(session.quiz.get_parent().specific, items, pupils)
            ClassroomSession.objects.filter(pk=session.pk).update(evaluation_run=session.evaluation_run)
    session.survey_answers.all().delete()


def start_follow_up(run):
    """A session for the follow-up of the class behind `run`: the same lesson's quiz, in its language."""
    lesson = LessonPage.objects.filter(pk=run.lesson_id).first()
    quiz = lesson.quiz() if lesson else None
    if quiz is None:
        return None, None
    session, secret = ClassroomSession.start(quiz)
    session.follow_up_of = run
    session.save(update_fields=["follow_up_of"])
    return session, secret


@transaction.atomic
def keep_results(session):
    """Each seat's answers become one anonymous QuizAttempt, scored by the quiz itself; once per session
    (the row is locked, so an end and the purge at the same moment cannot both keep them)."""
    if not ClassroomSession.objects.select_for_update().filter(pk=session.pk, results_kept=False).exists():
        return 0
    by_seat = {}
    for answer in session.answers.all():
        by_seat.setdefault(answer.seat_id, {})[answer.question_id] = answer.option_ids
    kept = 0
    for seat_id, answers in by_seat.items():
        submission = uuid.uuid5(uuid.NAMESPACE_URL, f"classroom:{session.pk}:{seat_id}")
        kept += QuizAttempt.objects.record(session.quiz, answers, submission)[1]
    session.results_kept = True
    session.save(update_fields=["results_kept"])
    return kept


def end(session):
    """End a session once. Two presses at the same moment queue on the session's
    row: the first keeps the results, the second finds it ended and changes nothing."""
    with transaction.atomic():
        locked = ClassroomSession.objects.select_for_update().get(pk=session.pk)
        if locked.state == ClassroomSession.State.ENDED:
            session.state, session.ended_at = locked.state, locked.ended_at
            return False
        locked.quiz = session.quiz
        keep_results(locked)
        keep_evaluation(locked)
        locked.state = ClassroomSession.State.ENDED
        locked.ended_at = timezone.now()
        locked.save(update_fields=["state", "ended_at"])
    session.state, session.ended_at, session.results_kept = locked.state, locked.ended_at, True
    changed(session)
    return True
