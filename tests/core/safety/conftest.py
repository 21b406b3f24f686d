"""The triage the bot runs: patterns and both classifiers, on the session's real model."""

from __future__ import annotations

import pytest

from bot.core.safety.triage import Triager
from bot.matching.rankers import Hybrid


@pytest.fixture(scope="module")
def classifying(hybrid_rankers: Hybrid) -> Triager:
    """As `configured()` builds it: the ranker's query encoder, shared with triage."""
    return Triager(hybrid_rankers.queries)
