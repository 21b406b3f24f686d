"""What triage adds to a message: patterns alone, and patterns plus the classifiers.

Prints figures; asserts nothing. Target: triage adds <= 5 ms p50 per message. The
classifier's cost is nearly all the sentence encoding; with the encoder's cache (the
semantic ranker encodes the same text), a one-sentence message is encoded once for both,
so the figure "with a warm encoder" is what triage adds on top of matching (the bot's
RecentEncoder, which the ranker and triage share).

    python bench/bench_triage.py [--questions 300]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml
from timing import report, time_each

from bot.core.safety.triage import Triager
from bot.matching.embedding import MiniLMEncoder, RecentEncoder

PROJECT_ROOT = Path(__file__).resolve().parent.parent
"""The checkout: eval sets and the training corpus live here, not in the package."""

SETS = [PROJECT_ROOT / "tests" / "eval" / "dev.yaml",
        PROJECT_ROOT / "tests" / "core" / "safety" / "crisis_train.yaml"]
MULTILINGUAL = PROJECT_ROOT / "tests" / "core" / "safety" / "crisis_train_multilingual.yaml"


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
    report("patterns alone", time_each(patterns.triage, messages))
    report("patterns alone, 5,000-character messages", time_each(patterns.triage, long))

    encoder = MiniLMEncoder()
    cold = Triager(encoder)
    cold.triage("warm up")
    report("patterns + classifier, cold encoder", time_each(cold.triage, messages))
    # Calm English questions: every one reaches the classifier, the slowest path.
    calm = [str(i["q"]) for i in yaml.safe_load(SETS[0].read_text(encoding="utf-8"))
            if i.get("expect") != ["SAFETY"]][: args.questions]
    report("calm English questions, cold encoder", time_each(cold.triage, calm))
    remembering = RecentEncoder(encoder, size=len(calm) + 1)
    warm = Triager(remembering)
    remembering.encode([" ".join(m.split()) for m in calm])  # what the ranker encoded
    report("calm English questions, warm encoder cache", time_each(warm.triage, calm))
    # Calm questions in the other eight languages reach the character n-gram classifier.
    others = [str(i["text"]) for i in yaml.safe_load(MULTILINGUAL.read_text(encoding="utf-8"))
              if i["label"] == "calm"][:: 4][: args.questions]
    report("calm questions, other languages (n-grams)", time_each(cold.triage, others))


if __name__ == "__main__":
    main()
