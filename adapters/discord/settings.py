"""Discord settings from the environment, checked all at once so one message names every problem."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from bot.ops.config import ConfigError, optional_bool, optional_int, optional_url, require

TOKEN: Final = "DISCORD_TOKEN"
API_URL: Final = "DISCORD_API_URL"
GATEWAY_URL: Final = "DISCORD_GATEWAY_URL"
SHARD_COUNT: Final = "DISCORD_SHARD_COUNT"
SHARD_IDS: Final = "DISCORD_SHARD_IDS"
PUBLIC: Final = "DISCORD_PUBLIC"
SYNC_COMMANDS: Final = "DISCORD_SYNC_COMMANDS"


@dataclass(frozen=True, slots=True)
class DiscordSettings:
    """What the Discord adapter needs; the token is kept out of `repr` so logs never show it."""

    token: str = field(repr=False)
    api_url: str | None = None
    gateway_url: str | None = None
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    public: bool = False
    sync_commands: bool = True

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> DiscordSettings:
        """Read and check every variable; raise one ConfigError listing all problems."""
        problems: list[str] = []
        token = require(env, TOKEN, problems,
                        "the bot token from the Discord developer portal (Bot page)")
        if token and (token.lower().startswith("bot ") or any(c.isspace() for c in token)):
            problems.append(f"{TOKEN} should be the bare token: no spaces and no 'Bot ' prefix")
        api_url = optional_url(env, API_URL, ("http", "https"), problems)
        gateway_url = optional_url(env, GATEWAY_URL, ("ws", "wss"), problems)
        shard_count = optional_int(env, SHARD_COUNT, 0, problems, minimum=1) or None
        shard_ids = _shard_ids(env, shard_count, problems)
        public = optional_bool(env, PUBLIC, False, problems)
        sync_commands = optional_bool(env, SYNC_COMMANDS, True, problems)
        if problems:
            raise ConfigError(problems)
        return cls(token=token, api_url=api_url, gateway_url=gateway_url,
                   shard_count=shard_count, shard_ids=shard_ids, public=public,
                   sync_commands=sync_commands)

    @property
    def syncs_commands(self) -> bool:
        """Sync `/selank` from one process only: the one running shard 0, or the only one."""
        return self.sync_commands and (self.shard_ids is None or 0 in self.shard_ids)


def _shard_ids(env: Mapping[str, str], count: int | None,
               problems: list[str]) -> tuple[int, ...] | None:
    raw = env.get(SHARD_IDS, "").strip()
    if not raw:
        return None
    if count is None:
        problems.append(f"{SHARD_IDS} needs {SHARD_COUNT}: the total number of shards")
        return None
    try:
        ids = tuple(int(part) for part in raw.split(","))
    except ValueError:
        problems.append(f"{SHARD_IDS} should be comma-separated whole numbers, such as 0,1")
        return None
    if any(not 0 <= shard < count for shard in ids) or len(set(ids)) != len(ids):
        problems.append(f"{SHARD_IDS} should list distinct shard ids from 0 to {SHARD_COUNT} - 1")
        return None
    return ids
