"""Backups of the database and the media files, and their restore.

A backup is a folder: the database (a consistent SQLite copy made with SQLite's
own backup API, or a pg_dump archive for PostgreSQL), the media files as a
tar.gz, and a manifest. Restoring replaces the database and the media files."""

import json
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"


def _database():
    return settings.DATABASES["default"]


def _pg_url():
    db = _database()
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "localhost"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgresql://{user}{password}@{host}{port}/{db['NAME']}"


def make_backup(output_dir):
    folder = Path(output_dir) / f"upstander-{timezone.now():%Y%m%d-%H%M%S}"
    folder.mkdir(parents=True)
    vendor = connection.vendor
    if vendor == "sqlite":
        target = sqlite3.connect(folder / "database.sqlite3")
        with target:
            connection.ensure_connection()
            connection.connection.backup(target)
        target.close()
    elif vendor == "postgresql":
        subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={folder / 'database.pgdump'}", _pg_url()],
                       check=True)
    else:
        raise RuntimeError(f"No backup method for {vendor}.")
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    (folder / MANIFEST).write_text(json.dumps({"database": vendor, "made_at": timezone.now().isoformat()}))
    return folder


def restore_backup(folder):
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    vendor = connection.vendor
    if manifest["database"] != vendor:
        raise RuntimeError(f"This backup is of a {manifest['database']} database; the site uses {vendor}.")
    connection.close()
    if vendor == "sqlite":
        shutil.copyfile(folder / "database.sqlite3", _database()["NAME"])
    else:
        subprocess.run(["pg_restore", "--clean", "--if-exists", "--no-owner", f"--dbname={_pg_url()}",
                        str(folder / "database.pgdump")], check=True)
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    with tarfile.open(folder / "media.tar.gz") as archive:
        archive.extractall(media.parent, filter="data")
    extracted = media.parent / "media"
    if extracted != media and extracted.exists():
        extracted.rename(media)
