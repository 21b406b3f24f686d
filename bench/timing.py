"""Timing helpers the benches share: milliseconds per call, and their p50 and p99."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence


def percentile(samples: Sequence[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def time_each(call: Callable[[str], object], inputs: Sequence[str]) -> list[float]:
    """Milliseconds per input, one call each."""
    samples = []
    for text in inputs:
        start = time.perf_counter()
        call(text)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(label: str, samples: Sequence[float]) -> tuple[float, float]:
    """Print one line with the p50 and p99 of `samples`; return them."""
    median, p99 = statistics.median(samples), percentile(samples, 0.99)
    print(f"  {label:<44} p50 {median:8.2f} ms   p99 {p99:8.2f} ms")
    return median, p99
