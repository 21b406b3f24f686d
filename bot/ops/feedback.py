"""Where 👍 / 👎 presses go: a small protocol so any store can take them."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Feedback:
    """One user's verdict on one answer."""

    platform: str
    user_id: str
    entry_id: str
    helpful: bool
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


class FeedbackSink(Protocol):
    """Anything that can keep feedback: memory in tests, a database in production."""

    def record_feedback(self, feedback: Feedback) -> None: ...


class InMemoryFeedbackSink:
    """Keeps feedback in a list; thread-safe, since adapters may call from worker threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[Feedback] = []

    def record_feedback(self, feedback: Feedback) -> None:
        with self._lock:
            self._items.append(feedback)

    @property
    def items(self) -> tuple[Feedback, ...]:
        with self._lock:
            return tuple(self._items)
