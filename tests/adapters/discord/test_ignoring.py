"""Messages the bot must not answer.

Each test sends the ignored message, then a mention the bot does answer; events are handled in
order, so once that answer is posted, a reply to the first would have been posted too.
"""

from __future__ import annotations

from typing import Any

import pytest

from adapters.discord.client import DiscordAdapter


async def assert_ignored(standin: Any, ignored: dict[str, Any]) -> None:
    await standin.dispatch("MESSAGE_CREATE", ignored)
    sentinel = standin.mention("what is selank")
    await standin.dispatch("MESSAGE_CREATE", sentinel)
    await standin.reply_to(sentinel["id"])

    (only,) = standin.posts()
    assert str(only.body["message_reference"]["message_id"]) == sentinel["id"]


async def test_should_ignore_its_own_messages(adapter: DiscordAdapter, standin: Any) -> None:
    """The bot's own message, even one that mentions it, gets no answer."""
    own = standin.message(f"<@{standin.BOT_ID}> what is selank", mentions=[standin.bot_user()],
                          author=standin.bot_user())
    await assert_ignored(standin, own)


async def test_should_ignore_other_bots(adapter: DiscordAdapter, standin: Any) -> None:
    """Another bot mentioning this one gets no answer, so two bots cannot loop."""
    other = standin.user(standin.OTHER_BOT_ID, bot=True, name="otherbot")
    message = standin.message(f"<@{standin.BOT_ID}> what is selank",
                              mentions=[standin.bot_user()], author=other)
    await assert_ignored(standin, message)


async def test_should_ignore_other_bots_in_dms(adapter: DiscordAdapter, standin: Any) -> None:
    """A bot writing in a DM is ignored too."""
    other = standin.user(standin.OTHER_BOT_ID, bot=True, name="otherbot")
    await assert_ignored(standin, standin.message("what is selank", author=other, dm=True))


async def test_should_ignore_webhooks(adapter: DiscordAdapter, standin: Any) -> None:
    """A webhook message that mentions the bot gets no answer."""
    hook = standin.user("1900000000000000001", bot=True, name="announcements")
    message = standin.message(f"<@{standin.BOT_ID}> what is selank",
                              mentions=[standin.bot_user()], author=hook,
                              webhook_id="1900000000000000001")
    message.pop("member")
    await assert_ignored(standin, message)


@pytest.mark.parametrize("text", ["what is selank", "SelankBot what is selank"])
async def test_should_ignore_server_messages_without_a_mention(
        adapter: DiscordAdapter, standin: Any, text: str) -> None:
    """In a server only a mention is a question, even one naming the bot in plain text."""
    await assert_ignored(standin, standin.message(text))


@pytest.mark.parametrize("everyone", ["@everyone", "@here"])
async def test_should_ignore_a_message_that_only_mentions_everyone(
        adapter: DiscordAdapter, standin: Any, everyone: str) -> None:
    """`@everyone` / `@here` reach the bot too, but they are not a question to it."""
    await assert_ignored(standin, standin.message(f"{everyone} what is selank",
                                                  mention_everyone=True))
