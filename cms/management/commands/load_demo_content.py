from django.apps import apps
from django.core.management.base import BaseCommand

from cms import demo_translations
from cms.demo import finish, load_all


class Command(BaseCommand):
    help = "Load the demo curriculum (idempotent: a second run changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-translations", action="store_true",
            help="Load the English demo only (quicker; used by the browser tests).",
        )

    def handle(self, *args, without_translations=False, **options):
        context = load_all(apps.get_app_configs(), translations=not without_translations)
        demo_translations.repair_tree()
        finish(apps.get_app_configs(), context)
        if context.log:
            for line in context.log:
                self.stdout.write(f"  created {line}")
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({len(context.log)} new items)."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
