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


def test_a_long_posts_backstory_does_not_crowd_its_question(
        kb: KnowledgeBase, hybrid_rankers: Hybrid) -> None:
    """Only the sentences that ask are compared alone: "I was hooked on Xanax" is backstory,
    and the entry it resembles must not stand close behind the one the post asks about."""
    ranker = hybrid_rankers(kb)
    assert isinstance(ranker, HybridRanker)
    post = ("Some background first. I was hooked on Xanax for four years and the withdrawal "
            "nearly broke me. Benzodiazepines are addictive and I will never touch them again. "
            "My therapist and I have worked hard on all of it since. What I want to know now "
            "is whether it can help me fall asleep at night?")
    first, second = ranker.semantic.rank(post).candidates[:2]
    assert first.entry.id == "sleep"
    assert second.score < first.score - 0.2
