"""Published pages are cached for anonymous visitors; a publish clears them at once.
Pages that are the same for every anonymous visitor say so to shared caches (public,
max-age) and are sent compressed; a publish purges them from a frontend cache."""

import gzip
import io
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from lessons.models import LessonPage
from petitions.models import Support

pytestmark = pytest.mark.django_db


def test_a_cached_lesson_page_touches_no_database(client, lesson):
    assert client.get(lesson.url)["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(lesson.url)
    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 0


def test_publishing_clears_the_cache(client, lesson):
    client.get(lesson.url)
    lesson.title = "Yes, no and pressure (updated)"
    lesson.save_revision().publish()
    response = client.get(lesson.url)
    assert "Yes, no and pressure (updated)" in response.content.decode()


def test_the_support_button_on_a_cached_page_works_for_every_visitor_without_a_token(lesson):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(lesson.url)
    for visitor in (first, second):
        html = visitor.get(lesson.url).content.decode()
        petition_support = re.search(r'action="([^"]+/support/\d+/)"', html).group(1)
        response = visitor.post(petition_support, {"next": lesson.url}, headers={"Origin": "http://testserver"})
        assert response.status_code == 302
    assert Support.objects.count() == 2


# --- what shared caches may keep ------------------------------------------------------

def test_an_anonymous_lesson_page_is_public_for_the_configured_time(client, lesson, settings):
    settings.UPSTANDER_PUBLIC_MAX_AGE = 123
    response = client.get(lesson.url)
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=123"}


def test_an_anonymous_lesson_page_carries_no_csrf_token(client, lesson):
    html = client.get(lesson.url).content.decode()
    assert "csrfmiddlewaretoken" not in html and "__upstander_csrf_token__" not in html


def test_an_anonymous_lesson_page_sets_no_cookie(client, lesson):
    assert not client.get(lesson.url).cookies


def test_two_anonymous_visitors_get_the_same_bytes(lesson, settings):
    settings.UPSTANDER_PAGE_CACHE_SECONDS = 0  # two renderings, not one rendering and a copy
    first, second = Client().get(lesson.url), Client().get(lesson.url)
    assert first.content == second.content


def test_a_cache_hit_sends_the_same_headers_as_the_miss(lesson):
    miss, hit = Client().get(lesson.url), Client().get(lesson.url)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    del miss["X-Page-Cache"], hit["X-Page-Cache"]
    assert dict(miss.headers) == dict(hit.headers)
    assert miss["Cache-Control"] == "public, max-age=60"


def test_a_public_page_varies_on_cookies(client, lesson):
    client.get(lesson.url)
    assert "Cookie" in client.get(lesson.url)["Vary"].split(", ")


def test_a_classroom_device_gets_the_lesson_as_private(client, lesson):
    client.get(lesson.url)
    client.cookies["upstander_classroom"] = "1"
    assert client.get(lesson.url)["Cache-Control"] == "private"


def test_a_signed_in_editor_gets_the_lesson_as_private(editor_client, lesson):
    assert editor_client.get(lesson.url)["Cache-Control"] == "private"


def test_a_page_with_a_query_string_is_private(client, lesson):
    client.get(lesson.url)
    assert client.get(lesson.url, {"supported": "1"})["Cache-Control"] == "private"


@pytest.mark.parametrize("page", ["quiz", "petition"])
def test_a_page_with_a_real_csrf_token_is_private(client, request, page):
    response = client.get(request.getfixturevalue(page).url)
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert response["Cache-Control"] == "private"


def test_a_public_max_age_of_zero_sends_every_page_private(client, lesson, settings):
    settings.UPSTANDER_PUBLIC_MAX_AGE = 0
    client.get(lesson.url)
    assert client.get(lesson.url)["Cache-Control"] == "private"


def test_html_is_gzip_compressed_for_a_client_that_accepts_it(client, lesson):
    response = client.get(lesson.url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"].split(", ")
    assert lesson.title in gzip.decompress(response.content).decode()


def test_an_uploaded_image_is_not_compressed_again(client):
    from django.core.files.storage import default_storage

    name = default_storage.save("test/photo.png", io.BytesIO(b"\x89PNG" + bytes(range(256)) * 4))
    response = client.get("/media/" + name, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def test_html_is_sent_plain_to_a_client_that_does_not_accept_gzip(client, lesson):
    response = client.get(lesson.url)
    assert not response.has_header("Content-Encoding")
    assert lesson.title in response.content.decode()


class PurgeRecorder(BaseHTTPRequestHandler):
    """A frontend cache on 127.0.0.1 that records the PURGE requests it gets."""

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def frontend_cache(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {"default": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
    }}
    yield server
    server.shutdown()
    server.server_close()


def test_publishing_a_page_purges_it_from_the_frontend_cache(frontend_cache, lesson):
    lesson.title = "Yes, no and pressure (purged)"
    lesson.save_revision().publish()
    assert frontend_cache.purged == [(urlsplit(lesson.full_url).netloc, lesson.url)]


def test_restricting_a_section_purges_its_pages_from_the_frontend_cache(frontend_cache, lesson):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=lesson, restriction_type="login")
    below = [page.url for page in lesson.get_descendants(inclusive=True).live().specific()]
    assert sorted(path for _host, path in frontend_cache.purged) == sorted(below)
    assert len(below) == 3  # the lesson, its quiz and its teacher guide


def test_pages_with_a_query_string_a_session_or_classroom_view_are_not_cached(client, lesson):
    client.get(lesson.url)
    assert "X-Page-Cache" not in client.get(lesson.url, {"supported": "1"})
    client.cookies["upstander_classroom"] = "1"
    assert "X-Page-Cache" not in client.get(lesson.url)


def test_signed_in_editors_never_get_a_cached_page(client, lesson):
    from django.contrib.auth import get_user_model

    client.get(lesson.url)
    client.force_login(get_user_model().objects.create_superuser("cache-editor", "c@example.com", "pw"))
    assert "X-Page-Cache" not in client.get(lesson.url)


def test_quiz_and_petition_pages_are_never_cached(client, lesson):
    for url in (lesson.quiz().url, "/en/petition/"):
        client.get(url)
        assert "X-Page-Cache" not in client.get(url), url


def test_a_changed_helpline_shows_at_once(client, lesson):
    from cms.models import Helpline

    client.get(lesson.url)
    Helpline.objects.filter(number="116 000", locale__language_code="en").update(hours="Night and day")
    Helpline.objects.filter(number="116 000", locale__language_code="en").first().save()
    assert "Night and day" in client.get(lesson.url).content.decode()


def test_a_changed_disclosure_card_shows_at_once_on_the_guide(client, lesson):
    guide = lesson.guide()
    client.get(guide.url)
    card = guide.disclosure_card
    card.title = "If a pupil tells you: updated"
    card.save()
    assert "If a pupil tells you: updated" in client.get(guide.url).content.decode()


def test_a_page_behind_a_password_is_never_stored(client, lesson):
    from wagtail.models import PageViewRestriction

    client.get(lesson.url)
    PageViewRestriction.objects.create(page=lesson, restriction_type="password", password="class-2b")
    first = client.get(lesson.url)
    second = client.get(lesson.url)
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert "password" in second.content.decode().lower()


def test_adding_a_restriction_clears_the_cached_page(client, lesson):
    from wagtail.models import PageViewRestriction

    assert client.get(lesson.url)["X-Page-Cache"] == "miss"
    PageViewRestriction.objects.create(page=lesson, restriction_type="login")
    assert client.get(lesson.url).status_code == 302  # to the login page, not the stored copy


def test_a_response_that_used_a_real_csrf_token_is_never_stored(client, lesson, monkeypatch):
    from django.middleware.csrf import get_token

    original = LessonPage.serve

    def serve_with_a_real_token(self, request, *args, **kwargs):
        get_token(request)
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(LessonPage, "serve", serve_with_a_real_token)
    client.get(lesson.url)
    assert "X-Page-Cache" not in client.get(lesson.url)


def test_another_port_on_the_same_host_uses_the_same_cache_entry(lesson):
    assert Client(HTTP_HOST="localhost:8000").get(lesson.url)["X-Page-Cache"] == "miss"
    assert Client(HTTP_HOST="localhost:9999").get(lesson.url)["X-Page-Cache"] == "hit"


def test_a_cached_page_is_sent_compressed_as_it_was_stored(client, lesson):
    import gzip

    plain = client.get(lesson.url).content
    hit = client.get(lesson.url, HTTP_ACCEPT_ENCODING="gzip")
    assert hit["X-Page-Cache"] == "hit" and hit["Content-Encoding"] == "gzip"
    assert gzip.decompress(hit.content) == plain


def test_the_generation_is_read_from_the_cache_once_per_request(client, lesson, settings, monkeypatch):
    from django.core.cache import cache

    from cms import page_cache

    settings.UPSTANDER_PAGE_CACHE_SECONDS = 0
    client.get(lesson.url)
    reads = []
    original = cache.get
    monkeypatch.setattr(cache, "get", lambda key, *args, **kwargs: (
        reads.append(key) if key == page_cache.GENERATION_KEY else None) or original(key, *args, **kwargs))
    client.get(lesson.url)
    assert reads == [page_cache.GENERATION_KEY]


def test_a_publish_during_a_request_is_seen_by_the_rest_of_that_request(lesson):
    from cms import page_cache

    page_cache._start_request()
    try:
        before = page_cache.generation()
        page_cache.new_generation()
        assert page_cache.generation() == before + 1
    finally:
        page_cache._end_request()


def record_cache_calls(monkeypatch):
    """The calls a request makes to the cache: local memory's get_many asks get once per
    key, Redis sends one MGET, so gets inside get_many are not counted."""
    from django.core.cache import cache

    calls, inside = [], []
    original_get, original_get_many = cache.get, cache.get_many

    def get(*args, **kwargs):
        if not inside:
            calls.append("get")
        return original_get(*args, **kwargs)

    def get_many(*args, **kwargs):
        calls.append("get_many")
        inside.append(True)
        try:
            return original_get_many(*args, **kwargs)
        finally:
            inside.pop()

    monkeypatch.setattr(cache, "get", get)
    monkeypatch.setattr(cache, "get_many", get_many)
    return calls


def test_a_hit_in_the_process_that_stored_the_page_asks_the_cache_nothing_within_the_trusted_time(
        client, lesson, monkeypatch):
    from cms import page_cache

    monkeypatch.setattr(page_cache, "GENERATION_TRUSTED_FOR", 3600)  # however long the miss took to render
    client.get(lesson.url)
    calls = record_cache_calls(monkeypatch)
    assert client.get(lesson.url)["X-Page-Cache"] == "hit"
    assert calls == []


def time_passes(page_cache):
    """Longer than a process trusts the generation it last read (GENERATION_TRUSTED_FOR)."""
    page_cache._last_read["at"] = float("-inf")


def test_a_hit_reads_the_shared_generation_again_once_the_trusted_time_has_passed(client, lesson, monkeypatch):
    from cms import page_cache

    client.get(lesson.url)
    time_passes(page_cache)
    calls = record_cache_calls(monkeypatch)
    assert client.get(lesson.url)["X-Page-Cache"] == "hit"
    assert calls == ["get"]


def test_a_hit_in_another_process_reads_the_generation_and_the_page_in_one_round_trip(client, lesson, monkeypatch):
    from cms import page_cache

    client.get(lesson.url)
    page_cache._copies.clear()  # as in a process that did not render it
    calls = record_cache_calls(monkeypatch)
    assert client.get(lesson.url)["X-Page-Cache"] == "hit"
    assert calls == ["get_many"]


def test_a_process_does_not_serve_its_copy_of_an_expired_page(client, lesson):
    from cms import page_cache

    from django.core.cache import cache

    client.get(lesson.url)
    for key, copy in page_cache._copies.items():
        copy["expires"] = 0
        cache.delete(key)  # the shared cache let it expire too
    assert client.get(lesson.url)["X-Page-Cache"] == "miss"


def test_a_process_does_not_serve_its_copy_after_a_publish_elsewhere(client, lesson):
    from django.core.cache import cache

    from cms import page_cache

    client.get(lesson.url)
    cache.incr(page_cache.GENERATION_KEY)  # another process published
    time_passes(page_cache)
    assert client.get(lesson.url)["X-Page-Cache"] == "miss"


def test_generations_start_from_the_clock_so_an_emptied_cache_never_repeats_one(client, lesson):
    from django.core.cache import cache

    from cms import page_cache

    client.get(lesson.url)
    before = page_cache.generation()
    cache.clear()  # Redis restarted empty
    page_cache._request_generation.set(None)
    assert page_cache.generation() > before


def test_a_page_stored_before_a_publish_is_not_served_after_it(client, lesson):
    from cms import page_cache

    client.get(lesson.url)
    page_cache.new_generation()
    assert client.get(lesson.url)["X-Page-Cache"] == "miss"


def test_a_hit_is_answered_before_sessions_language_csrf_and_authentication(client, lesson, monkeypatch):
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.middleware.csrf import CsrfViewMiddleware
    from django.middleware.locale import LocaleMiddleware

    client.get(lesson.url)

    def not_reached(*args, **kwargs):
        raise AssertionError("a page-cache hit went further down the middleware than the cache")

    for middleware in (SessionMiddleware, LocaleMiddleware, CsrfViewMiddleware, AuthenticationMiddleware):
        monkeypatch.setattr(middleware, "process_request", not_reached)
    response = client.get(lesson.url)
    assert (response.status_code, response["X-Page-Cache"]) == (200, "hit")


def test_a_hit_on_a_french_page_says_it_is_french(lesson):
    from wagtail.models import Locale

    french = lesson.get_translation(Locale.objects.get(language_code="fr"))
    assert Client().get(french.url)["X-Page-Cache"] == "miss"
    hit = Client().get(french.url)
    assert (hit["X-Page-Cache"], hit["Content-Language"]) == ("hit", "fr")


def test_a_hit_says_how_long_its_body_is(lesson):
    Client().get(lesson.url)
    hit = Client().get(lesson.url, headers={"Accept-Encoding": "gzip"})
    assert int(hit["Content-Length"]) == len(hit.content)


def test_a_live_class_poll_does_not_look_in_the_page_cache(client, quiz, monkeypatch):
    from django.core.cache import cache

    from classroom.models import ClassroomSession

    session, _secret = ClassroomSession.start(quiz)

    asked = []
    original = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys, *a, **kw: asked.extend(keys) or original(keys, *a, **kw))
    monkeypatch.setattr(cache, "get", lambda key, *a, **kw: asked.append(key))
    assert client.get(f"/en/class/{session.pk}/state/").status_code == 200
    assert not [key for key in asked if key.startswith("page-cache:")]


def test_menus_and_sections_are_asked_of_the_shared_cache_once_per_publish(client, lesson, settings, monkeypatch):
    settings.UPSTANDER_PAGE_CACHE_SECONDS = 0
    from django.core.cache import cache

    client.get(lesson.url)
    asked = []
    original = cache.get
    monkeypatch.setattr(cache, "get", lambda key, *args, **kwargs: asked.append(key) or original(key, *args, **kwargs))
    client.get(lesson.url)
    ours = [key for key in asked if key.split(":")[0] in (
        "chrome", "site", "locales", "view-restrictions", "petition-for", "site-root-paths", "page-cache")]
    assert ours == ["page-cache:generation"]


def test_a_value_remembered_for_a_generation_is_made_again_after_a_publish(lesson):
    from cms import page_cache

    made = []
    page_cache.for_generation("test-value", lambda: made.append(1) or len(made))
    assert page_cache.for_generation("test-value", lambda: made.append(1) or len(made)) == 1
    page_cache.new_generation()
    assert page_cache.for_generation("test-value", lambda: made.append(1) or len(made)) == 2
