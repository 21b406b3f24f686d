"""The project's matcher against plain baselines, on the same knowledge base and blind set.

Baselines: rapidfuzz `WRatio` over every question and alternate; BM25 (`bm25s`, Snowball
stemming, English stop words) over each entry's text; all-MiniLM-L6-v2 alone (each entry's
best cosine over its texts); and BM25 + MiniLM joined by z-score fusion. Each answers its top
entry when the score clears a threshold, at its own best threshold on the evaluated set
itself (an oracle, which favours the baselines), and once more among the thresholds that
answer at most 3% of the out-of-scope questions, the level ours is held to. "Useful" for a
baseline is the right entry among its first three. Crisis and help items are left out: the
baselines have no such routes.

    python bench/baselines.py [--set tests/eval/blind.yaml] [--chart docs/baselines.png]
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np
import Stemmer
from rapidfuzz import fuzz, process, utils

from bot.content.knowledge import KnowledgeBase
from bot.content.loader import load_knowledge_base
from bot.content.paths import bundled_faq
from bot.core.responder import Responder
from bot.curation.evaluation import Item, evaluate, load_items
from bot.matching.rankers import Hybrid
from bot.matching.semantic import SemanticRanker
from bot.matching.vector_cache import default_cache_dir

PROJECT_ROOT = Path(__file__).resolve().parent.parent
"""The checkout: eval sets and docs live here, not in the package."""

OUT_OF_SCOPE_LEVEL = 0.03
"""The out-of-scope level our own matcher is held to: baselines are compared at it too."""

Scorer = Callable[[str], np.ndarray]
"""A baseline: a question in, one score per entry out (higher is better)."""


@dataclass(frozen=True)
class Row:
    name: str
    threshold: str
    answered_right: float
    useful: float
    wrong: float
    out_of_scope_answered: float


def wratio_scorer(kb: KnowledgeBase) -> Scorer:
    phrases = [(p, i) for i, e in enumerate(kb.entries) for p in (e.question, *e.alternates)]
    texts = [p for p, _ in phrases]
    owners = np.asarray([i for _, i in phrases])

    def score(question: str) -> np.ndarray:
        found = process.cdist([question], texts, scorer=fuzz.WRatio,
                              processor=utils.default_process)[0]
        best = np.zeros(len(kb.entries))
        np.maximum.at(best, owners, found)
        return best

    return score


def bm25_scorer(kb: KnowledgeBase) -> Scorer:
    stemmer = Stemmer.Stemmer("english")
    documents = [" ".join((e.question, *e.alternates, *e.keywords)) for e in kb.entries]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(documents, stopwords="en", stemmer=stemmer,
                                   show_progress=False), show_progress=False)

    def score(question: str) -> np.ndarray:
        tokens = bm25s.tokenize([question], stopwords="en", stemmer=stemmer, show_progress=False)
        if not tokens.ids[0]:
            return np.zeros(len(kb.entries))
        words = {index: word for word, index in tokens.vocab.items()}
        return np.asarray(retriever.get_scores([words[t] for t in tokens.ids[0]]), dtype=float)

    return score


def minilm_scorer(kb: KnowledgeBase, rankers: Hybrid) -> Scorer:
    """all-MiniLM-L6-v2 alone: each entry's best cosine over its texts."""
    semantic = SemanticRanker(kb, rankers.queries)
    return lambda question: np.asarray(semantic.similarities(question).entries, dtype=float)


def zscore_fusion(*scorers: Scorer) -> Scorer:
    """Distribution-based score fusion: each ranker's scores standardized, then summed."""
    def score(question: str) -> np.ndarray:
        total = np.zeros(0)
        for scorer in scorers:
            found = scorer(question)
            spread = found.std() or 1.0
            total = (found - found.mean()) / spread + (total if len(total) else 0.0)
        return total

    return score


def best_threshold_row(name: str, kb: KnowledgeBase, items: Sequence[Item], scorer: Scorer,
                       max_out_of_scope: float = 1.0) -> Row:
    """The baseline at its best threshold on the set itself (an oracle that favours it),
    optionally among those answering at most `max_out_of_scope` of the out-of-scope set."""
    ids = [e.id for e in kb.entries]
    ranked = []
    for item in items:
        scores = scorer(item.question)
        order = np.argsort(-scores, kind="stable")[:3]
        ranked.append((item, [ids[i] for i in order], float(scores[order[0]])))
    in_scope = [r for r in ranked if r[0].expect]
    out = [r for r in ranked if not r[0].expect]
    best: tuple[int, float] | None = None
    for threshold in sorted({s for _, _, s in ranked} | {math.inf}):
        right = sum(1 for item, top, s in in_scope if s >= threshold and top[0] in item.expect)
        rejected = sum(1 for _, _, s in out if s < threshold)
        if (len(out) - rejected) / len(out) > max_out_of_scope:
            continue
        if best is None or right + rejected > best[0]:
            best = (right + rejected, threshold)
    assert best is not None
    threshold = best[1]
    right = sum(1 for item, top, s in in_scope if s >= threshold and top[0] in item.expect)
    wrong = sum(1 for item, top, s in in_scope if s >= threshold and top[0] not in item.expect)
    useful = sum(1 for item, top, s in in_scope if any(t in item.expect for t in top[:3]))
    answered_out = sum(1 for _, _, s in out if s >= threshold)
    return Row(name, f"{threshold:.2f}" if threshold < math.inf else "none passes",
               right / len(in_scope), useful / len(in_scope),
               wrong / len(in_scope), answered_out / len(out))


def ours_row(name: str, responder: Responder, items: Sequence[Item]) -> Row:
    metrics = evaluate(responder, items).metrics()
    return Row(name, "bot/matching/thresholds.py", float(metrics["answered_right"]),
               float(metrics["useful"]), float(metrics["wrong_answer_rate"]),
               float(metrics["out_of_scope_answered"]))


def chart(rows: Sequence[Row], path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = ["answered outright\nand right", "useful (right answer,\nor right in first 3)",
              "wrong answers\n(in scope)", "out-of-scope\nanswered"]
    figure, axes = plt.subplots(figsize=(11, 4.8), dpi=120)
    width = 0.8 / len(rows)
    for index, row in enumerate(rows):
        values = [row.answered_right * 100, row.useful * 100, row.wrong * 100,
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
    parser.add_argument("--set", type=Path, default=PROJECT_ROOT / "tests/eval/blind.yaml")
    parser.add_argument("--faq", type=Path, default=bundled_faq())
    parser.add_argument("--chart", type=Path, default=PROJECT_ROOT / "docs/baselines.png")
    args = parser.parse_args()
    kb = load_knowledge_base(args.faq)
    items = [i for i in load_items(args.set) if i.kind in ("in_scope", "out_of_scope")]
    rankers = Hybrid(default_cache_dir())
    bm25, minilm = bm25_scorer(kb), minilm_scorer(kb, rankers)
    fused = zscore_fusion(bm25, minilm)
    rows = [ours_row("selank-bot (hybrid)", Responder(kb, rankers), items),
            ours_row("selank-bot, MATCHER=lexical", Responder(kb), items)]
    for name, scorer in (("rapidfuzz WRatio", wratio_scorer(kb)), ("BM25 (bm25s)", bm25),
                         ("MiniLM alone", minilm), ("BM25 + MiniLM, z-score fusion", fused)):
        rows.append(best_threshold_row(f"{name}, best threshold", kb, items, scorer))
        rows.append(best_threshold_row(f"{name}, <= 3% out of scope", kb, items, scorer,
                                       OUT_OF_SCOPE_LEVEL))
    print(f"{args.set.name}: {sum(i.kind == 'in_scope' for i in items)} in scope, "
          f"{sum(i.kind == 'out_of_scope' for i in items)} out of scope\n")
    print("| matcher | threshold | answered right | useful | wrong answers "
          "| out-of-scope answered |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row.name} | {row.threshold} | {row.answered_right:.1%} | {row.useful:.1%} "
              f"| {row.wrong:.1%} | {row.out_of_scope_answered:.1%} |")
    shown = [r for r in rows if "best threshold" not in r.name]
    chart(shown, args.chart, f"Matching on {args.set.name}: ours at its fitted thresholds, "
                             "baselines at <= 3% out of scope answered")
    print(f"\nChart written to {args.chart}")


if __name__ == "__main__":
    main()
