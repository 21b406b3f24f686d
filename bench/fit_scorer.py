"""Fits the scoring model and the routing thresholds on the evaluation sets, never holdout.

Step 1: every (question, shortlisted entry) pair becomes a feature row (bot/scoring.py),
labelled 1 when the entry is a right answer; a logistic regression with a little L2
regularization learns the weights. Step 2: with those scores, a grid search replays the
routing decision for every threshold combination: wrong answers and answered
out-of-scope questions must stay under the caps; among the combinations that qualify,
the best top-1 accuracy wins (with a small bonus for out-of-scope questions declined
outright rather than met with "did you mean"), then the most questions answered outright.

Prints the constants to paste into bot/scoring.py and bot/thresholds.py.

    python bench/fit_scorer.py [--faq data/faq.yaml] [SET ...]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from bot.evaluation import Item, Outcome, Report, load_items
from bot.knowledge import KnowledgeBase
from bot.loader import load_knowledge_base
from bot.matcher import Evidence, Matcher, Ranking
from bot.normalize import clean, normalize
from bot.paths import bundled_faq
from bot.reply import Status
from bot.router import Route, by_score, route
from bot.scoring import FEATURES, ScoringModel
from bot.thresholds import DEFAULT, Thresholds

PROJECT_ROOT = Path(__file__).resolve().parent.parent  # the checkout: eval sets, docs

SETS = [PROJECT_ROOT / "tests/eval/dev.yaml", PROJECT_ROOT / "tests/eval/tuning.yaml"]
WRONG_CAP = 0.005
OUT_OF_SCOPE_CAP = 0.01
L2 = 1.0
DECLINE_BONUS = 0.05
"""Worth of an out-of-scope question told "I don't know" rather than offered entries,
against top-1 accuracy: a point of top-1 for 20 points of honest declines."""
OFFERING = (Status.ANSWER, Status.SUGGEST)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> ScoringModel:
    """Newton's method on the L2-regularized log loss; the bias is not regularized."""
    design = np.hstack([x, np.ones((len(x), 1))])
    penalty = np.eye(design.shape[1]) * l2
    penalty[-1, -1] = 0.0
    theta = np.zeros(design.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ theta))
        gradient = design.T @ (p - y) + penalty @ theta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if np.abs(step).max() < 1e-8:
            break
    return ScoringModel(weights=tuple(round(float(w), 4) for w in theta[:-1]),
                        bias=round(float(theta[-1]), 4))


def scoped(matcher: Matcher, items: list[Item]) -> list[tuple[Item, Evidence]]:
    """In-scope and out-of-scope items with their evidence: the ones matching decides."""
    return [(item, matcher.evidence(clean(item.question)[0])) for item in items
            if item.kind in ("in_scope", "out_of_scope")]


def ranking_rows(kb: KnowledgeBase, found: list[tuple[Item, Evidence]]
                 ) -> tuple[np.ndarray, np.ndarray]:
    """One row per (question, shortlisted entry), labelled 1 when the entry is right."""
    rows, labels = [], []
    for item, evidence in found:
        for entry_index, row in zip(evidence.entries, evidence.features, strict=True):
            rows.append(row)
            labels.append(float(kb.entries[entry_index].id in item.expect))
    return np.asarray(rows), np.asarray(labels)


Decision = tuple[Item, Route, Ranking | None]


def replay(decisions: list[Decision], limits: Thresholds) -> Report:
    """Route every ranked question again under `limits`, without ranking it again.

    Routing from the full ranking, not from the candidates a first route kept: a "did you
    mean" keeps only a few, and the margin to the runner-up must not depend on that.
    """
    report = Report()
    for item, decision, ranking in decisions:
        if ranking is not None:
            decision = by_score(ranking, limits)
        best = decision.best
        shown = best.entry.id if best and decision.status in OFFERING else None
        answered = shown if decision.status is Status.ANSWER else None
        report.outcomes.append(
            Outcome(item, decision.status, answered, shown, best.score if best else 0.0)
        )
    return report


Metrics = dict[str, float | int]


def fit_thresholds(matcher: Matcher, items: list[Item]) -> tuple[Thresholds, Metrics]:
    decisions: list[Decision] = []
    for item in items:
        text, _ = clean(item.question)
        decision = route(normalize(text), matcher, text)
        matched = decision.analysis is not None  # not safety, help or a command
        decisions.append((item, decision, matcher.rank(text) if matched else None))
    best: tuple[tuple[float, float, float], Thresholds, Metrics] | None = None
    for answer, margin, suggest in itertools.product(
        np.arange(0.30, 1.0, 0.01), np.arange(0.0, 0.5, 0.05), np.arange(0.01, 0.3, 0.01)
    ):
        limits = replace(DEFAULT, answer_min_score=round(float(answer), 2),
                         answer_min_margin=round(float(margin), 2),
                         suggest_min_score=round(float(suggest), 2))
        metrics = replay(decisions, limits).metrics()
        if (metrics["wrong_answer_rate"] > WRONG_CAP
                or metrics["out_of_scope_answered"] > OUT_OF_SCOPE_CAP):
            continue
        key = (metrics["top1_accuracy"] + DECLINE_BONUS * metrics["out_of_scope_declined"],
               metrics["answered_correctly"], -answer)
        if best is None or key > best[0]:
            best = (key, limits, metrics)
    if best is None:
        sys.exit("No thresholds keep wrong and out-of-scope answers under the caps.")
    return best[1], best[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=SETS)
    parser.add_argument("--faq", type=Path, default=bundled_faq())
    args = parser.parse_args()
    if any("holdout" in path.name for path in args.sets):
        sys.exit("Refusing to fit on the holdout set: it must stay unseen.")
    kb = load_knowledge_base(args.faq)
    items = [item for path in args.sets for item in load_items(path)]
    model = fit_logistic(*ranking_rows(kb, scoped(Matcher(kb), items)))
    print(f"Fitted on {', '.join(p.name for p in args.sets)}: {len(items)} items\n")
    print(f"MODEL = {model!r}")
    print("# " + ", ".join(f"{n}={w}" for n, w in zip(FEATURES, model.weights, strict=True)))
    limits, metrics = fit_thresholds(Matcher(kb, model), items)
    print(f"\nDEFAULT = Thresholds(answer_min_score={limits.answer_min_score}, "
          f"answer_min_margin={limits.answer_min_margin}, "
          f"suggest_min_score={limits.suggest_min_score})")
    for name, value in metrics.items():
        print(f"# {name:<24}{value:.1%}" if isinstance(value, float) else f"# {name:<24}{value}")


if __name__ == "__main__":
    main()
