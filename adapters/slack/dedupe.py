"""Remembering recent event ids, so an event Slack retries is answered once, not twice."""

from __future__ import annotations

from collections import OrderedDict

DEFAULT_CAPACITY = 1000


class RecentIds:
    """A small bounded set of ids seen lately; the oldest is forgotten first.

    Slack retries an event it thinks failed (up to three times within minutes), so a few
    hundred ids cover every retry while memory stays flat however long the bot runs.
    """

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = capacity
        self._ids: OrderedDict[str, None] = OrderedDict()

    def seen_before(self, key: str) -> bool:
        """True if `key` was seen lately; either way it now counts as the newest."""
        if key in self._ids:
            self._ids.move_to_end(key)
            return True
        self._ids[key] = None
        if len(self._ids) > self._capacity:
            self._ids.popitem(last=False)
        return False

    def __len__(self) -> int:
        return len(self._ids)
