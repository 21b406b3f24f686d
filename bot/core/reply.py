"""The reply the core hands to every platform: a frozen value, rendered by each adapter."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.content.knowledge import Comparison


class Status(StrEnum):
    """What kind of reply this is; adapters choose their layout from it."""

    ANSWER = "answer"
    SUGGEST = "suggest"
    FALLBACK = "fallback"
    SAFETY = "safety"
    HELP = "help"
    SUMMARY = "summary"
    TOPICS = "topics"
    RATE_LIMITED = "rate_limited"


@dataclass(frozen=True, slots=True)
class EntryRef:
    """A pointer to an entry, enough to show it as a button or a list item."""

    id: str
    question: str


@dataclass(frozen=True, slots=True)
class Reply:
    """Everything a platform needs to show an answer, and nothing platform-specific.

    `body` is plain text with light markdown (`**bold**`, `- ` bullets); each adapter
    renders that its own way. `disclaimer` is never empty: the reply builder sets it.
    """

    status: Status
    title: str
    body: str
    disclaimer: str
    source: str | None = None
    entry_id: str | None = None
    score: float = 0.0
    suggestions: tuple[EntryRef, ...] = ()
    related: tuple[EntryRef, ...] = ()
    comparison: Comparison | None = None
    notice: str | None = None
    safety_net: str | None = None
    """One short line pointing to emergency help, on replies that did not answer ("I don't
    know", "did you mean"): a crisis the triage missed still sees where to turn."""

    @property
    def private(self) -> bool:
        """Only the asker should see it: a crisis reply, or a rate-limit notice.

        Adapters never broadcast, share or put such a reply in place of a public message.
        """
        return self.status in (Status.SAFETY, Status.RATE_LIMITED)

    @property
    def is_silent(self) -> bool:
        """True when the bot should say nothing at all (a user past the rate limit)."""
        return self.status is Status.RATE_LIMITED and not self.body
