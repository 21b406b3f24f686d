"""The one object adapters talk to: questions in, replies out, whatever the platform."""

from __future__ import annotations

from dataclasses import dataclass

from bot.feedback import Feedback, FeedbackSink, InMemoryFeedbackSink
from bot.reply import EntryRef, Reply
from bot.responder import Responder


@dataclass(frozen=True, slots=True)
class Asker:
    """Who asked, as the platform names them; the store only ever keeps a salted hash."""

    platform: str
    user_id: str


class BotService:
    """Answers questions for every adapter; adapters hold no matching logic of their own."""

    def __init__(self, responder: Responder, feedback: FeedbackSink | None = None) -> None:
        self.responder = responder
        self._feedback = feedback if feedback is not None else InMemoryFeedbackSink()

    def ask(self, text: str, asker: Asker) -> Reply:
        """Answer free text: a question, a greeting, `help`, `summary` or `topics`."""
        del asker
        return self.responder.ask(text)

    def show(self, entry_id: str, asker: Asker) -> Reply:
        """Answer one entry by id, as when a user presses a "did you mean" button."""
        del asker
        return self.responder.entry_reply(entry_id)

    def help(self) -> Reply:
        return self.responder.help()

    def summary(self) -> Reply:
        return self.responder.summary()

    def topics(self) -> Reply:
        return self.responder.topics()

    def complete(self, text: str, limit: int = 25) -> list[EntryRef]:
        """Entries whose question fits what the user has typed so far (autocomplete)."""
        return self.responder.complete(text, limit)

    def feedback(self, asker: Asker, entry_id: str, helpful: bool) -> None:
        """Keep a 👍 / 👎 on an answer."""
        self._feedback.record_feedback(
            Feedback(platform=asker.platform, user_id=asker.user_id, entry_id=entry_id,
                     helpful=helpful)
        )
