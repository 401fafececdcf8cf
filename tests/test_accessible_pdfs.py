"""Guide, pack and pictogram-card PDFs are tagged PDF/UA-1: language, title, a
structure tree with headings, lists, tables and figures (with text alternatives)
in the order the page reads. Read back with pypdf, the way a screen reader walks it."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from lessons.models import LessonPage, TeacherGuidePage
from lessons.models import pdfs
from tests import pdf_structure

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def guide():
    return TeacherGuidePage.objects.get(locale__language_code="en", slug="teacher-guide",
                                        url_path__contains="/yes-no-and-pressure/")


@pytest.fixture
def french_guide(guide):
    return guide.get_translation(Locale.objects.get(language_code="fr"))


def test_a_guide_pdf_declares_pdf_ua_1_in_its_metadata(client, guide):
    reader, _catalog, _elements = pdf_structure.read(body(client.get(guide.url + "pdf/")))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfuaid:part[^0-9]*1", xmp)


def test_a_guide_pdf_is_marked_tagged_and_shows_its_title(client, guide):
    reader, catalog, _elements = pdf_structure.read(body(client.get(guide.url + "pdf/")))
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.metadata.title == guide.title


def test_a_guide_pdf_has_the_language_of_its_guide(client, guide, french_guide):
    _reader, english, _ = pdf_structure.read(body(client.get(guide.url + "pdf/")))
    _reader, french, _ = pdf_structure.read(body(client.get(french_guide.url + "pdf/")))
    assert (english["/Lang"], french["/Lang"]) == ("en", "fr")


def test_a_guide_pdf_reads_its_headings_in_the_order_of_the_guide(client, guide):
    html = pdfs.pdf_html([guide], guide.title)
    expected = [tag.name.upper() for tag in BeautifulSoup(html, "html.parser").find_all(["h1", "h2", "h3"])]
    _reader, _catalog, elements = pdf_structure.read(body(client.get(guide.url + "pdf/")))
    assert [element.tag for element in pdf_structure.tags(elements, "H1", "H2", "H3")] == expected
    assert expected[0] == "H1"


def test_a_guide_pdf_tags_its_lists_as_lists_of_items(client, guide):
    _reader, _catalog, elements = pdf_structure.read(body(client.get(guide.url + "pdf/")))
    lists = pdf_structure.tags(elements, "L")
    assert len(lists) >= 5
    for index, element in enumerate(elements):
        if element.tag == "L":
            assert elements[index + 1].tag == "LI"


def test_every_figure_in_a_guide_pdf_has_a_text_alternative(client, guide):
    _reader, _catalog, elements = pdf_structure.read(body(client.get(guide.url + "pdf/")))
    assert all(figure.alt for figure in pdf_structure.tags(elements, "Figure"))


def test_the_module_pack_is_tagged_with_one_title_heading_per_guide(client):
    lesson = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")
    module = lesson.get_parent().specific
    response = client.get(module.url + "teacher-guides/pdf/")
    _reader, catalog, elements = pdf_structure.read(body(response))
    assert catalog["/Lang"] == "en"
    assert len(pdf_structure.tags(elements, "H1")) == module.teacher_guides().count()


# --- pictogram cards ------------------------------------------------------------


@pytest.fixture
def lesson():
    return LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")


def test_the_pictogram_cards_are_one_figure_per_pictogram_named_by_its_label(client, lesson):
    from lessons import pictograms

    response = client.get(lesson.url + "pictogram-cards/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert f"upstander-{lesson.slug}-pictogram-cards-en.pdf" in response["Content-Disposition"]
    _reader, catalog, elements = pdf_structure.read(body(response))
    expected = [str(pictograms.PICTOGRAMS[name].label) for name in lesson.easy_read_pictograms()]
    assert [figure.alt for figure in pdf_structure.tags(elements, "Figure")] == expected
    assert catalog["/Lang"] == "en"


def test_the_pictogram_cards_are_in_the_lessons_language(client, lesson):
    dutch = lesson.get_translation(Locale.objects.get(language_code="nl"))
    reader, catalog, elements = pdf_structure.read(body(client.get(dutch.url + "pictogram-cards/pdf/")))
    assert catalog["/Lang"] == "nl"
    assert "Niet jouw schuld" in [figure.alt for figure in pdf_structure.tags(elements, "Figure")]
    assert reader.metadata.title.startswith("Pictogramkaarten")


def test_a_lesson_without_an_easy_read_version_has_no_pictogram_cards(client, lesson):
    lesson.easy_read = []
    lesson.save_revision().publish()
    assert client.get(lesson.url + "pictogram-cards/pdf/").status_code == 404
