from django.core.management.base import BaseCommand
from wagtail.models import Locale

from demo import translations as demo_translations
from cms.models import HomePage


class Command(BaseCommand):
    help = "Write the demo content's PO files to translate (wagtail-localize), keeping translations already made."

    def add_arguments(self, parser):
        parser.add_argument("languages", nargs="+", help="language codes, e.g. fr nl")

    def handle(self, *args, languages, **options):
        home = HomePage.objects.get(locale=Locale.get_default(), depth=2)
        for code in languages:
            count = demo_translations.export(home, code)
            self.stdout.write(f"{code}: {count} PO files in {demo_translations.TRANSLATIONS_DIR / code}")
