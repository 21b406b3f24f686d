"""Buttons under a reply, laid out from the actions the core chose for it (`Reply.actions`).

Each button's custom id is the core's action id (bot/core/actions.py), so it outlives a
restart: one `DynamicItem` matches every id discord.py sees and decodes it. What a press
does lives in the client (`ButtonHandler`); this module only lays the buttons out.
"""

from __future__ import annotations

import re
from typing import Any, Protocol, Self, runtime_checkable

import discord

from adapters.discord.render import cut
from bot.core.actions import ID_LIMIT, decode, encode
from bot.core.reply import Action, ActionKind, Reply, Status

CUSTOM_ID_LIMIT = 100
assert ID_LIMIT <= CUSTOM_ID_LIMIT, "the core's action ids must fit a Discord custom id"
LABEL_LIMIT = 80
MAX_TOPIC_BUTTONS = 20
"""Four rows of five; the fifth row keeps 👍 / 👎, the menu and "Post publicly"."""


@runtime_checkable
class ButtonHandler(Protocol):
    """What the client does when a button is pressed."""

    async def on_pressed(self, interaction: discord.Interaction, action: Action) -> None: ...


class ActionButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
                   template=r"selank:[a-z0-9:-]+"):
    """Any of our buttons: a topic, 👍 / 👎, a menu reply or "Post publicly"."""

    def __init__(self, action: Action,
                 style: discord.ButtonStyle = discord.ButtonStyle.secondary) -> None:
        label, emoji = _face(action)
        super().__init__(discord.ui.Button(custom_id=encode(action), style=style,
                                           label=label, emoji=emoji))
        self.action = action

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> Self:
        action = decode(match.string)
        if action is None:
            raise ValueError(f"not a selank action id: {match.string!r}")
        return cls(action)

    async def callback(self, interaction: discord.Interaction) -> None:
        client = interaction.client
        if not isinstance(client, ButtonHandler):
            raise TypeError("selank buttons need a client that implements ButtonHandler")
        await client.on_pressed(interaction, self.action)


DYNAMIC_ITEMS = (ActionButton,)


def view_for(reply: Reply) -> discord.ui.View | None:
    """The buttons of the reply's actions, topics first; the core keeps "Post publicly" only
    on a reply its asker alone can see (bot/core/placement.py)."""
    view = discord.ui.View(timeout=None)
    topic_style = (discord.ButtonStyle.primary if reply.status is Status.SUGGEST
                   else discord.ButtonStyle.secondary)
    for action in reply.offers(ActionKind.SHOW)[:MAX_TOPIC_BUTTONS]:
        view.add_item(ActionButton(action, topic_style))
    for action in reply.actions:
        if action.kind is not ActionKind.SHOW:
            view.add_item(ActionButton(action, discord.ButtonStyle.primary
                                       if action.kind is ActionKind.SHARE else
                                       discord.ButtonStyle.secondary))
    return view if view.children else None


def _face(action: Action) -> tuple[str | None, str | None]:
    """The label, or the emoji, a button shows."""
    match action.kind:
        case ActionKind.HELPFUL:
            return None, "👍"
        case ActionKind.NOT_HELPFUL:
            return None, "👎"
        case ActionKind.SHARE:
            return "Post publicly", None
        case _:
            return cut(action.label or "Show", LABEL_LIMIT), None
