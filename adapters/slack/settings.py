"""Slack settings from the environment: every problem named by variable, never by value."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.ops.config import ConfigError, optional_choice, optional_int, optional_url, require

DEFAULT_PORT = 3000


@dataclass(frozen=True, slots=True)
class SlackSettings:
    """What the Slack adapter needs; secrets stay out of `repr` so logs never show them."""

    bot_token: str = field(repr=False)
    app_token: str | None = field(default=None, repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    port: int = DEFAULT_PORT
    public: bool = False
    """`/selank` answers the whole channel (SLACK_RESPONSE=in_channel), not the asker alone."""
    api_url: str | None = None

    @property
    def socket_mode(self) -> bool:
        """An app-level token means Socket Mode: no public URL, no signature to check."""
        return self.app_token is not None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> SlackSettings:
        """Read and check every variable; raise one ConfigError listing all the problems."""
        problems: list[str] = []
        bot_token = require(env, "SLACK_BOT_TOKEN", problems,
                            "the Bot User OAuth Token from the app's OAuth & Permissions page")
        if bot_token and not bot_token.startswith("xoxb-"):
            problems.append("SLACK_BOT_TOKEN should be a bot token starting with xoxb-")
        app_token = env.get("SLACK_APP_TOKEN", "").strip() or None
        if app_token is not None and not app_token.startswith("xapp-"):
            problems.append("SLACK_APP_TOKEN should be an app-level token starting with xapp-")
        signing_secret = env.get("SLACK_SIGNING_SECRET", "").strip() or None
        if app_token is None and signing_secret is None:
            problems.append("SLACK_SIGNING_SECRET is not set: HTTP mode needs it to verify "
                            "requests (or set SLACK_APP_TOKEN to use Socket Mode)")
        port = optional_int(env, "PORT", DEFAULT_PORT, problems, minimum=1, maximum=65535)
        response = optional_choice(env, "SLACK_RESPONSE", ("ephemeral", "in_channel"), problems)
        # slack_sdk joins method names onto the base URL, so it must end in `/`.
        api_url = optional_url(env, "SLACK_API_URL", ("http", "https"), problems)
        if problems:
            raise ConfigError(problems)
        return cls(bot_token=bot_token, app_token=app_token, signing_secret=signing_secret,
                   port=port, public=response == "in_channel", api_url=api_url and api_url + "/")
