"""Folds text so phrase lists match however people type: case, accents, apostrophes, repeats.

People in crisis do not type carefully: "no puedo mas" for "no puedo más", "ya hochu
umeret" for "я хочу умереть", "maaas" for "más". Phrase lists and messages both go
through `fold` (and, for Russian and Ukrainian typed in Latin letters, `skeleton`), so a
phrase is written once and found in all its spellings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"['\u2019\u2018`\u00b4\u02bc]")
_NON_WORD = re.compile(r"[^\w]+")
_REPEATS = re.compile(r"(\w)\1{2,}")
_EXTRA = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i"})

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
# Latin spellings of one Cyrillic letter differ from writer to writer (kh/h/x, ya/ja/ia):
# each group is squashed to one letter, so every spelling gives the same skeleton.
_SKELETON = (
    ("shch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("kh", "h"), ("zh", "z"),
    ("ts", "c"), ("x", "h"), ("g", "h"), ("w", "v"), ("q", "k"),
    ("yu", "u"), ("ju", "u"), ("iu", "u"), ("ya", "a"), ("ja", "a"), ("ia", "a"),
    ("yo", "o"), ("jo", "o"), ("ye", "e"), ("je", "e"), ("yi", "i"), ("ji", "i"),
    ("y", "i"), ("j", "i"),
)
_DOUBLES = re.compile(r"(\w)\1+")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lowercase words without accents or apostrophes, single-spaced (`No puedo MÁS` -> ...)."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA))
    # Combining marks go (é -> e, ё -> е, ї -> і), except the breve that makes й.
    text = "".join(c for c in text if not unicodedata.combining(c) or c == "\u0306")
    text = unicodedata.normalize("NFC", text)
    text = _APOSTROPHES.sub("", text)
    text = _REPEATS.sub(r"\1", text)
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


def transliterate(text: str) -> str:
    """Cyrillic letters spelled in Latin ones (one common scheme); other letters unchanged."""
    return "".join(_CYRILLIC.get(c, c) for c in text)


@lru_cache(maxsize=8192)
def skeleton(text: str) -> str:
    """A spelling-blind Latin form: `хочу умереть`, `hochu umeret` and `xochu umeret` agree."""
    text = transliterate(fold(text))
    for spelled, letter in _SKELETON:
        text = text.replace(spelled, letter)
    return _DOUBLES.sub(r"\1", text)


def has_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)
