"""Production settings read everything from the environment and refuse to start
without what a real deployment needs: a secret, hosts, a database and Redis."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = {
    "SECRET_KEY": "s" * 20 + "ecret-key-for-the-check-only-123456789",
    "ALLOWED_HOSTS": "upstander.example",
    "DATABASE_URL": "postgres://upstander@db.example/upstander",
    "REDIS_URL": "redis://cache.example:6379/0",
}


def run_with_production_settings(code, leave_out=(), **extra):
    environment = {key: value for key, value in os.environ.items() if key not in REQUIRED}
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests in this process only
    environment.update({key: value for key, value in REQUIRED.items() if key not in leave_out}, **extra)
    environment["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    return subprocess.run([sys.executable, *code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)


def show_settings(*names, leave_out=()):
    code = "import django; django.setup(); from django.conf import settings as s; print(" + ", ".join(
        f"s.{name}" for name in names) + ")"
    return run_with_production_settings(["-c", code], leave_out=leave_out)


def test_production_starts_with_its_environment():
    result = show_settings("DEBUG")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_production_refuses_to_start_without_each_required_variable():
    for name in REQUIRED:
        result = show_settings("DEBUG", leave_out=[name])
        assert result.returncode != 0, name
        assert f"{name} is not set" in result.stderr, name


def test_production_uses_the_database_and_redis_it_is_given():
    result = show_settings("DATABASES['default']['HOST']", "CACHES['default']['BACKEND']")
    assert result.stdout.split() == ["db.example", "django_redis.cache.RedisCache"]


def test_production_trusts_no_proxy_unless_told():
    result = show_settings("UPSTANDER_TRUSTED_PROXY_COUNT")
    assert result.stdout.strip() == "0"


def test_production_hsts_and_secure_cookies_are_on():
    result = show_settings("SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE")
    assert result.stdout.split() == ["31536000", "True", "True", "True"]


def test_production_queues_background_work_in_the_database():
    result = show_settings("TASKS['default']['BACKEND']")
    assert result.stdout.strip() == "django_tasks_db.DatabaseBackend"


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_with_production_settings(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr


def test_base_settings_are_not_in_debug_mode_and_hold_no_secret():
    from cms.settings import base

    assert base.DEBUG is False
    assert base.SECRET_KEY == os.environ.get("SECRET_KEY", "")
