"""The counts a call to action shows: confirmed signatures and anonymous supports,
read from the petition's tally (one indexed row), which every confirmation,
support and withdrawal changes in its own transaction."""

from .models import PetitionTally


def petition_counts(petition):
    tally = PetitionTally.objects.filter(petition_id=petition.pk).values("signatures", "supports").first()
    counts = tally or {"signatures": 0, "supports": 0}
    goal = petition.goal or 0
    total = counts["signatures"] + counts["supports"]
    return {
        **counts,
        "total": total,
        "goal": goal,
        "percent": min(100, round(100 * total / goal)) if goal else None,
    }
