"""Which buttons a reply carries, and the custom ids that let them work after a restart."""

from __future__ import annotations

import discord

from adapters.discord.views import CUSTOM_ID_LIMIT, LABEL_LIMIT, view_for
from bot.core.actions import actions_for
from bot.core.reply import ActionKind, EntryRef, Reply, Status


def reply(status: Status, **fields: object) -> Reply:
    """A reply with the actions the core would give it."""
    actions = actions_for(status, fields.get("entry_id"), fields.get("suggestions", ()),  # type: ignore[arg-type]
                          fields.get("related", ()))  # type: ignore[arg-type]
    return Reply(status, "Title", "Body", "Not medical advice.", actions=actions,
                 **fields)  # type: ignore[arg-type]


def buttons(view: discord.ui.View | None) -> list[dict[str, object]]:
    assert view is not None
    return [c for row in view.to_components() for c in row["components"]]


def test_should_offer_each_suggestion_as_a_show_button() -> None:
    """"Did you mean" candidates become primary buttons named by their question."""
    suggestions = (EntryRef("dosage", "What dose of Selank should I take?"),
                   EntryRef("side-effects", "What side effects does Selank have?"))
    found = buttons(view_for(reply(Status.SUGGEST, suggestions=suggestions)))
    assert [(b["custom_id"], b["label"]) for b in found] == [
        ("selank:show:dosage", "What dose of Selank should I take?"),
        ("selank:show:side-effects", "What side effects does Selank have?"),
    ]
    assert {b["style"] for b in found} == {discord.ButtonStyle.primary.value}


def test_should_give_answers_feedback_and_share_buttons() -> None:
    """An answer carries related topics, 👍 / 👎 and "Post publicly" when the core kept it."""
    answer = reply(Status.ANSWER, entry_id="dosage",
                   related=(EntryRef("side-effects", "What side effects does Selank have?"),))
    assert [b["custom_id"] for b in buttons(view_for(answer))] == [
        "selank:show:side-effects", "selank:fb:up:dosage", "selank:fb:down:dosage",
        "selank:share:entry:dosage",
    ]
    assert "selank:share:entry:dosage" not in [
        b["custom_id"] for b in buttons(view_for(answer.without(ActionKind.SHARE)))]


def test_should_give_safety_replies_no_buttons() -> None:
    """Someone in danger gets no feedback, sharing or topic buttons."""
    safety = reply(Status.SAFETY, related=(EntryRef("dosage", "Dose?"),))
    assert view_for(safety) is None


def test_should_not_offer_to_share_what_cannot_be_rebuilt() -> None:
    """A fallback depends on the question's text, which a custom id cannot carry: it gets
    the help button and no share."""
    assert [b["custom_id"] for b in buttons(view_for(reply(Status.FALLBACK)))
            ] == ["selank:menu:help"]


def test_should_keep_labels_and_custom_ids_within_discords_limits() -> None:
    """Long questions are cut to 80 characters; ids too long for a custom id are left out."""
    refs = (EntryRef("dosage", "Why " * 40), EntryRef("x" * 120, "Too long an id"))
    found = buttons(view_for(reply(Status.SUGGEST, suggestions=refs)))
    assert [b["custom_id"] for b in found] == ["selank:show:dosage"]
    assert all(len(str(b["label"])) <= LABEL_LIMIT for b in found)
    assert all(len(str(b["custom_id"])) <= CUSTOM_ID_LIMIT for b in found)
