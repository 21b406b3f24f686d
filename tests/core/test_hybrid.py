"""The hybrid ranker as users meet it: descriptions understood, subjects never stretched."""

from __future__ import annotations

import pytest

from bot.content.knowledge import KnowledgeBase
from bot.core.reply import Status
from bot.core.responder import Responder
from bot.matching.rankers import Hybrid, factory, lexical
from bot.matching.ranking import Ranking


@pytest.fixture(scope="module")
def hybrid_responder(kb: KnowledgeBase, hybrid_rankers: Hybrid) -> Responder:
    return Responder(kb, hybrid_rankers)


@pytest.mark.parametrize(("question", "expected"), [
    ("my memory is like a sieve lately, would this help", {"cognitive-effects"}),
    ("will i be a zombie at work if i take it in the morning", {"sedation"}),
    ("the brain's calming chemical, does selank boost it", {"gaba", "mechanism"}),
    ("started it tuesday, when am i supposed to feel something", {"time-to-effect"}),
])
def test_descriptions_reach_their_topic(hybrid_responder: Responder, question: str,
                                        expected: set[str]) -> None:
    """Words no alternate uses still find the entry: answered, or offered first."""
    reply = hybrid_responder.ask(question)
    assert reply.status in (Status.ANSWER, Status.SUGGEST)
    shown = reply.entry_id or reply.suggestions[0].id
    assert shown in expected


@pytest.mark.parametrize("question", [
    "what dose of semax should i take",
    "how should i store selank, in the fridge?",
    "what does selank cost per month",
    "is selank legal in australia",
    "what dose of selank for my dog",
])
def test_subjects_the_source_never_covers_are_never_answered(
        hybrid_responder: Responder, question: str) -> None:
    """Offered or declined, never asserted: the entry does not speak about that subject."""
    assert hybrid_responder.ask(question).status is not Status.ANSWER


@pytest.mark.parametrize("question", [
    "what kind of things can you tell me about?",
    "are you a doctor or a computer program?",
    "where does your information come from?",
    "Olá! What you can do?",  # the greeting is too short a part to be compared alone
    "can you back up your answers with references?",
    "namaste bot ji",
])
def test_questions_about_the_bot_reach_help_by_meaning(hybrid_responder: Responder,
                                                       question: str) -> None:
    assert hybrid_responder.ask(question).status is Status.HELP


def test_gibberish_is_declined_not_offered(hybrid_responder: Responder) -> None:
    """A nearest meaning always exists; with no word the knowledge base uses, it is noise."""
    assert hybrid_responder.ask("zzqx plorb").status is Status.FALLBACK


def test_explain_shows_both_rankers_evidence(hybrid_responder: Responder) -> None:
    decision, _ = hybrid_responder.explain("does selank make you sleepy")
    evidence = dict(decision.candidates[0].evidence)
    assert {"lexical", "cosine", "cosine_lead", "fused_rank"} <= evidence.keys()
    assert decision.candidates[0].entry.id == "sedation"


def test_a_ranking_should_give_scores_between_zero_and_one_best_first(
        hybrid_responder: Responder) -> None:
    ranking: Ranking = hybrid_responder.ranker.rank("is selank addictive")
    scores = [c.score for c in ranking.candidates]
    assert all(0.0 <= s <= 1.0 for s in scores) and scores == sorted(scores, reverse=True)


def test_matcher_setting_should_choose_the_ranker_and_refuse_an_unknown_one() -> None:
    assert factory({"MATCHER": "lexical"}) is lexical
    with pytest.raises(Exception, match="MATCHER should be one of hybrid, lexical"):
        factory({"MATCHER": "bm25"})
