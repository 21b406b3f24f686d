"""Which actions a reply offers, and the one id format every platform's buttons carry.

Policy lives here, layout in the adapters: a reply's `actions` say what can be pressed, and
each adapter only decides how the buttons look. An action id is short enough for both
Slack (255 characters for an `action_id` or `value`) and Discord (100 for a `custom_id`).

The share rule: a reply can be shared into a channel when the core can rebuild it from the
button alone and it is meant for everyone, which is an answer, the help, the summary and the
topic list. A "did you mean" or an "I don't know" depends on the words typed, which the
button does not carry; a safety reply or a rate-limit notice is private (`Reply.private`).
"""

from __future__ import annotations

import re
from typing import Final

from bot.core.reply import Action, ActionKind, EntryRef, Menu, Status

ID_LIMIT: Final = 100
"""The longest action id: Discord's `custom_id` limit, well inside Slack's 255."""
PREFIX: Final = "selank:"
SHAREABLE: Final = frozenset({Status.ANSWER, Status.HELP, Status.SUMMARY, Status.TOPICS})
"""The statuses whose replies carry a share action (see the module docstring)."""

_ENTRY = r"[a-z0-9-]+"
_ID = re.compile(
    rf"selank:(?:show:(?P<show>{_ENTRY})|fb:(?P<vote>up|down):(?P<voted>{_ENTRY})"
    rf"|share:(?:entry:(?P<shared>{_ENTRY})|(?P<shared_menu>help|summary|topics))"
    rf"|menu:(?P<menu>help|summary|topics))")
POINTERS_HEADING: Final = {Status.FALLBACK: "Closest topics I know:", Status.ANSWER: "Related:"}
"""The heading over a reply's buttons or list of other entries, by the reply's kind."""
_MENU_LABELS: Final = {Menu.HELP: "What can I ask?", Menu.SUMMARY: "Key points",
                       Menu.TOPICS: "All topics"}


def encode(action: Action) -> str:
    """The id a button carries for this action (see `decode`)."""
    target = action.entry_id or ""
    match action.kind:
        case ActionKind.SHOW:
            return f"{PREFIX}show:{target}"
        case ActionKind.HELPFUL | ActionKind.NOT_HELPFUL:
            vote = "up" if action.kind is ActionKind.HELPFUL else "down"
            return f"{PREFIX}fb:{vote}:{target}"
        case ActionKind.SHARE:
            return f"{PREFIX}share:" + (f"entry:{target}" if action.entry_id else
                                       str(action.menu))
        case ActionKind.MENU:
            return f"{PREFIX}menu:{action.menu}"


def decode(action_id: object) -> Action | None:
    """The action an id names, or None for anything this module did not write."""
    if not isinstance(action_id, str) or len(action_id) > ID_LIMIT:
        return None
    found = _ID.fullmatch(action_id)
    if found is None:
        return None
    if found["show"]:
        return Action(ActionKind.SHOW, entry_id=found["show"])
    if found["voted"]:
        kind = ActionKind.HELPFUL if found["vote"] == "up" else ActionKind.NOT_HELPFUL
        return Action(kind, entry_id=found["voted"])
    if found["shared"]:
        return Action(ActionKind.SHARE, entry_id=found["shared"])
    if found["shared_menu"]:
        return Action(ActionKind.SHARE, menu=Menu(found["shared_menu"]))
    return Action(ActionKind.MENU, menu=Menu(found["menu"]))


def actions_for(status: Status, entry_id: str | None, suggestions: tuple[EntryRef, ...],
                related: tuple[EntryRef, ...]) -> tuple[Action, ...]:
    """Every action a reply of this kind gets, in display order; ids that would not fit
    a platform's limit are left out, so no adapter has to check."""
    if status in (Status.SAFETY, Status.RATE_LIMITED):
        return ()
    found: list[Action] = []
    seen: set[str] = set()
    for ref in suggestions or related:
        if ref.id not in seen:
            seen.add(ref.id)
            found.append(Action(ActionKind.SHOW, ref.question, entry_id=ref.id))
    if status is Status.FALLBACK:
        found.append(Action(ActionKind.MENU, _MENU_LABELS[Menu.HELP], menu=Menu.HELP))
    if status is Status.ANSWER and entry_id:
        found.append(Action(ActionKind.HELPFUL, "👍 Helpful", entry_id=entry_id))
        found.append(Action(ActionKind.NOT_HELPFUL, "👎 Not helpful", entry_id=entry_id))
    if status in SHAREABLE and (entry_id or status is not Status.ANSWER):
        share = (Action(ActionKind.SHARE, entry_id=entry_id) if status is Status.ANSWER
                 else Action(ActionKind.SHARE, menu=Menu(status.value)))
        found.append(share)
    return tuple(action for action in found if len(encode(action)) <= ID_LIMIT)
