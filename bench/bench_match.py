"""Speed of the hybrid matcher: per question, at 10,000 entries, warm start, reload, memory.

Prints figures and asserts nothing (timed assertions do not belong in tests on shared
machines). Targets, on a 2-core machine: p50 <= 15 ms and p99 <= 40 ms per question at the
real size, embedding included; p50 <= 30 ms at 10,000 synthetic entries; a start with a warm
vector cache <= 3 s; a reload after one edited entry <= 1 s. The last line is for machines:

    bench: p50_ms=... p99_ms=... p50_10k_ms=... warm_start_s=... reload_s=... rss_mb=...

    python bench/bench_match.py [--entries 10000] [--questions 300]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import yaml
from timing import report, time_each

from bot.content.knowledge import Entry, KnowledgeBase
from bot.content.loader import load_knowledge_base
from bot.content.paths import bundled_faq
from bot.core.responder import Responder
from bot.matching.embedding import Matrix
from bot.matching.rankers import Hybrid
from bot.matching.semantic import SemanticRanker

PROJECT_ROOT = Path(__file__).resolve().parent.parent
"""The checkout: eval sets and docs live here, not in the package."""

EVAL_SETS = [PROJECT_ROOT / "tests" / "eval" / name
             for name in ("dev-voices.yaml", "dev-voices-b.yaml", "tuning.yaml")]
WARM_START = """
import sys, time
start = time.perf_counter()
from pathlib import Path
from bot.content.loader import load_knowledge_base
from bot.content.paths import bundled_faq
from bot.matching.rankers import Hybrid
from bot.core.responder import Responder
responder = Responder(load_knowledge_base(bundled_faq()), Hybrid(Path(sys.argv[1])))
responder.ask("is selank addictive")
print(time.perf_counter() - start)
"""


def real_questions(limit: int) -> list[str]:
    questions: list[str] = []
    for path in EVAL_SETS:
        if path.exists():
            questions += [item["q"] for item in yaml.safe_load(path.read_text())]
    return list(dict.fromkeys(questions))[:limit]


class RandomVectors:
    """Unit vectors at random: the cost of searching 110,000 rows does not depend on them,
    and embedding that many synthetic phrases would take the model half an hour."""

    name = "random"

    def __init__(self, rng: np.random.Generator) -> None:
        self._rng = rng

    def encode(self, texts: Sequence[str]) -> Matrix:
        vectors = self._rng.standard_normal((len(texts), 384)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def synthetic_kb(base: KnowledgeBase, size: int, rng: random.Random) -> KnowledgeBase:
    """`size` entries of pseudo-words mixed with common question words, 10 alternates each."""
    syllables = ["ka", "lo", "mi", "ren", "sto", "vi", "qua", "ne", "tor", "pel", "dra", "xi"]
    vocabulary = sorted({"".join(rng.choices(syllables, k=rng.randint(2, 4)))
                         for _ in range(size * 2)})
    glue = "what is how does can i the selank it a for with do of".split()

    def phrase() -> str:
        words = rng.sample(glue, 3) + rng.sample(vocabulary, rng.randint(2, 4))
        rng.shuffle(words)
        return " ".join(words)

    entries = tuple(
        Entry(id=f"synthetic-{i}", question=phrase(), alternates=tuple(phrase() for _ in range(10)),
              answer="Synthetic answer.", source="Synthetic", reviewed=dt.date(2026, 1, 1))
        for i in range(size)
    )
    return replace(base, path=Path("synthetic"), entries=entries, not_covered=())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(7)
    cache = Path(tempfile.mkdtemp(prefix="selank-bench-"))
    kb = load_knowledge_base(bundled_faq())

    print(f"Real knowledge base: {len(kb.entries)} entries")
    start = time.perf_counter()
    rankers = Hybrid(cache)
    responder = Responder(kb, rankers)
    print(f"  cold start (embeds every text)           {time.perf_counter() - start:8.2f} s")
    warm = [float(subprocess.run([sys.executable, "-c", WARM_START, str(cache)],
                                 capture_output=True, text=True, check=True).stdout)
            for _ in range(3)]
    warm_start = statistics.median(warm)
    print(f"  warm start in a new process, to 1st reply {warm_start:8.2f} s")
    questions = real_questions(args.questions)
    p50, p99 = report(f"ask, hybrid ({len(questions)} questions)",
                      time_each(responder.ask, questions))
    lexical = Responder(kb)
    report("ask, MATCHER=lexical", time_each(lexical.ask, questions))

    entry = kb.entries[5]
    edited = replace(kb, entries=(*kb.entries[:5], replace(
        entry, alternates=(*entry.alternates, "an alternate written a minute ago")),
        *kb.entries[6:]))
    start = time.perf_counter()
    responder.swap(edited)
    reload_s = time.perf_counter() - start
    print(f"  reload after one edited entry             {reload_s:8.2f} s")

    print(f"\nSynthetic knowledge base: {args.entries} entries, 11 phrases each")
    big = synthetic_kb(kb, args.entries, rng)
    start = time.perf_counter()
    big_semantic = SemanticRanker(big, RandomVectors(np.random.default_rng(7)),
                                  queries=rankers.queries)
    print(f"  semantic index (random vectors)           {time.perf_counter() - start:8.2f} s")
    picks = rng.sample(big.entries, min(args.questions, len(big.entries)))
    big_questions = [f"{rng.choice((e.question, *e.alternates))} {i}"
                     for i, e in enumerate(picks)]
    p50_big, _ = report("semantic ranking with embedding",
                        time_each(big_semantic.similarities, big_questions))

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    venv = sum(f.stat().st_size for f in Path(sys.prefix).rglob("*") if f.is_file()) / 2**20
    print(f"\n  peak RSS {rss_mb:.0f} MB; venv {venv:.0f} MB ({sys.prefix}); "
          f"{os.cpu_count()} cores")
    print(f"bench: p50_ms={p50:.2f} p99_ms={p99:.2f} p50_10k_ms={p50_big:.2f} "
          f"warm_start_s={warm_start:.2f} reload_s={reload_s:.2f} rss_mb={rss_mb:.0f}")


if __name__ == "__main__":
    main()
