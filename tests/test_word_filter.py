"""The question-box word filter: what it holds, and the ways round a word list it undoes."""

import pytest

from classroom.models import FilteredWord
from classroom.word_filter import HOLD_ABUSIVE, HOLD_NAMES_SOMEONE, fold, joined, names_someone

pytestmark = pytest.mark.django_db


def reason(text, language="en"):
    return FilteredWord.objects.word_filter(language).reason_to_hold(text)


@pytest.mark.parametrize(("text", "language"), [
    ("You're a SLUT", "en"), ("kys", "en"), ("quelle salope", "fr"), ("wat een hoer", "nl"),
    ("du Missgeburt", "de"), ("l0ser", "en"),
])
def test_the_filter_holds_abuse_in_each_language(text, language):
    assert reason(text, language) == HOLD_ABUSIVE


def test_zero_width_characters_do_not_hide_a_word():
    assert reason("such a lo\u200bs\u200ber") == HOLD_ABUSIVE


def test_separators_between_letters_do_not_hide_a_word():
    assert reason("you are a l.o.s.e.r") == HOLD_ABUSIVE


def test_spaces_between_letters_do_not_hide_a_word():
    assert reason("you are a l o s e r") == HOLD_ABUSIVE


def test_look_alike_letters_from_other_scripts_do_not_hide_a_word():
    assert reason("such a l\u043es\u0435r") == HOLD_ABUSIVE  # Cyrillic о and е


def test_full_width_letters_do_not_hide_a_word():
    assert reason("ｌｏｓｅｒ") == HOLD_ABUSIVE


def test_stretched_letters_do_not_hide_a_word():
    assert reason("what a looooser") == HOLD_ABUSIVE


def test_a_message_naming_a_classmate_with_a_sexual_word_is_held():
    assert reason("Everyone knows Emma in 2B sent nudes to Tom") == HOLD_NAMES_SOMEONE


def test_a_class_or_a_handle_counts_as_naming_someone():
    assert reason("someone in 3a sent nudes") == HOLD_NAMES_SOMEONE
    assert reason("@jules_x has nudes of her") == HOLD_NAMES_SOMEONE


def test_a_general_question_about_nudes_is_not_held():
    assert reason("What can you do if someone asks you for nudes?") is None


def test_french_and_dutch_sexual_words_with_a_name_are_held():
    assert reason("Tout le monde dit que Léa a envoyé des photos intimes", "fr") == HOLD_NAMES_SOMEONE
    assert reason("Iedereen zegt dat Sem naaktfoto's stuurt", "nl") == HOLD_NAMES_SOMEONE


@pytest.mark.parametrize(("text", "language"), [
    ("How do I report a photo?", "en"), ("Est-ce que la police peut aider ?", "fr"),
    ("Mag je een foto doorsturen?", "nl"), ("Wer hilft mir?", "de"), ("a classic question", "en"),
    ("Is it OK to say no to a friend?", "en"), ("What if a photo of me is already in a group?", "en"),
])
def test_ordinary_questions_go_through(text, language):
    assert reason(text, language) is None


def test_an_editor_can_add_a_word(settings):
    from wagtail.models import Locale

    assert reason("you gremlin") is None
    FilteredWord.objects.create(locale=Locale.objects.get(language_code="en"), word="gremlin", kind="abusive")
    assert reason("you g.r.e.m.l.i.n") == HOLD_ABUSIVE


def test_each_language_has_its_own_list_plus_english():
    assert reason("salope", "fr") == HOLD_ABUSIVE
    assert reason("salope", "nl") is None
    assert reason("loser", "nl") == HOLD_ABUSIVE


def test_folding_lowers_case_strips_accents_and_undoes_leet():
    assert fold("PÉDÉ") == "pede"
    assert fold("h0e") == "hoe"


def test_joining_merges_only_runs_of_single_letters():
    assert joined("i am a l o s e r") == "i am aloser"
    assert joined("i am a l o s e r", keep_first_letter=True) == "i am a loser"
    assert joined("a b") == "a b"


def test_a_capitalised_word_that_starts_a_sentence_is_not_a_name():
    assert not names_someone("Why do people send nudes? Someone asked me.", "en")
    assert names_someone("Why does Noor send them?", "en")
