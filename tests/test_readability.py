"""The easy-read readability check: sentence length and long words, limits per language."""

from lessons import readability
from lessons.blocks import EasyReadBodyBlock

SHORT = ["Ask first.", "A photo of you is a bit of you.", "You can say no."]
LONG_SENTENCE = ("When somebody takes a photo of you at a party and later puts it in the class group chat "
                 "without asking you first, you can ask them to delete it.")


def test_lines_are_never_joined_into_one_sentence():
    assert readability.sentences("Stop\nAsk first") == ["Stop", "Ask first"]


def test_a_line_with_two_sentences_counts_two():
    assert readability.sentences("Stop. Ask first! Why?") == ["Stop.", "Ask first!", "Why?"]


def test_a_quote_ending_a_sentence_stays_with_it():
    assert readability.sentences("She says “Stop.” Then she leaves.") == ["She says “Stop.”", "Then she leaves."]


def test_words_keep_apostrophes_and_hyphens_and_skip_numbers():
    assert readability.words("Don't post it, it's a 10-second job for a well-known app") == [
        "Don't", "post", "it", "it's", "a", "second", "job", "for", "a", "well-known", "app"]


def test_syllables_are_counted_in_the_texts_language():
    assert readability.syllables("conversation", "en") == 4
    assert readability.syllables("photographie", "fr") == 4
    assert readability.syllables("vertrouwenspersoon", "nl") == 5


def test_short_lines_in_common_words_have_no_warning():
    measured = readability.measure(SHORT, "en")
    assert (measured.sentence_count, measured.word_count) == (3, 15)
    assert measured.warnings() == []


def test_the_average_sentence_length_is_words_over_sentences():
    assert readability.measure(SHORT, "en").average_sentence_length == 5.0


def test_a_sentence_over_the_limit_is_quoted_in_the_warning():
    warnings = readability.measure(SHORT + [LONG_SENTENCE], "en").warnings()
    assert len(warnings) == 1
    assert "1 sentence has more than 15 words" in warnings[0]
    assert LONG_SENTENCE in warnings[0]


def test_a_long_average_is_warned_even_without_one_very_long_sentence():
    fourteen = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen."
    warnings = readability.measure([fourteen, fourteen], "en").warnings()
    assert warnings == ["Sentences have 14.0 words on average; easy read keeps it to 12 or fewer."]


def test_french_allows_a_slightly_longer_sentence_than_english():
    sixteen = "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize."
    assert readability.measure([sixteen] + ["Tu peux dire non."] * 3, "fr").long_sentences == []
    assert len(readability.measure([sixteen] + ["You can say no."] * 3, "en").long_sentences) == 1


def test_too_many_long_words_are_named_in_the_warning():
    measured = readability.measure(["Communication is absolutely important.", "Ask first."], "en")
    assert measured.long_words == ["Communication", "absolutely"]
    (warning,) = measured.warnings()
    assert warning.startswith("33% of the words are long (4 syllables or more): Communication, absolutely.")


def test_an_unknown_language_is_measured_with_the_english_limits():
    assert readability.measure(SHORT, "xx").limits == readability.LIMITS["en"]


def test_the_easy_read_texts_are_the_lines_messages_and_questions_not_the_headings():
    stream = EasyReadBodyBlock().to_python([
        {"type": "key_message", "value": {"text": "Ask first."}},
        {"type": "help", "value": {"heading": "Help", "text": "Talk to an adult.", "show_reporting_routes": True}},
        {"type": "section", "value": {"heading": "A heading", "lines": [
            {"type": "item", "id": "line-1", "value": {"picture": "ask", "text": "Ask your friend."}},
            {"type": "item", "id": "line-2", "value": {"picture": "", "text": "Wait for a yes."}},
        ]}},
        {"type": "question", "value": {"text": "What would you say?"}},
    ])
    assert list(EasyReadBodyBlock.texts(stream)) == [
        "Ask first.", "Talk to an adult.", "Ask your friend.", "Wait for a yes.", "What would you say?"]
    assert EasyReadBodyBlock.pictogram_names(stream) == ["ask"]
