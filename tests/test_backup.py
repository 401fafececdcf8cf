"""A backup restores the pages and the signatures (SQLite, in a scratch folder)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(tmp_path, *args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "SECRET_KEY": "backup-test-only",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}", "MEDIA_ROOT": str(tmp_path / "media")}
    env.pop("REDIS_URL", None)
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result.stdout


COUNT = ("from wagtail.models import Page; from petitions.models import Signature; "
         "print(Page.objects.count(), Signature.objects.filter(first_name='Restored').count())")


def test_a_backup_restores_pages_signatures_and_media(tmp_path):
    manage(tmp_path, "migrate", "--no-input", "-v", "0")
    manage(tmp_path, "load_demo_content", "--without-translations")
    manage(tmp_path, "shell", "-c",
           "from petitions.models import PetitionPage, Signature; "
           "Signature.objects.create(petition=PetitionPage.objects.first(), first_name='Restored', email='r@example.com')")
    before = manage(tmp_path, "shell", "-c", COUNT).split()[-2:]
    output = manage(tmp_path, "backup", "--output", str(tmp_path / "backups"))
    folder = output.strip().split()[-1]

    (tmp_path / "site.sqlite3").unlink()
    import shutil

    shutil.rmtree(tmp_path / "media")
    manage(tmp_path, "restore", folder, "--yes")
    after = manage(tmp_path, "shell", "-c", COUNT).split()[-2:]
    assert after == before and after[1] == "1"
    assert any((tmp_path / "media").rglob("illustration-*.svg"))
