"""The accuracy contract, on the blind set: no change may make the bot worse for strangers.

`blind.yaml` (set D) was written by someone who saw only the topic table and the article,
in 21 voices, and nothing is fitted or curated on it (bench/fit_scorer.py refuses it). The
bot runs as shipped: the hybrid ranker with its fitted thresholds, and triage with its
classifier.

Wrong answers and out-of-scope answers are held to the product's limits. Answered-right,
useful and help are held to floors just under what was measured when the set was added;
the targets of issue 9 (answered right >= 75%, useful >= 95%, help >= 95%) are not met yet,
and these floors only keep a change from going backwards.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.knowledge import KnowledgeBase
from bot.core.responder import Responder
from bot.core.safety.triage import Triager
from bot.curation.evaluation import Item, evaluate, load_items
from bot.matching.rankers import Hybrid

HERE = Path(__file__).parent
Metrics = dict[str, float | int]
FLOORS = {"answered_right": 0.37, "useful": 0.89, "help_accuracy": 0.55}
"""Just under the figures last measured (37.9%, 91.5%, 60.0%; 38.7% when the set was added,
39.6% before the refit that brought in set E and the uncovered-subject feature, which raised
strangers' answered-right out of fold from 51.3% to 53.4%: four questions of D went the
other way)."""


@pytest.fixture(scope="module")
def blind(kb: KnowledgeBase, hybrid_rankers: Hybrid) -> Metrics:
    responder = Responder(kb, hybrid_rankers, Triager(hybrid_rankers.queries))
    return evaluate(responder, load_items(HERE / "blind.yaml")).metrics()


def test_wrong_answers_stay_at_or_under_1_percent(blind: Metrics) -> None:
    """A wrong answer given with confidence is worse than "I don't know"."""
    assert blind["wrong_answer_rate"] <= 0.01


def test_out_of_scope_questions_are_rarely_answered(blind: Metrics) -> None:
    """Questions the source cannot answer are not answered from it (2 of 60 at most)."""
    assert blind["out_of_scope_answered"] <= 0.035


def test_ordinary_questions_are_not_sent_to_safety(blind: Metrics) -> None:
    """At most 1% of questions that show no crisis get the emergency reply (issue 10)."""
    assert blind["false_safety_rate"] <= 0.01


def test_strangers_questions_are_answered_or_usefully_offered(blind: Metrics) -> None:
    assert blind["answered_right"] >= FLOORS["answered_right"]
    assert blind["useful"] >= FLOORS["useful"]


def test_questions_about_the_bot_reach_help(blind: Metrics) -> None:
    assert blind["help_accuracy"] >= FLOORS["help_accuracy"]


@pytest.mark.parametrize(("name", "minimum"), [("blind.yaml", 300), ("dev.yaml", 300)])
def test_eval_sets_have_the_required_shape(name: str, minimum: int) -> None:
    """Enough items, out-of-scope and help items in each."""
    items: list[Item] = load_items(HERE / name)
    kinds = [item.kind for item in items]
    assert len(items) >= minimum
    assert kinds.count("out_of_scope") >= 0.15 * len(items)
    assert kinds.count("help") >= 5
