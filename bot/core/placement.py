"""Where a reply goes and who sees it: one rule for every platform.

A slash command, a message and a button press each end in a `Delivery`. The adapters
only lay it out: Slack as a `response_url` post or a thread reply, Discord as an
interaction response or a message. The rule lives here, so a press looks the same and
counts the same on every platform, and a private reply (a safety reply, a rate-limit
notice) is never shared, made public by a setting, or put over a message others see. A
mention is still answered where it was asked: its writer chose the channel.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum, auto
from typing import Final

from bot.core.reply import Action, ActionKind, Reply


class Place(StrEnum):
    """Who sees a reply, and where it appears."""

    NOWHERE = auto()
    """Say nothing: the user is past the rate limit and has been told once."""
    PRIVATE = auto()
    """Only the asker or presser, and never over a message others can see."""
    PUBLIC = auto()
    """Everyone in the channel (or the DM's one reader)."""
    IN_PLACE = auto()
    """Where the pressed message was, seen by whoever could see that message."""


THANKS: Final = "Thanks: your feedback helps improve these answers."
"""What a 👍 / 👎 press gets, privately, on every platform."""


@dataclass(frozen=True, slots=True)
class Delivery:
    """A reply with its place. Its share action is kept only where the reply is visible to
    its asker alone, so an adapter lays out every action it is handed."""

    place: Place
    reply: Reply | None = None
    """None after a vote, which builds no reply: the presser gets `THANKS`, privately."""
    shared: bool = False
    """A share press: the public post says who shared it."""


def _placed(place: Place, reply: Reply, *, share: bool = False,
            shared: bool = False) -> Delivery:
    kept = reply if share else reply.without(ActionKind.SHARE)
    return Delivery(place, kept, shared=shared)


def for_command(reply: Reply, public: bool) -> Delivery:
    """A slash command's reply: private unless the admin made commands public.

    A safety reply or a rate-limit notice stays private whatever the setting.
    """
    if reply.is_silent:
        return _placed(Place.NOWHERE, reply)
    if public and not reply.private:
        return _placed(Place.PUBLIC, reply)
    return _placed(Place.PRIVATE, reply, share=True)


def for_message(reply: Reply) -> Delivery:
    """A mention or a DM is answered where it was asked, as a thread reply or in the DM."""
    return _placed(Place.NOWHERE if reply.is_silent else Place.PUBLIC, reply)


def for_press(action: Action, reply: Reply, under_private: bool) -> Delivery:
    """A button's reply. A share goes public, unless the rebuilt reply is private; a private
    reply goes beside the message, never over it; any other reply takes the message's place,
    keeping its visibility (`under_private`: the pressed message was the presser's alone)."""
    if reply.is_silent:
        return _placed(Place.NOWHERE, reply)
    if reply.private:
        return _placed(Place.PRIVATE, reply)
    if action.kind is ActionKind.SHARE:
        return _placed(Place.PUBLIC, reply, shared=True)
    return _placed(Place.IN_PLACE, reply, share=under_private)


VOTED: Final = Delivery(Place.PRIVATE)
"""Where a vote's thanks goes."""


def is_vote(action: Action) -> bool:
    """A 👍 / 👎: kept with the feedback, it builds no reply."""
    return action.kind in (ActionKind.HELPFUL, ActionKind.NOT_HELPFUL)
