"""No page makes the browser load anything from another host."""

from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

LOADING_ATTRIBUTES = {
    "script": ["src"], "link": ["href"], "img": ["src", "srcset"], "iframe": ["src"],
    "source": ["src", "srcset"], "track": ["src"], "video": ["src", "poster"], "audio": ["src"],
    "embed": ["src"], "object": ["data"], "input": ["src"],
}


def external_resources(html):
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag_name, attributes in LOADING_ATTRIBUTES.items():
        for tag in soup.find_all(tag_name):
            if tag_name == "link" and "alternate" in (tag.get("rel") or []):
                continue
            for attribute in attributes:
                for url in (tag.get(attribute) or "").split(","):
                    host = urlparse(url.strip().split(" ")[0]).netloc
                    if host and host not in ("testserver", "localhost", "127.0.0.1"):
                        found.append(f"<{tag_name} {attribute}={url}>")
    if "@import" in html or "url(http" in html:
        found.append("CSS import or url() in the page")
    return found


def test_the_checker_catches_an_outside_font_and_script():
    html = '<link rel="stylesheet" href="https://fonts.example/css"><script src="//cdn.example/x.js"></script>'
    assert len(external_resources(html)) == 2


def test_no_demo_page_loads_anything_from_another_host(client, demo_pages):
    for page in demo_pages:
        assert external_resources(client.get(page.url).content.decode()) == [], page.url


def test_error_and_search_pages_load_nothing_from_another_host(client):
    for url in ("/en/no-such-page/", "/en/search/?q=consent"):
        assert external_resources(client.get(url).content.decode()) == [], url


ADMIN_PAGES = [
    "/admin/", "/admin/pages/", "/admin/reports/locked/", "/admin/account/",
    "/admin/images/", "/admin/documents/", "/admin/users/",
]


def test_no_admin_page_an_editor_sees_loads_anything_from_another_host(client, home):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("editor-check", "editor@example.com", "pw"))
    for url in ADMIN_PAGES + [f"/admin/pages/{home.pk}/", f"/admin/pages/{home.pk}/edit/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert external_resources(response.content.decode()) == [], url
        assert "gravatar" not in response.content.decode(), url
