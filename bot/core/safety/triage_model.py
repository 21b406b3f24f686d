"""The crisis classifier: logistic regression on sentence embeddings, weights as package data.

Trained by `bench/train_triage.py` on `tests/core/safety/crisis_train.yaml`; its threshold was
chosen for recall on cross-validation folds the model had not seen. numpy only, so a
prediction is one dot product once the sentence is encoded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

MODEL_PATH = Path(__file__).with_name("triage_model.npz")


@dataclass(frozen=True)
class CrisisClassifier:
    """P(crisis | sentence embedding) = sigmoid(x . weights + bias)."""

    weights: npt.NDArray[np.float32]
    bias: float
    threshold: float
    encoder_name: str

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CrisisClassifier:
        with np.load(path, allow_pickle=False) as data:
            return cls(
                weights=np.asarray(data["weights"], dtype=np.float32),
                bias=float(data["bias"]),
                threshold=float(data["threshold"]),
                encoder_name=str(data["encoder"]),
            )

    def save(self, path: Path) -> None:
        np.savez(path, weights=self.weights, bias=np.float32(self.bias),
                 threshold=np.float32(self.threshold), encoder=np.str_(self.encoder_name))

    def probabilities(self, vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
        """One probability per row of `vectors` (unit sentence embeddings)."""
        logits = vectors.astype(np.float64) @ self.weights.astype(np.float64) + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30))), dtype=np.float64)
