"""The ranking seam: a question in, the entries ranked with their evidence out.

Every ranker (lexical, semantic, the fused hybrid) speaks this protocol, so the router,
the responder, `ask --explain` and the fitting scripts work with any of them, and a ranker
can be swapped or added without touching those.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.content.knowledge import Entry, KnowledgeBase
from bot.matching.thresholds import Thresholds


@dataclass(frozen=True, slots=True)
class Analysis:
    """A question as the lexical ranker sees it, kept for `ask --explain`."""

    normalized: str
    tokens: tuple[str, ...]
    corrections: tuple[tuple[str, str], ...]
    unknown: tuple[str, ...]
    names: tuple[str, ...] = ()
    """Unknown words that are no English word either ("dihexa", "ozempic"): most likely the
    name of something the knowledge base never mentions."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry's score for one question (P(right), in [0, 1]) and what led to it."""

    entry: Entry
    score: float
    phrase: str
    lacking: tuple[str, ...] = ()
    """Words of the question that only other entries use ("semax" for side effects)."""
    evidence: tuple[tuple[str, float], ...] = ()
    """Named figures behind the score (lexical P, cosine, ranks...), for `ask --explain`."""


@dataclass(frozen=True, slots=True)
class Ranking:
    """The ranked entries for one question, best first."""

    analysis: Analysis
    candidates: tuple[Candidate, ...]
    help_similarity: float = 0.0
    """How close the question is to a question about the bot itself (0 when unknown)."""


class Ranker(Protocol):
    """Ranks one knowledge base's entries; built once per knowledge base, never mutated."""

    @property
    def kb(self) -> KnowledgeBase: ...

    @property
    def limits(self) -> Thresholds:
        """The routing thresholds fitted for this ranker's scores."""

    def rank(self, question: str, limit: int = 5) -> Ranking: ...

    def complete(self, text: str, limit: int) -> list[Entry]: ...
