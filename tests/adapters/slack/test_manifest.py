"""The shipped Slack app manifest asks for exactly what the adapter listens to."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

import adapters.slack
from adapters.slack.app import COMMAND

MANIFEST = Path(adapters.slack.__file__).parent / "manifest.yaml"


def _manifest() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return data


def test_should_declare_the_slash_command_the_app_handles() -> None:
    """The manifest's only slash command is the one the app registers."""
    commands = [c["command"] for c in _manifest()["features"]["slash_commands"]]
    assert commands == [COMMAND]


def test_should_subscribe_to_mentions_and_dms_with_their_scopes() -> None:
    """Events and scopes match: mentions, DMs, the command, and posting replies."""
    manifest = _manifest()
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {
        "app_mention", "message.im"}
    assert set(manifest["oauth_config"]["scopes"]["bot"]) >= {
        "commands", "app_mentions:read", "chat:write", "im:history", "im:read", "im:write"}


def test_should_enable_interactivity_and_socket_mode() -> None:
    """Buttons need interactivity; the default set-up needs no public URL."""
    settings = _manifest()["settings"]
    assert settings["interactivity"]["is_enabled"] is True
    assert settings["socket_mode_enabled"] is True


def test_should_keep_settings_and_render_free_of_slack_libraries() -> None:
    """Settings and rendering are pure, so config checks and render tests load no Bolt."""
    code = ("import sys, adapters.slack.settings, adapters.slack.render, adapters.common.recent\n"
            "print(sorted(n for n in sys.modules if n.split('.')[0] in "
            "('slack_bolt', 'slack_sdk', 'aiohttp')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
