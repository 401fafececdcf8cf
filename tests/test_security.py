"""Security headers, upload checks, sign-in limits and what happens when a service fails."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = ["/en/", "/en/consent/", "/en/consent/yes-no-and-pressure/", "/en/search/?q=x", "/en/no-such-page/",
         "/en/petition/", "/en/class/join/", "/sitemap.xml"]


@pytest.mark.parametrize("url", PAGES)
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_no_public_page_has_an_inline_script(client, demo_pages):
    import re

    for page in demo_pages:
        html = client.get(page.url).content.decode()
        for script in re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", html):
            pytest.fail(f"inline script on {page.url}: {script}")
        assert " onclick=" not in html and "javascript:" not in html, page.url


def test_uploaded_media_is_served_sandboxed(client):
    from django.core.files.storage import default_storage

    name = default_storage.save("test/picture.svg", io.BytesIO(b"<svg xmlns='http://www.w3.org/2000/svg'/>"))
    response = client.get("/media/" + name)
    assert "sandbox" in response["Content-Security-Policy"]


def test_production_hsts_and_secure_cookies_are_on():
    import os
    import subprocess
    import sys

    code = ("import django; django.setup(); from django.conf import settings as s; "
            "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_PRELOAD, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": "x" * 50,
           "ALLOWED_HOSTS": "upstander.example"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["31536000", "True", "True", "True"]


def test_production_settings_pass_check_deploy_without_warnings():
    import os
    import subprocess
    import sys

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": "s" * 20 + "ecret-key-for-the-check-only-123456789",
           "ALLOWED_HOSTS": "upstander.example"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests in this process only
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def editor_login(client):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("upload-editor", "u@example.com", "pw")
    client.login(username="upload-editor", password="pw")
    return client


def test_a_document_of_a_forbidden_type_is_refused(editor_login):
    upload = SimpleUploadedFile("run-me.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = editor_login.post(reverse("wagtaildocs:add"), {"title": "Bad", "file": upload, "collection": 1})
    assert response.status_code == 200  # the form again, with its error
    assert "Not a supported document format" in response.content.decode() or "not allowed" in response.content.decode()
    from wagtail.documents.models import Document

    assert not Document.objects.filter(title="Bad").exists()


def test_an_image_that_is_not_an_image_is_refused(editor_login):
    upload = SimpleUploadedFile("photo.png", b"this is not a png", content_type="image/png")
    response = editor_login.post(reverse("wagtailimages:add"), {"title": "Fake", "file": upload, "collection": 1})
    from wagtail.images import get_image_model

    assert not get_image_model().objects.filter(title="Fake").exists()
    assert response.status_code in (200, 400)


def test_admin_sign_in_is_rate_limited(client, settings):
    settings.UPSTANDER_ADMIN_LOGIN_LIMIT = (3, 300)
    statuses = [client.post("/admin/login/", {"username": "x", "password": "wrong"}).status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]


def test_the_admin_asks_for_a_login(client):
    assert client.get("/admin/pages/")["Location"].startswith("/admin/login/")


# --- faults ---------------------------------------------------------------------

def test_an_unreachable_database_gives_a_kind_503_with_the_helpline(client, monkeypatch):
    from wagtail.models import Page

    def unreachable(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(Page, "route_for_request", staticmethod(unreachable))
    response = client.get("/en/consent/")
    assert response.status_code == 503
    html = response.content.decode()
    assert "back in a moment" in html and "116 000" in html
    assert response["Retry-After"] == "60"


@override_settings(CACHES={"default": {"BACKEND": "cms.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:1/0",
                                       "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}}})
def test_an_unreachable_redis_only_means_cache_misses(client):

    for url in ("/en/", "/en/petition/", "/en/consent/yes-no-and-pressure/quiz/"):
        assert client.get(url).status_code == 200, url
    assert client.post("/en/petition/support/", {"next": "/en/"}).status_code == 302


def test_an_unwritable_pdf_store_still_serves_the_guide(client, monkeypatch):
    from django.core.files.storage import FileSystemStorage

    from lessons.models import LessonPage

    def refuse(*args, **kwargs):
        raise PermissionError("read-only storage")

    monkeypatch.setattr(FileSystemStorage, "_save", refuse)
    lesson = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")
    response = client.get(lesson.guide().url + "pdf/")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_a_cache_key_that_does_not_exist_is_not_mistaken_for_an_outage():
    from cms.cache import ResilientRedisCache

    cache = ResilientRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2}})
    assert cache.get("anything", "default") == "default"  # outage: a miss
    import unittest.mock as mock

    from django.core.cache.backends.redis import RedisCache

    with mock.patch.object(RedisCache, "incr", side_effect=ValueError("Key 'x' not found")):
        with pytest.raises(ValueError):
            cache.incr("x")
