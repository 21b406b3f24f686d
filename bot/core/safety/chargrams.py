"""The crisis classifier for the eight languages the English encoder cannot read.

Logistic regression on hashed character n-grams of the folded text: n-grams see inside
words, so "вистрибне", "vistribne" and "выпрыгну" share evidence, and a declension or a
typo changes a few features, not the whole word. Phrase lists (`lexicon.py`) still come
first; this catches the ways of saying it that no list names. Trained by
`bench/train_chargrams.py`; numpy only, and the weights ship as package data.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

from bot.core.safety.folding import fold

MODEL_PATH: Final = Path(__file__).with_name("chargram_model.npz")
BUCKETS: Final = 1 << 18
"""Hashed feature slots: few enough to ship (1 MiB), many enough that collisions are rare."""
SIZES: Final = (3, 4, 5)
"""The n-gram lengths read, across word boundaries (a space marks each one); whole words
are features too."""

Indices = npt.NDArray[np.int64]


def features(text: str) -> Indices:
    """The distinct hashed n-grams and words of `text`, folded (lowercase, no accents)."""
    words = fold(text)
    folded = f" {words} "
    grams = {folded[i:i + n] for n in SIZES for i in range(len(folded) - n + 1)}
    grams |= {f"word:{word}" for word in words.split()}
    return np.unique(np.fromiter((zlib.crc32(g.encode()) % BUCKETS for g in grams),
                                 dtype=np.int64, count=len(grams)))


@dataclass(frozen=True)
class CharGramClassifier:
    """P(crisis | text) = sigmoid(sum of its n-grams' weights / sqrt(how many) + bias)."""

    weights: npt.NDArray[np.float32]
    bias: float
    threshold: float
    languages: tuple[str, ...]
    """The languages it was trained for and is applied to."""
    statement_threshold: float | None = None
    """The bar for a message that tells rather than asks (`triage.tells_rather_than_asks`):
    ordinary messages ask about Selank, crises tell, so a statement needs less; None: the
    same bar as any message."""

    @property
    def bar_for_statements(self) -> float:
        """The bar a statement meets: its own when the model has one, else the usual."""
        return self.threshold if self.statement_threshold is None else self.statement_threshold

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CharGramClassifier:
        with np.load(path, allow_pickle=False) as data:
            statement = float(data["statement_threshold"]) if "statement_threshold" in data \
                else None
            return cls(weights=np.asarray(data["weights"], dtype=np.float32),
                       bias=float(data["bias"]), threshold=float(data["threshold"]),
                       languages=tuple(str(lang) for lang in data["languages"]),
                       statement_threshold=statement)

    def save(self, path: Path) -> None:
        np.savez_compressed(path, weights=self.weights, bias=np.float32(self.bias),
                            threshold=np.float32(self.threshold),
                            statement_threshold=np.float32(self.bar_for_statements),
                            languages=np.array(self.languages))

    def probability(self, text: str) -> float:
        """How likely `text` tells of someone in danger now."""
        found = features(text)
        if not len(found):
            return 0.0
        logit = float(self.weights[found].astype(np.float64).sum()) / np.sqrt(len(found))
        return float(1.0 / (1.0 + np.exp(-np.clip(logit + self.bias, -30, 30))))
