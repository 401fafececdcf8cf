"""Reports › Evaluation: what an organisation shows a funder, from sums per class only."""

import csv
import io
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader
from scipy import stats
from wagtail.models import Locale

from evaluations import report
from evaluations.models import EvaluationRun
from evaluations.results import record_class
from lessons.models import LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def oldest_consent_lesson():
    return LessonPage.objects.get(locale__language_code="en", slug="consent-in-relationships")


def a_class(lesson, rng, size):
    """Record one class: every item asked in `lesson`, random answers; returns the pairs per item key."""
    evaluation = lesson.get_parent().specific.evaluation
    items, pairs = [], {}
    for item in evaluation.items_for(lesson):
        top = 5 if item.is_agreement else 1
        answers = [(rng.randint(0 if top == 1 else 1, top), rng.randint(0 if top == 1 else 1, top)) for _ in range(size)]
        items.append((item, answers))
        pairs[item.key] = answers
    record_class(lesson, items, size)
    return pairs


def test_the_report_gives_the_paired_statistics_of_all_classes_together(oldest_consent_lesson):
    rng = random.Random(3)
    classes = [a_class(oldest_consent_lesson, rng, size) for size in (12, 25, 18)]
    rows = {row.item_key: row for row in report.rows(EvaluationRun.objects.all())}
    key = next(iter(classes[0]))
    together = [pair for pairs in classes for pair in pairs[key]]
    befores, afters = zip(*together)
    reference = stats.ttest_rel(afters, befores).confidence_interval(0.95)
    row = rows[key]
    assert (row.sessions, row.pairs) == (3, 55)
    assert row.mean_before == round(sum(befores) / 55, 2) and row.mean_after == round(sum(afters) / 55, 2)
    assert (row.ci_low, row.ci_high) == (round(reference.low, 2), round(reference.high, 2))


def test_an_item_answered_by_fewer_than_five_pupils_shows_no_numbers(oldest_consent_lesson):
    a_class(oldest_consent_lesson, random.Random(1), 4)
    for row in report.rows(EvaluationRun.objects.all()):
        assert not row.shown
        assert (row.mean_before, row.mean_after, row.mean_difference, row.effect_size, row.moved_to_agree) == ("",) * 5


def test_the_report_makes_the_same_number_of_queries_for_3_or_30_classes(oldest_consent_lesson):
    rng = random.Random(2)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            list(report.rows(EvaluationRun.objects.all()))
            report.totals(EvaluationRun.objects.all())
        return len(captured)

    for _ in range(3):
        a_class(oldest_consent_lesson, rng, 10)
    few = queries()
    for _ in range(27):
        a_class(oldest_consent_lesson, rng, 10)
    assert queries() == few


def test_the_spreadsheet_has_a_row_per_item_and_none_per_pupil(editor_client, oldest_consent_lesson):
    a_class(oldest_consent_lesson, random.Random(4), 20)
    response = editor_client.get(reverse("evaluation_report") + "?export=csv")
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")
                                        if response.streaming else response.content.decode("utf-8-sig"))))
    items = oldest_consent_lesson.get_parent().specific.evaluation.items_for(oldest_consent_lesson)
    assert lines[0][0] == "Item" and len(lines) == 1 + len(items)


def test_the_language_filter_counts_only_classes_taught_in_that_language(editor_client, oldest_consent_lesson):
    rng = random.Random(5)
    a_class(oldest_consent_lesson, rng, 10)
    french = oldest_consent_lesson.get_translation(Locale.objects.get(language_code="fr"))
    a_class(french, rng, 10)
    a_class(french, rng, 10)
    html = editor_client.get(reverse("evaluation_report"), {"language": "fr"}).content.decode()
    assert "2 classes answered before and after a lesson (20 pupils)" in html


def test_the_lesson_filter_counts_the_lesson_in_every_language(editor_client, oldest_consent_lesson):
    rng = random.Random(6)
    a_class(oldest_consent_lesson, rng, 10)
    a_class(oldest_consent_lesson.get_translation(Locale.objects.get(language_code="nl")), rng, 10)
    younger = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")
    a_class(younger, rng, 10)
    html = editor_client.get(reverse("evaluation_report"), {"lesson": oldest_consent_lesson.pk}).content.decode()
    assert "2 classes answered before and after a lesson (20 pupils)" in html


def test_the_funder_summary_is_a_pdf_with_the_method_and_the_results(editor_client, oldest_consent_lesson):
    a_class(oldest_consent_lesson, random.Random(7), 15)
    response = editor_client.get(reverse("evaluation_summary_pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "evaluation summary" in text and "Cohen" in text and "1 class answered" in text


def test_the_report_is_for_signed_in_editors_only(client):
    response = client.get(reverse("evaluation_report"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_funder_summary_is_a_tagged_pdf_whose_table_has_column_and_row_headers(editor_client, oldest_consent_lesson):
    from tests import pdf_structure

    a_class(oldest_consent_lesson, random.Random(7), 15)
    response = editor_client.get(reverse("evaluation_summary_pdf"))
    _reader, catalog, elements = pdf_structure.read(response.content)
    columns, items = 9, len(report.rows(EvaluationRun.objects.all()))
    assert catalog["/Lang"] == "en"
    tables = pdf_structure.tags(elements, "Table")  # one per printed page the table runs over
    assert len(pdf_structure.tags(elements, "TH")) == columns * len(tables) + items
