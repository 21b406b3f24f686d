"""A clock the tests move by hand, so no test sleeps and none depends on the machine's speed."""

from __future__ import annotations


class ManualClock:
    """Reads `now`, which starts at 1000 seconds and moves only when a test sets it."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now
