"""Local development: the default settings (manage.py, make run)."""

import os
import secrets

from .base import *  # noqa: F403
from .base import INSTALLED_APPS
from .base import BASE_DIR


def _local_secret_key():
    """A random key kept in a git-ignored file, so no key is ever committed and
    logins survive a restart of the development server."""
    key_file = BASE_DIR / ".dev-secret-key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or _local_secret_key()
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
UPSTANDER_SERVE_MEDIA = True

# One development server: the local-memory cache is shared enough for the rate limits.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001", "axes.W001"]

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # the demo content and its commands: development and tests only
