"""Reply -> Block Kit blocks plus a plain `text` fallback; pure functions, no Slack client.

Everything sent is escaped for mrkdwn (`&`, `<`, `>`), so no question or answer can ping a
channel or render a link, and every limit of Block Kit is respected here, in one place, with
the disclaimer never the part that is cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from bot.content.knowledge import Comparison
from bot.core.actions import encode
from bot.core.reply import Action, ActionKind, Reply, Status

Block = dict[str, Any]

# Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks).
MAX_BLOCKS: Final = 50
SECTION_TEXT_LIMIT: Final = 3000
SECTION_FIELDS_LIMIT: Final = 10
FIELD_TEXT_LIMIT: Final = 2000
CONTEXT_ELEMENTS_LIMIT: Final = 10
CONTEXT_TEXT_LIMIT: Final = 3000
HEADER_TEXT_LIMIT: Final = 150
BUTTON_TEXT_LIMIT: Final = 75
ACTIONS_ELEMENTS_LIMIT: Final = 25
# Our own budgets: a chat answer longer than this is better cut than scrolled.
BODY_SECTIONS_LIMIT: Final = 5
TEXT_LIMIT: Final = 4000
ASKED_LIMIT: Final = 300

# Action ids name the kind of button (several of one kind get a numeric suffix, as ids must
# be unique); the value is the core's action id (bot/core/actions.py), decoded on a press.
ACTION_SHOW: Final = "selank_show"
ACTION_SHARE: Final = "selank_share"
ACTION_COMMAND: Final = "selank_command"
ACTION_FEEDBACK_UP: Final = "selank_feedback_up"
ACTION_FEEDBACK_DOWN: Final = "selank_feedback_down"
_ACTION_IDS: Final = {ActionKind.SHOW: ACTION_SHOW, ActionKind.SHARE: ACTION_SHARE,
                      ActionKind.MENU: ACTION_COMMAND, ActionKind.HELPFUL: ACTION_FEEDBACK_UP,
                      ActionKind.NOT_HELPFUL: ACTION_FEEDBACK_DOWN}

SHORTENED: Final = "_(This answer was shortened to fit in Slack.)_"
ELLIPSIS: Final = "…"
FEEDBACK_THANKS: Final = "Thanks for the feedback."

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


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How this reply is shown; the reply itself says what it is."""

    share: bool = False
    """Offer a "Share in channel" button (the reply is only visible to the asker)."""
    asked: str | None = None
    """The user's own words, echoed back escaped (a slash command is not shown in channel)."""
    shared_by: str | None = None
    """The Slack user id of whoever shared this answer into the channel."""


def escape(text: str) -> str:
    """Slack's three control characters, escaped so text is shown, never interpreted."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Slack's escaping undone, so the core reads `&` as the user typed it."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def to_mrkdwn(markdown: str) -> str:
    """The core's light markdown as Slack mrkdwn: `**x**` -> `*x*`, `- ` bullets -> `• `."""
    text = _BOLD.sub(r"*\1*", escape(markdown))
    return _BULLET.sub(r"\1• ", text)


def cut(text: str, limit: int) -> str:
    """Text within `limit` characters, ending in an ellipsis when cut, never mid-entity."""
    if len(text) <= limit:
        return text
    head = text[: _safe_end(text, limit - len(ELLIPSIS))]
    return head.rstrip() + ELLIPSIS


def _safe_end(text: str, limit: int) -> int:
    """An index at most `limit` that does not fall inside an escape such as `&amp;`."""
    if len(text) <= limit:
        return len(text)
    amp = text.rfind("&", max(0, limit - 4), limit)
    if amp > 0 and ";" not in text[amp:limit]:
        return amp
    return limit


def render(reply: Reply, options: RenderOptions | None = None) -> SlackMessage:
    """The whole message for one reply: header, body, extras, buttons, then the disclaimer."""
    opts = options or RenderOptions()
    safety = reply.status is Status.SAFETY

    top: list[Block] = [_header(reply.title)]
    if opts.shared_by and _USER_ID.match(opts.shared_by):
        top.append(_context([f"Shared by <@{opts.shared_by}>"]))
    if opts.asked and reply.status in _ECHO_STATUSES:
        top.append(_context([f"You asked: {cut(escape(opts.asked.strip()), ASKED_LIMIT)}"]))
    if reply.notice:
        top.append(_context([escape(reply.notice)]))

    extras: list[Block] = []
    if reply.comparison is not None and not safety:
        extras.extend(_comparison(reply.comparison))
    if not safety:
        extras.extend(_pointer_blocks(reply))
        buttons = _reply_buttons(reply, opts)
        if buttons:
            extras.append({"type": "actions", "elements": buttons})
    footer = _footer(reply)
    if reply.safety_net:
        # Its own block just above the footer: body cuts never reach it or the disclaimer.
        extras.append(_context([f":sos: {escape(reply.safety_net)}"]))

    room = MAX_BLOCKS - len(top) - len(extras) - 1
    if safety:
        body = _sections(to_mrkdwn(reply.body), room, shorten=False)
    else:
        body = _sections(to_mrkdwn(reply.body), min(room, BODY_SECTIONS_LIMIT), shorten=True)
    blocks = (*top, *body, *extras, footer)
    return SlackMessage(text=plain_text(reply), blocks=blocks)


def render_thanks() -> SlackMessage:
    """The small ephemeral note a 👍 / 👎 press gets."""
    return SlackMessage(text=FEEDBACK_THANKS,
                        blocks=(_context([f":pray: {FEEDBACK_THANKS}"]),))


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


def _context(texts: list[str]) -> Block:
    elements = [_mrkdwn(cut(t, CONTEXT_TEXT_LIMIT)) for t in texts[:CONTEXT_ELEMENTS_LIMIT]]
    return {"type": "context", "elements": elements}


def _section(text: str) -> Block:
    return {"type": "section", "text": _mrkdwn(text)}


def _sections(text: str, room: int, *, shorten: bool) -> list[Block]:
    """The body as sections of at most 3000 characters, at most `room` of them.

    Split at line ends where possible; when it will not fit, the last section is cut and
    says so, unless `shorten` is False (safety text is never cut short by us).
    """
    chunks = _chunks(text, SECTION_TEXT_LIMIT)
    if not chunks:
        return []
    if len(chunks) > room and shorten:
        kept = chunks[: max(room, 1)]
        last = cut(kept[-1], SECTION_TEXT_LIMIT - len(SHORTENED) - 2)
        kept[-1] = f"{last}\n\n{SHORTENED}"
        chunks = kept
    return [_section(chunk) for chunk in chunks]


def _chunks(text: str, limit: int) -> list[str]:
    """Lines packed into pieces of at most `limit` characters; an overlong line is split."""
    pieces: list[str] = []
    current = ""
    for line in text.strip().split("\n"):
        while len(line) > limit:
            if current:
                pieces.append(current)
                current = ""
            end = _safe_end(line, limit)
            pieces.append(line[:end])
            line = line[end:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        pieces.append(current)
    return [piece for piece in pieces if piece.strip()]


def _comparison(comparison: Comparison) -> list[Block]:
    """Side-by-side fields, feature then values, five rows to a section (ten fields)."""
    fields: list[dict[str, str]] = []
    for feature, values in comparison.rows:
        fields.append(_mrkdwn(cut(f"*{escape(feature)}*", FIELD_TEXT_LIMIT)))
        lines = [f"{escape(col)}: {escape(val)}" for col, val in zip(comparison.columns, values,
                                                                      strict=False)]
        fields.append(_mrkdwn(cut("\n".join(lines) or " ", FIELD_TEXT_LIMIT)))
    title = " vs ".join(escape(col) for col in comparison.columns)
    blocks: list[Block] = []
    for start in range(0, len(fields), SECTION_FIELDS_LIMIT):
        block: Block = {"type": "section", "fields": fields[start:start + SECTION_FIELDS_LIMIT]}
        if start == 0 and title:
            block["text"] = _mrkdwn(cut(f"*{title}*", SECTION_TEXT_LIMIT))
        blocks.append(block)
    return blocks[:BODY_SECTIONS_LIMIT]


def _pointer_blocks(reply: Reply) -> list[Block]:
    """Buttons to other entries (the "did you mean" choices, the nearest or related topics),
    and the menu buttons the core offers with them."""
    labels = {Status.FALLBACK: "Closest topics I know:", Status.ANSWER: "Related:"}
    shows = reply.offers(ActionKind.SHOW)
    buttons = [_button(a, f"{ACTION_SHOW}_{i}") for i, a in enumerate(shows)]
    buttons = buttons[: ACTIONS_ELEMENTS_LIMIT - 1]
    buttons += [_button(a, f"{ACTION_COMMAND}_{i}" if i else ACTION_COMMAND)
                for i, a in enumerate(reply.offers(ActionKind.MENU))]
    if not buttons:
        return []
    label = labels.get(reply.status)
    blocks: list[Block] = [_context([label])] if label and shows else []
    blocks.append({"type": "actions", "elements": buttons[:ACTIONS_ELEMENTS_LIMIT]})
    return blocks


def _reply_buttons(reply: Reply, opts: RenderOptions) -> list[Block]:
    """👍 / 👎, and "Share in channel" where only the asker can see the reply."""
    votes = (*reply.offers(ActionKind.HELPFUL), *reply.offers(ActionKind.NOT_HELPFUL))
    buttons = [_button(action, _ACTION_IDS[action.kind]) for action in votes]
    if opts.share:
        buttons += [_button(action, ACTION_SHARE, "Share in channel", style="primary")
                    for action in reply.offers(ActionKind.SHARE)]
    return buttons


def _button(action: Action, action_id: str, text: str | None = None,
            style: str | None = None) -> Block:
    label = text or action.label or "Show"
    button: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": cut(label, BUTTON_TEXT_LIMIT), "emoji": True},
        "action_id": action_id,
        "value": encode(action),
    }
    if style:
        button["style"] = style
    return button


def _footer(reply: Reply) -> Block:
    """Source (with its checked date), then the disclaimer, always the last block; the
    disclaimer has elements of its own, split, never cut."""
    line = reply.source_line
    texts = [cut(escape(line), CONTEXT_TEXT_LIMIT)] if line else []
    disclaimer = escape(reply.disclaimer)
    room = CONTEXT_TEXT_LIMIT - 2
    texts.extend(f"_{disclaimer[i:i + room]}_" for i in range(0, len(disclaimer), room))
    return {"type": "context", "elements": [_mrkdwn(t) for t in texts]}
