"""The demo's easy-read versions: every lesson, quiz and guide has one in English,
French and Dutch, within the readability limits of its language."""

import pytest
from wagtail.models import Locale

from lessons.models import LessonPage, TeacherGuidePage
from lessons.panels import easy_read_readability
from quizzes.models import QuizPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "nl"]
DEMO_LESSONS = 13


def lessons(language):
    found = list(LessonPage.objects.filter(locale__language_code=language))
    assert len(found) == DEMO_LESSONS
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_lesson_has_an_easy_read_version_opening_with_the_key_message_and_help(language):
    for lesson in lessons(language):
        assert [block.block_type for block in lesson.easy_read][:2] == ["key_message", "help"], lesson.url


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_easy_read_version_is_within_the_readability_limits_of_its_language(language):
    for lesson in lessons(language):
        measured = easy_read_readability(lesson)
        assert measured.sentence_count >= 30, lesson.url
        assert measured.warnings() == [], (lesson.url, measured.warnings())


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_every_easy_read_line_is_translated(language):
    english = Locale.objects.get(language_code="en")
    for lesson in lessons(language):
        source = lesson.get_translation(english)

        def lines(page):
            return [line["text"] for block in page.easy_read if block.block_type == "section"
                    for line in block.value["lines"]]

        assert len(lines(lesson)) == len(lines(source))
        same = [line for line, original in zip(lines(lesson), lines(source)) if line == original]
        assert same == [], lesson.url


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_easy_read_version_points_to_a_trusted_adult_with_its_pictogram(language):
    for lesson in lessons(language):
        assert "trusted_adult" in lesson.easy_read_pictograms(), lesson.url


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_quiz_has_an_easy_read_version(language):
    quizzes = QuizPage.objects.filter(locale__language_code=language)
    assert quizzes.count() == DEMO_LESSONS
    assert all(quiz.has_easy_read for quiz in quizzes)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_teacher_guide_says_how_to_teach_it_in_special_needs_education(language):
    guides = TeacherGuidePage.objects.filter(locale__language_code=language)
    assert guides.count() == DEMO_LESSONS
    assert all(len(guide.special_needs) > 400 for guide in guides)
