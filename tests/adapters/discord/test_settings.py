"""Discord settings: each problem named by its variable, the token never shown."""

from __future__ import annotations

import pytest

from adapters.discord.settings import DiscordSettings
from bot.ops.config import ConfigError

TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.secret.value"


def problems(env: dict[str, str]) -> str:
    with pytest.raises(ConfigError) as caught:
        DiscordSettings.from_env(env)
    message = str(caught.value)
    assert TOKEN not in message and "secret" not in message
    return message


def test_should_need_only_a_token() -> None:
    """A token alone gives private answers, one process for all shards, commands synced."""
    settings = DiscordSettings.from_env({"DISCORD_TOKEN": f"  {TOKEN} "})
    assert settings == DiscordSettings(token=TOKEN)
    assert not settings.public and settings.syncs_commands
    assert settings.shard_count is None and settings.shard_ids is None


def test_should_hide_the_token_from_repr() -> None:
    """Settings can be logged without leaking the token."""
    assert TOKEN not in repr(DiscordSettings.from_env({"DISCORD_TOKEN": TOKEN}))


@pytest.mark.parametrize("env", [{}, {"DISCORD_TOKEN": "   "}])
def test_should_name_a_missing_token(env: dict[str, str]) -> None:
    """No token: the message names DISCORD_TOKEN."""
    assert "DISCORD_TOKEN is not set" in problems(env)


@pytest.mark.parametrize("token", [f"Bot {TOKEN}", f"{TOKEN} extra"])
def test_should_name_a_malformed_token_without_showing_it(token: str) -> None:
    """A pasted "Bot " prefix or stray text is named, and the value never echoed."""
    assert "DISCORD_TOKEN should be the bare token" in problems({"DISCORD_TOKEN": token})


@pytest.mark.parametrize(("name", "value"), [
    ("DISCORD_API_URL", "discord.com/api/v10"),
    ("DISCORD_API_URL", "ws://127.0.0.1/api"),
    ("DISCORD_GATEWAY_URL", "https://gateway.discord.gg"),
    ("DISCORD_SHARD_COUNT", "two"),
    ("DISCORD_SHARD_COUNT", "0"),
    ("DISCORD_PUBLIC", "maybe"),
    ("DISCORD_SYNC_COMMANDS", "sometimes"),
])
def test_should_name_each_malformed_variable(name: str, value: str) -> None:
    """Each malformed optional variable is named in the error."""
    assert name in problems({"DISCORD_TOKEN": TOKEN, name: value})


@pytest.mark.parametrize(("ids", "expected"), [
    ("0,x", "comma-separated whole numbers"), ("0,2", "from 0 to"), ("1,1", "distinct"),
])
def test_should_name_bad_shard_ids(ids: str, expected: str) -> None:
    """Shard ids must be distinct whole numbers below the shard count."""
    message = problems({"DISCORD_TOKEN": TOKEN, "DISCORD_SHARD_COUNT": "2",
                        "DISCORD_SHARD_IDS": ids})
    assert "DISCORD_SHARD_IDS" in message and expected in message


def test_should_need_a_shard_count_for_shard_ids() -> None:
    """Shard ids alone cannot say how many shards there are in all."""
    message = problems({"DISCORD_TOKEN": TOKEN, "DISCORD_SHARD_IDS": "0"})
    assert "DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT" in message


def test_should_list_every_problem_at_once() -> None:
    """One error names all the variables that need fixing, one per line."""
    error_text = problems({"DISCORD_API_URL": "nope", "DISCORD_PUBLIC": "perhaps"})
    assert error_text.splitlines() == [
        line for line in error_text.splitlines() if line.startswith("DISCORD_")]
    assert len(error_text.splitlines()) == 3


def test_should_read_every_variable() -> None:
    """All options together, as a sharded production process would set them."""
    settings = DiscordSettings.from_env({
        "DISCORD_TOKEN": TOKEN, "DISCORD_API_URL": "http://proxy:8080/api/v10/",
        "DISCORD_GATEWAY_URL": "wss://gateway.example", "DISCORD_SHARD_COUNT": "4",
        "DISCORD_SHARD_IDS": "2, 3", "DISCORD_PUBLIC": "true", "DISCORD_SYNC_COMMANDS": "no",
    })
    assert settings == DiscordSettings(
        token=TOKEN, api_url="http://proxy:8080/api/v10", gateway_url="wss://gateway.example",
        shard_count=4, shard_ids=(2, 3), public=True, sync_commands=False)


@pytest.mark.parametrize(("ids", "syncs"), [("0,1", True), ("2,3", False)])
def test_should_sync_commands_only_from_the_process_running_shard_zero(
        ids: str, syncs: bool) -> None:
    """With shards split over processes, one publishes `/selank`, not all of them."""
    settings = DiscordSettings.from_env({"DISCORD_TOKEN": TOKEN, "DISCORD_SHARD_COUNT": "4",
                                         "DISCORD_SHARD_IDS": ids})
    assert settings.syncs_commands is syncs

