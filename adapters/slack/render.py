"""Reply -> Block Kit blocks plus a plain `text` fallback; pure functions, no Slack client.

Everything sent is escaped for mrkdwn (`&`, `<`, `>`), so no question or answer can ping a
channel or render a link, and every limit of Block Kit is respected here, in one place, with
the disclaimer never the part that is cut.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

from adapters.common import fitting
from bot.content.knowledge import Comparison
from bot.core.actions import POINTERS_HEADING, encode
from bot.core.reply import Action, ActionKind, Reply, Status

Block = dict[str, Any]

# Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks), then our own budgets:
# a chat answer longer than five sections is better cut than scrolled.
MAX_BLOCKS: Final = 50
SECTION_TEXT_LIMIT: Final = 3000
SECTION_FIELDS_LIMIT: Final = 10
FIELD_TEXT_LIMIT: Final = 2000
CONTEXT_TEXT_LIMIT: Final = 3000
HEADER_TEXT_LIMIT: Final = 150
BUTTON_TEXT_LIMIT: Final = 75
ACTIONS_ELEMENTS_LIMIT: Final = 25
BODY_SECTIONS_LIMIT: Final = 5
TEXT_LIMIT: Final = 4000
ASKED_LIMIT: Final = 300
SHORTENED: Final = "_(This answer was shortened to fit in Slack.)_"
FEEDBACK_THANKS_EMOJI: Final = ":pray:"

# Action ids name the kind of button (several of one kind get a numeric suffix, as ids must
# be unique); the value is the core's action id (bot/core/actions.py), decoded on a press.
ACTION_IDS: Final = {ActionKind.SHOW: "selank_show", ActionKind.SHARE: "selank_share",
                     ActionKind.MENU: "selank_command", ActionKind.HELPFUL: "selank_feedback_up",
                     ActionKind.NOT_HELPFUL: "selank_feedback_down"}
ACTION_SHOW, ACTION_SHARE, ACTION_COMMAND, ACTION_FEEDBACK_UP, ACTION_FEEDBACK_DOWN = (
    ACTION_IDS.values())
_POINTERS: Final = (ActionKind.SHOW, ActionKind.MENU)
"""The first row of buttons; votes and "Share in channel" make the second."""

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^(\s*)- ", re.MULTILINE)
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
# Echo the question only where it helps; commands need none, and a safety reply stays focused.
_ECHO_STATUSES = frozenset({Status.ANSWER, Status.SUGGEST, Status.FALLBACK})


@dataclass(frozen=True, slots=True)
class SlackMessage:
    """One message ready for chat.postMessage or a response_url: blocks plus plain text."""

    text: str
    blocks: tuple[Block, ...]


def escape(text: str) -> str:
    """Slack's three control characters, escaped so text is shown, never interpreted."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Slack's escaping undone, so the core reads `&` as the user typed it."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def to_mrkdwn(markdown: str) -> str:
    """The core's light markdown as Slack mrkdwn: `**x**` -> `*x*`, `- ` bullets -> `• `."""
    return _BULLET.sub(r"\1• ", _BOLD.sub(r"*\1*", escape(markdown)))


def outside_escapes(text: str, limit: int) -> int:
    """Slack's `EndRule`: an index at most `limit` that is not inside an escape (`&amp;`)."""
    if len(text) <= limit:
        return len(text)
    amp = text.rfind("&", max(0, limit - 4), limit)
    return amp if amp > 0 and ";" not in text[amp:limit] else limit


def cut(text: str, limit: int) -> str:
    """Text within `limit` characters, ending in an ellipsis when cut, never mid-escape."""
    return fitting.cut(text, limit, outside_escapes)


def render(reply: Reply, *, asked: str | None = None, shared_by: str | None = None) -> (
        SlackMessage):
    """The whole message for one reply: header, body, extras, buttons, then the disclaimer.

    `asked` echoes the user's words (a private slash command's text is not shown in the
    channel); `shared_by` is the Slack user id of whoever shared the answer into it."""
    top: list[Block] = [_header(reply.title)]
    if shared_by and _USER_ID.match(shared_by):
        top.append(_context(f"Shared by <@{shared_by}>"))
    if asked and reply.status in _ECHO_STATUSES:
        top.append(_context(f"You asked: {cut(escape(asked.strip()), ASKED_LIMIT)}"))
    if reply.notice:
        top.append(_context(escape(reply.notice)))
    safety = reply.status is Status.SAFETY
    extras = [] if safety else [*_comparison(reply.comparison), *_buttons(reply)]
    if reply.safety_net:  # a block of its own just above the footer: body cuts never reach it
        extras.append(_context(f":sos: {escape(reply.safety_net)}"))
    room = min(MAX_BLOCKS - len(top) - len(extras) - 1, BODY_SECTIONS_LIMIT)
    body = fitting.pieces(to_mrkdwn(reply.body), SECTION_TEXT_LIMIT, outside_escapes)
    if not safety and len(body) > room:  # safety text is never cut
        body = body[: max(room, 1)]
        body[-1] = fitting.shorten(body[-1], SECTION_TEXT_LIMIT, SHORTENED, outside_escapes)
    sections = [{"type": "section", "text": _mrkdwn(chunk)} for chunk in body]
    return SlackMessage(text=plain_text(reply), blocks=(*top, *sections, *extras, _footer(reply)))


def render_thanks(text: str) -> SlackMessage:
    """The small ephemeral note a 👍 / 👎 press gets."""
    return SlackMessage(text=text, blocks=(_context(f"{FEEDBACK_THANKS_EMOJI} {text}"),))


def plain_text(reply: Reply) -> str:
    """The notification and screen-reader text: title, body and options, then the disclaimer."""
    lines = [f"*{escape(reply.title)}*", to_mrkdwn(reply.body)]
    refs = reply.suggestions or (reply.related if reply.status is Status.FALLBACK else ())
    lines.extend(f"• {escape(ref.question)}" for ref in refs)
    net = f"\n\n{escape(reply.safety_net)}" if reply.safety_net else ""
    tail = f"{net}\n\n_{escape(reply.disclaimer)}_"
    head = "\n".join(line for line in lines if line)
    if reply.status is not Status.SAFETY:
        head = cut(head, TEXT_LIMIT - len(tail))
    return head + tail


def _header(title: str) -> Block:
    return {"type": "header",
            "text": {"type": "plain_text", "text": cut(title, HEADER_TEXT_LIMIT), "emoji": True}}


def _mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text}


def _context(*texts: str) -> Block:
    return {"type": "context", "elements": [_mrkdwn(cut(t, CONTEXT_TEXT_LIMIT)) for t in texts]}


def _comparison(comparison: Comparison | None) -> list[Block]:
    """Side-by-side fields, feature then values, five rows to a section (ten fields)."""
    if comparison is None:
        return []
    fields: list[dict[str, str]] = []
    for feature, values in comparison.rows:
        lines = [f"{escape(column)}: {escape(value)}"
                 for column, value in zip(comparison.columns, values, strict=False)]
        fields += [_mrkdwn(cut(f"*{escape(feature)}*", FIELD_TEXT_LIMIT)),
                   _mrkdwn(cut("\n".join(lines) or " ", FIELD_TEXT_LIMIT))]
    title = " vs ".join(escape(column) for column in comparison.columns)
    blocks: list[Block] = [{"type": "section", "fields": fields[start:start + SECTION_FIELDS_LIMIT]}
                           for start in range(0, len(fields), SECTION_FIELDS_LIMIT)]
    if blocks and title:
        blocks[0]["text"] = _mrkdwn(cut(f"*{title}*", SECTION_TEXT_LIMIT))
    return blocks[:BODY_SECTIONS_LIMIT]


def _buttons(reply: Reply) -> list[Block]:
    """Two rows of the core's actions: other entries and menus under a heading, then votes
    and the share; a menu button always finds room beside 24 entries."""
    shows = reply.offers(ActionKind.SHOW)[: ACTIONS_ELEMENTS_LIMIT - 1]
    pointers = (*shows, *reply.offers(ActionKind.MENU))[:ACTIONS_ELEMENTS_LIMIT]
    rest = [action for action in reply.actions if action.kind not in _POINTERS]
    heading = POINTERS_HEADING.get(reply.status)
    blocks = [_context(heading)] if heading and shows else []
    return blocks + [{"type": "actions", "elements": list(_numbered(row))}
                     for row in (pointers, rest) if row]


def _numbered(row: Iterable[Action]) -> Iterator[Block]:
    """Buttons with ids unique in their row: `selank_show_0`, `selank_command`, `_1`, ..."""
    seen: Counter[ActionKind] = Counter()
    for action in row:
        i, base = seen[action.kind], ACTION_IDS[action.kind]
        seen[action.kind] += 1
        yield _button(action, f"{base}_{i}" if i or action.kind is ActionKind.SHOW else base)


def _button(action: Action, action_id: str) -> Block:
    label = "Share in channel" if action.kind is ActionKind.SHARE else action.label or "Show"
    button: Block = {"type": "button", "action_id": action_id, "value": encode(action),
                     "text": {"type": "plain_text", "text": cut(label, BUTTON_TEXT_LIMIT),
                              "emoji": True}}
    return button | ({"style": "primary"} if action.kind is ActionKind.SHARE else {})


def _footer(reply: Reply) -> Block:
    """Source (with its checked date), then the disclaimer, always the last block; the
    disclaimer has elements of its own, split, never cut."""
    texts = [cut(escape(reply.source_line), CONTEXT_TEXT_LIMIT)] if reply.source_line else []
    disclaimer, room = escape(reply.disclaimer), CONTEXT_TEXT_LIMIT - 2
    texts += [f"_{disclaimer[i:i + room]}_" for i in range(0, len(disclaimer), room)]
    return {"type": "context", "elements": [_mrkdwn(text) for text in texts]}
