"""RecentIds: a retried event is recognised, and memory stays bounded."""

from __future__ import annotations

import pytest

from adapters.slack.dedupe import RecentIds


def test_should_recognise_an_id_seen_before() -> None:
    """The first sighting is new; the second is a repeat."""
    recent = RecentIds()
    assert not recent.seen_before("Ev1")
    assert recent.seen_before("Ev1")
    assert not recent.seen_before("Ev2")


def test_should_forget_the_oldest_id_past_capacity() -> None:
    """Past its capacity the oldest id is forgotten, so the cache never grows."""
    recent = RecentIds(capacity=2)
    for key in ("a", "b", "c"):
        recent.seen_before(key)
    assert len(recent) == 2
    assert not recent.seen_before("a")
    assert recent.seen_before("c")


def test_should_refuse_a_capacity_below_one() -> None:
    """A cache that can hold nothing would dedupe nothing."""
    with pytest.raises(ValueError, match="capacity"):
        RecentIds(capacity=0)
