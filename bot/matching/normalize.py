"""Turns what people type into comparable tokens: the same text always gives the same tokens.

Chat text arrives with typos, contractions and shorthand (each adapter has already taken
out its platform's markup); the knowledge base is written in full words.
Both sides go through the same steps so they meet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

import Stemmer

INPUT_CAP = 1000
"""Characters of a question that are matched; longer input is cut here and the reply says so."""
SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+")
"""Where one sentence of a message ends and the next begins, for the rankers that read a
long message sentence by sentence (`semantic.py`, `focus.py`)."""

# Broadcast words, whatever the platform: never matched, never echoed as a ping.
_MARKUP = re.compile(r"@everyone\b|@here\b|@channel\b")
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]"
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_CONTRACTIONS = (
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bain't\b"), "is not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"\b(it|what|that|there|how|who|where|when|why|he|she)'s\b"), r"\1 is"),
    (re.compile(r"'s\b"), ""),
)
_NON_WORD = re.compile(r"[^\w]+")
_SHORTHAND = {
    "u": "you", "ur": "your", "r": "are", "y": "why", "pls": "please", "plz": "please",
    "thx": "thanks", "w": "with", "wo": "without", "b4": "before", "idk": "i do not know",
    "im": "i am", "dont": "do not", "doesnt": "does not", "cant": "can not", "wont": "will not",
    "isnt": "is not", "whats": "what is", "hows": "how is", "gonna": "going to",
    "wanna": "want to", "gotta": "got to", "abt": "about", "bc": "because", "cuz": "because",
    "coz": "because", "smth": "something", "tho": "though", "ppl": "people", "rn": "right now",
}
_STEMMER = Stemmer.Stemmer("english")


def strip_markup(text: str) -> str:
    """The whole text without broadcast words or control characters, line breaks kept.

    Triage reads this, uncut: a crisis sentence after the first 1,000 characters counts.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", text)
    text = _MARKUP.sub(" ", text)
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def clean(text: str) -> tuple[str, bool]:
    """Strip broadcast words and control characters and apply the input cap.

    Returns the cleaned text and whether it was cut, so the reply can say so.
    """
    text = unicodedata.normalize("NFKC", text)
    cut = len(text) > INPUT_CAP
    text = text[:INPUT_CAP]
    text = _CONTROL.sub(" ", text)
    text = _MARKUP.sub(" ", text)
    return " ".join(text.split()), cut


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Lowercased words separated by single spaces, contractions and shorthand spelled out."""
    text, _ = clean(text)
    text = text.casefold().translate(_APOSTROPHES)
    text = text.replace("w/o", " without ").replace("w/", " with ")
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    words = _NON_WORD.sub(" ", text).replace("_", " ").split()
    return " ".join(_SHORTHAND.get(word, word) for word in words)


def stem(word: str) -> str:
    """The word's Snowball stem, so `sleeping`, `sleeps` and `sleep` count as one word."""
    return str(_STEMMER.stemWord(word))


def apply_synonyms(words: list[str], synonyms: Mapping[str, str], longest: int) -> list[str]:
    """Replace each variant (a word or a phrase of up to `longest` words) by its canonical form.

    The longest phrase wins at each position, so `sub q` becomes `subcutaneous` before `q` is
    looked at alone.
    """
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            canonical = synonyms.get(phrase)
            if canonical is not None:
                out.extend(canonical.split())
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out
