"""Fits the routing thresholds on the dev set (never the holdout set) and prints the best.

The matcher ranks each question once; the search then replays only the routing decision
for every threshold combination. A combination qualifies when wrong answers and answered
out-of-scope questions stay under the caps; among those, the best top-1 accuracy wins,
then the most questions answered outright.

    python bench/fit_thresholds.py [--faq data/faq.yaml] [tests/eval/dev.yaml]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import replace
from pathlib import Path

from bot.evaluation import Item, Outcome, Report, load_items
from bot.loader import load_knowledge_base
from bot.normalize import clean, normalize
from bot.paths import BUNDLED_FAQ, PROJECT_ROOT
from bot.reply import Status
from bot.responder import Responder
from bot.router import Route, by_score, route
from bot.thresholds import DEFAULT, Thresholds

WRONG_CAP = 0.005
OUT_OF_SCOPE_CAP = 0.01
OFFERING = (Status.ANSWER, Status.SUGGEST)


def grid(start: float, stop: float, step: float) -> list[float]:
    count = round((stop - start) / step) + 1
    return [round(start + i * step, 3) for i in range(count)]


def replay(decisions: list[tuple[Item, Route]], limits: Thresholds) -> Report:
    """Route every ranked question again under `limits`, without ranking it again."""
    report = Report()
    for item, decision in decisions:
        if decision.analysis is not None:
            decision = by_score(decision.analysis, decision.candidates, limits)
        best = decision.best
        shown = best.entry.id if best and decision.status in OFFERING else None
        answered = shown if decision.status is Status.ANSWER else None
        report.outcomes.append(
            Outcome(item, decision.status, answered, shown, best.score if best else 0.0)
        )
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev", nargs="?", type=Path, default=PROJECT_ROOT / "tests/eval/dev.yaml")
    parser.add_argument("--faq", type=Path, default=BUNDLED_FAQ)
    args = parser.parse_args()
    path = args.dev
    if "holdout" in path.name:
        sys.exit("Refusing to fit on the holdout set: it must stay unseen.")
    responder = Responder(load_knowledge_base(args.faq))
    items = load_items(path)
    decisions = []
    for item in items:
        text, _ = clean(item.question)
        decisions.append((item, route(normalize(text), responder.matcher, text)))
    results = []
    for answer, margin, suggest in itertools.product(
        grid(0.30, 0.80, 0.01), grid(0.0, 0.20, 0.01), grid(0.20, 0.60, 0.02)
    ):
        if suggest > answer:
            continue
        limits = replace(DEFAULT, answer_min_score=answer, answer_min_margin=margin,
                         suggest_min_score=suggest)
        metrics = replay(decisions, limits).metrics()
        if (metrics["wrong_answer_rate"] <= WRONG_CAP
                and metrics["out_of_scope_answered"] <= OUT_OF_SCOPE_CAP):
            results.append((metrics["top1_accuracy"], metrics["answered_correctly"],
                            -answer, limits, metrics))
    if not results:
        sys.exit("No thresholds keep wrong and out-of-scope answers under the caps.")
    results.sort(key=lambda r: r[:3], reverse=True)
    *_, limits, metrics = results[0]
    print(f"Fitted on {path} ({len(items)} items)")
    print(f"  answer_min_score={limits.answer_min_score}, "
          f"answer_min_margin={limits.answer_min_margin}, "
          f"suggest_min_score={limits.suggest_min_score}")
    for name, value in metrics.items():
        print(f"  {name:<24}{value:.1%}" if isinstance(value, float) else f"  {name:<24}{value}")
    current = replay(decisions, DEFAULT).metrics()
    print(f"Current DEFAULT: top1 {current['top1_accuracy']:.1%}, "
          f"wrong {current['wrong_answer_rate']:.1%}, "
          f"out-of-scope answered {current['out_of_scope_answered']:.1%}")


if __name__ == "__main__":
    main()
