"""Holds back abusive words from the anonymous question box, per language.

Held messages never reach the projector and stay folded away in the teacher's
queue until the teacher chooses to read them. The lists are deliberately short
and blunt (insults, slurs, sexual slurs, telling someone to die); a teacher can
still approve a held message that was only a false alarm."""

import re
import unicodedata

WORDS = {
    "en": ["idiot", "stupid", "retard", "retarded", "slut", "whore", "hoe", "bitch", "fag", "faggot", "dyke",
           "fuck", "fucking", "cunt", "dick", "pussy", "loser", "ugly", "fatso", "kill yourself", "kys",
           "go die", "nobody likes you"],
    "fr": ["pute", "salope", "connard", "connasse", "conne", "pd", "pédé", "enculé", "nique", "ta gueule",
           "crève", "suicide-toi", "gros porc", "grosse vache", "moche", "débile", "bouffon", "tapette"],
    "nl": ["hoer", "slet", "kanker", "mongool", "flikker", "klootzak", "kut", "trut", "sukkel", "debiel",
           "lelijk", "dikzak", "sterf", "ga dood", "niemand mag jou"],
    "de": ["hure", "schlampe", "schwuchtel", "missgeburt", "fotze", "wichser", "arschloch", "spast", "behindert",
           "hässlich", "fettsack", "stirb", "bring dich um", "niemand mag dich"],
}

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})


def _fold(text):
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LEET)
    return re.sub(r"[^\w\s'-]", " ", text)


def _pattern(words):
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(_fold(word)) for word in words) + r")(?!\w)")


PATTERNS = {code: _pattern(words) for code, words in WORDS.items()}


def is_abusive(text, language_code):
    """True when the text holds a word from its language's list (or from English, which pupils mix in)."""
    folded = _fold(text)
    codes = {language_code, "en"}
    return any(PATTERNS[code].search(folded) for code in codes if code in PATTERNS)
