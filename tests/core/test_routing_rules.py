"""Each routing rule of `bot.core.router`, on hand-built rankings: no model, no matching.

One test (or a pair) per rule, numbered as in the router's docstring; deleting a rule
fails its test.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from bot.content.knowledge import Entry, KnowledgeBase
from bot.core.reply import Status
from bot.core.router import MEDICATION_ENTRY, Route, by_score, route
from bot.core.safety.triage import Danger, Triage
from bot.matching.ranking import Analysis, Candidate, Ranking
from bot.matching.thresholds import LEXICAL, Thresholds

LIMITS = Thresholds(answer_min_score=0.7, answer_min_margin=0.2, suggest_min_score=0.1,
                    max_suggestions=3, pointer_min_score=0.03, help_min_similarity=0.6)
ANALYSIS = Analysis(normalized="a question", tokens=("question",), corrections=(),
                    unknown=())


def entry(entry_id: str) -> Entry:
    return Entry(id=entry_id, question=f"What about {entry_id}?", alternates=(),
                 answer="An answer.", source="https://example.org/source",
                 reviewed=dt.date(2026, 1, 1))


def candidate(entry_id: str, score: float, *, lacking: tuple[str, ...] = (),
              **evidence: float) -> Candidate:
    return Candidate(entry(entry_id), score, "a phrase", lacking, tuple(evidence.items()))


def ranking(*candidates: Candidate, help_similarity: float = 0.0) -> Ranking:
    return Ranking(ANALYSIS, candidates, help_similarity)


def ids(decision: Route) -> list[str]:
    return [c.entry.id for c in decision.candidates]


@dataclass
class FixedRanker:
    """A ranker that ranks every question the same way."""

    kb: KnowledgeBase
    ranked: Ranking
    limits: Thresholds = LIMITS

    def rank(self, question: str, limit: int = 5) -> Ranking:
        return self.ranked

    def complete(self, text: str, limit: int) -> list[Entry]:
        return []


CONFIDENT = ranking(candidate("confident", 0.9), candidate("runner-up", 0.2))
"""A ranking that alone would be answered: whatever routes elsewhere, a rule did it."""


def routed(kb: KnowledgeBase, message: str, triage: Triage | None = None) -> Route:
    return route(message, FixedRanker(kb, CONFIDENT), message, triage=triage)


# Before ranking -------------------------------------------------------------------------


def test_rule_1_triage_should_route_a_danger_to_safety_before_anything(
        kb: KnowledgeBase) -> None:
    danger = Triage(Danger.SELF, "en", "pattern", "summary")
    assert routed(kb, "summary", danger).status is Status.SAFETY
    assert routed(kb, "a question", Triage(Danger.OTHER, "en", "pattern")).status \
        is Status.SAFETY


def test_rule_1_triage_should_let_a_message_without_danger_through(kb: KnowledgeBase) -> None:
    assert routed(kb, "a question", Triage(Danger.NONE, "en")).status is Status.ANSWER


@pytest.mark.parametrize(("command", "status"), [
    ("summary", Status.SUMMARY), ("key points", Status.SUMMARY), ("topics", Status.TOPICS),
    ("list", Status.TOPICS),
])
def test_rule_2_commands_should_route_before_the_ranking(
        kb: KnowledgeBase, command: str, status: Status) -> None:
    assert routed(kb, command).status is status


@pytest.mark.parametrize("message", ["", "hi", "what can you do"])
def test_rule_3_help_by_words_should_route_greetings_to_help(
        kb: KnowledgeBase, message: str) -> None:
    assert routed(kb, message).status is Status.HELP


def test_rule_4_medication_change_should_answer_the_interactions_entry(
        kb: KnowledgeBase) -> None:
    decision = routed(kb, "can i stop my xanax and take selank instead")
    assert decision.status is Status.ANSWER
    assert ids(decision) == [MEDICATION_ENTRY]
    assert decision.candidates[0].score == 1.0


def test_rule_4_medication_change_should_keep_the_entrys_own_score(kb: KnowledgeBase) -> None:
    ranked = ranking(candidate(MEDICATION_ENTRY, 0.4))
    decision = route("can i quit my meds", FixedRanker(kb, ranked), "can i quit my meds")
    assert (decision.status, ids(decision)) == (Status.ANSWER, [MEDICATION_ENTRY])
    assert decision.candidates[0].score == 0.4


# From the ranking -----------------------------------------------------------------------


def test_rule_5_help_by_meaning_should_route_a_question_about_the_bot_to_help() -> None:
    ranked = ranking(candidate("entry", 0.9, cosine=0.5), help_similarity=0.65)
    assert by_score(ranked, LIMITS).status is Status.HELP


def test_rule_5_help_by_meaning_should_yield_to_a_closer_entry() -> None:
    ranked = ranking(candidate("entry", 0.9, cosine=0.7), help_similarity=0.65)
    assert by_score(ranked, LIMITS).status is Status.ANSWER


def test_rule_6_nothing_ranked_should_fall_back() -> None:
    decision = by_score(ranking(), LIMITS)
    assert (decision.status, decision.candidates) == (Status.FALLBACK, ())


def test_rule_7_exact_phrase_should_answer_despite_a_close_runner_up() -> None:
    ranked = ranking(candidate("exact", 1.0, lacking=("semax",), exact=1.0),
                     candidate("runner-up", 0.95))
    decision = by_score(ranked, LIMITS)
    assert (decision.status, ids(decision)[0]) == (Status.ANSWER, "exact")


def test_rule_8_no_known_word_should_fall_back_naming_no_topic() -> None:
    decision = by_score(ranking(candidate("nearby", 0.9, unknown=1.0)), LIMITS)
    assert (decision.status, decision.candidates) == (Status.FALLBACK, ())


def test_rule_9_confident_answer_should_answer_a_clear_lead() -> None:
    decision = by_score(ranking(candidate("best", 0.8), candidate("runner-up", 0.5)), LIMITS)
    assert (decision.status, ids(decision)[0]) == (Status.ANSWER, "best")


def test_rule_9_confident_answer_should_suggest_below_the_margin() -> None:
    decision = by_score(ranking(candidate("best", 0.8), candidate("runner-up", 0.7)), LIMITS)
    assert decision.status is Status.SUGGEST


def test_rule_9_confident_answer_should_suggest_below_the_score() -> None:
    decision = by_score(ranking(candidate("best", 0.65)), LIMITS)
    assert decision.status is Status.SUGGEST


def test_rule_9_lexical_margin_of_zero_should_answer_a_tie() -> None:
    """LEXICAL's fitted margin is 0.0: its score alone decides."""
    tie = ranking(candidate("best", 0.96), candidate("twin", 0.96))
    assert by_score(tie, LEXICAL).status is Status.ANSWER


def test_rule_10_missing_subject_should_suggest_instead_of_answering() -> None:
    ranked = ranking(candidate("side-effects", 0.9, lacking=("semax",)),
                     candidate("runner-up", 0.2))
    decision = by_score(ranked, LIMITS)
    assert decision.status is Status.SUGGEST
    assert "semax" in decision.reason


def test_rule_11_suggest_floor_should_offer_only_entries_from_the_floor_up() -> None:
    ranked = ranking(candidate("a", 0.3), candidate("b", 0.15), candidate("c", 0.09))
    decision = by_score(ranked, LIMITS)
    assert (decision.status, ids(decision)) == (Status.SUGGEST, ["a", "b"])


def test_rule_11_suggest_floor_should_offer_at_most_max_suggestions() -> None:
    ranked = ranking(*(candidate(f"e{i}", 0.5 - i / 100) for i in range(5)))
    decision = by_score(ranked, LIMITS)
    assert (decision.status, ids(decision)) == (Status.SUGGEST, ["e0", "e1", "e2"])


def test_rule_12_fallback_should_name_the_closest_topics_from_the_pointer_floor_up() -> None:
    ranked = ranking(candidate("a", 0.09), candidate("b", 0.05), candidate("c", 0.02))
    decision = by_score(ranked, LIMITS)
    assert (decision.status, ids(decision)) == (Status.FALLBACK, ["a", "b"])
