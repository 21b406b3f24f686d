"""What the service tells the store about each question: a neutral value and a protocol."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from bot.core.reply import Status
from bot.ops.feedback import FeedbackSink

UNANSWERED = frozenset({Status.FALLBACK, Status.SUGGEST})


@dataclass(frozen=True, slots=True)
class QuestionOutcome:
    """One question and how it went; the store decides what of it to keep."""

    platform: str
    user_id: str
    text: str
    status: Status
    candidates: tuple[tuple[str, float], ...] = ()
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    @property
    def unanswered(self) -> bool:
        """Whether a curator should see it: the bot said "I don't know" or "did you mean"."""
        return self.status in UNANSWERED


class Recorder(FeedbackSink, Protocol):
    """Anything that keeps outcomes and feedback: the database, or a queue in front of it."""

    def record_question(self, outcome: QuestionOutcome) -> None: ...
