"""The reply the core hands to every platform: a frozen value, rendered by each adapter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum, auto

from bot.content.knowledge import Comparison


class Status(StrEnum):
    """What kind of reply this is; adapters choose their layout from it."""

    ANSWER = auto()
    SUGGEST = auto()
    FALLBACK = auto()
    SAFETY = auto()
    HELP = auto()
    SUMMARY = auto()
    TOPICS = auto()
    RATE_LIMITED = auto()


@dataclass(frozen=True, slots=True)
class EntryRef:
    """A pointer to an entry, enough to show it as a button or a list item."""

    id: str
    question: str


class Menu(StrEnum):
    """The replies a menu button or command asks for by name."""

    HELP = "help"
    SUMMARY = "summary"
    TOPICS = "topics"


class ActionKind(StrEnum):
    """What pressing a button does."""

    SHOW = "show"
    """Show one entry's answer: a "did you mean" choice or a related topic."""
    HELPFUL = "helpful"
    NOT_HELPFUL = "not_helpful"
    SHARE = "share"
    """Post this reply, rebuilt from the core, where everyone can see it."""
    MENU = "menu"
    """Show the help, the summary or the topic list."""


@dataclass(frozen=True, slots=True)
class Action:
    """One button a reply offers; `bot/core/actions.py` decides which and writes its id.

    `entry_id` names the entry shown, voted on or shared; `menu` the menu reply asked for or
    shared. `label` is the suggested text; adapters may lay it out their own way.
    """

    kind: ActionKind
    label: str = ""
    entry_id: str | None = None
    menu: Menu | None = None


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
    reviewed: dt.date | None = None
    """When the answer's entry was last checked against the source (`Entry.reviewed`)."""
    actions: tuple[Action, ...] = ()
    """The buttons this reply offers, in order, chosen by the core (`bot/core/actions.py`)."""
    safety_net: str | None = None
    """One short line pointing to emergency help, on replies that did not answer ("I don't
    know", "did you mean"): a crisis the triage missed still sees where to turn."""

    @property
    def source_line(self) -> str | None:
        """"Source: …", with "checked <date>" beside it when the entry has a review date."""
        if not self.source:
            return None
        checked = f" · checked {self.reviewed.isoformat()}" if self.reviewed else ""
        return f"Source: {self.source}{checked}"

    def offers(self, kind: ActionKind) -> tuple[Action, ...]:
        """This reply's actions of one kind."""
        return tuple(action for action in self.actions if action.kind is kind)

    def without(self, kind: ActionKind) -> Reply:
        """The same reply, offering no action of this kind."""
        return replace(self, actions=tuple(a for a in self.actions if a.kind is not kind))

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
