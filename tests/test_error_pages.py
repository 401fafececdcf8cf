"""Error pages keep the help in reach, even when the database cannot answer."""

import pytest
from django.db import DatabaseError
from django.template.loader import render_to_string

from cms.models import Helpline

pytestmark = pytest.mark.django_db


def test_500_page_shows_the_help_button_and_quick_exit():
    html = render_to_string("500.html")
    assert "116 000" in html
    assert "data-quick-exit" in html


def test_500_page_still_shows_a_helpline_when_the_database_fails(monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("database is down")

    monkeypatch.setattr(Helpline.objects, "filter", broken)
    html = render_to_string("500.html")
    assert "116 000" in html


def test_404_page_is_in_the_visitors_language_prefix(client):
    response = client.get("/fr/nulle-part/")
    assert response.status_code == 404
    assert b'lang="fr"' in response.content
