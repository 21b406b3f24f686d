"""Remembering what was seen lately, for a time: a platform's retries, and replayed requests.

Time-based, not a count: Slack retries an event up to three times within minutes, and a
replay is only possible within the signature window, so "seen in the last N minutes" is
the question to answer, however many other ids arrived in between. Memory is what one
window of genuine (signed) traffic holds, and expired ids are dropped as new ones arrive.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

DEFAULT_TTL_SECONDS = 60 * 60  # Slack's last retry comes about 5 minutes after the first try


class RecentIds:
    """Ids seen in the last `ttl_seconds`; an id is forgotten that long after it was first seen."""

    def __init__(self, ttl_seconds: float = DEFAULT_TTL_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if ttl_seconds <= 0:
            raise ValueError("ttl_seconds must be positive")
        self._ttl = ttl_seconds
        self._clock = clock
        self._ids: OrderedDict[str, float] = OrderedDict()

    def seen_before(self, key: str) -> bool:
        """True if `key` was seen within the time to live; either way it is remembered."""
        now = self._clock()
        self._expire(now)
        if key in self._ids:
            return True
        self._ids[key] = now
        return False

    def _expire(self, now: float) -> None:
        """Drop the ids older than the time to live; they sit at the front, oldest first."""
        while self._ids:
            key, first_seen = next(iter(self._ids.items()))
            if now - first_seen < self._ttl:
                return
            del self._ids[key]

    def __len__(self) -> int:
        return len(self._ids)
