"""One log line per question: platform, status, entry, score and latency; text only if asked.

Question text is personal; it appears in logs only when LOG_QUESTIONS=true. User ids never do.
"""

from __future__ import annotations

import logging

from bot.core.reply import Reply
from bot.ops.logging_setup import log_event

log = logging.getLogger("selank.questions")


class QuestionLog:
    """Writes the `question` event; `include_text` comes from LOG_QUESTIONS."""

    def __init__(self, include_text: bool = False) -> None:
        self.include_text = include_text

    def question(self, platform: str, reply: Reply, seconds: float | None,
                 text: str | None = None, kind: str = "message") -> None:
        log_event(
            log, "question", platform=platform, kind=kind, status=reply.status.value,
            entry=reply.entry_id, score=round(reply.score, 3) if seconds is not None else None,
            latency_ms=round(seconds * 1000, 2) if seconds is not None else None,
            question=text if self.include_text else None,
        )

    def feedback(self, platform: str, entry_id: str, helpful: bool) -> None:
        log_event(log, "feedback", platform=platform, entry=entry_id, helpful=helpful)
