"""Every interface string is translated into French, Dutch and German.

The strings are extracted afresh from the code and templates (Django's
makemessages, on a copy of the project), so a new string without its
translations fails here, not in front of a pupil."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("fr", "nl", "de")
def _sources():
    """The project's own apps (those of INSTALLED_APPS that are folders here), the catalogues and manage.py."""
    from django.conf import settings

    apps = [name for name in settings.INSTALLED_APPS if "." not in name and (ROOT / name).is_dir()]
    return (*dict.fromkeys(["cms", *apps]), "locale", "manage.py")


def untranslated(po):
    return [
        entry.msgid for entry in po
        if not entry.obsolete and ("fuzzy" in entry.flags or not entry.translated())
    ]


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    if shutil.which("xgettext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("GNU gettext (xgettext) is needed to check the translations; .ci/run installs it.")
        pytest.skip("GNU gettext (xgettext) is not installed: apt-get install gettext")
    copy = tmp_path_factory.mktemp("project")
    for name in _sources():
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "content"))
        else:
            shutil.copy(source, copy / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *sum((["-l", code] for code in LANGUAGES), []), "--no-obsolete"],
        cwd=copy, check=True, capture_output=True, timeout=300,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
    )
    return {code: polib.pofile(str(copy / "locale" / code / "LC_MESSAGES" / "django.po")) for code in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(fresh_catalogues, language):
    missing = untranslated(fresh_catalogues[language])
    assert missing == [], f"{len(missing)} strings lack a {language} translation, e.g. {missing[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders(language):
    import re

    po = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    placeholder = re.compile(r"%\(\w+\)s|\{\{ ?\w+ ?\}\}|%s")
    for entry in po.translated_entries():
        if entry.msgid_plural:
            allowed = set(placeholder.findall(entry.msgid)) | set(placeholder.findall(entry.msgid_plural))
            for text in entry.msgstr_plural.values():
                assert set(placeholder.findall(text)) <= allowed, entry.msgid
        else:
            assert set(placeholder.findall(entry.msgstr)) == set(placeholder.findall(entry.msgid)), entry.msgid
