"""Slack's half of translating in: a signed request's bytes made into the Bolt request (or
the reason they cannot be), the question without Slack's markup, who asked, and the buttons
of messages posted before the core's action ids, made into actions.

Only requests whose signature was checked get here. Bolt's own body parser is used, so
what we accept is exactly what Bolt would read; anything it cannot read as one JSON object
(invalid UTF-8, `[]`, `null`, `42`, broken JSON) is refused with a 400 instead of the 500
Bolt would give. A few well-formed but unusable shapes are acknowledged and not dispatched.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from slack_bolt.request.async_request import AsyncBoltRequest

from adapters.slack.render import ACTION_COMMAND, ACTION_IDS, ACTION_SHARE, ACTION_SHOW, unescape
from bot.core.reply import Action, ActionKind, Menu
from bot.ops.service import Asker

_LINK = re.compile(r"<(?:https?|mailto):[^<>|\s]{1,500}\|([^<>]{1,200})>")
_MARKUP = re.compile(r"<[!@#:a-zA-Z][^<>\s]{0,200}>")
_LEGACY_ENTRY = re.compile(r"entry:([a-z0-9-]{1,80})")
_LEGACY_KINDS = {ACTION_IDS[kind]: kind for kind in (
    ActionKind.HELPFUL, ActionKind.NOT_HELPFUL, ActionKind.SHARE)}


@dataclass(frozen=True, slots=True)
class Malformed:
    """Refuse with a 400; `reason` is the metric label and the log field."""

    reason: str


@dataclass(frozen=True, slots=True)
class Unusable:
    """Acknowledge with a 200 (so Slack does not retry) and do nothing else."""

    reason: str


def bolt_request(body: bytes, query: str,
                 headers: Mapping[str, str]) -> AsyncBoltRequest | Malformed | Unusable:
    """The Bolt request for a signed body, or why it is malformed or unusable."""
    try:
        request = AsyncBoltRequest(body=body.decode("utf-8"), query=query, headers=dict(headers))
    except UnicodeDecodeError:
        return Malformed("invalid_utf8")
    except (ValueError, TypeError, AttributeError, KeyError, IndexError):
        # Bolt parses in its constructor and reads fields of what it parsed.
        return Malformed("unparsable_body")
    payload = request.body
    if not isinstance(payload, dict):
        return Malformed("not_an_object")
    # Shapes Slack never sends but a signed sender could: nothing sensible to answer.
    actions = payload.get("actions")
    if "command" in payload and not payload.get("response_url"):
        return Unusable("command_without_response_url")
    if payload.get("type") == "event_callback" and not isinstance(payload.get("event"), dict):
        return Unusable("event_not_an_object")
    if payload.get("type") == "block_actions" and not (
            isinstance(actions, list) and all(isinstance(a, dict) for a in actions)):
        return Unusable("actions_not_objects")
    return request


def without_markup(text: str, bot_user_id: str | None) -> str:
    """The question without Slack's markup, then unescaped.

    Our own `<@BOTID>` (or `<@BOTID|name>`) goes first; a labelled link keeps its label;
    every other token (`<!channel>`, `<@U123|bob>`, `<#C1|general>`) is a gap.
    """
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    return unescape(_MARKUP.sub(" ", _LINK.sub(r" \1 ", text))).strip()


def asker(user_id: object) -> Asker:
    return Asker(platform="slack", user_id=str(user_id or "unknown"))


def from_a_bot(event: Mapping[str, Any], bot_user_id: str | None) -> bool:
    """Bots (this one included) are never asked: it would loop, or answer an integration."""
    return bool(event.get("bot_id")) or event.get("subtype") == "bot_message" or (
        bot_user_id is not None and event.get("user") == bot_user_id)


def legacy_action(action: Mapping[str, Any]) -> Action | None:
    """A button of a message posted before the core's action ids (value `entry:<id>`, or a
    menu name): still pressable, so no old message in a channel goes dead."""
    action_id, value = str(action.get("action_id", "")), str(action.get("value", ""))
    entry = _LEGACY_ENTRY.fullmatch(value)
    if entry is not None:
        kind = ActionKind.SHOW if action_id.startswith(ACTION_SHOW) else _LEGACY_KINDS.get(
            action_id)
        return Action(kind, entry_id=entry[1]) if kind is not None else None
    if value in {m.value for m in Menu} and action_id in (ACTION_COMMAND, ACTION_SHARE):
        kind = ActionKind.MENU if action_id == ACTION_COMMAND else ActionKind.SHARE
        return Action(kind, menu=Menu(value))
    return None
