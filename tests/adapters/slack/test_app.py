"""The real Bolt app in HTTP mode, driven by signed requests, answering a fake Slack."""

from __future__ import annotations

import json
import time
from typing import Any

from adapters.slack.render import (
    ACTION_COMMAND,
    ACTION_FEEDBACK_DOWN,
    ACTION_FEEDBACK_UP,
    ACTION_SHARE,
    BUTTON_TEXT_LIMIT,
    HEADER_TEXT_LIMIT,
    MAX_BLOCKS,
    SECTION_TEXT_LIMIT,
)
from bot.core.placement import THANKS as FEEDBACK_THANKS
from bot.matching.normalize import INPUT_CAP

from .conftest import SIGNING_SECRET, BotFactory, BotUnderTest, fixture, signed_headers

DISCLAIMER_START = "For information only"

Payload = dict[str, Any]


def _blocks_text(message: Payload) -> str:
    return json.dumps(message["blocks"], ensure_ascii=False)


def _header(message: Payload) -> str:
    header: str = message["blocks"][0]["text"]["text"]
    return header


def _buttons(message: Payload) -> dict[str, str]:
    return {e["action_id"]: e["value"] for b in message["blocks"] if b["type"] == "actions"
            for e in b["elements"]}


def _assert_disclaimer(message: Payload) -> None:
    last = message["blocks"][-1]
    assert last["type"] == "context"
    assert DISCLAIMER_START in last["elements"][-1]["text"]
    assert DISCLAIMER_START in message["text"]


def _mention(text: str, **event: str) -> Payload:
    payload = fixture("app_mention")
    payload["event"]["text"] = text
    payload["event"].update(event)
    return payload


def _dm(text: str, event_id: str = "Ev0DM0001", **event: Any) -> Payload:
    payload = fixture("message_im")
    payload["event_id"] = event_id
    payload["event"]["text"] = text
    payload["event"].update(event)
    return payload


# Slash command ---------------------------------------------------------------------------


async def test_should_answer_slash_command_ephemerally_with_share_button(
    bot: BotUnderTest,
) -> None:
    """`/selank is it addictive?` is acked at once, then answered only to the asker."""
    response = await bot.command("is it addictive?")
    assert response.status == 200
    [message] = await bot.slack.wait_for("/respond/original")
    assert message["response_type"] == "ephemeral"
    assert _header(message) == "Is Selank addictive?"
    buttons = _buttons(message)
    assert buttons[ACTION_SHARE] == "selank:share:entry:dependence-and-withdrawal"
    assert buttons[ACTION_FEEDBACK_UP] == "selank:fb:up:dependence-and-withdrawal"
    _assert_disclaimer(message)


async def test_should_answer_slash_command_in_channel_when_configured(
    make_bot: BotFactory,
) -> None:
    """SLACK_RESPONSE=in_channel makes answers visible, with no share button needed."""
    bot = await make_bot(SLACK_RESPONSE="in_channel")
    await bot.command("what side effects does selank have")
    [message] = await bot.slack.wait_for("/respond/original")
    assert message["response_type"] == "in_channel"
    assert _header(message) == "What side effects does Selank have?"
    assert ACTION_SHARE not in _buttons(message)
    _assert_disclaimer(message)


async def test_should_keep_safety_replies_private_and_without_buttons(
    make_bot: BotFactory,
) -> None:
    """Even with in_channel answers, a safety reply goes to the asker alone, buttonless."""
    bot = await make_bot(SLACK_RESPONSE="in_channel")
    await bot.command("I want to kill myself")
    [message] = await bot.slack.wait_for("/respond/original")
    assert message["response_type"] == "ephemeral"
    assert _buttons(message) == {}
    _assert_disclaimer(message)


async def test_should_give_help_for_bare_or_help_slash_command(bot: BotUnderTest) -> None:
    """`/selank` alone and `/selank help` both show the help."""
    await bot.command("")
    await bot.command("help")
    messages = await bot.slack.wait_for("/respond/original", 2)
    assert [_header(m) for m in messages] == ["What I can do", "What I can do"]


async def test_should_give_summary_and_topics_by_slash_command(bot: BotUnderTest) -> None:
    """`/selank summary` gives the key points, `/selank topics` the list of entries."""
    await bot.command("summary")
    [summary] = await bot.slack.wait_for("/respond/original")
    await bot.command("topics")
    topics = (await bot.slack.wait_for("/respond/original", 2))[1]
    assert _header(summary) == "Selank: the key points"
    assert "dependence" in _blocks_text(summary)
    assert _header(topics) == "What I can answer"
    assert "vs-semax" in _blocks_text(topics)


async def test_should_escape_channel_pings_in_an_echoed_question(bot: BotUnderTest) -> None:
    """`<!channel>` or `<@U123>` in a question is shown escaped, so it never pings anyone."""
    await bot.command("<!channel> <@U0123ABC> is selank addictive? & <https://evil.example|x>")
    [message] = await bot.slack.wait_for("/respond/original")
    sent = _blocks_text(message) + message["text"]
    assert "<!channel>" not in sent
    assert "<@U0123ABC>" not in sent
    assert "<https://evil.example" not in sent
    assert "&lt;!channel&gt;" in _blocks_text(message)


async def test_should_answer_a_huge_question_safely_within_block_limits(
    bot: BotUnderTest,
) -> None:
    """A 10,000-character question is read in part, said so, and answered within limits."""
    await bot.command(("is selank addictive " * 500)[:10_000])
    [message] = await bot.slack.wait_for("/respond/original")
    blocks = message["blocks"]
    assert len(blocks) <= MAX_BLOCKS
    assert len(_header(message)) <= HEADER_TEXT_LIMIT
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= SECTION_TEXT_LIMIT
        for element in block.get("elements", []):
            if element.get("type") == "button":
                assert len(element["text"]["text"]) <= BUTTON_TEXT_LIMIT
    assert str(INPUT_CAP) in _blocks_text(message)
    _assert_disclaimer(message)


# Request verification --------------------------------------------------------------------


async def test_should_refuse_a_bad_signature_with_401(bot: BotUnderTest) -> None:
    """A request signed with another secret is refused and never answered."""
    body = json.dumps(_mention("<@UBOTSELANK> is it addictive?"))
    response = await bot.post(body, "application/json", secret="not-" + SIGNING_SECRET)
    assert response.status == 401
    assert bot.slack.to("/api/chat.postMessage") == []


async def test_should_refuse_a_missing_signature_with_401(bot: BotUnderTest) -> None:
    """A request without Slack's signature headers is refused."""
    async with bot.session.post(f"{bot.url}/slack/events", data=b"{}",
                                headers={"Content-Type": "application/json"}) as response:
        assert response.status == 401


async def test_should_refuse_a_stale_timestamp_with_401(bot: BotUnderTest) -> None:
    """A correctly signed request older than five minutes is refused (replay protection)."""
    response = await bot.post(json.dumps(_mention("<@UBOTSELANK> hi")), "application/json",
                              timestamp=int(time.time()) - 6 * 60)
    assert response.status == 401


async def test_should_answer_slacks_url_verification_challenge(bot: BotUnderTest) -> None:
    """Setting the request URL in HTTP mode works: the signed challenge is echoed back."""
    body = json.dumps({"token": "Jhj5dZrVaK7ZwHHjRyZWjbDl", "challenge": "3eZbrw1aBm2rZgRNFdxV",
                       "type": "url_verification"})
    headers = signed_headers(body, "application/json")
    async with bot.session.post(f"{bot.url}/slack/events", data=body.encode(),
                                headers=headers) as response:
        assert response.status == 200
        assert (await response.json())["challenge"] == "3eZbrw1aBm2rZgRNFdxV"


# Mentions and DMs ------------------------------------------------------------------------


async def test_should_answer_a_mention_in_a_thread_under_the_message(bot: BotUnderTest) -> None:
    """`@Selank bot is it addictive?` is answered in a thread on that message, mention gone."""
    response = await bot.event(_mention("<@UBOTSELANK> is it addictive?"))
    assert response.status == 200
    [message] = await bot.slack.wait_for("/api/chat.postMessage")
    assert message["channel"] == "C2147483705"
    assert message["thread_ts"] == "1515449522.000016"
    assert _header(message) == "Is Selank addictive?"
    assert ACTION_SHARE not in _buttons(message)
    _assert_disclaimer(message)


async def test_should_answer_a_mention_inside_a_thread_in_that_thread(bot: BotUnderTest) -> None:
    """A mention already in a thread is answered in the same thread, not a new one."""
    await bot.event(_mention("what are the side effects <@UBOTSELANK|selank_bot>",
                             ts="1515449600.000100", thread_ts="1515449000.000001"))
    [message] = await bot.slack.wait_for("/api/chat.postMessage")
    assert message["thread_ts"] == "1515449000.000001"
    assert _header(message) == "What side effects does Selank have?"


async def test_should_answer_a_direct_message_in_the_dm(bot: BotUnderTest) -> None:
    """A DM is answered in the DM channel, not in a thread."""
    await bot.event(_dm("What side effects does Selank have?"))
    [message] = await bot.slack.wait_for("/api/chat.postMessage")
    assert message["channel"] == "D024BE91L"
    assert "thread_ts" not in message
    assert _header(message) == "What side effects does Selank have?"
    _assert_disclaimer(message)


async def test_should_ignore_own_bot_edits_and_joins_but_answer_people(
    bot: BotUnderTest,
) -> None:
    """The bot's own DM, another bot's, an edit and a join are ignored; a person is answered."""
    await bot.event(_dm("Is Selank addictive?", "Ev1", user="UBOTSELANK"))
    await bot.event(_dm("Is Selank addictive?", "Ev2", bot_id="BSELANK01", user=None))
    await bot.event(_dm("Is Selank addictive?", "Ev3", bot_id="BOTHER", subtype="bot_message"))
    await bot.event(_dm("Is Selank addictive?", "Ev4", subtype="message_changed"))
    await bot.event(_dm("Is Selank addictive?", "Ev5", subtype="channel_join"))
    await bot.event(_dm("What dose of Selank should I take?", "Ev6"))
    [message] = await bot.slack.wait_for("/api/chat.postMessage")
    assert _header(message) == "What dose of Selank should I take?"
    assert len(bot.slack.to("/api/chat.postMessage")) == 1


async def test_should_answer_a_retried_event_once(bot: BotUnderTest) -> None:
    """Slack's retry of an event (same event_id, X-Slack-Retry-Num) is acked, not re-answered."""
    first = _dm("Is Selank addictive?", "EvRETRY")
    await bot.event(first)
    await bot.slack.wait_for("/api/chat.postMessage")
    retry = await bot.event(first, **{"X-Slack-Retry-Num": "1",
                                      "X-Slack-Retry-Reason": "http_timeout"})
    assert retry.status == 200
    await bot.event(_dm("What dose of Selank should I take?", "EvNEXT"))
    messages = await bot.slack.wait_for("/api/chat.postMessage", 2)
    assert [_header(m) for m in messages] == ["Is Selank addictive?",
                                               "What dose of Selank should I take?"]
    assert len(bot.slack.to("/api/chat.postMessage")) == 2


# Buttons ---------------------------------------------------------------------------------


async def test_should_replace_the_original_with_the_chosen_suggestion(
    bot: BotUnderTest,
) -> None:
    """Pressing a "did you mean" button replaces the message with that entry's answer."""
    response = await bot.press("selank_show_1", "selank:show:side-effects")
    assert response.status == 200
    [message] = await bot.slack.wait_for("/respond/original")
    assert message["replace_original"] is True
    assert _header(message) == "What side effects does Selank have?"
    assert _buttons(message)[ACTION_SHARE] == "selank:share:entry:side-effects"
    _assert_disclaimer(message)


async def test_should_replace_a_fallback_with_help_on_its_button(bot: BotUnderTest) -> None:
    """The "What can I ask?" button under an "I don't know" shows the help."""
    await bot.press(ACTION_COMMAND, "selank:menu:help")
    [message] = await bot.slack.wait_for("/respond/original")
    assert message["replace_original"] is True
    assert _header(message) == "What I can do"


async def test_should_share_the_answer_visibly_and_drop_the_private_copy(
    bot: BotUnderTest,
) -> None:
    """"Share in channel" posts the same answer in_channel, then deletes the ephemeral one."""
    await bot.press(ACTION_SHARE, "selank:share:entry:vs-semax")
    shared, deleted = await bot.slack.wait_for("/respond/original", 2)
    assert shared["response_type"] == "in_channel"
    assert shared["replace_original"] is False
    assert _header(shared) == "How does Selank compare with Semax?"
    assert "Shared by <@U2147483697>" in _blocks_text(shared)
    assert ACTION_SHARE not in _buttons(shared)
    assert any("fields" in block for block in shared["blocks"])
    _assert_disclaimer(shared)
    assert deleted["delete_original"] is True


async def test_should_record_feedback_and_thank_the_presser(bot: BotUnderTest) -> None:
    """👍 and 👎 reach the feedback sink with the entry and the user, and are thanked."""
    await bot.press(ACTION_FEEDBACK_UP, "selank:fb:up:dosage")
    await bot.press(ACTION_FEEDBACK_DOWN, "selank:fb:down:side-effects")
    thanks = await bot.slack.wait_for("/respond/original", 2)
    assert all(m["text"] == FEEDBACK_THANKS and m["response_type"] == "ephemeral"
               and m["replace_original"] is False for m in thanks)
    recorded = sorted((f.entry_id, f.helpful, f.user_id, f.platform) for f in bot.sink.items)
    assert recorded == [("dosage", True, "U2147483697", "slack"),
                        ("side-effects", False, "U2147483697", "slack")]


async def test_should_ignore_buttons_carrying_values_it_did_not_make(bot: BotUnderTest) -> None:
    """A forged value (not an entry, not a command) records nothing and answers nothing."""
    await bot.press(ACTION_FEEDBACK_UP, "drop table")
    await bot.press(ACTION_COMMAND, "<!channel>")
    await bot.press(ACTION_FEEDBACK_UP, "selank:fb:up:dosage")
    await bot.slack.wait_for("/respond/original")
    assert [f.entry_id for f in bot.sink.items] == ["dosage"]
    assert len(bot.slack.to("/respond/original")) == 1


async def test_should_still_answer_buttons_of_messages_posted_before_action_ids(
    bot: BotUnderTest,
) -> None:
    """Old messages carry `entry:<id>` and menu names: their buttons keep working."""
    await bot.press(ACTION_FEEDBACK_UP, "entry:dosage")
    await bot.press(ACTION_COMMAND, "help")
    replies = await bot.slack.wait_for("/respond/original", 2)
    assert sorted(m["text"] == FEEDBACK_THANKS for m in replies) == [False, True]
    assert [_header(m) for m in replies if m["text"] != FEEDBACK_THANKS] == ["What I can do"]
    assert [(f.entry_id, f.helpful) for f in bot.sink.items] == [("dosage", True)]
