from django.apps import apps
from django.core.management.base import BaseCommand

from cms.demo import load_all


class Command(BaseCommand):
    help = "Load the demo curriculum (idempotent: a second run changes nothing)."

    def handle(self, *args, **options):
        context = load_all(apps.get_app_configs())
        if context.log:
            for line in context.log:
                self.stdout.write(f"  created {line}")
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({len(context.log)} new items)."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
