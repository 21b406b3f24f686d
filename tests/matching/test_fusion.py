"""The fused evidence: what each column says about a question and an entry."""

from __future__ import annotations

from bot.content.knowledge import KnowledgeBase
from bot.matching.fusion import FEATURES, HybridRanker
from bot.matching.rankers import Hybrid


def test_a_question_about_an_uncovered_subject_is_nearer_it_than_one_the_entries_answer(
        kb: KnowledgeBase, hybrid_rankers: Hybrid) -> None:
    ranker = hybrid_rankers(kb)
    assert isinstance(ranker, HybridRanker)
    column = FEATURES.index("uncovered")

    def uncovered(question: str) -> float:
        found = ranker.evidence(question)
        return float(found.features[0][column])  # the best-ranked entry's row

    assert "melatonin" in kb.not_covered
    assert uncovered("should I take melatonin gummies for sleep instead") > uncovered(
        "does selank help with anxiety")
