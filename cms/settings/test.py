"""Settings for the test suite: fast, isolated, and on the database that
DATABASE_URL names (SQLite in memory when it is unset)."""

import os
import tempfile

import dj_database_url

from cms.redis_breaker import redis_cache

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105 - never used outside the test suite
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="upstander-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="upstander-test-static-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
UPSTANDER_SERVE_MEDIA = True
UPSTANDER_GUIDE_PDF_ON_PUBLISH = False

# The suite runs in one process: the local-memory cache serves the rate limits there.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001", "axes.W001"]

if os.environ.get("REDIS_URL"):
    # Longer timeouts than production: a busy CI machine must not trip the breaker.
    CACHES = {"default": {**redis_cache(os.environ["REDIS_URL"], SOCKET_TIMEOUT=3, SOCKET_CONNECT_TIMEOUT=3),
                          "KEY_PREFIX": "upstander-test"}}

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # the demo content and its commands: development and tests only
