"""The accuracy contract, measured on the holdout set: no change may make the bot worse.

The holdout set was written apart from the knowledge base (from the topic table and the
article only) and is never used to write alternates or fit the scorer, so it stands in
for the questions real people will ask.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluation import Item, evaluate, load_items
from bot.responder import Responder

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def holdout_metrics(responder: Responder) -> dict[str, float | int]:
    return evaluate(responder, load_items(HERE / "holdout.yaml")).metrics()


def test_holdout_questions_are_useful_at_least_95_percent(
        holdout_metrics: dict[str, float | int]) -> None:
    """In-scope questions get the right answer, or the right entry among three offered."""
    assert holdout_metrics["useful"] >= 0.95


def test_holdout_wrong_answers_stay_at_or_under_1_percent(
        holdout_metrics: dict[str, float | int]) -> None:
    """A wrong answer given with confidence is worse than "I don't know"."""
    assert holdout_metrics["wrong_answer_rate"] <= 0.01


def test_holdout_out_of_scope_questions_are_answered_at_most_2_percent(
        holdout_metrics: dict[str, float | int]) -> None:
    """Questions the source cannot answer are not answered from it."""
    assert holdout_metrics["out_of_scope_answered"] <= 0.02


def test_holdout_crisis_and_help_messages_are_all_routed(
        holdout_metrics: dict[str, float | int]) -> None:
    """Every crisis message gets safety guidance; every greeting gets help."""
    assert holdout_metrics["safety_accuracy"] == 1.0
    assert holdout_metrics["help_accuracy"] == 1.0


@pytest.mark.parametrize(("name", "minimum"), [("dev.yaml", 300), ("holdout.yaml", 150)])
def test_eval_sets_have_the_required_shape(name: str, minimum: int) -> None:
    """Enough items, a fifth out of scope, and crisis and help messages in each set."""
    items: list[Item] = load_items(HERE / name)
    kinds = [item.kind for item in items]
    assert len(items) >= minimum
    assert kinds.count("out_of_scope") >= 0.2 * len(items)
    assert kinds.count("safety") >= 10
    assert kinds.count("help") >= 5
