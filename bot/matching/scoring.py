"""Turns the matcher's evidence about one (question, entry) pair into a probability.

The evidence is a handful of features; a logistic model weighs them. Its weights are
fitted by `bench/fit_scorer.py` on the evaluation sets (never on the holdout set), so a
score of 0.8 means that, on questions like these, the entry was right about 80% of the
time. That is what lets the router say "I don't know" with a straight face.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FEATURES = (
    "dice",
    "coverage",
    "similarity",
    "keyword",
    "missing_rare",
    "unknown",
    "naive_bayes",
)
"""What each column of a feature row means:

- dice: weighted word overlap with the entry's closest phrase (question, alternate, keyword)
- coverage: share of the question's word weight found anywhere in the entry
- similarity: rapidfuzz character similarity with the closest phrase
- keyword: share of the question's word weight covered by one of the entry's keywords
- missing_rare: words of the question that few entries use and this entry lacks ("semax")
- unknown: share of the question's word weight in content words no entry uses ("price")
- naive_bayes: P(entry | the question's words) among the shortlist, from word counts
"""

Vector = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class ScoringModel:
    """A logistic model: one weight per feature and a bias."""

    weights: tuple[float, ...]
    bias: float

    def probability(self, features: Vector) -> Vector:
        """P(right) for each row of `features`."""
        logits = features @ np.asarray(self.weights) + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-logits)), dtype=np.float64)


MODEL = ScoringModel(
    weights=(3.2075, 2.144, 0.9199, 4.4213, -0.7246, -0.8708, 5.4181),
    bias=-7.3949,
)
"""Fitted by bench/fit_scorer.py; paste its output here after refitting."""

