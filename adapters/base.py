"""What the runner needs from a chat adapter, and nothing more.

The Slack and Discord adapters satisfy these protocols structurally: they need not import
this module. `routes()` is optional: only an adapter that receives HTTP (Slack in HTTP mode)
has it, and the runner mounts those routes on its one HTTP server.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from aiohttp import web

from bot.ops.service import BotService


class Adapter(Protocol):
    """A chat platform connection that the runner starts, watches and stops."""

    @property
    def connected(self) -> bool:
        """Whether it can take events now; `/healthz` answers 503 when any cannot."""
        ...

    async def start(self) -> None:
        """Connect and begin taking events (it may return at once or run until stopped)."""
        ...

    async def stop(self) -> None:
        """Stop taking new events and finish the replies in flight."""
        ...


@runtime_checkable
class ServesRoutes(Protocol):
    """An adapter that receives events over HTTP on the runner's server."""

    def routes(self) -> list[web.RouteDef]:
        """The routes to mount; none when this adapter takes no HTTP (Slack in Socket Mode)."""
        ...

    def http_port(self) -> tuple[int, str]:
        """The port its routes are served on, and the variable that sets it."""
        ...


class PlatformSettings(Protocol):
    """The class side of `SlackSettings` / `DiscordSettings`."""

    def from_env(self, env: Mapping[str, str]) -> Any: ...


class AdapterFactory(Protocol):
    """The adapter class: `SlackAdapter(service, settings)`."""

    def __call__(self, service: BotService, settings: Any) -> Adapter: ...


@dataclass(frozen=True, slots=True)
class Platform:
    """A configured platform, ready to build: its name, settings and adapter class."""

    name: str
    settings: Any
    factory: AdapterFactory

    def build(self, service: BotService) -> Adapter:
        return self.factory(service, self.settings)
