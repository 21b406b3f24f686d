"""A signed request's bytes made into the Bolt request, or the reason they cannot be; and
the buttons of messages posted before the core's action ids, made into actions.

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

from adapters.slack.render import ACTION_COMMAND, ACTION_IDS, ACTION_SHARE, ACTION_SHOW
from bot.core.reply import Action, ActionKind, Menu

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
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return Malformed("invalid_utf8")
    try:
        request = AsyncBoltRequest(body=text, query=query, headers=dict(headers))
    except (ValueError, TypeError, AttributeError, KeyError, IndexError):
        # Bolt parses in its constructor and reads fields of what it parsed.
        return Malformed("unparsable_body")
    payload = request.body
    if not isinstance(payload, dict):
        return Malformed("not_an_object")
    unusable = _unusable(payload)
    return Unusable(unusable) if unusable else request


def _unusable(payload: Mapping[str, object]) -> str | None:
    """Shapes Slack never sends but a signed sender could: nothing sensible to answer."""
    if "command" in payload and not payload.get("response_url"):
        return "command_without_response_url"
    if payload.get("type") == "event_callback" and not isinstance(payload.get("event"), dict):
        return "event_not_an_object"
    actions = payload.get("actions")
    if payload.get("type") == "block_actions" and not (
            isinstance(actions, list) and all(isinstance(a, dict) for a in actions)):
        return "actions_not_objects"
    return None


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
