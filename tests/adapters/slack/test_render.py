"""render.py: Block Kit limits, escaping, mrkdwn, and the disclaimer always last."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from adapters.slack.render import (
    ACTION_FEEDBACK_DOWN,
    ACTION_FEEDBACK_UP,
    ACTION_SHARE,
    BUTTON_TEXT_LIMIT,
    CONTEXT_TEXT_LIMIT,
    HEADER_TEXT_LIMIT,
    MAX_BLOCKS,
    SECTION_FIELDS_LIMIT,
    SECTION_TEXT_LIMIT,
    SHORTENED,
    TEXT_LIMIT,
    Block,
    SlackMessage,
    cut,
    escape,
    render,
    to_mrkdwn,
    unescape,
)
from bot.content.knowledge import Comparison
from bot.core.actions import actions_for
from bot.core.reply import ActionKind, EntryRef, Reply, Status
from bot.core.responder import Responder

DISCLAIMER = "For information only: not medical advice."


def _reply(**fields: Any) -> Reply:
    base: dict[str, Any] = {"status": Status.ANSWER, "title": "What is Selank?",
                            "body": "A peptide.", "disclaimer": DISCLAIMER,
                            "source": "The article", "entry_id": "what-is-selank"}
    base.update(fields)
    base.setdefault("actions", actions_for(base["status"], base.get("entry_id"),
                                           base.get("suggestions", ()), base.get("related", ())))
    return Reply(**base)


def _texts(blocks: tuple[Block, ...]) -> list[str]:
    """Every piece of text in the blocks, as Slack would read them."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(list(blocks))
    return found


def _buttons(message: SlackMessage) -> list[Block]:
    return [e for b in message.blocks if b["type"] == "actions" for e in b["elements"]]


def _assert_within_limits(message: SlackMessage) -> None:
    assert len(message.blocks) <= MAX_BLOCKS
    for block in message.blocks:
        if block["type"] == "section":
            assert len(block.get("text", {}).get("text", "")) <= SECTION_TEXT_LIMIT
            assert len(block.get("fields", [])) <= SECTION_FIELDS_LIMIT
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= HEADER_TEXT_LIMIT
    for button in _buttons(message):
        assert len(button["text"]["text"]) <= BUTTON_TEXT_LIMIT
        assert len(button["value"]) <= 2000
    assert len(message.text) <= TEXT_LIMIT


def _assert_disclaimer_last(message: SlackMessage, disclaimer: str = DISCLAIMER) -> None:
    last = message.blocks[-1]
    assert last["type"] == "context"
    assert escape(disclaimer) in "".join(e["text"] for e in last["elements"])
    assert message.text.endswith(f"_{escape(disclaimer)}_")


def test_should_convert_bold_and_bullets_to_mrkdwn() -> None:
    """`**x**` becomes `*x*` and `- ` bullets become `• `, keeping indentation."""
    assert to_mrkdwn("**Note**: it\n- one\n  - two") == "*Note*: it\n• one\n  • two"


def test_should_escape_slack_control_characters() -> None:
    """`&`, `<` and `>` are escaped, `&` first, and unescape reverses it."""
    raw = "<!channel> & <@U123> <https://x.example|x>"
    assert escape(raw) == "&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://x.example|x&gt;"
    assert unescape(escape(raw)) == raw


def test_should_never_cut_inside_an_escape() -> None:
    """A cut lands before `&amp;`, never in the middle of it."""
    text = "a" * 8 + "&amp;" + "b" * 10
    assert cut(text, 12) == "a" * 8 + "…"


def test_should_put_title_header_body_section_and_disclaimer_last() -> None:
    """An answer is a header, a section and, last, the source and the disclaimer."""
    message = render(_reply(body="**Selank** is\n- a peptide"))
    assert message.blocks[0] == {"type": "header", "text": {
        "type": "plain_text", "text": "What is Selank?", "emoji": True}}
    assert message.blocks[1]["text"]["text"] == "*Selank* is\n• a peptide"
    assert "Source: The article" in _texts(message.blocks)
    _assert_disclaimer_last(message)


def test_should_carry_title_body_and_disclaimer_in_plain_text() -> None:
    """The `text` fallback reads on its own: title, body, disclaimer."""
    text = render(_reply(body="A <b> peptide")).text
    assert text.startswith("*What is Selank?*\nA &lt;b&gt; peptide")
    assert text.endswith(f"_{DISCLAIMER}_")


def test_should_offer_feedback_on_answers_and_share_only_when_the_reply_offers_it() -> None:
    """Answers get 👍 / 👎 carrying the entry; "Share in channel" only where the core kept
    the share action (bot/core/placement.py drops it from replies everyone sees)."""
    public = _reply(related=()).without(ActionKind.SHARE)
    plain = {b["action_id"]: b["value"] for b in _buttons(render(public))}
    assert plain == {ACTION_FEEDBACK_UP: "selank:fb:up:what-is-selank",
                     ACTION_FEEDBACK_DOWN: "selank:fb:down:what-is-selank"}
    shared = _buttons(render(_reply(related=())))
    assert [b["action_id"] for b in shared][-1] == ACTION_SHARE
    assert shared[-1]["value"] == "selank:share:entry:what-is-selank"


def test_should_never_give_safety_replies_buttons_or_cut_them() -> None:
    """A safety reply has no buttons at all and keeps its whole (long) body."""
    body = "\n".join(f"- Line {i}: " + "call for help " * 30 for i in range(40))
    reply = _reply(status=Status.SAFETY, title="Please get help now", body=body,
                   entry_id=None, related=(EntryRef("side-effects", "Side effects?"),))
    message = render(reply, asked="help me")
    assert _buttons(message) == []
    sections = "\n".join(b["text"]["text"] for b in message.blocks if b["type"] == "section")
    assert sections.replace("\n", "") == to_mrkdwn(body).strip().replace("\n", "")
    assert SHORTENED not in sections
    assert "help me" not in json.dumps(message.blocks)
    assert len(message.blocks) <= MAX_BLOCKS
    _assert_disclaimer_last(message)


def test_should_show_suggestions_as_buttons_that_name_each_entry() -> None:
    """A "did you mean" reply offers one button per candidate, carrying its id."""
    reply = _reply(status=Status.SUGGEST, title="Did you mean…", entry_id=None,
                   suggestions=(EntryRef("side-effects", "What side effects does Selank have?"),
                                EntryRef("dosage", "What dose of Selank should I take?")))
    buttons = _buttons(render(reply))
    assert [b["value"] for b in buttons] == ["selank:show:side-effects", "selank:show:dosage"]
    assert len({b["action_id"] for b in buttons}) == 2


def test_should_say_it_does_not_know_and_point_to_related_and_help() -> None:
    """A fallback shows its honest body, the nearest topics and a help button."""
    reply = _reply(status=Status.FALLBACK, title="I don't know", body="I don't know that.",
                   entry_id=None, related=(EntryRef("vs-semax", "Selank or Semax?"),))
    message = render(reply)
    values = [b["value"] for b in _buttons(message)]
    assert values == ["selank:show:vs-semax", "selank:menu:help"]
    assert "I don't know that." in _texts(message.blocks)
    assert "• Selank or Semax?" in message.text


def test_should_lay_comparison_out_as_fields_within_the_field_limit() -> None:
    """Comparison rows become feature / values fields, ten fields to a section at most."""
    rows = tuple((f"Feature {i}", ("yes", "no")) for i in range(12))
    message = render(_reply(comparison=Comparison(("Selank", "Semax"), rows)))
    field_blocks = [b for b in message.blocks if "fields" in b]
    assert len(field_blocks) == 3
    first = field_blocks[0]
    assert first["text"]["text"] == "*Selank vs Semax*"
    assert first["fields"][0]["text"] == "*Feature 0*"
    assert first["fields"][1]["text"] == "Selank: yes\nSemax: no"
    _assert_within_limits(message)


def test_should_shorten_a_huge_body_say_so_and_keep_the_disclaimer() -> None:
    """A body far past the limits is cut, says it was shortened, and keeps the disclaimer."""
    body = "\n".join("- " + "word " * 400 for _ in range(60)) + "\n" + "x" * 9000
    message = render(_reply(body=body, title="T" * 400))
    _assert_within_limits(message)
    assert SHORTENED in "".join(_texts(message.blocks))
    _assert_disclaimer_last(message)


def test_should_shorten_long_titles_and_button_texts() -> None:
    """Header and button texts are cut to their own limits."""
    long_ref = EntryRef("dosage", "How much " * 40)
    reply = _reply(status=Status.SUGGEST, title="Q" * 500, suggestions=(long_ref,))
    _assert_within_limits(render(reply))


def test_should_echo_the_question_escaped_and_the_notice() -> None:
    """The asker's words and the core's notice are shown, escaped, never as mentions."""
    message = render(_reply(notice="Only the first 1000 characters were read."),
                     asked="<!channel> is it <@U123> & safe?")
    texts = _texts(message.blocks)
    assert "You asked: &lt;!channel&gt; is it &lt;@U123&gt; &amp; safe?" in texts
    assert "Only the first 1000 characters were read." in texts
    assert "<!channel>" not in json.dumps(message.blocks)


def test_should_name_the_sharer_only_when_it_is_a_user_id() -> None:
    """"Shared by" mentions a real user id, and drops anything else."""
    assert "Shared by <@U0ABC123>" in _texts(render(_reply(), shared_by="U0ABC123").blocks)
    assert not any("Shared by" in t for t in _texts(render(_reply(), shared_by="<!channel>")
                                                    .blocks))


def test_should_offer_share_exactly_where_the_core_says() -> None:
    """"Share in channel" follows the core's share rule: help too, never a fallback."""
    def shares(reply: Reply) -> list[str]:
        return [b["value"] for b in _buttons(render(reply))
                if b["action_id"] == ACTION_SHARE]

    assert shares(_reply(status=Status.HELP, entry_id=None)) == ["selank:share:help"]
    assert shares(_reply(status=Status.SUMMARY, entry_id=None)) == ["selank:share:summary"]
    assert shares(_reply(status=Status.FALLBACK, entry_id=None)) == []


def test_should_show_the_checked_date_beside_the_source_before_the_disclaimer() -> None:
    """"checked <date>" sits with the source; the disclaimer keeps its own element, last."""
    reply = _reply(reviewed=dt.date(2026, 11, 26), source="x" * 5000,
                   disclaimer="D" * 4000)
    footer = render(reply).blocks[-1]
    texts = [e["text"] for e in footer["elements"]]
    assert texts[0].startswith("Source: xxx") and len(texts[0]) <= CONTEXT_TEXT_LIMIT
    assert "".join(t.strip("_") for t in texts[1:]) == "D" * 4000
    short = render(_reply(reviewed=dt.date(2026, 11, 26))).blocks[-1]["elements"][0]["text"]
    assert short == "Source: The article · checked 2026-11-26"


@pytest.mark.parametrize("question", [
    "What is Selank?", "is selank addictive", "selank vs semax", "how much should I take",
    "what is the weather", "I want to end my life", "help", "summary", "topics", "",
    "<!here> & " * 2000,
])
def test_should_render_every_real_reply_within_limits_with_disclaimer_last(
    responder: Responder, question: str,
) -> None:
    """Whatever the core replies, the message fits Block Kit and ends with the disclaimer."""
    reply = responder.ask(question)
    message = render(reply, asked=question)
    _assert_within_limits(message)
    _assert_disclaimer_last(message, reply.disclaimer)
    assert "<!here>" not in json.dumps(message.blocks) + message.text


NET = "If you or someone near you is in danger, call your local emergency number."


@pytest.mark.parametrize("status", [Status.FALLBACK, Status.SUGGEST])
def test_should_show_the_safety_line_above_the_disclaimer(status: Status) -> None:
    """"I don't know" and "did you mean" point to emergency help; the disclaimer stays last."""
    message = render(_reply(status=status, entry_id=None, safety_net=NET,
                            body="x" * 20_000))
    assert any(NET in text for text in _texts(message.blocks))
    assert NET in message.text
    _assert_within_limits(message)
    _assert_disclaimer_last(message)
