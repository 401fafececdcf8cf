"""Production: everything comes from the environment; refuses to start without
a secret key, allowed hosts, a database (DATABASE_URL) and Redis (REDIS_URL)."""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from cms.redis_breaker import redis_cache

from .base import *  # noqa: F403


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set. Production settings read it from the environment; see README.md."
        )
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in _required("ALLOWED_HOSTS").split(",") if host.strip()]
# Reverse proxies in front that add X-Forwarded-For: none unless said, so a client cannot forge its address.
UPSTANDER_TRUSTED_PROXY_COUNT = int(os.environ.get("UPSTANDER_TRUSTED_PROXY_COUNT", "0"))
CSRF_TRUSTED_ORIGINS = [
    origin.strip() for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if origin.strip()
]

# Production never falls back silently to SQLite and a per-process memory cache:
# with several workers they would multiply rate limits, clear caches in one
# worker only and answer "database is locked".
DATABASES = {"default": dj_database_url.parse(_required("DATABASE_URL"), conn_max_age=600, conn_health_checks=True)}
CACHES = {"default": redis_cache(_required("REDIS_URL"))}  # Redis down or hung: cache misses, not errors

MEDIA_URL = os.environ.get("MEDIA_URL", MEDIA_URL)  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "true").lower() == "true"

WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# A public demonstration server (and the load benchmarks) can run with the demo content's app.
if os.environ.get("UPSTANDER_DEMO", "").lower() == "true":
    INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

UPSTANDER_GUIDE_PDF_ON_PUBLISH = os.environ.get("UPSTANDER_GUIDE_PDF_ON_PUBLISH", "true").lower() == "true"
