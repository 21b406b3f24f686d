"""The `/selank` command group: `ask` (with autocomplete), `help`, `summary` and `topics`.

Subcommands, not one command with a mode option: Discord lists each subcommand with its own
description in the command picker, which is how users find what a bot can do.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import discord
from discord import app_commands

from adapters.discord.messages import without_markup
from adapters.discord.render import cut
from bot.core.actions import ID_LIMIT, decode, encode
from bot.core.reply import Action, ActionKind, Menu, Reply
from bot.ops.service import Asker, AsyncBotService

CHOICE_LIMIT = 25
CHOICE_TEXT_LIMIT = 100
assert ID_LIMIT <= CHOICE_TEXT_LIMIT, "an autocomplete value is a core action id"

Respond = Callable[[discord.Interaction, Reply], Awaitable[None]]


def asker_of(interaction: discord.Interaction) -> Asker:
    return Asker(platform="discord", user_id=str(interaction.user.id))


class SelankCommands(app_commands.Group):
    """`/selank …`: each subcommand asks the core and hands the reply to `respond`."""

    def __init__(self, service: AsyncBotService, respond: Respond) -> None:
        super().__init__(name="selank",
                         description="Answers about the peptide Selank from one curated source")
        self._service = service
        self._respond = respond

    @app_commands.command(name="ask", description="Ask a question about Selank")
    @app_commands.describe(question="Type a question, or pick one of the suggestions")
    async def ask(self, interaction: discord.Interaction, question: str) -> None:
        # An autocomplete choice's value is the entry's show action, not text to match again.
        picked = decode(question.strip())
        asker = asker_of(interaction)
        if picked is not None and picked.kind is ActionKind.SHOW:
            reply = await self._service.press(picked, asker)
        else:
            reply = await self._service.ask(without_markup(question), asker)
        await self._respond(interaction, reply)

    @ask.autocomplete("question")
    async def complete_question(self, interaction: discord.Interaction,
                                current: str) -> list[app_commands.Choice[str]]:
        refs = await self._service.complete(current, CHOICE_LIMIT)
        values = [(ref.question, encode(Action(ActionKind.SHOW, entry_id=ref.id)))
                  for ref in refs[:CHOICE_LIMIT]]
        return [app_commands.Choice(name=cut(name, CHOICE_TEXT_LIMIT), value=value)
                for name, value in values if len(value) <= ID_LIMIT]

    @app_commands.command(name="help", description="What this bot can do")
    async def help(self, interaction: discord.Interaction) -> None:
        await self._respond(interaction, await self._menu(interaction, Menu.HELP))

    @app_commands.command(name="summary", description="The key points about Selank")
    async def summary(self, interaction: discord.Interaction) -> None:
        await self._respond(interaction, await self._menu(interaction, Menu.SUMMARY))

    @app_commands.command(name="topics", description="Every question this bot can answer")
    async def topics(self, interaction: discord.Interaction) -> None:
        await self._respond(interaction, await self._menu(interaction, Menu.TOPICS))

    async def _menu(self, interaction: discord.Interaction, menu: Menu) -> Reply:
        """A menu command, rate-limited and counted like the same button on any platform."""
        return await self._service.menu(menu, asker_of(interaction))
