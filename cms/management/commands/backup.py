from django.core.management.base import BaseCommand

from cms.backup import make_backup


class Command(BaseCommand):
    help = "Back up the database and the media files into a new folder under --output (default: backups/)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups")

    def handle(self, *args, output, **options):
        folder = make_backup(output)
        self.stdout.write(f"Backup written to {folder}")
