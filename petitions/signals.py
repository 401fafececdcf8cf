"""A confirmed signature that is deleted, however it happens (withdrawn by its
signer, removed by an editor), comes off its petition's count in the same transaction."""

from django.db.models import F
from django.db.models.signals import post_delete


def uncount_deleted_signature(sender, instance, **kwargs):
    from .models import PetitionTally

    if instance.confirmed_at is not None:
        # Only an existing tally changes: when the petition itself is being deleted there is nothing to keep.
        PetitionTally.objects.filter(petition_id=instance.petition_id).update(signatures=F("signatures") - 1)


def connect():
    from .models import Signature

    post_delete.connect(uncount_deleted_signature, sender=Signature, dispatch_uid="petitions.uncount_deleted_signature")
