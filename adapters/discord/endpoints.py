"""Where discord.py connects: the REST base and the gateway, overridable for proxies and tests.

discord.py keeps both as class attributes (`Route.BASE`, `DiscordWebSocket.DEFAULT_GATEWAY`),
so an override is process-wide; `point_at` returns the function that puts the old ones back.
"""

from __future__ import annotations

from collections.abc import Callable

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from adapters.discord.settings import DiscordSettings


def point_at(settings: DiscordSettings) -> Callable[[], None]:
    """Apply the configured endpoints; call the result to restore the previous ones."""
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    if settings.api_url:
        Route.BASE = settings.api_url
    if settings.gateway_url:
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)

    def restore() -> None:
        Route.BASE = base
        DiscordWebSocket.DEFAULT_GATEWAY = gateway

    return restore
