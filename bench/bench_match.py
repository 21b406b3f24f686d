"""Speed of loading and matching, at the real size and at a synthetic 10,000-entry one.

Prints figures; asserts nothing (timed assertions do not belong in tests on shared machines).
Targets: match <= 0.5 ms median at the real size; at 10,000 entries at most a tenth of a
brute-force `rapidfuzz.process.extractOne` with WRatio over the same phrases; load <= 300 ms.

    python bench/bench_match.py [--entries 10000] [--questions 300]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process, utils

from bot.knowledge import Entry, KnowledgeBase
from bot.loader import load_knowledge_base
from bot.normalize import normalize
from bot.paths import bundled_faq
from bot.responder import Responder

PROJECT_ROOT = Path(__file__).resolve().parent.parent  # the checkout: eval sets, docs

EVAL_SETS = [PROJECT_ROOT / "tests" / "eval" / name for name in ("dev.yaml", "holdout.yaml")]


def percentile(samples: Sequence[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def time_each(call: Callable[[str], object], questions: Sequence[str]) -> list[float]:
    """Milliseconds per question, one call each, normalization cache cleared first."""
    samples = []
    for question in questions:
        normalize.cache_clear()
        start = time.perf_counter()
        call(question)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(label: str, samples: Sequence[float]) -> float:
    median = statistics.median(samples)
    print(f"  {label:<34} median {median:8.3f} ms   p99 {percentile(samples, 0.99):8.3f} ms")
    return median


def real_questions(limit: int) -> list[str]:
    questions: list[str] = []
    for path in EVAL_SETS:
        if path.exists():
            questions += [item["q"] for item in yaml.safe_load(path.read_text())]
    return questions[:limit] or ["what is selank", "is it addictive", "selank vs semax"]


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
    return KnowledgeBase(path=Path("synthetic"), disclaimer=base.disclaimer,
                         source_title=base.source_title, texts=base.texts,
                         emergency_lines=base.emergency_lines, help_examples=base.help_examples,
                         synonyms=base.synonyms, entries=entries)


def brute_force(kb: KnowledgeBase) -> Callable[[str], object]:
    """The baseline: extractOne with WRatio over every question and alternate."""
    phrases = [p for e in kb.entries for p in (e.question, *e.alternates)]
    return lambda q: process.extractOne(q, phrases, scorer=fuzz.WRatio,
                                        processor=utils.default_process)


def typo(text: str, rng: random.Random) -> str:
    """The phrase with two neighbouring letters swapped, as people type."""
    if len(text) < 4:
        return text
    i = rng.randrange(len(text) - 1)
    return text[:i] + text[i + 1] + text[i] + text[i + 2:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(7)

    print(f"Real knowledge base ({bundled_faq().name})")
    loads = []
    for _ in range(5):
        normalize.cache_clear()
        start = time.perf_counter()
        responder = Responder(load_knowledge_base(bundled_faq()))
        loads.append((time.perf_counter() - start) * 1000)
    kb = responder.kb
    phrases = sum(1 + len(e.alternates) + len(e.keywords) for e in kb.entries)
    print(f"  {len(kb.entries)} entries, {phrases} phrases")
    print(f"  load + index, first in the process {loads[0]:8.1f} ms  (reads the English word list)")
    print(f"  load + index, again (a reload)     median {statistics.median(loads[1:]):8.1f} ms")
    questions = real_questions(args.questions)
    responder.ask("warm up")
    ours = report(f"match ({len(questions)} questions)", time_each(responder.ask, questions))
    report("brute-force WRatio extractOne", time_each(brute_force(kb), questions))

    print(f"\nSynthetic knowledge base ({args.entries} entries, 11 phrases each)")
    big = synthetic_kb(kb, args.entries, rng)
    start = time.perf_counter()
    big_responder = Responder(big)
    print(f"  index                              {(time.perf_counter() - start) * 1000:8.1f} ms")
    picks = rng.sample(big.entries, min(args.questions, len(big.entries)))
    big_questions = [typo(rng.choice((e.question, *e.alternates)), rng) for e in picks]
    big_ours = report("match", time_each(big_responder.ask, big_questions))
    replies = [big_responder.ask(q) for q in big_questions]
    found = sum(r.entry_id == e.id or any(s.id == e.id for s in r.suggestions)
                for r, e in zip(replies, picks, strict=True))
    print(f"  right entry offered (sanity check) {found / len(picks):8.1%}")
    big_brute = report("brute-force WRatio extractOne", time_each(brute_force(big), big_questions))
    print(f"  ratio ours / brute force           {big_ours / big_brute:8.3f}  (target <= 0.100)")
    print(f"\nTargets: real-size match median {ours:.3f} ms (<= 0.5 ms); "
          f"load {loads[0]:.0f} ms cold, {statistics.median(loads[1:]):.0f} ms warm (<= 300 ms)")


if __name__ == "__main__":
    main()
