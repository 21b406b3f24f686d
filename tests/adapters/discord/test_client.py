"""The adapter's real discord.py client against the stand-in: what it answers, and how."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.discord.client import DiscordAdapter
from bot.content.knowledge import KnowledgeBase
from bot.ops.feedback import InMemoryFeedbackSink

DISCLAIMER = "this is not medical advice"
MESSAGE_CONTENT_INTENT = 1 << 15
PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | MESSAGE_CONTENT_INTENT
MESSAGE_RESPONSE = 4
AUTOCOMPLETE_RESPONSE = 8


def embed_of(body: dict[str, Any]) -> dict[str, Any]:
    embeds = body.get("embeds") or body["data"]["embeds"]
    assert len(embeds) == 1
    embed: dict[str, Any] = embeds[0]
    return embed


@pytest.mark.parametrize("nick", [False, True], ids=["<@id>", "<@!id>"])
async def test_should_reply_to_a_mention_with_the_entry_referencing_the_message(
        adapter: DiscordAdapter, standin: Any, nick: bool) -> None:
    """A mention gets its answer as a reply to that message, with the disclaimer, pinging no one."""
    question = standin.mention("does selank cause headaches", nick=nick)
    await standin.dispatch("MESSAGE_CREATE", question)
    call = await standin.reply_to(question["id"])

    embed = embed_of(call.body)
    assert embed["title"] == "What side effects does Selank have?"
    assert DISCLAIMER in embed["footer"]["text"]
    assert call.path == f"/api/v10/channels/{standin.CHANNEL_ID}/messages"
    assert call.body["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert "selank:fb:up:side-effects" in standin.custom_ids(call.body)


async def test_should_answer_a_dm_in_the_dm(adapter: DiscordAdapter, standin: Any) -> None:
    """A DM needs no mention and is answered in the same DM channel."""
    await standin.dispatch("MESSAGE_CREATE", standin.message("is selank addictive", dm=True))
    call = await standin.wait_for(lambda c: standin.DM_CHANNEL_ID in c.path)

    assert embed_of(call.body)["title"] == "Is Selank addictive?"
    assert call.body["allowed_mentions"]["parse"] == []


async def test_should_connect_without_any_privileged_intent(
        adapter: DiscordAdapter, standin: Any) -> None:
    """IDENTIFY asks for no message content, members or presences: mentions and DMs suffice."""
    assert standin.identify is not None
    assert standin.identify["intents"] & PRIVILEGED_INTENTS == 0
    assert adapter.connected


async def test_should_publish_selank_with_subcommands_and_autocomplete(
        adapter: DiscordAdapter, standin: Any) -> None:
    """setup_hook overwrites one `/selank`: ask (autocompleted), help, summary and topics."""
    (selank,) = standin.commands
    subcommands = {option["name"]: option for option in selank["options"]}
    assert selank["name"] == "selank"
    assert set(subcommands) == {"ask", "help", "summary", "topics"}
    (question,) = subcommands["ask"]["options"]
    assert question["name"] == "question" and question["autocomplete"] is True


async def test_should_answer_selank_ask_privately_with_a_post_publicly_button(
        adapter: DiscordAdapter, standin: Any) -> None:
    """`/selank ask` answers ephemerally (flag 64), with 👍 / 👎 and "Post publicly"."""
    interaction = standin.command("ask", question="is selank addictive")
    await standin.dispatch("INTERACTION_CREATE", interaction)
    call = await standin.callback_of(interaction["id"])

    assert call.body["type"] == MESSAGE_RESPONSE
    assert call.body["data"]["flags"] & standin.EPHEMERAL
    assert call.body["data"]["allowed_mentions"]["parse"] == []
    assert embed_of(call.body)["title"] == "Is Selank addictive?"
    assert DISCLAIMER in embed_of(call.body)["footer"]["text"]
    assert standin.custom_ids(call.body)[-3:] == [
        "selank:fb:up:dependence-and-withdrawal", "selank:fb:down:dependence-and-withdrawal",
        "selank:share:entry:dependence-and-withdrawal",
    ]


@pytest.mark.parametrize(("subcommand", "title"), [
    ("help", "What I can do"), ("summary", "Selank: the key points"),
    ("topics", "What I can answer"),
])
async def test_should_answer_the_help_summary_and_topics_subcommands(
        adapter: DiscordAdapter, standin: Any, subcommand: str, title: str) -> None:
    """Each subcommand gets the core's reply of the same name, privately, with the disclaimer."""
    interaction = standin.command(subcommand)
    await standin.dispatch("INTERACTION_CREATE", interaction)
    call = await standin.callback_of(interaction["id"])

    assert embed_of(call.body)["title"] == title
    assert DISCLAIMER in embed_of(call.body)["footer"]["text"]
    assert call.body["data"]["flags"] & standin.EPHEMERAL
    assert standin.custom_ids(call.body) == [f"selank:share:{subcommand}"]


async def test_should_autocomplete_the_question_with_entries_from_the_core(
        adapter: DiscordAdapter, standin: Any) -> None:
    """Typing offers the core's matches, within Discord's 25 choices of 100 characters."""
    interaction = standin.autocomplete("semax")
    await standin.dispatch("INTERACTION_CREATE", interaction)
    call = await standin.callback_of(interaction["id"])

    choices = call.body["data"]["choices"]
    assert call.body["type"] == AUTOCOMPLETE_RESPONSE
    assert choices[0] == {"name": "How does Selank compare with Semax?",
                          "value": "selank:show:vs-semax"}
    assert len(choices) <= 25
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)


async def test_should_show_the_entry_picked_from_autocomplete(
        adapter: DiscordAdapter, standin: Any) -> None:
    """A picked choice's value names the entry, so it is shown without matching again."""
    interaction = standin.command("ask", question="selank:show:dosage")
    await standin.dispatch("INTERACTION_CREATE", interaction)
    call = await standin.callback_of(interaction["id"])

    assert embed_of(call.body)["title"] == "What dose of Selank should I take?"


async def test_should_post_a_private_answer_publicly_when_asked(
        adapter: DiscordAdapter, standin: Any) -> None:
    """"Post publicly" posts the same answer in the channel, crediting the user without a ping."""
    interaction = standin.command("ask", question="is selank addictive")
    await standin.dispatch("INTERACTION_CREATE", interaction)
    private = await standin.callback_of(interaction["id"])

    press = standin.press("selank:share:entry:dependence-and-withdrawal",
                          on=standin.response_message(private))
    await standin.dispatch("INTERACTION_CREATE", press)
    call = await standin.callback_of(press["id"])

    assert call.body["type"] == MESSAGE_RESPONSE
    assert not (call.body["data"].get("flags") or 0) & standin.EPHEMERAL
    assert embed_of(call.body) == embed_of(private.body)
    assert call.body["data"]["content"] == f"Shared by <@{standin.ALICE_ID}>"
    assert call.body["data"]["allowed_mentions"]["parse"] == []
    assert not any(i.startswith("selank:share:") for i in standin.custom_ids(call.body))


async def test_should_record_feedback_and_thank_privately(
        adapter: DiscordAdapter, standin: Any, feedback: InMemoryFeedbackSink) -> None:
    """👍 reaches the feedback sink with the entry and the user; the thanks is ephemeral."""
    question = standin.mention("is selank addictive")
    await standin.dispatch("MESSAGE_CREATE", question)
    answer = await standin.reply_to(question["id"])

    on = standin.message_from_bot(standin.CHANNEL_ID, answer.body)
    press = standin.press("selank:fb:up:dependence-and-withdrawal", on=on)
    await standin.dispatch("INTERACTION_CREATE", press)
    call = await standin.callback_of(press["id"])

    assert call.body["data"]["flags"] & standin.EPHEMERAL
    (vote,) = feedback.items
    assert (vote.platform, vote.user_id, vote.entry_id, vote.helpful) == (
        "discord", standin.ALICE_ID, "dependence-and-withdrawal", True)


async def test_should_show_a_topic_button_publicly_under_a_public_answer(
        adapter: DiscordAdapter, standin: Any, kb: KnowledgeBase) -> None:
    """A topic button on a public reply shows that entry publicly, with its own buttons."""
    question = standin.mention("does selank cause headaches")
    await standin.dispatch("MESSAGE_CREATE", question)
    answer = await standin.reply_to(question["id"])
    show_ids = [i for i in standin.custom_ids(answer.body) if i.startswith("selank:show:")]
    related = kb.entry("side-effects").related  # type: ignore[union-attr]
    assert show_ids == [f"selank:show:{entry_id}" for entry_id in related]

    on = standin.message_from_bot(standin.CHANNEL_ID, answer.body)
    press = standin.press(show_ids[0], on=on)
    await standin.dispatch("INTERACTION_CREATE", press)
    call = await standin.callback_of(press["id"])

    assert embed_of(call.body)["title"] == kb.entry(related[0]).question  # type: ignore[union-attr]
    assert not (call.body["data"].get("flags") or 0) & standin.EPHEMERAL


async def test_should_show_a_topic_button_privately_under_a_private_answer(
        adapter: DiscordAdapter, standin: Any) -> None:
    """Under an ephemeral answer the picked topic stays private, and can be posted publicly."""
    interaction = standin.command("ask", question="what dose should i take")
    await standin.dispatch("INTERACTION_CREATE", interaction)
    private = await standin.callback_of(interaction["id"])

    press = standin.press("selank:show:is-it-safe", on=standin.response_message(private))
    await standin.dispatch("INTERACTION_CREATE", press)
    call = await standin.callback_of(press["id"])

    assert embed_of(call.body)["title"] == "Is Selank safe?"
    assert call.body["data"]["flags"] & standin.EPHEMERAL
    assert "selank:share:entry:is-it-safe" in standin.custom_ids(call.body)


async def test_should_handle_buttons_on_messages_from_before_a_restart(
        adapter: DiscordAdapter, standin: Any) -> None:
    """A button on a message this process never sent still works: custom ids carry the state."""
    old = standin.message_from_bot(standin.CHANNEL_ID, {"components": [{"type": 1, "components": [
        {"type": 2, "style": 1, "label": "What is Selank?",
         "custom_id": "selank:show:what-is-selank"}]}]})
    press = standin.press("selank:show:what-is-selank", on=old)
    await standin.dispatch("INTERACTION_CREATE", press)
    call = await standin.callback_of(press["id"])

    assert embed_of(call.body)["title"] == "What is Selank?"


async def test_should_answer_selank_in_a_dm(adapter: DiscordAdapter, standin: Any) -> None:
    """`/selank ask` works in a DM, where the interaction carries a user and no member."""
    interaction = standin.command("ask", question="is selank addictive", dm=True)
    await standin.dispatch("INTERACTION_CREATE", interaction)
    call = await standin.callback_of(interaction["id"])

    assert embed_of(call.body)["title"] == "Is Selank addictive?"


async def test_should_answer_selank_publicly_when_configured_to(
        start_adapter: Any, env: dict[str, str], standin: Any) -> None:
    """DISCORD_PUBLIC=true posts `/selank` answers for all to see, so no "Post publicly"."""
    await start_adapter(env | {"DISCORD_PUBLIC": "true"})
    interaction = standin.command("ask", question="is selank addictive")
    await standin.dispatch("INTERACTION_CREATE", interaction)
    call = await standin.callback_of(interaction["id"])

    assert not (call.body["data"].get("flags") or 0) & standin.EPHEMERAL
    assert not any(i.startswith("selank:share:") for i in standin.custom_ids(call.body))


async def test_should_answer_a_reply_to_its_own_message_that_pings_it(
        adapter: DiscordAdapter, standin: Any) -> None:
    """Replying to the bot with the @ mention on puts it in `mentions` with no `<@id>` text."""
    earlier = standin.message_from_bot(standin.CHANNEL_ID, {})
    follow_up = standin.message(
        "is selank addictive", mentions=[standin.bot_user()], type=19,
        message_reference={"type": 0, "message_id": earlier["id"],
                           "channel_id": standin.CHANNEL_ID, "guild_id": earlier.get("guild_id")},
        referenced_message=earlier)
    await standin.dispatch("MESSAGE_CREATE", follow_up)
    call = await standin.reply_to(follow_up["id"])

    assert embed_of(call.body)["title"] == "Is Selank addictive?"
