"""bot/core/actions.py: which actions a reply gets, and the one button id format."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from bot.core.actions import ID_LIMIT, SHAREABLE, actions_for, decode, encode
from bot.core.reply import Action, ActionKind, EntryRef, Menu, Status
from bot.core.responder import Responder

REFS = (EntryRef("dosage", "Dose?"), EntryRef("side-effects", "Side effects?"))


def kinds(status: Status, entry_id: str | None = None) -> list[ActionKind]:
    return [a.kind for a in actions_for(status, entry_id, (), REFS)]


def test_should_share_answers_help_summary_and_topics_and_nothing_else() -> None:
    """The one share rule: what the core can rebuild from the button and is for everyone."""
    assert {s for s in Status if ActionKind.SHARE in kinds(s, "dosage")} == SHAREABLE
    assert {Status.ANSWER, Status.HELP, Status.SUMMARY, Status.TOPICS} == SHAREABLE


def test_should_give_safety_and_rate_limit_replies_no_actions() -> None:
    assert kinds(Status.SAFETY, "dosage") == [] and kinds(Status.RATE_LIMITED) == []


def test_should_give_answers_topics_votes_then_share() -> None:
    assert kinds(Status.ANSWER, "dosage") == [
        ActionKind.SHOW, ActionKind.SHOW, ActionKind.HELPFUL, ActionKind.NOT_HELPFUL,
        ActionKind.SHARE]


def test_should_give_a_fallback_its_topics_and_the_help_menu() -> None:
    actions = actions_for(Status.FALLBACK, None, (), REFS)
    assert [encode(a) for a in actions] == [
        "selank:show:dosage", "selank:show:side-effects", "selank:menu:help"]


def test_should_leave_out_ids_too_long_for_discord() -> None:
    refs = (EntryRef("x" * ID_LIMIT, "Too long"), EntryRef("dosage", "Dose?"))
    assert [a.entry_id for a in actions_for(Status.SUGGEST, None, refs, ())] == ["dosage"]


@given(st.sampled_from(list(ActionKind)), st.from_regex(r"[a-z0-9-]{1,40}", fullmatch=True),
       st.sampled_from(list(Menu)))
def test_should_decode_every_id_it_encodes(kind: ActionKind, entry_id: str, menu: Menu) -> None:
    action = (Action(kind, menu=menu) if kind is ActionKind.MENU
              else Action(kind, entry_id=entry_id))
    assert decode(encode(action)) == action
    assert decode(encode(Action(ActionKind.SHARE, menu=menu))) == Action(
        ActionKind.SHARE, menu=menu)


@given(st.text(max_size=200))
def test_should_decode_foreign_text_as_nothing_or_a_valid_action(text: str) -> None:
    action = decode(text)
    assert action is None or encode(action) == text


def test_should_refuse_what_it_did_not_write() -> None:
    assert [decode(v) for v in ("entry:dosage", "<!channel>", "selank:menu:drop", None)] == [
        None, None, None, None]


def test_should_carry_the_review_date_on_answers(responder: Responder) -> None:
    """An answer's reply knows when its entry was checked; its source line says so."""
    entry = responder.kb.entries[0]
    reply = responder.entry_reply(entry.id)
    assert reply.reviewed == entry.reviewed
    assert reply.source_line is not None
    assert reply.source_line.endswith(f" · checked {entry.reviewed.isoformat()}")
    assert isinstance(reply.reviewed, dt.date)
    assert reply.actions == actions_for(reply.status, reply.entry_id, (), reply.related)
