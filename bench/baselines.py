"""The project's matcher against two plain baselines, on the same knowledge base and set.

Baselines: rapidfuzz `WRatio` over every question and alternate, and BM25 (`bm25s`, with
Snowball stemming and English stop words) over each entry's text. Each baseline answers its
top entry when the score clears a threshold, and gets its own best threshold: the one that
maximizes right answers plus rejected out-of-scope questions on the evaluated set itself (an
oracle, which favours the baselines), and once more among the thresholds that answer at
most 2% of the out-of-scope questions, the level the project's matcher is held to. Crisis
and help items are left out: the baselines have no such routes.

    python bench/baselines.py [--set tests/eval/holdout.yaml] [--chart docs/baselines.png]
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import bm25s
import Stemmer
from rapidfuzz import fuzz, process, utils

from bot.evaluation import Item, evaluate, load_items
from bot.knowledge import KnowledgeBase
from bot.loader import load_knowledge_base
from bot.paths import bundled_faq
from bot.responder import Responder

PROJECT_ROOT = Path(__file__).resolve().parent.parent  # the checkout: eval sets, docs

Ranker = Callable[[str], tuple[str, float]]


@dataclass(frozen=True)
class Row:
    name: str
    threshold: str
    top1: float
    answered_right: float
    wrong: float
    out_of_scope_answered: float


def wratio_ranker(kb: KnowledgeBase) -> Ranker:
    phrases = [(p, e.id) for e in kb.entries for p in (e.question, *e.alternates)]
    texts = [p for p, _ in phrases]

    def rank(question: str) -> tuple[str, float]:
        match = process.extractOne(question, texts, scorer=fuzz.WRatio,
                                   processor=utils.default_process)
        return (phrases[match[2]][1], float(match[1])) if match else ("", 0.0)

    return rank


def bm25_ranker(kb: KnowledgeBase) -> Ranker:
    stemmer = Stemmer.Stemmer("english")
    documents = [" ".join((e.question, *e.alternates, *e.keywords)) for e in kb.entries]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(documents, stopwords="en", stemmer=stemmer,
                                   show_progress=False), show_progress=False)

    def rank(question: str) -> tuple[str, float]:
        tokens = bm25s.tokenize([question], stopwords="en", stemmer=stemmer, show_progress=False)
        if not tokens.ids[0]:
            return "", 0.0
        found, scores = retriever.retrieve(tokens, k=1, show_progress=False)
        return kb.entries[int(found[0][0])].id, float(scores[0][0])

    return rank


def best_threshold_row(name: str, items: Sequence[Item], ranker: Ranker,
                       max_out_of_scope: float = 1.0) -> Row:
    """The baseline at its best threshold, optionally among those answering at most
    `max_out_of_scope` of the out-of-scope questions (the safety level we hold ours to)."""
    ranked = [(item, *ranker(item.question)) for item in items]
    in_scope = [r for r in ranked if r[0].expect]
    out = [r for r in ranked if not r[0].expect]
    best: tuple[int, float] | None = None
    for threshold in sorted({score for _, _, score in ranked} | {0.0, math.inf}):
        right = sum(1 for item, top, s in in_scope if s >= threshold and top in item.expect)
        rejected = sum(1 for _, _, s in out if s < threshold)
        if (len(out) - rejected) / len(out) > max_out_of_scope:
            continue
        if best is None or right + rejected > best[0]:
            best = (right + rejected, threshold)
    assert best is not None
    threshold = best[1]
    right = sum(1 for item, top, s in in_scope if s >= threshold and top in item.expect)
    wrong = sum(1 for item, top, s in in_scope if s >= threshold and top not in item.expect)
    answered_out = sum(1 for _, _, s in out if s >= threshold)
    return Row(name, f"{threshold:.2f}" if threshold < math.inf else "none passes",
               right / len(in_scope), right / len(in_scope),
               wrong / len(in_scope), answered_out / len(out))


def ours_row(responder: Responder, items: Sequence[Item]) -> Row:
    metrics = evaluate(responder, items).metrics()
    return Row("selank-bot matcher", "bot/thresholds.py", float(metrics["top1_accuracy"]),
               float(metrics["answered_correctly"]), float(metrics["wrong_answer_rate"]),
               float(metrics["out_of_scope_answered"]))


def chart(rows: Sequence[Row], path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = ["top-1 accuracy\n(in scope)", "answered outright\nand right",
              "wrong answers\n(in scope)", "out-of-scope\nanswered"]
    figure, axes = plt.subplots(figsize=(9, 4.4), dpi=120)
    width = 0.8 / len(rows)
    for index, row in enumerate(rows):
        values = [row.top1 * 100, row.answered_right * 100, row.wrong * 100,
                  row.out_of_scope_answered * 100]
        positions = [x + index * width for x in range(len(labels))]
        bars = axes.bar(positions, values, width, label=row.name)
        axes.bar_label(bars, fmt="%.1f", fontsize=8)
    axes.set_xticks([x + width * (len(rows) - 1) / 2 for x in range(len(labels))], labels)
    axes.set_ylabel("% of items")
    axes.set_ylim(0, 105)
    axes.set_title(title)
    axes.legend(loc="upper right", fontsize=8)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=PROJECT_ROOT / "tests/eval/holdout.yaml")
    parser.add_argument("--faq", type=Path, default=bundled_faq())
    parser.add_argument("--chart", type=Path, default=PROJECT_ROOT / "docs/baselines.png")
    args = parser.parse_args()
    kb = load_knowledge_base(args.faq)
    items = [i for i in load_items(args.set) if i.kind in ("in_scope", "out_of_scope")]
    rows = [
        ours_row(Responder(kb), items),
        best_threshold_row("rapidfuzz WRatio", items, wratio_ranker(kb)),
        best_threshold_row("BM25 (bm25s, stemmed)", items, bm25_ranker(kb)),
        best_threshold_row("WRatio, <= 2% out of scope", items, wratio_ranker(kb), 0.02),
        best_threshold_row("BM25, <= 2% out of scope", items, bm25_ranker(kb), 0.02),
    ]
    print(f"{args.set.name}: {sum(i.kind == 'in_scope' for i in items)} in scope, "
          f"{sum(i.kind == 'out_of_scope' for i in items)} out of scope\n")
    print("| matcher | threshold | top-1 accuracy | answered outright, right | wrong answers "
          "| out-of-scope answered |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row.name} | {row.threshold} | {row.top1:.1%} | {row.answered_right:.1%} "
              f"| {row.wrong:.1%} | {row.out_of_scope_answered:.1%} |")
    chart(rows, args.chart, f"Matching on {args.set.name}: selank-bot vs baselines")
    print(f"\nChart written to {args.chart}")


if __name__ == "__main__":
    main()
