"""What triage adds to a message: patterns alone, and patterns plus the classifier.

Prints figures; asserts nothing. Target: triage adds <= 5 ms p50 per message. The
classifier's cost is nearly all the sentence encoding; with the encoder's cache (the
semantic ranker encodes the same text), a one-sentence message is encoded once for both,
so the figure "with a warm encoder" is what triage adds on top of matching.

    python bench/bench_triage.py [--questions 300]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import yaml

from bot.core.safety.triage import Triager
from bot.matching.embedding import Matrix, MiniLMEncoder

PROJECT_ROOT = Path(__file__).resolve().parent.parent
"""The checkout: eval sets and the training corpus live here, not in the package."""

SETS = [PROJECT_ROOT / "tests" / "eval" / "dev.yaml", PROJECT_ROOT / "tests" / "bot"
        / "crisis_train.yaml"]


class _Remembering:
    """The encoder with a dict in front: what the lead's LRU cache will make of it."""

    name = MiniLMEncoder.name

    def __init__(self, encoder: MiniLMEncoder) -> None:
        self._encoder = encoder
        self._seen: dict[str, Matrix] = {}

    def encode(self, texts: Sequence[str]) -> Matrix:
        missing = [t for t in texts if t not in self._seen]
        if missing:
            for text, row in zip(missing, self._encoder.encode(missing), strict=True):
                self._seen[text] = row
        return np.stack([self._seen[t] for t in texts]) if texts else self._encoder.encode([])


def timed(call: Callable[[str], object], messages: Sequence[str]) -> list[float]:
    samples = []
    for message in messages:
        start = time.perf_counter()
        call(message)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def show(label: str, samples: Sequence[float]) -> None:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    print(f"  {label:<44} p50 {statistics.median(samples):7.2f} ms   p99 {p99:7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=300)
    args = parser.parse_args()
    messages: list[str] = []
    for path in SETS:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            messages.append(str(item.get("q") or item.get("text")))
    messages = messages[:: max(1, len(messages) // args.questions)][: args.questions]
    long = ["what is selank used for? " * 200 + "i swallowed 30 pills"] * 20

    print(f"Triage of {len(messages)} messages (eval questions and the crisis corpus)")
    patterns = Triager()
    patterns.triage("warm up")
    show("patterns alone", timed(patterns.triage, messages))
    show("patterns alone, 5,000-character messages", timed(patterns.triage, long))

    encoder = MiniLMEncoder()
    cold = Triager(encoder)
    cold.triage("warm up")
    show("patterns + classifier, cold encoder", timed(cold.triage, messages))
    # Calm English questions: every one reaches the classifier, the slowest path.
    calm = [str(i["q"]) for i in yaml.safe_load(SETS[0].read_text(encoding="utf-8"))
            if i.get("expect") != ["SAFETY"]][: args.questions]
    show("calm English questions, cold encoder", timed(cold.triage, calm))
    remembering = _Remembering(encoder)
    warm = Triager(remembering)
    remembering.encode([" ".join(m.split()) for m in calm])  # what the ranker encoded
    show("calm English questions, warm encoder cache", timed(warm.triage, calm))


if __name__ == "__main__":
    main()
