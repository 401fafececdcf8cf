"""Published pages are cached for anonymous visitors; a publish clears them at once."""

import re

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


def test_each_visitor_gets_their_own_working_csrf_token_on_a_cached_page(lesson):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(lesson.url)
    tokens = []
    for visitor in (first, second):
        html = visitor.get(lesson.url).content.decode()
        assert "__upstander_csrf_token__" not in html
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        tokens.append(token)
        petition_support = re.search(r'action="([^"]+/support/)"', html).group(1)
        assert visitor.post(petition_support, {"csrfmiddlewaretoken": token, "next": lesson.url}).status_code == 302
    assert tokens[0] != tokens[1]
    assert Support.objects.count() == 2


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
