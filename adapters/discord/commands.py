"""The `/selank` command group: `ask` (with autocomplete), `help`, `summary` and `topics`.

Subcommands, not one command with a mode option: Discord lists each subcommand with its own
description in the command picker, which is how users find what a bot can do.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import discord
from discord import app_commands

from adapters.discord.messages import without_markup
from bot.core.reply import Reply
from bot.ops.service import Asker, AsyncBotService

CHOICE_LIMIT = 25
CHOICE_TEXT_LIMIT = 100
PICKED = re.compile(r"selank:show:(?P<entry_id>[a-z0-9-]+)")
"""The value of an autocomplete choice: the entry itself, not text to match again."""

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
        picked = PICKED.fullmatch(question.strip())
        asker = asker_of(interaction)
        if picked is not None:
            reply = await self._service.show(picked["entry_id"], asker)
        else:
            reply = await self._service.ask(without_markup(question), asker)
        await self._respond(interaction, reply)

    @ask.autocomplete("question")
    async def complete_question(self, interaction: discord.Interaction,
                                current: str) -> list[app_commands.Choice[str]]:
        refs = await self._service.complete(current, CHOICE_LIMIT)
        choices = []
        for ref in refs[:CHOICE_LIMIT]:
            value = f"selank:show:{ref.id}"
            if len(value) > CHOICE_TEXT_LIMIT:
                continue
            name = (ref.question if len(ref.question) <= CHOICE_TEXT_LIMIT
                    else ref.question[: CHOICE_TEXT_LIMIT - 1] + "…")
            choices.append(app_commands.Choice(name=name, value=value))
        return choices

    @app_commands.command(name="help", description="What this bot can do")
    async def help(self, interaction: discord.Interaction) -> None:
        await self._respond(interaction, await self._service.help())

    @app_commands.command(name="summary", description="The key points about Selank")
    async def summary(self, interaction: discord.Interaction) -> None:
        await self._respond(interaction, await self._service.summary())

    @app_commands.command(name="topics", description="Every question this bot can answer")
    async def topics(self, interaction: discord.Interaction) -> None:
        await self._respond(interaction, await self._service.topics())
