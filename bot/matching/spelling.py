"""Corrects misspellings toward the knowledge base's own words, and nothing else.

A word is corrected only when it is neither a word the knowledge base uses nor an English
word: "selnak" becomes "selank", but "patent" never becomes "patient" and "fielding"
never becomes "feeling". Real words the knowledge base lacks stay as they are, because
they are what an out-of-scope question is made of.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from english_words import get_english_words_set
from rapidfuzz import process
from rapidfuzz.distance import OSA

_SUFFIXES = ("ing", "ed", "es", "s", "ly", "er", "est", "ness", "ment", "ies")


@cache
def english_words() -> frozenset[str]:
    """Two public word lists together: web2 for breadth, gcide for inflected forms."""
    return frozenset(get_english_words_set(["web2", "gcide"], lower=True, alpha=True))


def is_english(word: str) -> bool:
    """True for a dictionary word, or one made from it by a common ending (`dosing`)."""
    words = english_words()
    if word in words:
        return True
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if base in words or base + "e" in words or (suffix == "ies" and base + "y" in words):
                return True
    return False


class Speller:
    """Maps misspelled words to the closest word of a fixed vocabulary."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._vocabulary = sorted(set(vocabulary))
        self._known = frozenset(self._vocabulary)
        english_words()  # read the word list at start-up, not on someone's first question

    def correct(self, word: str) -> str:
        """The vocabulary word a misspelling most likely meant, or the word itself.

        Words under five letters are left alone, as are digits, known words and English
        words. One edit is allowed (a swap of two neighbours counts as one), two from
        eight letters, or when the letters are only shuffled (`slenak`).
        """
        if len(word) < 5 or word.isdigit() or word in self._known or is_english(word):
            return word
        match = process.extractOne(word, self._vocabulary, scorer=OSA.distance, score_cutoff=2)
        if match is None:
            return word
        known, distance = str(match[0]), int(match[1])
        if distance <= 1 or len(word) >= 8 or sorted(known) == sorted(word):
            return known
        return word
