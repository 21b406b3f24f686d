"""bot/core/placement.py: where each reply goes, the one rule both platforms lay out."""

from __future__ import annotations

import pytest

from bot.core.placement import VOTED, Delivery, Place, for_command, for_message, for_press
from bot.core.reply import Action, ActionKind, Menu, Reply, Status
from bot.core.responder import Responder
from bot.ops.feedback import InMemoryFeedbackSink
from bot.ops.ratelimit import RateLimiter
from bot.ops.service import Asker, BotService

ASKER = Asker("slack", "U1")
SHOW = Action(ActionKind.SHOW, entry_id="what-is-selank")
SHARE = Action(ActionKind.SHARE, entry_id="what-is-selank")


VOTE = Action(ActionKind.HELPFUL, entry_id="what-is-selank")


def reply(status: Status, body: str = "text") -> Reply:
    return Reply(status=status, title="t", body=body, disclaimer="not medical advice",
                 actions=(VOTE, SHARE))


def offers_share(delivery: Delivery) -> bool:
    return delivery.reply is not None and bool(delivery.reply.offers(ActionKind.SHARE))


@pytest.mark.parametrize("public", [False, True])
def test_a_safety_reply_to_a_command_stays_private_even_when_commands_are_public(
    public: bool,
) -> None:
    assert for_command(reply(Status.SAFETY), public).place is Place.PRIVATE


def test_a_command_answer_is_private_with_a_share_button_unless_commands_are_public() -> None:
    assert for_command(reply(Status.ANSWER), public=False) == Delivery(
        Place.PRIVATE, reply(Status.ANSWER))
    assert for_command(reply(Status.ANSWER), public=True) == Delivery(
        Place.PUBLIC, reply(Status.ANSWER).without(ActionKind.SHARE))


def test_a_public_reply_keeps_its_other_actions_but_never_a_share() -> None:
    answered = for_message(reply(Status.ANSWER)).reply
    assert answered is not None and answered.actions == (VOTE,)


def test_a_user_past_the_rate_limit_gets_nothing_anywhere() -> None:
    silent = reply(Status.RATE_LIMITED, body="")
    assert for_command(silent, public=True).place is Place.NOWHERE
    assert for_message(silent).place is Place.NOWHERE
    assert for_press(SHOW, silent, under_private=False).place is Place.NOWHERE


def test_a_rate_limit_notice_after_a_press_goes_beside_the_message_never_over_it() -> None:
    notice = reply(Status.RATE_LIMITED, body="slow down")
    assert for_press(SHOW, notice, under_private=False).place is Place.PRIVATE
    assert for_press(SHARE, notice, under_private=True).place is Place.PRIVATE


def test_a_share_press_posts_publicly_and_says_who_shared_it() -> None:
    assert for_press(SHARE, reply(Status.ANSWER), under_private=True) == Delivery(
        Place.PUBLIC, reply(Status.ANSWER).without(ActionKind.SHARE), shared=True)


def test_a_topic_press_takes_the_message_place_and_keeps_its_visibility() -> None:
    under_private = for_press(SHOW, reply(Status.ANSWER), under_private=True)
    under_public = for_press(SHOW, reply(Status.ANSWER), under_private=False)
    assert (under_private.place, offers_share(under_private)) == (Place.IN_PLACE, True)
    assert (under_public.place, offers_share(under_public)) == (Place.IN_PLACE, False)


def test_a_vote_is_kept_and_thanked_and_builds_no_reply(responder: Responder) -> None:
    sink = InMemoryFeedbackSink()
    service = BotService(responder, sink, limiter=RateLimiter(1, clock=lambda: 0.0))
    service.ask("what is selank", ASKER)  # uses the one question allowed
    vote = Action(ActionKind.NOT_HELPFUL, entry_id="what-is-selank")
    assert service.pressed(vote, ASKER) == VOTED and VOTED.reply is None
    assert [(f.entry_id, f.helpful) for f in sink.items] == [("what-is-selank", False)]


def test_a_menu_press_is_answered_and_counted_like_any_press(responder: Responder) -> None:
    service = BotService(responder, limiter=RateLimiter(1, clock=lambda: 0.0))
    menu = Action(ActionKind.MENU, menu=Menu.HELP)
    first = service.pressed(menu, ASKER, under_private=True)
    assert first.place is Place.IN_PLACE and first.reply is not None
    assert first.reply.status is Status.HELP
    assert service.pressed(menu, ASKER).place is Place.PRIVATE  # the rate-limit notice
