"""Security headers, upload checks, sign-in limits and what happens when a service fails."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
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


@pytest.fixture
def editor_login(client):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("upload-editor", "u@example.com", "pw"))
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
    assert response.status_code == 200  # the form again, with the reason on the file field
    assert response.context["form"].errors["file"]


def test_admin_sign_in_locks_out_after_repeated_failures(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    statuses = [client.post("/admin/login/", {"username": "x", "password": "wrong"}).status_code for _ in range(5)]
    assert statuses == [200, 200, 429, 429, 429]
    assert "Too many sign-in attempts" in client.post("/admin/login/", {"username": "x", "password": "x"}).content.decode()


def test_admin_lockout_is_per_username_and_address(client, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        client.post("/admin/login/", {"username": "x", "password": "wrong"})
    assert client.post("/admin/login/", {"username": "someone-else", "password": "wrong"}).status_code == 200


def test_the_admin_asks_for_a_login(client):
    assert client.get("/admin/pages/")["Location"].startswith("/admin/login/")


# --- faults ---------------------------------------------------------------------

def test_an_unreachable_database_gives_a_kind_503_with_the_helpline(client, monkeypatch):
    from django.db.backends.base.base import BaseDatabaseWrapper

    def unreachable(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", unreachable)
    response = client.get("/en/consent/")
    monkeypatch.undo()
    assert response.status_code == 503
    html = response.content.decode()
    assert "back in a moment" in html and "116 000" in html
    assert response["Retry-After"] == "60"


def test_a_query_the_database_refuses_is_not_reported_as_an_outage(monkeypatch, caplog):
    from django.test import Client
    from wagtail.models import Page

    def refused(*args, **kwargs):
        raise OperationalError("near \"x\": syntax error")

    monkeypatch.setattr(Page, "route_for_request", staticmethod(refused))
    response = Client(raise_request_exception=False).get("/en/consent/")
    assert response.status_code == 500
    assert "Database unavailable" not in caplog.text


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




def rate_limit_key(**meta):
    from django.test import RequestFactory

    from cms.ratelimit import client_ip

    return client_ip(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_a_forwarded_address_is_ignored(settings):
    settings.UPSTANDER_TRUSTED_PROXY_COUNT = 0
    assert rate_limit_key(REMOTE_ADDR="10.0.0.7", HTTP_X_FORWARDED_FOR="203.0.113.9") == "10.0.0.7"


def test_behind_one_trusted_proxy_the_forwarded_address_counts(settings):
    settings.UPSTANDER_TRUSTED_PROXY_COUNT = 1
    assert rate_limit_key(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.4, 203.0.113.9") == "203.0.113.9"


def test_ipv6_addresses_of_one_network_share_a_limit(client, settings):
    settings.UPSTANDER_CLASSROOM_WRONG_CODE_LIMIT = (2, 600)
    statuses = [
        client.post("/en/class/join/", {"code": "AAAAAA"}, REMOTE_ADDR=f"2001:db8:1:2::{n}").status_code
        for n in range(1, 4)
    ]
    assert statuses == [400, 400, 429]
    assert client.post("/en/class/join/", {"code": "AAAAAA"}, REMOTE_ADDR="2001:db8:1:3::1").status_code == 400


def test_a_forwarded_value_that_is_not_an_address_is_ignored(settings):
    settings.UPSTANDER_TRUSTED_PROXY_COUNT = 1
    assert rate_limit_key(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="not-an-address") == "10.0.0.1"


# --- one-click buttons: the Origin check instead of a CSRF token (cms.same_origin) ------

def sent_from_this_site(**meta):
    from django.test import RequestFactory

    from cms.same_origin import is_same_origin

    return is_same_origin(RequestFactory().post("/en/campaign-box/", **meta))


def test_an_origin_in_csrf_trusted_origins_counts_as_this_site(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://upstander.example"]
    assert sent_from_this_site(HTTP_ORIGIN="https://upstander.example")


def test_a_wildcard_trusted_origin_covers_its_subdomains(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://*.upstander.example"]
    assert sent_from_this_site(HTTP_ORIGIN="https://www.upstander.example")


def test_a_trusted_origin_does_not_cover_lookalike_hosts(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://*.upstander.example"]
    assert not sent_from_this_site(HTTP_ORIGIN="https://evilupstander.example")


def test_this_host_on_another_scheme_is_another_site():
    assert not sent_from_this_site(HTTP_ORIGIN="https://testserver")


def test_this_host_on_another_port_is_another_site():
    assert not sent_from_this_site(HTTP_ORIGIN="http://testserver:8080")


def test_a_foreign_origin_wins_over_a_referer_from_this_site():
    assert not sent_from_this_site(HTTP_ORIGIN="https://evil.example", HTTP_REFERER="http://testserver/en/")
