"""Replies: the disclaimer always, hostile input answered safely, reloads atomic."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content.loader import load_knowledge_base
from bot.content.paths import bundled_faq
from bot.core.reply import Status
from bot.core.responder import Responder
from bot.matching.normalize import INPUT_CAP

_RESPONDER = Responder(load_knowledge_base(bundled_faq()))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_no_string_crashes_the_router_and_every_reply_has_the_disclaimer(text: str) -> None:
    """Whatever arrives, a reply comes back carrying the disclaimer."""
    reply = _RESPONDER.ask(text)
    assert reply.disclaimer == _RESPONDER.kb.disclaimer
    assert reply.title and reply.body


def test_every_kind_of_reply_carries_the_disclaimer(responder: Responder) -> None:
    """Answer, suggest, fallback, safety, help, summary, topics and a stale button alike."""
    replies = [
        responder.ask("what is selank"), responder.ask("zzqx"), responder.ask("help"),
        responder.ask("i want to die"), responder.summary(), responder.topics(),
        responder.entry_reply("no-such-entry"), responder.entry_reply("vs-semax"),
    ]
    assert all(r.disclaimer == responder.kb.disclaimer for r in replies)


def test_should_cut_huge_input_and_say_so(responder: Responder) -> None:
    """100,000 characters are cut to the cap before matching, and the reply says so."""
    reply = responder.ask("is selank addictive " * 5000)
    assert reply.notice is not None and str(INPUT_CAP) in reply.notice
    assert reply.entry_id == "dependence-and-withdrawal"


def test_should_answer_emoji_and_other_scripts_without_guessing(responder: Responder) -> None:
    """Emoji only or another language: a reply, never a confident wrong answer."""
    for text in ("🙂🙂🙂", "Что такое погода сегодня?", "天気はどうですか"):
        assert responder.ask(text).status in (Status.HELP, Status.FALLBACK)


def test_answer_carries_its_source_and_related_entries(responder: Responder) -> None:
    """An answer names the article section and offers "see also" entries."""
    reply = responder.ask("what is selank")
    assert reply.source is not None and "section" in reply.source
    assert reply.related and all(r.id != "what-is-selank" for r in reply.related)


def test_comparison_entries_carry_their_table(responder: Responder) -> None:
    """The Semax comparison comes as a table each platform can lay out side by side."""
    reply = responder.entry_reply("vs-semax")
    assert reply.comparison is not None
    assert reply.comparison.columns[0] == "Selank"


def test_should_swap_the_knowledge_base_atomically(faq_dir: Path) -> None:
    """After a swap, questions are answered from the new knowledge base."""
    responder = Responder(load_knowledge_base(faq_dir / "faq.yaml"))
    text = (faq_dir / "faq.yaml").read_text(encoding="utf-8")
    changed = text.replace("For information only", "Information only, really")
    (faq_dir / "faq.yaml").write_text(changed, encoding="utf-8")
    responder.swap(load_knowledge_base(faq_dir / "faq.yaml"))
    assert responder.ask("what is selank").disclaimer.startswith("Information only, really")
