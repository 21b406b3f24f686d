"""Every number that decides a route, in one place.

Each ranker has its own, fitted for its scores. `bench/fit_scorer.py` fits the hybrid's
on the dev sets out of fold (never on the blind sets): wrong answers and out-of-scope
answers stay under their caps first, then the most questions are answered right. Scores
are probabilities, so the numbers mean what they say. Refit after large knowledge base
edits and paste the values.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Thresholds:
    answer_min_score: float
    """The best entry is answered outright only when it is at least this likely right."""

    answer_min_margin: float
    """...and leads the runner-up by at least this much (0.0: the score alone decides)."""

    suggest_min_score: float
    """Below an answer, the best entries from this score up are offered as "did you mean"."""

    max_suggestions: int = 3
    """A "did you mean", or an "I don't know" naming the closest topics, shows at most this many."""

    pointer_min_score: float = 0.03
    """Under an "I don't know", entries from this score up are named as the closest topics."""

    help_min_similarity: float = 2.0
    """A question this close (cosine) to a question about the bot, and closer to it than to
    any entry, gets the help reply ("what sort of stuff are you good for"). Above 1 it is off:
    the lexical ranker alone measures no such similarity."""


LEXICAL = Thresholds(answer_min_score=0.95, answer_min_margin=0.0, suggest_min_score=0.07)
"""For MATCHER=lexical: fitted on dev and tuning before the semantic ranker existed.

Its `answer_min_margin` of 0.0 is the fit's, kept on purpose: the lexical scores are
already calibrated P(right), and the fit found no margin that helped. With candidates best
first the margin is never negative, so for this ranker the margin rule never decides a
route; the score alone does (router rule 9). The fused ranker's fit chose one (0.2).
"""

HYBRID = Thresholds(answer_min_score=0.77, answer_min_margin=0.2, suggest_min_score=0.02,
                    help_min_similarity=0.62)
"""For the fused ranker (the default): fitted by bench/fit_scorer.py out of fold. The margin
rule is on (0.2): with matching sets E and F in the fit, a best entry within 0.2 of the
runner-up is offered beside it rather than asserted, and that answers more strangers'
questions right within the caps than a margin of 0.0, 0.1 or 0.3 does."""
