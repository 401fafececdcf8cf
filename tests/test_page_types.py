"""Which page may live where: the page tree of DESIGN.md."""

import pytest
from wagtail.models import Page

from cms.models import ContentPage, HomePage
from lessons.models import LessonFinderPage, LessonPage, ModulePage, TeacherGuidePage, TeacherHubPage
from petitions.models import PetitionPage
from quizzes.models import QuizPage

pytestmark = pytest.mark.django_db


def test_home_page_sits_only_at_the_root():
    assert HomePage.allowed_parent_page_models() == [Page]


def test_home_page_holds_modules_the_lesson_finder_and_content_pages():
    assert set(HomePage.allowed_subpage_models()) == {
        ModulePage, LessonFinderPage, TeacherHubPage, PetitionPage, ContentPage,
    }


def test_module_page_lives_under_the_home_page_only():
    assert ModulePage.allowed_parent_page_models() == [HomePage]


def test_module_page_holds_lessons_only():
    assert ModulePage.allowed_subpage_models() == [LessonPage]


def test_lesson_page_holds_its_quiz_and_its_teacher_guide():
    assert LessonPage.allowed_subpage_models() == [QuizPage, TeacherGuidePage]


def test_teacher_guide_lives_under_a_lesson_only_and_once():
    assert TeacherGuidePage.allowed_parent_page_models() == [LessonPage]
    assert TeacherGuidePage.max_count_per_parent == 1


def test_quiz_lives_under_a_lesson_only_and_once():
    assert QuizPage.allowed_parent_page_models() == [LessonPage]
    assert QuizPage.max_count_per_parent == 1


def test_lesson_page_lives_under_a_module_only():
    assert LessonPage.allowed_parent_page_models() == [ModulePage]


def test_lesson_cannot_be_created_under_the_home_page(home):
    assert not LessonPage.can_create_at(home)


def test_lesson_finder_is_one_per_home_page(home):
    assert LessonFinderPage.objects.child_of(home).count() == 1
    assert not LessonFinderPage.can_create_at(home)


def test_content_page_can_hold_content_pages():
    assert ContentPage.allowed_subpage_models() == [ContentPage]
