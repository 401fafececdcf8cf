from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from petitions.counts import counts_changed
from petitions.models import UNCONFIRMED_SIGNATURES_KEPT, PetitionPage, Signature


class Command(BaseCommand):
    help = (
        "Delete unconfirmed signatures older than 7 days, and remove the personal data of "
        "signatures to petitions closed longer than the petition's keep period (the counts stay). "
        "Run it daily, e.g. from cron."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        stale = Signature.objects.filter(confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_SIGNATURES_KEPT)
        deleted, _ = stale.delete()

        anonymised = 0
        today = timezone.localdate()
        for petition in PetitionPage.objects.filter(closes_on__isnull=False):
            if petition.closes_on + timedelta(days=petition.keep_personal_data_days) >= today:
                continue
            personal = Signature.objects.filter(petition=petition, anonymised_at__isnull=True)
            anonymised += personal.update(
                first_name="", email="", email_normalised=None, postcode_or_country="",
                updates_opt_in=False, secret=None, anonymised_at=now,
            )
            counts_changed(petition.pk)
        self.stdout.write(f"Deleted {deleted} unconfirmed signatures; removed personal data from {anonymised}.")
