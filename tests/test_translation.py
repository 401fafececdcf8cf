"""Editors translate every page type with wagtail-localize."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.models import HomePage
from lessons.models import LessonPage, ModulePage

pytestmark = pytest.mark.django_db


def translate_into_german(page):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="de"))
    translation.save_target(publish=True)
    return page.get_translation(translation.target_locale)


def test_a_lesson_and_its_parents_can_be_translated_with_wagtail_localize():
    lesson = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")
    translate_into_german(HomePage.objects.get(locale__language_code="en"))
    translate_into_german(lesson.get_parent().specific)
    french = translate_into_german(lesson)
    assert french.locale.language_code == "de"
    assert french.age_min == lesson.age_min
    assert [block.block_type for block in french.body] == [block.block_type for block in lesson.body]


def test_lesson_text_becomes_translatable_segments():
    lesson = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")
    source, _ = TranslationSource.get_or_create_from_instance(lesson)
    segments = source.stringsegment_set.values_list("string__data", flat=True)
    assert lesson.title in segments
    assert any("free yes" in segment for segment in segments)
    german = Locale.objects.get(language_code="de")
    assert not StringTranslation.objects.filter(locale=german).exists()  # nothing translated yet, nothing invented


def test_translated_lesson_is_served_under_the_french_prefix(client):
    translate_into_german(HomePage.objects.get(locale__language_code="en"))
    module = translate_into_german(ModulePage.objects.get(locale__language_code="en", slug="consent"))
    assert module.url.startswith("/de/")
    assert client.get(module.url).status_code == 200


def test_a_translated_quiz_keeps_its_question_and_option_ids():
    from quizzes.models import QuizPage

    lesson = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")
    translate_into_german(HomePage.objects.get(locale__language_code="en"))
    translate_into_german(lesson.get_parent().specific)
    translate_into_german(lesson)
    quiz = QuizPage.objects.child_of(lesson).get()
    french = translate_into_german(quiz)

    def ids(page):
        return [
            (question_id, [option.id for option in child.block.answer_options(child.value)])
            for question_id, child in page.question_blocks.items()
        ]

    assert ids(french) == ids(quiz)
