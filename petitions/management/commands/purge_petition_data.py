from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from petitions.models import SIGNERS_DATA_KEPT_AT_MOST, UNCONFIRMED_SIGNATURES_KEPT, PetitionPage, Signature


class Command(BaseCommand):
    help = (
        "Delete unconfirmed signatures older than 7 days; remove the personal data of signatures to "
        "petitions closed longer than the petition's keep period, and of any signature older than two "
        "years, also on a petition that never closes (the counts stay). Run it daily, e.g. from cron."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        stale = Signature.objects.filter(confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_SIGNATURES_KEPT)
        deleted, _ = stale.delete()

        anonymised = 0
        today = timezone.localdate()
        for petition in PetitionPage.objects.filter(closes_on__isnull=False):
            if petition.closes_on + timedelta(days=petition.keep_personal_data_days) < today:
                anonymised += Signature.objects.filter(petition=petition).anonymise()
        anonymised += Signature.objects.filter(created_at__lt=now - SIGNERS_DATA_KEPT_AT_MOST).anonymise()
        self.stdout.write(f"Deleted {deleted} unconfirmed signatures; removed personal data from {anonymised}.")
