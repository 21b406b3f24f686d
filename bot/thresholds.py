"""Every number that decides a route, in one place.

Fitted on `tests/eval/dev.yaml` with `bench/fit_thresholds.py` (never on the holdout set):
the search keeps wrong answers and out-of-scope answers rare first, then maximizes top-1
accuracy. Refit after large knowledge base edits and write the new values here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Thresholds:
    answer_min_score: float
    """Below this the best entry is never given as an answer."""

    answer_min_margin: float
    """The best entry must lead the runner-up by this much to be answered outright."""

    suggest_min_score: float
    """From here up to an answer, the close candidates are offered as "did you mean"."""

    suggest_window: float = 0.10
    """Candidates within this distance of the best one are offered alongside it."""

    max_suggestions: int = 3
    """A "did you mean" offers at most this many entries."""

    pointer_min_score: float = 0.25
    """Under an "I don't know", entries from this score up are named as the closest topics."""


DEFAULT = Thresholds(answer_min_score=0.55, answer_min_margin=0.06, suggest_min_score=0.40)
