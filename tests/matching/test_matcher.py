"""Ranking: the right entry comes first, misspelled or not, and scores stay in [0, 1]."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content.knowledge import KnowledgeBase
from bot.matching.lexical import Matcher


@pytest.fixture(scope="module")
def matcher(kb: KnowledgeBase) -> Matcher:
    return Matcher(kb)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What is Selank?", "what-is-selank"),
        ("is selnak addictve", "dependence-and-withdrawal"),
        ("how many mg do i take", "dosage"),
        ("selank or semax which one", "vs-semax"),
        ("any side efects?", "side-effects"),
    ],
)
def test_should_rank_the_right_entry_first(matcher: Matcher, question: str, expected: str) -> None:
    """Everyday phrasings, typos included, find their entry."""
    assert matcher.rank(question).candidates[0].entry.id == expected


def test_should_correct_misspellings_of_selank(matcher: Matcher) -> None:
    """`selnak` and `slenak` are read as `selank`."""
    analysis = matcher.analyse("is slenak like selnak")
    assert ("slenak", "selank") in analysis.corrections
    assert ("selnak", "selank") in analysis.corrections


def test_should_not_bend_short_words_into_the_vocabulary(matcher: Matcher) -> None:
    """Four-letter words are never "corrected": too many real words are one edit apart."""
    assert matcher.analyse("half life cost").corrections == ()


def test_should_weight_selank_below_discriminating_words(matcher: Matcher) -> None:
    """A word found in nearly every entry counts less than a word found in one."""
    assert matcher.weights["selank"] < matcher.weights["semax"]


def test_should_rank_each_entrys_own_question_first(kb: KnowledgeBase) -> None:
    """Each canonical question ranks its own entry first."""
    matcher = Matcher(kb)
    for entry in kb.entries:
        assert matcher.rank(entry.question).candidates[0].entry.id == entry.id, entry.question


def test_should_rank_each_entrys_own_alternates_first(kb: KnowledgeBase) -> None:
    """Each alternate ranks its own entry first: no alternate is claimed by two entries."""
    matcher = Matcher(kb)
    strays = []
    for entry in kb.entries:
        for alternate in entry.alternates:
            best = matcher.rank(alternate).candidates[0].entry.id
            if best != entry.id:
                strays.append((entry.id, alternate, best))
    assert strays == []


def test_should_find_nothing_for_words_no_entry_uses(matcher: Matcher) -> None:
    """Gibberish shares no word with the knowledge base, so nothing is ranked."""
    assert matcher.rank("qwzx plorb vranth").candidates == ()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_scores_should_stay_between_zero_and_one_best_first(text: str) -> None:
    """Whatever the input, scores are in [0, 1] and sorted best first."""
    from bot.content.loader import load_knowledge_base
    from bot.content.paths import bundled_faq

    matcher = _cached_matcher(bundled_faq(), load_knowledge_base)
    scores = [c.score for c in matcher.rank(text).candidates]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores, reverse=True)


_MATCHERS: dict[object, Matcher] = {}


def _cached_matcher(path: object, load: object) -> Matcher:
    if path not in _MATCHERS:
        _MATCHERS[path] = Matcher(load(path))  # type: ignore[operator]
    return _MATCHERS[path]


def test_a_very_long_question_still_gets_finite_scores(matcher: Matcher) -> None:
    """Hundreds of known words must not underflow the naive Bayes evidence into NaN."""
    question = " ".join(["does selank help anxiety stress memory focus sleep dose"] * 30)
    scores = [c.score for c in matcher.rank(question).candidates]
    assert scores and all(0.0 <= s <= 1.0 for s in scores)
