from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from classroom.models import ClassroomSession
from classroom.services import keep_evaluation, keep_results


class Command(BaseCommand):
    help = (
        "Remove ended and expired classroom sessions (seats, answers, everything). Their answers are first "
        "kept as anonymous quiz results, and their evaluation answers as sums per item. Run it hourly, e.g. from cron."
    )

    def handle(self, *args, **options):
        done = ClassroomSession.objects.filter(
            Q(state=ClassroomSession.State.ENDED) | Q(expires_at__lte=timezone.now())
        ).select_related("quiz")
        kept = removed = 0
        for session in done:
            session.quiz = session.quiz.specific
            kept += keep_results(session)
            keep_evaluation(session)
            session.delete()
            removed += 1
        self.stdout.write(f"Removed {removed} sessions; kept {kept} anonymous quiz results.")
