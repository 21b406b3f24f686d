"""What a crisis phrase finder reports, whichever list it searched.

The English patterns (`safety.py`) and the nine languages' phrase lists (`lexicon.py`) find
the same thing, a crisis told in words, so triage reads one type from both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hit:
    """A pattern or phrase that fired: its name (an English pattern's, or the list's kind),
    the words matched, where they start in the text searched, whether risk talk may calm
    it (`weak`), and the language of the list."""

    name: str
    matched: str
    start: int = 0
    weak: bool = False
    lang: str = "en"
