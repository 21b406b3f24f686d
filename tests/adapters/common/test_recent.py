"""RecentIds: remembered for a time, however many other ids arrive meanwhile."""

from __future__ import annotations

import pytest

from adapters.common.recent import RecentIds

from ...clock import ManualClock


def test_should_recognise_an_id_seen_before() -> None:
    """The first sighting is new; the second is a repeat."""
    recent = RecentIds()
    assert not recent.seen_before("Ev1")
    assert recent.seen_before("Ev1")
    assert not recent.seen_before("Ev2")


def test_should_still_know_an_id_after_thousands_of_others_within_the_ttl() -> None:
    """A retry after 1,001 other events is still a retry (a count of ids forgot it)."""
    recent = RecentIds(ttl_seconds=600, clock=ManualClock())
    recent.seen_before("Ev-retried")
    for n in range(5000):
        recent.seen_before(f"Ev{n}")
    assert recent.seen_before("Ev-retried")


def test_should_forget_ids_older_than_the_ttl_so_memory_stays_flat() -> None:
    """Past the time to live an id is dropped, and with it the memory it held."""
    clock = ManualClock()
    recent = RecentIds(ttl_seconds=60, clock=clock)
    for n in range(100):
        recent.seen_before(f"old{n}")
    clock.now += 61
    assert not recent.seen_before("new")
    assert len(recent) == 1
    assert not recent.seen_before("old0")


def test_should_refuse_a_ttl_that_is_not_positive() -> None:
    """A cache that remembers for no time would dedupe nothing."""
    with pytest.raises(ValueError, match="ttl"):
        RecentIds(ttl_seconds=0)
