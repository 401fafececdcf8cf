"""The staff protocol "When an image is shared at school": found from the home page,
a decision path of plain links, every path ending with the helplines, and printable
as a one-page flowchart and a full PDF, in English, French and Dutch."""

import io

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from protocols.models import ProtocolPage
from protocols.paths import paths
from tests import pdf_structure

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "nl"]


def protocol(language="en"):
    return ProtocolPage.objects.get(locale__language_code=language)


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_links_to_the_protocol(client, language):
    page = protocol(language)
    links = [a["href"] for a in soup_of(client, f"/{language}/").select(".staff-alert a")]
    assert links == [page.url]


def test_the_teacher_hub_links_to_the_protocol(client):
    from lessons.models import TeacherHubPage

    hub = TeacherHubPage.objects.get(locale__language_code="en")
    assert [a["href"] for a in soup_of(client, hub.url).select(".staff-alert a")] == [protocol().url]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_answer_is_a_link_to_a_step_on_the_same_page(client, language):
    soup = soup_of(client, protocol(language).url)
    step_ids = {section["id"] for section in soup.select("section.protocol-step")}
    answers = soup.select(".protocol-step__answers a")
    assert answers
    assert {a["href"].removeprefix("#") for a in answers} <= step_ids


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_path_ends_at_a_step_that_shows_the_helplines(client, language):
    page = protocol(language)
    soup = soup_of(client, page.url)
    ends = {route[-1] for route in paths(page.step_graph())}
    for key in ends:
        end = soup.select_one(f"#step-{key}")
        assert not end.select(".protocol-step__answers"), key
        assert "116 000" in end.select_one(".help-box").get_text(), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_protocol_path_is_sound(language):
    from protocols.paths import problems

    assert problems(protocol(language).step_graph()) == []


def test_the_first_minutes_come_before_the_first_step(client):
    soup = soup_of(client, protocol().url)
    now = soup.select_one(".protocol__now")
    assert "don't look at the image" in now.get_text().lower()
    assert now.find_next("section", class_="protocol-step")["id"] == f"step-{protocol().steps[0].value['key']}"


def test_the_protocol_has_a_check_again_by_date(client):
    assert protocol().review_by is not None
    assert "Check again by" in soup_of(client, protocol().url).get_text()


def pdf_body(client, url):
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    return response.content


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_flowchart_prints_on_one_page(client, language):
    content = pdf_body(client, protocol(language).url + "flowchart/pdf/")
    assert len(PdfReader(io.BytesIO(content)).pages) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_flowchart_names_every_step(client, language):
    page = protocol(language)
    text = " ".join(PdfReader(io.BytesIO(pdf_body(client, page.url + "flowchart/pdf/"))).pages[0].extract_text().split())
    for step in page.decision_steps():
        assert f"{step.number}. {' '.join(step.value['title'].split()[:2])}" in text, step.value["title"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_full_protocol_pdf_is_tagged_in_its_language_with_a_heading_per_step(client, language):
    page = protocol(language)
    _reader, catalog, elements = pdf_structure.read(pdf_body(client, page.url + "pdf/"))
    assert catalog["/Lang"] == language
    headings = pdf_structure.tags(elements, "H1", "H2")
    assert [element.tag for element in headings[:1]] == ["H1"]
    # the first minutes, one heading per step, and the helplines box
    assert len(pdf_structure.tags(elements, "H2")) == 1 + len(page.steps) + 1


def test_the_pdf_is_made_once_and_kept(monkeypatch):
    from protocols import models

    page = protocol()
    first = page.pdf_bytes()
    monkeypatch.setattr(models.pdf, "render_pdf", lambda *args: pytest.fail("The PDF was made again"))
    assert page.pdf_bytes() == first


# --- the page for parents (lessons.ParentsPage) ----------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_parents_find_their_page_in_the_footer(client, language):
    from lessons.models import ParentsPage

    parents = ParentsPage.objects.get(locale__language_code=language)
    footer_links = [a["href"] for a in soup_of(client, f"/{language}/").select(".site-footer a")]
    assert parents.url in footer_links


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_parents_page_holds_the_letter_of_every_lesson(client, language):
    from lessons.models import LessonPage, ParentsPage

    parents = ParentsPage.objects.get(locale__language_code=language)
    summaries = [s.get_text(" ", strip=True) for s in soup_of(client, parents.url).select(".parent-letter summary")]
    lessons = LessonPage.objects.live().filter(locale__language_code=language).order_by("path")
    assert [summary.split(" ")[0] for summary in summaries] == [lesson.title.split(" ")[0] for lesson in lessons]
    assert len(summaries) == lessons.count()


def test_the_parents_page_shows_the_helplines_and_removal_routes(client):
    from lessons.models import ParentsPage

    soup = soup_of(client, ParentsPage.objects.get(locale__language_code="en").url)
    help_box = soup.select_one(".help-box").get_text()
    assert "116 000" in help_box and "Take It Down" in help_box
