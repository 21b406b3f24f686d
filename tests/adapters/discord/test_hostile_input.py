"""Input meant to make the bot ping people or break Discord's limits."""

from __future__ import annotations

from typing import Any

from adapters.discord.client import DiscordAdapter
from adapters.discord.render import (
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    FOOTER_LIMIT,
    TITLE_LIMIT,
)

DISCLAIMER = "this is not medical advice"


def embed_size(embed: dict[str, Any]) -> int:
    fields = embed.get("fields") or []
    return (len(embed.get("title", "")) + len(embed.get("description", ""))
            + len(embed["footer"]["text"])
            + sum(len(f["name"]) + len(f["value"]) for f in fields))


async def test_should_never_ping_everyone_named_in_a_question(
        adapter: DiscordAdapter, standin: Any) -> None:
    """`@everyone`, `@here`, roles and users in a question are sent back with parse: []."""
    question = standin.message(
        f"<@{standin.BOT_ID}> @everyone @here <@&1200000000000000001> <@{standin.ALICE_ID}> "
        "is selank addictive", mentions=[standin.bot_user(), standin.user()],
        mention_everyone=True, mention_roles=["1200000000000000001"])
    await standin.dispatch("MESSAGE_CREATE", question)
    call = await standin.reply_to(question["id"])

    assert call.body["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert "@everyone" not in str(call.body)
    assert call.body["embeds"][0]["title"] == "Is Selank addictive?"


async def test_should_answer_a_huge_message_within_discords_limits(
        adapter: DiscordAdapter, standin: Any) -> None:
    """10,000 characters are answered, say they were cut, and stay within every limit."""
    question = standin.mention("is selank addictive " + "very " * 2000)
    assert len(question["content"]) > 10_000
    await standin.dispatch("MESSAGE_CREATE", question)
    call = await standin.reply_to(question["id"])

    (embed,) = call.body["embeds"]
    assert len(embed["title"]) <= TITLE_LIMIT
    assert len(embed["description"]) <= DESCRIPTION_LIMIT
    assert len(embed["footer"]["text"]) <= FOOTER_LIMIT
    assert embed_size(embed) <= EMBED_TOTAL_LIMIT
    assert "only its first" in embed["description"]
    assert DISCLAIMER in embed["footer"]["text"]


async def test_should_answer_an_empty_mention_with_help(
        adapter: DiscordAdapter, standin: Any) -> None:
    """A bare mention is someone asking what the bot does."""
    question = standin.mention("")
    await standin.dispatch("MESSAGE_CREATE", question)
    call = await standin.reply_to(question["id"])

    assert call.body["embeds"][0]["title"] == "What I can do"


async def test_should_answer_safety_replies_without_any_buttons(
        adapter: DiscordAdapter, standin: Any) -> None:
    """Someone in danger gets the help lines only: no 👍 / 👎, no topics, no sharing."""
    question = standin.mention("i want to kill myself")
    await standin.dispatch("MESSAGE_CREATE", question)
    call = await standin.reply_to(question["id"])

    assert call.body["embeds"][0]["title"] == "Please get help now"
    assert not call.body.get("components")
