"""The Discord client: gateway events and interactions in, core calls, rendered replies out.

Composition follows discord.py's `examples/advanced_startup.py`: the client receives the core
service and its settings in `__init__` and does its async set-up in `setup_hook`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import aiohttp
import discord
from discord import app_commands

from adapters.discord.commands import SelankCommands, asker_of
from adapters.discord.endpoints import point_at
from adapters.discord.messages import question_in
from adapters.discord.render import render
from adapters.discord.settings import API_URL, TOKEN, DiscordSettings
from adapters.discord.views import DYNAMIC_ITEMS, view_for
from bot.core.placement import THANKS, Delivery, Place, for_command, for_message
from bot.core.reply import Action, Reply
from bot.ops.config import ConfigError
from bot.ops.service import Asker, AsyncBotService, BotService

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()


def intents() -> discord.Intents:
    """The least the bot needs: no privileged intent, not even message content.

    Discord still delivers the content of messages that mention the bot, and of DMs.
    """
    return discord.Intents(guilds=True, guild_messages=True, dm_messages=True)


class SelankClient(discord.AutoShardedClient):
    """Answers mentions, DMs, `/selank` and button presses; it runs the shards it is given."""

    def __init__(self, service: AsyncBotService, settings: DiscordSettings) -> None:
        shards: dict[str, Any] = {}
        if settings.shard_count is not None:
            shards["shard_count"] = settings.shard_count
        if settings.shard_ids is not None:
            shards["shard_ids"] = list(settings.shard_ids)
        super().__init__(intents=intents(), allowed_mentions=NO_MENTIONS, **shards)
        self.service = service
        self.settings = settings
        self.tree = app_commands.CommandTree(self)
        self.tree.add_command(SelankCommands(service, self.respond_to_command))

    async def setup_hook(self) -> None:
        """Register the persistent buttons, and publish `/selank` when configured to."""
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        if self.settings.syncs_commands:
            await self.tree.sync()

    async def launch_shards(self) -> None:
        """With a gateway override, ask only the shard count of `/gateway/bot`, not its URL."""
        if self.settings.gateway_url and self.shard_count is None:
            self.shard_count, _, _ = await self.http.get_bot_gateway()
        await super().launch_shards()

    async def on_ready(self) -> None:
        log.info("Connected to Discord as %s, in %d servers", self.user, len(self.guilds))

    async def on_message(self, message: discord.Message) -> None:
        """Answer a mention in a server, or any DM, as a message of its own."""
        question = None if self.user is None else question_in(message, self.user)
        if question is None:
            return
        asker = Asker(platform="discord", user_id=str(message.author.id))
        delivery = for_message(await self.service.ask(question, asker))
        if delivery.reply is None or delivery.place is not Place.PUBLIC:
            return
        reply = delivery.reply
        parts = {"embed": render(reply), "view": _or_missing(view_for(reply)),
                 "allowed_mentions": NO_MENTIONS}
        try:
            if message.guild is None:
                await message.channel.send(**parts)
            else:
                await message.reply(**parts, mention_author=False)
        except discord.Forbidden:
            log.warning("No permission to reply in channel %s: the bot needs Send Messages, "
                        "Embed Links and Read Message History there", message.channel.id)

    async def respond_to_command(self, interaction: discord.Interaction, reply: Reply) -> None:
        """`/selank` answers are private unless DISCORD_PUBLIC says otherwise."""
        await self._deliver(interaction, for_command(reply, self.settings.public))

    async def on_pressed(self, interaction: discord.Interaction, action: Action) -> None:
        """A button: the core keeps a vote or builds the reply, and says where it goes."""
        message = interaction.message
        under_private = message is not None and message.flags.ephemeral
        delivery = await self.service.pressed(action, asker_of(interaction), under_private)
        await self._deliver(interaction, delivery, under_private=under_private)

    async def _deliver(self, interaction: discord.Interaction, delivery: Delivery, *,
                       under_private: bool = False) -> None:
        """The core's `Delivery` as the interaction's response. Each gets a message of its
        own, ephemeral when private, or when "in place" of a message only the user saw."""
        reply, place = delivery.reply, delivery.place
        if reply is None:  # a vote
            await interaction.response.send_message(THANKS, ephemeral=True,
                                                    allowed_mentions=NO_MENTIONS)
            return
        if place is Place.NOWHERE:
            # Discord wants every interaction acknowledged, or it shows the user an error;
            # the rate limit's silence holds all the same: acknowledge, then show nothing.
            await interaction.response.defer(ephemeral=True)
            if interaction.type is discord.InteractionType.application_command:
                await interaction.delete_original_response()
            return
        ephemeral = place is Place.PRIVATE or (place is Place.IN_PLACE and under_private)
        content = f"Shared by {interaction.user.mention}" if delivery.shared else None
        await interaction.response.send_message(
            content, embed=render(reply), view=_or_missing(view_for(reply)), ephemeral=ephemeral,
            allowed_mentions=NO_MENTIONS)


def _report_disconnect(task: asyncio.Task[None]) -> None:
    """A gateway connection that ends for good (a bad intent, a close code) is logged now,
    not discovered at shutdown; /healthz already turns 503 through `connected`."""
    if not task.cancelled() and task.exception() is not None:
        log.error("The Discord connection ended: %r", task.exception())


def _or_missing(view: discord.ui.View | None) -> Any:
    """discord.py wants MISSING, not None, for "no components"."""
    return discord.utils.MISSING if view is None else view


class DiscordAdapter:
    """Starts and stops the client for the runner, and says whether it is connected."""

    def __init__(self, service: BotService, settings: DiscordSettings) -> None:
        self._service = service
        self._settings = settings
        self._client: SelankClient | None = None
        self._task: asyncio.Task[None] | None = None
        self._restore: Callable[[], None] | None = None

    @property
    def client(self) -> SelankClient | None:
        return self._client

    @property
    def connected(self) -> bool:
        """Ready and not closed: what a health check reports."""
        client = self._client
        return client is not None and client.is_ready() and not client.is_closed()

    async def start(self) -> None:
        """Log in (which also publishes `/selank`), then connect in a background task."""
        self._restore = point_at(self._settings)
        client = SelankClient(AsyncBotService(self._service), self._settings)
        self._client = client
        try:
            await client.login(self._settings.token)
        except discord.LoginFailure:
            await self.stop()
            raise ConfigError([f"{TOKEN} was rejected by Discord: check the token on the "
                               "Bot page of the developer portal"]) from None
        except (aiohttp.ClientError, OSError) as error:
            await self.stop()
            if self._settings.api_url:
                raise ConfigError([f"{API_URL} could not be reached "
                                   f"({type(error).__name__})"]) from None
            raise
        except BaseException:
            await self.stop()
            raise
        self._task = asyncio.create_task(client.connect(), name="discord-gateway")
        self._task.add_done_callback(_report_disconnect)

    async def wait_until_ready(self) -> None:
        if self._client is not None:
            await self._client.wait_until_ready()

    async def wait_closed(self) -> None:
        """Return when the connection ends for good, raising what ended it."""
        if self._task is not None:
            await asyncio.shield(self._task)

    async def stop(self) -> None:
        """Close the client and put back any endpoint overrides."""
        client, task = self._client, self._task
        self._task = None
        if client is not None:
            await client.close()
        if task is not None:
            task.cancel()
            # Its outcome, error or not, is for wait_closed(); stopping itself never fails.
            await asyncio.gather(task, return_exceptions=True)
        if self._restore is not None:
            self._restore()
            self._restore = None

