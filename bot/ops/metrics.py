"""Prometheus metrics in a registry of their own, so tests and processes never share state."""

from __future__ import annotations

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

# Matching takes about a millisecond; the upper buckets catch a machine in trouble.
LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0)
CONTENT_TYPE = CONTENT_TYPE_LATEST


class Metrics:
    """The bot's counters and its match latency histogram."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self._questions = Counter(
            "selank_questions", "Questions answered, by platform and reply status",
            ["platform", "status"], registry=self.registry,
        )
        self._latency = Histogram(
            "selank_match_seconds", "Time to route and build one reply",
            ["platform"], buckets=LATENCY_BUCKETS, registry=self.registry,
        )
        self._reloads = Counter(
            "selank_reloads", "Knowledge base reloads, by result", ["result"],
            registry=self.registry,
        )
        self._rate_limited = Counter(
            "selank_rate_limited", "Messages refused by the per-user rate limit",
            ["platform"], registry=self.registry,
        )
        self._errors = Counter(
            "selank_errors", "Unexpected errors, by where they happened", ["where"],
            registry=self.registry,
        )

        self._rejected = Counter(
            "selank_rejected_requests", "Requests refused or ignored before answering, by why",
            ["platform", "reason"], registry=self.registry,
        )
        self.store_backlog = Gauge(
            "selank_store_backlog", "Rows kept in the local spool, not yet in the database",
            registry=self.registry,
        )
        self.store_up = Gauge(
            "selank_store_up", "1 when the last database write succeeded, 0 when it failed",
            registry=self.registry,
        )
        self._store_lost = Counter(
            "selank_store_lost_rows", "Rows neither spooled nor written (no durable place)",
            registry=self.registry,
        )

    def question(self, platform: str, status: str, seconds: float | None) -> None:
        """Count one reply; `seconds` is None when no matching ran (a limited message)."""
        self._questions.labels(platform=platform, status=status).inc()
        if seconds is not None:
            self._latency.labels(platform=platform).observe(seconds)

    def reload(self, ok: bool) -> None:
        self._reloads.labels(result="success" if ok else "failure").inc()

    def rate_limited(self, platform: str) -> None:
        self._rate_limited.labels(platform=platform).inc()

    def error(self, where: str) -> None:
        self._errors.labels(where=where).inc()

    def rejected(self, platform: str, reason: str) -> None:
        """Count a request refused (unsigned, malformed, too large) or ignored (a replay)."""
        self._rejected.labels(platform=platform, reason=reason).inc()

    def store_lost(self) -> None:
        self._store_lost.inc()

    def render(self) -> bytes:
        """The Prometheus text exposition of every metric."""
        return generate_latest(self.registry)
