"""Holds back messages from the anonymous question box, per language.

A held message never reaches the projector or a pupil's device: the teacher can
read it in the teacher panel (it may be a cry for help) and dismiss it, but
cannot put it on screen. A message is held when, once normalised, it holds an
abusive word, or a sexual word together with someone's name.

Normalising undoes the usual ways round a word list: Unicode compatibility
forms (NFKC: full-width letters, ligatures), invisible characters (zero-width
spaces and joiners, soft hyphens), look-alike letters from other scripts
("lоser" with a Cyrillic о), digits and signs for letters ("l0ser"), letters
spread out with separators ("l.o.s.e.r", "l o s e r") and stretched letters
("looooser"). The look-alike table is our own: Unicode's confusables list
maps to skeletons rather than to Latin letters, and no well-kept Django
library does this folding; it covers the Cyrillic and Greek letters that look
like Latin ones.

Known limit: a name typed in lower case ("emma sent nudes") is not recognised
as a name; such a message still waits for the teacher like every message."""

import re
import unicodedata
from dataclasses import dataclass

from .word_lists import SENTENCE_STARTERS

LOOK_ALIKES = str.maketrans({
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
    "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "ɡ": "g", "ո": "n", "ս": "u",
    # Greek
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "ω": "w", "ς": "s",
})
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})

_SEPARATOR = r"[^\w\s]|_"
_STRETCHED = re.compile(r"(\w)\1{2,}")
_SINGLE_LETTER_RUN = re.compile(r"(?<!\w)\w(?:\s+\w(?!\w)){2,}")


def _visible(text):
    """NFKC, without invisible format characters, look-alike letters folded to Latin."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return text.translate(LOOK_ALIKES)


def _without_accents(text):
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def fold(text):
    """Lower case, no accents, look-alikes and leet folded, stretched letters shrunk."""
    text = _visible(text).casefold().translate(LOOK_ALIKES)
    text = _without_accents(text).translate(LEET)
    return _STRETCHED.sub(r"\1", text)


def spaced(folded):
    """Separators become spaces: "ta-gueule" -> "ta gueule"."""
    return " ".join(re.sub(_SEPARATOR, " ", folded).split())


def joined(folded, keep_first_letter=False):
    """Separators inside a word vanish and spread-out letters join: "l.o.s.e.r", "l o s e r" -> "loser".
    With keep_first_letter, a run's first letter stays a word of its own ("a l o s e r" -> "a loser")."""
    text = re.sub(rf"(?<=\w)(?:{_SEPARATOR})+(?=\w)", "", folded)
    text = " ".join(re.sub(_SEPARATOR, " ", text).split())

    def join_run(match):
        letters = match.group(0).split()
        if keep_first_letter:
            return letters[0] + " " + "".join(letters[1:])
        return "".join(letters)

    return _SINGLE_LETTER_RUN.sub(join_run, text)


def _pattern(words, form):
    variants = sorted({form(fold(word)) for word in words if word.strip()}, key=len, reverse=True)
    if not variants:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(variant) for variant in variants) + r")(?!\w)")


_NAME_MARKERS = re.compile(r"@\w+|(?<!\w)[1-7]\s?[a-hA-H](?!\w)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?…\n]+")


def names_someone(text, language_code):
    """True when the text names a person: an @handle, a class ("2B"), or a
    capitalised word that is not an ordinary way to start a sentence."""
    text = _visible(text)
    if _NAME_MARKERS.search(text):
        return True
    starters = set(SENTENCE_STARTERS.get(language_code, [])) | set(SENTENCE_STARTERS["en"])
    for sentence in _SENTENCE_END.split(text):
        for position, word in enumerate(_WORD.findall(sentence)):
            if not word[0].isupper() or (len(word) > 1 and word.isupper()):
                continue
            if position == 0 and _without_accents(word.casefold()).strip("'’-") in starters:
                continue
            if word == "I":
                continue
            return True
    return False


@dataclass(frozen=True)
class WordFilter:
    """The compiled lists of one language (plus English)."""

    abusive: tuple
    sexual: tuple
    language_code: str

    @classmethod
    def from_words(cls, language_code, abusive_words, sexual_words):
        def patterns(words):
            return tuple(p for p in (_pattern(words, spaced), _pattern(words, joined)) if p)

        return cls(patterns(abusive_words), patterns(sexual_words), language_code)

    def _matches(self, patterns, text):
        folded = fold(text)
        forms = (spaced(folded), joined(folded), joined(folded, keep_first_letter=True))
        return any(pattern.search(form) for pattern in patterns for form in forms)

    def reason_to_hold(self, text):
        """Why the message must be held, or None."""
        if self._matches(self.abusive, text):
            return HOLD_ABUSIVE
        if self._matches(self.sexual, text) and names_someone(text, self.language_code):
            return HOLD_NAMES_SOMEONE
        return None


HOLD_ABUSIVE = "abusive"
HOLD_NAMES_SOMEONE = "names_someone"
