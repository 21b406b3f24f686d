"""Discord: a gateway client and `/selank`. Registered here; discord.py is imported only to run."""

from adapters.registry import Registration, register

register(Registration("discord", "DISCORD_TOKEN", "adapters.discord.settings:DiscordSettings",
                      "adapters.discord.client:DiscordAdapter", position=20))
