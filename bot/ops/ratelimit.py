"""Per-user rate limiting: a sliding window of recent questions, in bounded memory.

Past the limit a user gets one polite notice, then silence until the window has room again,
so a flood never turns the bot into a flood of its own.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from enum import Enum

WINDOW_SECONDS = 60.0
MAX_TRACKED_USERS = 10_000


class Verdict(Enum):
    """What to do with one message."""

    ALLOW = "allow"
    NOTIFY = "notify"  # the first message past the limit: say so, once
    SILENT = "silent"  # every later one until the window has room: say nothing


class _Window:
    __slots__ = ("hits", "notified")

    def __init__(self) -> None:
        self.hits: deque[float] = deque()
        self.notified = False


class RateLimiter:
    """At most `limit` allowed messages per user in any `window` seconds; 0 means no limit.

    Only allowed messages fill the window, so a user who keeps typing while limited is not
    punished for longer. Users idle for a whole window are forgotten, and at most
    `max_users` are tracked (the longest idle go first), so memory stays bounded.
    """

    def __init__(
        self, limit: int, window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic, max_users: int = MAX_TRACKED_USERS,
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._max_users = max_users
        self._users: OrderedDict[Hashable, _Window] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, key: Hashable) -> Verdict:
        """Count one message from `key` and say whether to answer it."""
        if self.limit <= 0:
            return Verdict.ALLOW
        now = self._clock()
        with self._lock:
            self._evict(now)
            state = self._users.pop(key, None) or _Window()
            self._users[key] = state  # most recently seen last
            while state.hits and state.hits[0] <= now - self.window:
                state.hits.popleft()
            if len(state.hits) < self.limit:
                state.hits.append(now)
                state.notified = False
                return Verdict.ALLOW
            if state.notified:
                return Verdict.SILENT
            state.notified = True
            return Verdict.NOTIFY

    @property
    def tracked(self) -> int:
        """How many users are remembered now."""
        return len(self._users)

    def _evict(self, now: float) -> None:
        while self._users:
            oldest_key, oldest = next(iter(self._users.items()))
            idle = not oldest.hits or oldest.hits[-1] <= now - self.window
            if idle or len(self._users) >= self._max_users:
                del self._users[oldest_key]
            else:
                break
