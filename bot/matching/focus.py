"""The question of a long post: the sentences that ask, without the backstory around them.

A long post buries its question among sentences about the writer's week, job and past
medicines. Every word of those counts against a lexical match (words no entry uses, a
subject another entry names), so the lexical ranker reads the asking sentences alone; the
semantic ranker still compares the whole message and each of its sentences.
"""

from __future__ import annotations

import re
from typing import Final

from bot.matching.normalize import SENTENCE_BREAK

FOCUS_WORDS: Final = 40
"""Shorter messages are read whole: a question of a few sentences is all question."""
_ASKS = re.compile(
    r"\?\s*\W*$|^\W*(so |but |and |also |anyway |basically |my question is:? |question:? )?"
    r"(what|whats|what's|how|is|are|can|could|does|do|did|should|would|will|why|which|when|"
    r"where|any|anyone|has|have|was|were|wondering|i wonder|i want to know|i'd like to know|"
    r"please tell|tell me|is there|are there)\b",
    re.IGNORECASE,
)


def question_of(text: str) -> str:
    """The asking sentences of a long message, joined; the message itself when it is short
    or no sentence asks."""
    asking = asking_sentences(text)
    return " ".join(asking) if asking else text


def asking_sentences(text: str) -> list[str]:
    """The sentences of a long message that ask; none when it is short or none asks."""
    if len(text.split()) <= FOCUS_WORDS:
        return []
    return [s.strip() for s in SENTENCE_BREAK.split(text) if s.strip() and _ASKS.search(s.strip())]
