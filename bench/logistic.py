"""What the crisis classifiers' training scripts share: the fit and the threshold rule.

Both classifiers (`train_triage.py` on sentence embeddings, `train_chargrams.py` on hashed
n-grams) are class-balanced logistic regressions fitted by full-batch Adam, and both take
the lowest threshold whose out-of-fold false alarms stay within two budgets.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]


def training_arguments(description: str, out: Path, plain_alarms: float,
                       scary_alarms: float) -> argparse.ArgumentParser:
    """The options both trainers take: folds, the two alarm budgets, and where to write."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--plain-alarms", type=float, default=plain_alarms,
                        help="out-of-fold alarms allowed on ordinary questions")
    parser.add_argument("--scary-alarms", type=float, default=scary_alarms,
                        help="out-of-fold alarms allowed on calm messages with scary words")
    parser.add_argument("--out", type=Path, default=out)
    return parser


def fit_logistic(dot: Callable[[Floats], Floats], t_dot: Callable[[Floats], Floats],
                 size: int, y: Floats, l2: float, steps: int = 1500) -> tuple[Floats, float]:
    """Weights and bias for rows the caller multiplies: `dot(w)` is X·w, `t_dot(e)` Xᵀ·e."""
    weight = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    w, b = np.zeros(size), 0.0
    m, v, mb, vb = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, steps + 1):
        p = 1.0 / (1.0 + np.exp(-(dot(w) + b)))
        error = (p - y) * weight / len(y)
        gw, gb = t_dot(error) + l2 * w, float(error.sum())
        m, v = beta1 * m + (1 - beta1) * gw, beta2 * v + (1 - beta2) * gw * gw
        mb, vb = beta1 * mb + (1 - beta1) * gb, beta2 * vb + (1 - beta2) * gb * gb
        correction = np.sqrt(1 - beta2**step) / (1 - beta1**step)
        w -= rate * correction * m / (np.sqrt(v) + 1e-8)
        b -= rate * correction * mb / (np.sqrt(vb) + 1e-8)
    return w, b


def within_budgets(hits: Mask, labels: Floats, plain: Mask, plain_alarms: float,
                   scary_alarms: float) -> bool:
    """At most `plain_alarms` of the plain calm items (ordinary questions) and `scary_alarms`
    of the other calm items (scary words) alarmed."""
    return bool(hits[plain & (labels == 0)].mean() <= plain_alarms
                and hits[~plain & (labels == 0)].mean() <= scary_alarms)


def lowest_threshold(out_of_fold: Floats, labels: Floats, plain: Mask, plain_alarms: float,
                     scary_alarms: float) -> float:
    """The most recall the budgets allow: the lowest threshold `within_budgets`; 0.999 if
    none is."""
    for candidate in np.arange(0.05, 1.0, 0.005):
        if within_budgets(out_of_fold >= candidate, labels, plain, plain_alarms, scary_alarms):
            return float(candidate)
    return 0.999
