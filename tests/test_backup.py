"""A backup restores the pages and the signatures, on SQLite and (in the PostgreSQL
run) on PostgreSQL; a failed restore deletes nothing; old backups go; no password
appears on a command line."""

import json
import os
import shutil
import subprocess
import sys
import tarfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from cms import backup

ROOT = Path(__file__).resolve().parent.parent


def manage(env, *args):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result.stdout


COUNT = ("from wagtail.models import Page; from petitions.models import Signature; "
         "print(Page.objects.count(), Signature.objects.filter(first_name='Restored').count())")


@pytest.fixture
def scratch_site(tmp_path):
    """A scratch site (its own database and media) like the one the suite runs on."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "SECRET_KEY": "backup-test-only",
           "MEDIA_ROOT": str(tmp_path / "media")}
    env.pop("REDIS_URL", None)
    if connection.vendor == "postgresql":
        import psycopg

        settings_dict = connection.settings_dict
        name = f"upstander_backup_{os.getpid()}"
        admin = psycopg.connect(host=settings_dict["HOST"], port=settings_dict["PORT"] or 5432,
                                user=settings_dict["USER"], dbname="postgres", autocommit=True)
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
        env["DATABASE_URL"] = f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT'] or 5432}/{name}"
        yield env, None
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'site.sqlite3'}"
        yield env, tmp_path / "site.sqlite3"


def test_a_backup_restores_pages_signatures_and_media(scratch_site, tmp_path):
    env, sqlite_file = scratch_site
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "load_demo_content", "--without-translations")
    manage(env, "shell", "-c",
           "from petitions.models import PetitionPage, Signature; "
           "Signature.objects.create(petition=PetitionPage.objects.first(), first_name='Restored', email='r@example.com')")
    before = manage(env, "shell", "-c", COUNT).split()[-2:]
    folder = manage(env, "backup", "--output", str(tmp_path / "backups")).strip().split()[-1]

    manage(env, "shell", "-c", "from petitions.models import Signature; Signature.objects.all().delete()")
    if sqlite_file:
        sqlite_file.unlink()
    shutil.rmtree(tmp_path / "media")
    manage(env, "restore", folder, "--yes")
    after = manage(env, "shell", "-c", COUNT).split()[-2:]
    assert after == before and after[1] == "1"
    assert any((tmp_path / "media").rglob("illustration-*.svg"))


def test_a_restore_that_fails_leaves_the_media_as_they_were(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "kept.txt").write_text("still here")
    folder = tmp_path / "backup"
    folder.mkdir()
    (folder / backup.MANIFEST).write_text(json.dumps({"database": connection.vendor, "made_at": timezone.now().isoformat()}))
    (folder / "media.tar.gz").write_bytes(b"not a tar archive")
    with pytest.raises(tarfile.TarError):
        backup.restore_backup(folder)
    assert (tmp_path / "media" / "kept.txt").read_text() == "still here"


def test_the_database_password_never_appears_on_the_command_line(settings):
    settings.DATABASES = {"default": {**settings.DATABASES["default"], "HOST": "db.example", "PORT": "5432",
                                      "USER": "upstander", "PASSWORD": "s3cret-pass", "NAME": "upstander"}}
    command, environment = backup._pg_command("pg_dump", "--format=custom")
    assert not any("s3cret-pass" in part for part in command)
    assert environment["PGPASSWORD"] == "s3cret-pass" and environment["PGHOST"] == "db.example"


def test_backups_older_than_the_retention_period_are_removed(tmp_path):
    def fake_backup(name, age_days):
        folder = tmp_path / f"{backup.FOLDER_PREFIX}{name}"
        folder.mkdir()
        made_at = timezone.now() - timedelta(days=age_days)
        (folder / backup.MANIFEST).write_text(json.dumps({"database": "sqlite", "made_at": made_at.isoformat()}))
        return folder

    old, recent = fake_backup("old", 31), fake_backup("recent", 29)
    assert backup.remove_old_backups(tmp_path, keep_days=30) == [old.name]
    assert recent.exists() and not old.exists()
