"""Every number that decides a route, in one place.

Fitted by `bench/fit_scorer.py` on `tests/eval/dev.yaml` and `tests/eval/tuning.yaml`,
never on the holdout set: the search keeps wrong answers and out-of-scope answers rare
first, then maximizes top-1 accuracy. Scores are probabilities (bot/scoring.py), so the
numbers mean what they say. Refit after large knowledge base edits and paste the values.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Thresholds:
    answer_min_score: float
    """The best entry is answered outright only when it is at least this likely right."""

    answer_min_margin: float
    """...and leads the runner-up by at least this much."""

    suggest_min_score: float
    """Below an answer, the best entries from this score up are offered as "did you mean"."""

    max_suggestions: int = 3
    """A "did you mean", or an "I don't know" naming the closest topics, shows at most this many."""

    pointer_min_score: float = 0.03
    """Under an "I don't know", entries from this score up are named as the closest topics."""


DEFAULT = Thresholds(answer_min_score=0.95, answer_min_margin=0.0, suggest_min_score=0.07)
