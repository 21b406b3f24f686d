"""Starting and stopping the adapter as the runner does, and failing clearly when misconfigured."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route

from adapters.discord.client import DiscordAdapter
from adapters.discord.settings import DiscordSettings
from bot.ops.config import ConfigError
from bot.ops.service import BotService

WAIT = 5.0


async def test_should_report_disconnected_once_stopped(adapter: DiscordAdapter) -> None:
    """`connected` is the health check: true while ready, false after stop()."""
    assert adapter.connected
    await adapter.stop()
    assert not adapter.connected


async def test_should_name_the_token_when_discord_rejects_it(
        service: BotService, env: dict[str, str]) -> None:
    """A token Discord refuses gives one ConfigError naming DISCORD_TOKEN, never its value."""
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    wrong = "wrong-token.abc"
    adapter = DiscordAdapter(service, DiscordSettings.from_env(env | {"DISCORD_TOKEN": wrong}))
    with pytest.raises(ConfigError) as caught:
        await adapter.start()

    assert "DISCORD_TOKEN" in str(caught.value)
    assert wrong not in str(caught.value)
    assert (base, gateway) == (Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY)


async def test_should_not_publish_commands_unless_configured_to(
        service: BotService, env: dict[str, str], standin: Any) -> None:
    """With DISCORD_SYNC_COMMANDS=false the bot logs in without touching its commands."""
    settings = DiscordSettings.from_env(env | {"DISCORD_SYNC_COMMANDS": "false"})
    adapter = DiscordAdapter(service, settings)
    try:
        await adapter.start()
    finally:
        await adapter.stop()
    paths = [c.path for c in standin.calls]
    assert "/api/v10/oauth2/applications/@me" in paths
    assert not any(p.endswith("/commands") for p in paths)


async def test_should_name_the_api_url_when_nothing_answers_there(
        service: BotService, env: dict[str, str]) -> None:
    """An API override where nothing listens gives a ConfigError naming DISCORD_API_URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings = DiscordSettings.from_env(
        env | {"DISCORD_API_URL": f"http://127.0.0.1:{closed_port}/api/v10"})
    with pytest.raises(ConfigError, match="DISCORD_API_URL could not be reached"):
        await DiscordAdapter(service, settings).start()
