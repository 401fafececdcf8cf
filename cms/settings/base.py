"""Settings shared by every environment. Secure by default: DEBUG is off, and
nothing secret lives here. dev, test and production each build on this file."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "cms",
    "guardrails",
    "lessons",
    "quizzes",
    "petitions",
    "protocols",
    "evaluations",
    "classroom",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",  # purges a page from a reverse proxy or CDN on publish (WAGTAILFRONTENDCACHE)
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "cms.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A stored page is answered here, before sessions, the language, CSRF and auth are
    # looked at, with the headers its miss went out with (cms/page_cache.py).
    "cms.page_cache.PageCacheMiddleware",
    # HTML, JSON and other text gzip-compressed for clients that accept it (why that is
    # safe from BREACH: its docstring). Below whitenoise, which serves static files
    # precompressed itself; above everything that writes a body (the page cache fills
    # in CSRF tokens), so it compresses the final bytes.
    "cms.middleware.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.page_cache.PageResponseMiddleware",
    "cms.middleware.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

# Admin sign-in: django-axes locks a username on one address out after repeated
# failures, counted in the shared cache only (no editors' addresses in the database).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.ratelimit.client_ip"
AXES_LOCKOUT_TEMPLATE = "cms/admin/locked_out.html"

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite by default; DATABASE_URL (e.g. postgres://...) points anywhere else.
DATABASES = {
    "default": dj_database_url.config(default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=0)
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Wagtail i18n from the first commit. URLs carry the language (/en/, /fr/ ...).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("nl", _("Dutch")),
    ("de", _("German")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Brussels"
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed and fingerprinted, served by whitenoise from one process.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail's page editor can post many fields for long lessons.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

WAGTAIL_SITE_NAME = "Upstander"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
# What the site search finds: teaching pages, not quizzes or listings.
UPSTANDER_SEARCH_PAGE_TYPES = ["lessons.LessonPage", "lessons.ModulePage", "cms.ContentPage"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Videos need a direct file URL so browsers can seek (range requests) and load captions.
WAGTAILDOCS_SERVE_METHOD = "direct"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "pptx", "mp4", "webm", "vtt", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin makes no outside requests either
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no editor's email hash sent to gravatar.com; initials instead
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Shown when the database cannot be reached (the 500 page); normal pages read
# the helplines from the Safeguarding snippets.
UPSTANDER_FALLBACK_HELPLINE = {
    "name": os.environ.get("UPSTANDER_FALLBACK_HELPLINE_NAME", "Child Focus"),
    "number": os.environ.get("UPSTANDER_FALLBACK_HELPLINE_NUMBER", "116 000"),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Serve uploaded media through Django (development and tests only).
UPSTANDER_SERVE_MEDIA = False

# Background work (petition emails, Wagtail's own tasks) through Django's tasks
# framework: run at once in development and tests; production queues them in
# the database and a worker (`manage.py db_worker`) runs them, retrying emails.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Make a teacher guide's PDF as soon as the guide, its lesson or its quiz is
# published (downloads then serve a stored file). Off in tests for speed.
UPSTANDER_GUIDE_PDF_ON_PUBLISH = True

# How many reverse proxies in front of the app add X-Forwarded-For (0: none;
# the client address is REMOTE_ADDR). Used by the rate limits.
UPSTANDER_TRUSTED_PROXY_COUNT = int(os.environ.get("UPSTANDER_TRUSTED_PROXY_COUNT", "0"))

# Rate limits (cms/ratelimit.py), per client address, sized for a whole school
# behind one address: (requests, seconds). README.md lists and explains them.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "cms.ratelimit.client_ip"
RATELIMIT_IPV6_MASK = 64
RATELIMIT_FAIL_OPEN = True  # a cache outage lets requests through rather than refusing a class
UPSTANDER_PETITION_SIGN_LIMIT = (int(os.environ.get("UPSTANDER_SIGNATURES_PER_HOUR", "100")), 3600)
UPSTANDER_PETITION_SUPPORT_LIMIT = (int(os.environ.get("UPSTANDER_SUPPORTS_PER_HOUR", "1000")), 3600)
UPSTANDER_PETITION_MIN_FILL_SECONDS = 3
UPSTANDER_QUIZ_SUBMIT_LIMIT = (1200, 600)  # 900 pupils of a school finishing a quiz in the same period
UPSTANDER_CLASSROOM_START_LIMIT = (60, 600)  # 30 classes starting sessions, with room for a second try
UPSTANDER_CLASSROOM_JOIN_LIMIT = (2000, 600)  # joins per address: a school's 900 pupils in two minutes
UPSTANDER_CLASSROOM_JOINS_PER_SESSION = (200, 600)  # joins into one session from one address (its seats)
UPSTANDER_CLASSROOM_WRONG_CODE_LIMIT = (60, 600)  # unknown or ended codes per address: typos, not guessing
UPSTANDER_CLASSROOM_MESSAGES_PER_SEAT = 5  # anonymous messages to the teacher per pupil and session

# Video providers whose players may load in a frame (only after the viewer clicks).
UPSTANDER_CSP_FRAME_SOURCES = [
    source for source in os.environ.get(
        "UPSTANDER_CSP_FRAME_SOURCES", "https://www.youtube-nocookie.com https://player.vimeo.com"
    ).split() if source
]
# The site's Content-Security-Policy (django-csp): no inline scripts, nothing from
# another host. The admin and uploaded media get their own (cms/middleware.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF, *UPSTANDER_CSP_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Published pages are cached this long for anonymous visitors (0 turns it off);
# a publish clears them at once. Petition counts on cached pages lag by at most this.
UPSTANDER_PAGE_CACHE_SECONDS = int(os.environ.get("UPSTANDER_PAGE_CACHE_SECONDS", "60"))
# Visitors with one of these cookies get pages made for them (petitions: the campaign box hidden on a classroom device).
UPSTANDER_PAGE_CACHE_SKIP_COOKIES = ["upstander_classroom"]
# How long browsers and shared caches (a reverse proxy, a CDN) may keep a page that is
# the same for every anonymous visitor (`Cache-Control: public, max-age=...`, see
# cms/page_cache.py); 0 sends every page as private. A publish purges the page from a
# frontend cache (below); other pages that list it, and petition counts, catch up within this.
UPSTANDER_PUBLIC_MAX_AGE = int(os.environ.get("UPSTANDER_PUBLIC_MAX_AGE", "60"))

# A frontend cache to purge when a page is published or unpublished: the URL that takes
# HTTP PURGE requests (Varnish, nginx's cache_purge, ...), e.g. http://127.0.0.1:6081 .
# Unset: no frontend cache. The purge runs as a background task.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "").strip()
WAGTAILFRONTENDCACHE = {
    "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": FRONTEND_CACHE_PURGE_URL},
} if FRONTEND_CACHE_PURGE_URL else {}
# Each translation is a page of its own, published (and purged) on its own: no copies per language.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
