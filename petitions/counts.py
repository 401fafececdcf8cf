"""The counts a call to action shows: confirmed signatures and anonymous
supports, cached, and dropped from the cache whenever either changes."""

from django.core.cache import cache
from django.db import transaction

CACHE_SECONDS = 300


def _key(petition_id):
    return f"petition-counts:{petition_id}"


def petition_counts(petition):
    counts = cache.get(_key(petition.pk))
    if counts is None:
        from .models import Signature, Support

        signatures = Signature.objects.filter(petition=petition, confirmed_at__isnull=False).count()
        supports = Support.objects.filter(petition=petition).count()
        counts = {"signatures": signatures, "supports": supports}
        cache.set(_key(petition.pk), counts, CACHE_SECONDS)
    goal = petition.goal or 0
    total = counts["signatures"] + counts["supports"]
    return {
        **counts,
        "total": total,
        "goal": goal,
        "percent": min(100, round(100 * total / goal)) if goal else None,
    }


def counts_changed(petition_id):
    """Forget the cached counts now, and again once the change is committed (in
    case another request cached the old numbers in between)."""
    cache.delete(_key(petition_id))
    transaction.on_commit(lambda: cache.delete(_key(petition_id)))
