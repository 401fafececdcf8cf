"""Production settings read everything from the environment and refuse to start without a secret."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def import_production_settings(**env):
    environment = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    environment.update(env, DJANGO_SETTINGS_MODULE="cms.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = import_production_settings(ALLOWED_HOSTS="upstander.example")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = import_production_settings(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_production_starts_with_its_environment():
    result = import_production_settings(SECRET_KEY="x" * 50, ALLOWED_HOSTS="upstander.example")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_base_settings_are_not_in_debug_mode_and_hold_no_secret():
    from cms.settings import base

    assert base.DEBUG is False
    assert base.SECRET_KEY == os.environ.get("SECRET_KEY", "")
