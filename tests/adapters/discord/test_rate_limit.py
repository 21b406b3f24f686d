"""The per-user rate limit on Discord: one notice, then silence, and never a Discord error."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.discord.client import DiscordAdapter
from bot.content.knowledge import KnowledgeBase
from bot.core.responder import Responder
from bot.ops.feedback import InMemoryFeedbackSink
from bot.ops.ratelimit import RateLimiter
from bot.ops.service import BotService

DEFERRED_CHANNEL_MESSAGE = 5


@pytest.fixture
def service(kb: KnowledgeBase, feedback: InMemoryFeedbackSink) -> BotService:
    """The real core, allowing one question a minute."""
    return BotService(Responder(kb), feedback, limiter=RateLimiter(limit=1))


async def test_should_notify_once_then_acknowledge_commands_without_a_message(
        adapter: DiscordAdapter, standin: Any) -> None:
    """Past the limit: a private notice, then an acknowledged command that shows nothing."""
    replies = []
    for _ in range(3):
        interaction = standin.command("ask", question="is selank addictive")
        await standin.dispatch("INTERACTION_CREATE", interaction)
        replies.append(await standin.callback_of(interaction["id"]))
    answered, notice, silent = (call.body for call in replies)

    assert answered["data"]["embeds"][0]["title"] == "Is Selank addictive?"
    assert notice["data"]["flags"] & standin.EPHEMERAL
    assert "minute" in notice["data"]["embeds"][0]["description"]
    assert silent["type"] == DEFERRED_CHANNEL_MESSAGE and silent["data"]["flags"] & 64
    deleted = await standin.wait_for(
        lambda c: c.method == "DELETE" and c.path.endswith("/messages/@original"))
    assert deleted is not None


async def test_should_stay_silent_on_mentions_past_the_limit(
        adapter: DiscordAdapter, standin: Any) -> None:
    """A mention past the limit gets the notice once, then no message at all."""
    first, second, third = (standin.mention("is selank addictive") for _ in range(3))
    for message in (first, second, third):
        await standin.dispatch("MESSAGE_CREATE", message)
    notice = await standin.reply_to(second["id"])
    # The third is silent; a question from someone else, answered, proves the bot went on.
    other = standin.message(f"<@{standin.BOT_ID}> is selank addictive",
                            mentions=[standin.bot_user()], author=standin.user("4242"))
    await standin.dispatch("MESSAGE_CREATE", other)
    await standin.reply_to(other["id"])
    replied_to = [str(c.body.get("message_reference", {}).get("message_id"))
                  for c in standin.posts()]
    assert "minute" in notice.body["embeds"][0]["description"]
    assert first["id"] in replied_to and third["id"] not in replied_to
