"""Which page may be added where: an editor cannot break the page tree of DESIGN.md."""

import pytest

from cms.models import ContentPage
from lessons.models import LessonFinderPage, LessonPage, ModulePage, TeacherGuidePage
from quizzes.models import QuizPage

pytestmark = pytest.mark.django_db


def test_a_lesson_cannot_be_added_to_the_home_page(home):
    assert not LessonPage.can_create_at(home)


def test_a_quiz_or_a_guide_cannot_be_added_to_a_module():
    module = ModulePage.objects.get(locale__language_code="en", slug="consent")
    assert not QuizPage.can_create_at(module)
    assert not TeacherGuidePage.can_create_at(module)


def test_a_lesson_takes_one_quiz_and_one_guide_only(lesson):
    assert lesson.quiz() is not None and lesson.guide() is not None
    assert not QuizPage.can_create_at(lesson)
    assert not TeacherGuidePage.can_create_at(lesson)


def test_a_module_cannot_be_added_under_a_lesson(lesson):
    assert not ModulePage.can_create_at(lesson)


def test_there_is_one_lesson_finder_per_home_page(home):
    assert LessonFinderPage.objects.child_of(home).count() == 1
    assert not LessonFinderPage.can_create_at(home)


def test_content_pages_can_nest(home):
    help_page = ContentPage.objects.child_of(home).get(slug="help")
    assert ContentPage.can_create_at(help_page)
