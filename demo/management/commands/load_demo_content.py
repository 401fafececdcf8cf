from django.core.management.base import BaseCommand

from demo.load import load_all


class Command(BaseCommand):
    help = "Load the demo curriculum (idempotent: a second run changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-translations", action="store_true",
            help="Load the English demo only (quicker).",
        )

    def handle(self, *args, without_translations=False, **options):
        context = load_all(with_translations=not without_translations)
        if context.log:
            for line in context.log:
                self.stdout.write(f"  created {line}")
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({len(context.log)} new items)."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
