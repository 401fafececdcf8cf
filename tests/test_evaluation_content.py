"""Each module's before/after evaluation: content editors write, in every language."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from lessons.models import LessonPage, ModuleEvaluation, ModulePage
from lessons.models.evaluation import EvaluationItemsBlock, KnowledgeItemBlock

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_every_module_has_an_evaluation_of_four_to_eight_items_in_each_language(language):
    modules = ModulePage.objects.filter(locale__language_code=language).live()
    assert modules.count() == 3
    for module in modules:
        assert module.evaluation is not None and module.evaluation.locale.language_code == language
        assert 4 <= len(module.evaluation.items) <= 8


def test_an_item_has_the_same_key_and_version_in_every_language():
    english = ModuleEvaluation.objects.filter(locale__language_code="en").first()
    french = english.get_translation(Locale.objects.get(language_code="fr"))
    assert [(item.key, item.version) for item in english.all_items()] == [
        (item.key, item.version) for item in french.all_items()]
    assert [item.text for item in english.all_items()] != [item.text for item in french.all_items()]


def test_rewording_an_item_starts_a_new_version_and_leaves_the_others_alone():
    evaluation = ModuleEvaluation.objects.filter(locale__language_code="en").first()
    before = {item.key: item.version for item in evaluation.all_items()}
    first = evaluation.items[0]
    text_field = "statement" if first.block_type == "agreement" else "question"
    first.value[text_field] = first.value[text_field] + " (reworded)"
    evaluation.save()
    after = {item.key: item.version for item in ModuleEvaluation.objects.get(pk=evaluation.pk).all_items()}
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {first.value["key"]}


def test_a_lesson_for_younger_pupils_asks_only_the_items_written_for_their_age():
    youngest = LessonPage.objects.get(locale__language_code="en", slug="ask-before-you-snap-or-post")
    oldest = LessonPage.objects.get(locale__language_code="en", slug="consent-in-relationships")
    evaluation = youngest.get_parent().specific.evaluation
    young_items = evaluation.items_for(youngest)
    assert young_items and all(item.lesson.age_min <= youngest.age_min for item in young_items)
    assert len(evaluation.items_for(oldest)) == len(evaluation.items) > len(young_items)


def knowledge_item(*correct_flags):
    lesson = LessonPage.objects.filter(locale__language_code="en").first()
    return {"key": "an-item", "lesson": lesson.pk, "objective": "Know it", "question": "Which?",
            "options": [{"text": f"Answer {number}", "correct": flag} for number, flag in enumerate(correct_flags)]}


@pytest.mark.parametrize("flags", [(False, False, False), (True, True, False)])
def test_a_knowledge_item_needs_exactly_one_right_answer(flags):
    block = KnowledgeItemBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python(knowledge_item(*flags)))


def test_two_items_may_not_share_a_key():
    block = EvaluationItemsBlock()
    item = knowledge_item(True, False, False)
    value = block.to_python([{"type": "knowledge", "value": item} for _ in range(4)])
    with pytest.raises(ValidationError) as raised:
        block.clean(value)
    assert "an-item" in str(raised.value.as_json_data()["messages"])


def test_an_answer_that_is_not_one_of_the_items_answers_counts_as_not_given():
    evaluation = ModuleEvaluation.objects.filter(locale__language_code="en").first()
    agreement = next(item for item in evaluation.all_items() if item.is_agreement)
    knowledge = next(item for item in evaluation.all_items() if not item.is_agreement)
    right = str(next(index for index, option in enumerate(knowledge.options) if option["correct"]))
    assert [agreement.value_of(raw) for raw in ("5", "1", "rather-not-say", "6", "", None)] == [5, 1, None, None, None, None]
    assert knowledge.value_of(right) == 1
    assert [knowledge.value_of(raw) for raw in ("9", "x", "")] == [None, None, None]
