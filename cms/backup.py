"""Backups of the database and the media files, and their restore.

A backup is a folder: the database (a consistent SQLite copy made with SQLite's
own backup API, or a pg_dump archive for PostgreSQL), the media files as a
tar.gz, and a manifest. Restoring replaces the database and the media files:
the media are unpacked into a new folder first and swapped in only once that
worked, so a failed restore never deletes what was there.

The PostgreSQL tools get the password through their environment (PGPASSWORD),
never on the command line, where any user of the machine could read it.
Backups older than KEEP_DAYS are removed by the next backup (the privacy
notice promises personal data does not outlive its period in old copies)."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
FOLDER_PREFIX = "upstander-"
KEEP_DAYS = 30


def _database():
    return settings.DATABASES["default"]


def _pg_command(*arguments):
    """A pg_dump / pg_restore command and its environment: connection details in PG* variables."""
    db = _database()
    environment = {
        **os.environ,
        "PGHOST": db.get("HOST") or "localhost",
        "PGPORT": str(db.get("PORT") or 5432),
        "PGUSER": db.get("USER") or "postgres",
        "PGDATABASE": db["NAME"],
    }
    if db.get("PASSWORD"):
        environment["PGPASSWORD"] = db["PASSWORD"]
    return list(arguments), environment


def make_backup(output_dir, keep_days=KEEP_DAYS):
    folder = Path(output_dir) / f"{FOLDER_PREFIX}{timezone.now():%Y%m%d-%H%M%S}"
    folder.mkdir(parents=True)
    vendor = connection.vendor
    if vendor == "sqlite":
        target = sqlite3.connect(folder / "database.sqlite3")
        with target:
            connection.ensure_connection()
            connection.connection.backup(target)
        target.close()
    elif vendor == "postgresql":
        command, environment = _pg_command("pg_dump", "--format=custom", "--no-owner", f"--file={folder / 'database.pgdump'}")
        subprocess.run(command, env=environment, check=True)
    else:
        raise RuntimeError(f"No backup method for {vendor}.")
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    (folder / MANIFEST).write_text(json.dumps({"database": vendor, "made_at": timezone.now().isoformat()}))
    remove_old_backups(output_dir, keep_days, keep=folder)
    return folder


def remove_old_backups(output_dir, keep_days, keep=None):
    """Delete backup folders made more than keep_days ago (by their manifest); returns their names."""
    limit = timezone.now() - timedelta(days=keep_days)
    removed = []
    for folder in sorted(Path(output_dir).glob(f"{FOLDER_PREFIX}*")):
        manifest = folder / MANIFEST
        if folder == keep or not manifest.exists():
            continue
        made_at = timezone.datetime.fromisoformat(json.loads(manifest.read_text())["made_at"])
        if made_at < limit:
            shutil.rmtree(folder)
            removed.append(folder.name)
    return removed


def _unpack_media(archive_path):
    """Unpack the backup's media next to MEDIA_ROOT, touching nothing there; returns the unpacked folder."""
    media = Path(settings.MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    incoming = media.parent / f".{media.name}-restoring"
    if incoming.exists():
        shutil.rmtree(incoming)
    incoming.mkdir()
    try:
        with tarfile.open(archive_path) as archive:
            archive.extractall(incoming, filter="data")
    except Exception:
        shutil.rmtree(incoming, ignore_errors=True)
        raise
    if not (incoming / "media").exists():
        (incoming / "media").mkdir()
    return incoming


def _swap_media(incoming):
    """Put the unpacked media in place of MEDIA_ROOT; the old folder goes only after the swap."""
    media = Path(settings.MEDIA_ROOT)
    unpacked = incoming / "media"
    previous = media.parent / f".{media.name}-before-restore"
    if previous.exists():
        shutil.rmtree(previous)
    if media.exists():
        media.rename(previous)
    unpacked.rename(media)
    shutil.rmtree(incoming, ignore_errors=True)
    shutil.rmtree(previous, ignore_errors=True)


def restore_backup(folder):
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    vendor = connection.vendor
    if manifest["database"] != vendor:
        raise RuntimeError(f"This backup is of a {manifest['database']} database; the site uses {vendor}.")
    incoming = _unpack_media(folder / "media.tar.gz")  # a broken archive stops here, before anything changed
    connection.close()
    if vendor == "sqlite":
        shutil.copyfile(folder / "database.sqlite3", _database()["NAME"])
    else:
        command, environment = _pg_command("pg_restore", "--clean", "--if-exists", "--no-owner",
                                           f"--dbname={_database()['NAME']}", str(folder / "database.pgdump"))
        subprocess.run(command, env=environment, check=True)
    _swap_media(incoming)
