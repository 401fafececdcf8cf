"""Age bands and the ages a lesson states."""

import pytest
from django.core.exceptions import ValidationError

from lessons.age_bands import AGE_BANDS, age_band_from_slug
from lessons.models import LessonPage
from tests.factories.lessons import LessonPageFactory, ModulePageFactory


def band(slug):
    return age_band_from_slug(slug)


def test_the_four_bands_follow_belgian_school_stages():
    assert [b.slug for b in AGE_BANDS] == ["10-12", "12-14", "14-16", "16-18"]


def test_unknown_band_slug_gives_no_band():
    assert band("9-99") is None


@pytest.mark.parametrize(
    ("ages", "expected_bands"),
    [
        ((10, 12), ["10-12"]),
        ((12, 14), ["12-14"]),
        ((14, 18), ["14-16", "16-18"]),
        ((10, 18), ["10-12", "12-14", "14-16", "16-18"]),
        ((12, 12), ["12-14"]),
        ((8, 10), []),
        ((16, 18), ["16-18"]),
    ],
)
def test_a_lesson_fits_the_bands_its_ages_overlap(ages, expected_bands):
    assert [b.slug for b in AGE_BANDS if b.fits(*ages)] == expected_bands


@pytest.mark.django_db
def test_the_database_filter_agrees_with_the_in_memory_rule(home):
    module = ModulePageFactory(parent=home)
    for age_min, age_max in [(10, 12), (12, 14), (14, 18), (12, 12), (8, 10), (10, 18)]:
        LessonPageFactory(parent=module, age_min=age_min, age_max=age_max)
    lessons = LessonPage.objects.child_of(module)
    for age_band in AGE_BANDS:
        in_db = set(lessons.filter(age_band.lesson_filter()).values_list("pk", flat=True))
        in_memory = {lesson.pk for lesson in lessons if age_band.fits(lesson.age_min, lesson.age_max)}
        assert in_db == in_memory, age_band.slug


def lesson_with_ages(age_min, age_max):
    return LessonPage(
        title="A lesson", slug="a-lesson", intro="x", duration=45, content_note="x",
        age_min=age_min, age_max=age_max,
        learning_objectives=[{"type": "objective", "value": "Explain"}],
    )


@pytest.mark.django_db
def test_oldest_age_below_youngest_age_is_refused_with_a_message_on_the_field():
    with pytest.raises(ValidationError) as error:
        lesson_with_ages(14, 12).full_clean(exclude=["path", "depth", "body"])
    assert "oldest age must be the same as or above the youngest age" in str(error.value.message_dict["age_max"])


@pytest.mark.django_db
def test_equal_ages_are_accepted():
    lesson_with_ages(12, 12).full_clean(exclude=["path", "depth", "body"])


@pytest.mark.django_db
@pytest.mark.parametrize(("field", "ages"), [("age_min", (7, 12)), ("age_max", (12, 19))])
def test_ages_outside_8_to_18_are_refused(field, ages):
    with pytest.raises(ValidationError) as error:
        lesson_with_ages(*ages).full_clean(exclude=["path", "depth", "body"])
    assert field in error.value.message_dict
