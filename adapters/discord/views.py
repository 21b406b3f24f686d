"""Buttons under a reply, with custom ids that carry their own state so they outlive a restart.

Each button is a `DynamicItem`: discord.py matches a pressed button's custom id against the
templates registered in `setup_hook`, so no view has to be kept in memory per message. What a
press does lives in the client (`ButtonHandler`); this module only lays the buttons out.
"""

from __future__ import annotations

import re
from typing import Any, Protocol, Self, runtime_checkable

import discord

from bot.core.reply import EntryRef, Reply, Status

CUSTOM_ID_LIMIT = 100
LABEL_LIMIT = 80
MAX_TOPIC_BUTTONS = 20
"""Four rows of five; the fifth row keeps 👍 / 👎 and "Post publicly"."""

SHAREABLE_KINDS: frozenset[Status] = frozenset({Status.HELP, Status.SUMMARY, Status.TOPICS})


@runtime_checkable
class ButtonHandler(Protocol):
    """What the client does when a button is pressed."""

    async def on_show_pressed(self, interaction: discord.Interaction, entry_id: str) -> None: ...

    async def on_feedback_pressed(self, interaction: discord.Interaction, entry_id: str,
                                  helpful: bool) -> None: ...

    async def on_share_pressed(self, interaction: discord.Interaction, what: str) -> None: ...


def _handler(interaction: discord.Interaction) -> ButtonHandler:
    client = interaction.client
    if not isinstance(client, ButtonHandler):
        raise TypeError("selank buttons need a client that implements ButtonHandler")
    return client


class ShowButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
                 template=r"selank:show:(?P<entry_id>[a-z0-9-]+)"):
    """A "did you mean" or related topic: pressing it shows that entry's answer."""

    def __init__(self, entry_id: str, label: str = "Show",
                 style: discord.ButtonStyle = discord.ButtonStyle.secondary) -> None:
        super().__init__(discord.ui.Button(label=_label(label), style=style,
                                           custom_id=f"selank:show:{entry_id}"))
        self.entry_id = entry_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> Self:
        return cls(match["entry_id"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await _handler(interaction).on_show_pressed(interaction, self.entry_id)


class FeedbackButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
                     template=r"selank:fb:(?P<vote>up|down):(?P<entry_id>[a-z0-9-]+)"):
    """👍 or 👎 on one answer."""

    def __init__(self, entry_id: str, helpful: bool) -> None:
        vote = "up" if helpful else "down"
        super().__init__(discord.ui.Button(
            emoji="👍" if helpful else "👎", style=discord.ButtonStyle.secondary,
            custom_id=f"selank:fb:{vote}:{entry_id}",
        ))
        self.entry_id = entry_id
        self.helpful = helpful

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> Self:
        return cls(match["entry_id"], match["vote"] == "up")

    async def callback(self, interaction: discord.Interaction) -> None:
        await _handler(interaction).on_feedback_pressed(interaction, self.entry_id, self.helpful)


class ShareButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
                  template=r"selank:share:(?P<what>help|summary|topics|entry:[a-z0-9-]+)"):
    """"Post publicly" under a private answer: posts the same answer in the channel."""

    def __init__(self, what: str) -> None:
        super().__init__(discord.ui.Button(label="Post publicly",
                                           style=discord.ButtonStyle.primary,
                                           custom_id=f"selank:share:{what}"))
        self.what = what

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> Self:
        return cls(match["what"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await _handler(interaction).on_share_pressed(interaction, self.what)


DYNAMIC_ITEMS = (ShowButton, FeedbackButton, ShareButton)


def share_key(reply: Reply) -> str | None:
    """What a "Post publicly" button must rebuild, or None when the reply cannot be rebuilt."""
    if reply.status is Status.ANSWER and reply.entry_id:
        return f"entry:{reply.entry_id}"
    if reply.status in SHAREABLE_KINDS:
        return reply.status.value
    return None


def view_for(reply: Reply, *, shareable: bool) -> discord.ui.View | None:
    """The buttons a reply carries; safety replies carry none at all."""
    if reply.status is Status.SAFETY:
        return None
    view = discord.ui.View(timeout=None)
    topics: tuple[EntryRef, ...] = reply.suggestions or reply.related
    style = (discord.ButtonStyle.primary if reply.status is Status.SUGGEST
             else discord.ButtonStyle.secondary)
    seen: set[str] = set()
    for ref in topics:
        if len(seen) >= MAX_TOPIC_BUTTONS or ref.id in seen or not _fits(f"selank:show:{ref.id}"):
            continue
        seen.add(ref.id)
        view.add_item(ShowButton(ref.id, ref.question, style))
    entry_id = reply.entry_id
    if reply.status is Status.ANSWER and entry_id and _fits(f"selank:fb:down:{entry_id}"):
        view.add_item(FeedbackButton(entry_id, helpful=True))
        view.add_item(FeedbackButton(entry_id, helpful=False))
    key = share_key(reply)
    if shareable and key is not None and _fits(f"selank:share:{key}"):
        view.add_item(ShareButton(key))
    return view if view.children else None


def _fits(custom_id: str) -> bool:
    return len(custom_id) <= CUSTOM_ID_LIMIT


def _label(text: str) -> str:
    return text if len(text) <= LABEL_LIMIT else text[: LABEL_LIMIT - 1].rstrip() + "…"
