from django.core.management.base import BaseCommand, CommandError

from cms.backup import restore_backup


class Command(BaseCommand):
    help = "Restore a backup folder made by `manage.py backup`: replaces the database and the media files. Stop the site first."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, folder, yes, **options):
        if not yes and input(f"Replace the database and media with {folder}? Type yes: ").strip() != "yes":
            raise CommandError("Nothing restored.")
        restore_backup(folder)
        self.stdout.write(f"Restored {folder}")
