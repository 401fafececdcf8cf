"""How easy an easy-read text is to read: sentence length and long words,
with limits per language.

A small counter rather than `textstat`: its scores (Flesch and kin) are
formulas for English prose, its other languages come and go between releases,
and the Easy Read / FALC / Makkelijk lezen guidelines ask for two plain
things an editor can act on: short sentences and common (short) words.
Syllables are counted with pyphen, WeasyPrint's hyphenator, whose dictionaries
cover every language of the site: a word's hyphenation points are a close,
slightly low count of its syllables, which is what "long word" needs.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pyphen
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Limits:
    average_sentence: float  # words per sentence, on average
    longest_sentence: int  # words in any one sentence
    long_word_share: float  # share of words with long_word_syllables or more
    long_word_syllables: int = 4


# French says in more words what English says in fewer (articles, "ne ... pas"),
# so its sentence limits are a little higher; Dutch and German compounds make
# long words more common, so their share is a little higher.
LIMITS = {
    "en": Limits(average_sentence=12, longest_sentence=15, long_word_share=0.08),
    "fr": Limits(average_sentence=13, longest_sentence=17, long_word_share=0.10),
    "nl": Limits(average_sentence=12, longest_sentence=15, long_word_share=0.10),
    "de": Limits(average_sentence=12, longest_sentence=15, long_word_share=0.10),
}
DEFAULT_LIMITS = LIMITS["en"]
HYPHENATION = {"en": "en_US", "fr": "fr", "nl": "nl", "de": "de"}

# After ".", "!", "?" or "…", and any closing quote or bracket that belongs to the sentence.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"'”’»)]))\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


@lru_cache(maxsize=8)
def _hyphenator(language):
    return pyphen.Pyphen(lang=HYPHENATION.get(language, "en_US"))


def syllables(word, language):
    return len(_hyphenator(language).positions(word)) + 1


def sentences(text):
    """The sentences of a text: a line is never part of the next one."""
    found = []
    for line in text.splitlines():
        found += [sentence.strip() for sentence in _SENTENCE_END.split(line) if _WORD.search(sentence)]
    return found


def words(sentence):
    return _WORD.findall(sentence)


@dataclass
class Readability:
    language: str
    sentence_lengths: list = field(default_factory=list)  # (words, sentence)
    long_words: list = field(default_factory=list)

    @property
    def limits(self):
        return LIMITS.get(self.language, DEFAULT_LIMITS)

    @property
    def sentence_count(self):
        return len(self.sentence_lengths)

    @property
    def word_count(self):
        return sum(length for length, _sentence in self.sentence_lengths)

    @property
    def average_sentence_length(self):
        return round(self.word_count / self.sentence_count, 1) if self.sentence_count else 0.0

    @property
    def long_sentences(self):
        return [sentence for length, sentence in self.sentence_lengths if length > self.limits.longest_sentence]

    @property
    def long_word_share(self):
        return len(self.long_words) / self.word_count if self.word_count else 0.0

    @property
    def long_word_percent(self):
        return round(self.long_word_share * 100)

    def warnings(self):
        """What an editor should change, in the interface language; empty when the text is within the limits."""
        limits, found = self.limits, []
        if self.average_sentence_length > limits.average_sentence:
            found.append(
                _("Sentences have %(average)s words on average; easy read keeps it to %(limit)s or fewer.")
                % {"average": self.average_sentence_length, "limit": limits.average_sentence}
            )
        long_sentences = self.long_sentences
        if long_sentences:
            found.append(
                ngettext(
                    "%(count)s sentence has more than %(limit)s words: “%(example)s”",
                    "%(count)s sentences have more than %(limit)s words, such as “%(example)s”",
                    len(long_sentences),
                )
                % {"count": len(long_sentences), "limit": limits.longest_sentence, "example": long_sentences[0]}
            )
        if self.long_word_share > limits.long_word_share:
            examples = ", ".join(dict.fromkeys(self.long_words))
            found.append(
                _("%(percent)s%% of the words are long (%(syllables)s syllables or more): %(examples)s. "
                  "Easy read keeps it under %(limit)s%%; use a shorter word or explain it.")
                % {"percent": self.long_word_percent, "syllables": limits.long_word_syllables,
                   "examples": examples, "limit": round(limits.long_word_share * 100)}
            )
        return found


def measure(texts, language):
    """Readability of some texts (each a line, a heading or a paragraph of plain text) in a language."""
    result = Readability(language=language)
    limit = result.limits.long_word_syllables
    for text in texts:
        for sentence in sentences(text):
            sentence_words = words(sentence)
            result.sentence_lengths.append((len(sentence_words), sentence))
            result.long_words += [word for word in sentence_words if syllables(word, language) >= limit]
    return result
