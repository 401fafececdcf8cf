import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "editor"
DEMO_PASSWORD_ENV = "UPSTANDER_DEMO_EDITOR_PASSWORD"
DEFAULT_DEMO_PASSWORD = "upstander-demo"  # noqa: S105 - a local demo login, refused outside DEBUG


class Command(BaseCommand):
    help = "Create the local demo editor account (development only) and print how to log in."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo editor exists for local development only (DEBUG is off).")
        password = os.environ.get(DEMO_PASSWORD_ENV, DEFAULT_DEMO_PASSWORD)
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"email": "editor@localhost", "first_name": "Demo", "last_name": "Editor"},
        )
        if created:
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
        shown = password if user.check_password(password) else "(the one you set)"
        self.stdout.write(
            self.style.SUCCESS(
                f"Editors log in at http://127.0.0.1:8000/admin/ as “{DEMO_USERNAME}”, password “{shown}”."
            )
        )
