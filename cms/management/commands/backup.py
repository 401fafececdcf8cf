from django.core.management.base import BaseCommand

from cms.backup import KEEP_DAYS, make_backup


class Command(BaseCommand):
    help = ("Back up the database and the media files into a new folder under --output (default: backups/), "
            f"and delete backups there older than --keep-days (default {KEEP_DAYS}).")

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups")
        parser.add_argument("--keep-days", type=int, default=KEEP_DAYS)

    def handle(self, *args, output, keep_days, **options):
        folder = make_backup(output, keep_days=keep_days)
        self.stdout.write(f"Backup written to {folder}")
