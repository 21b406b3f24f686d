"""Platforms register themselves; each strips its own markup on the way in."""

from __future__ import annotations

import subprocess
import sys

from adapters import registry
from adapters.discord.messages import without_markup


def test_every_platform_package_registers_itself_in_order() -> None:
    """Slack then Discord, each naming its token and classes as `module:Class`."""
    found = registry.platforms()
    assert list(found) == ["slack", "discord"]
    assert found["slack"].token == "SLACK_BOT_TOKEN"
    assert found["discord"].adapter == "adapters.discord.client:DiscordAdapter"


def test_listing_the_platforms_imports_no_platform_library() -> None:
    """Registration is cheap: neither Bolt nor discord.py is imported to list the platforms."""
    code = ("import sys; from adapters import registry; registry.platforms(); "
            "print(sorted(n for n in sys.modules if n.split('.')[0] in "
            "('slack_bolt', 'slack_sdk', 'discord')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_the_run_command_offers_the_registered_platforms() -> None:
    """`selank-bot run --help` lists exactly the registered names."""
    out = subprocess.run([sys.executable, "-m", "app.cli", "run", "--help"],
                         capture_output=True, text=True, check=True).stdout
    assert "{" + ",".join(registry.platforms()) + "}" in out


def test_slack_translate_in_strips_slack_markup_and_keeps_link_labels() -> None:
    """`<!channel>`, user and channel tokens go; a link's label stays; escapes are undone."""
    from adapters.slack.intake import without_markup

    text = "<@B1> <!channel> <@U123|bob> is it safe &amp; legal <#C1|general> <https://x.y|here>"
    assert without_markup(text, "B1").split() == ["is", "it", "safe", "&", "legal", "here"]


def test_discord_translate_in_strips_discord_markup() -> None:
    """User, role, channel, emoji and timestamp tokens never reach the core."""
    text = "<@42> <@!7> <@&9> is it safe <#12> <:pill:34> <t:1700000000:R>"
    assert without_markup(text) == "is it safe"
