"""DurableRecorder: fsynced to the spool before returning, written once, whatever the store does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.core.reply import Status
from bot.ops.feedback import Feedback
from bot.ops.metrics import Metrics
from bot.ops.outcomes import QuestionOutcome
from bot.ops.records import decode, encode
from bot.ops.spool import Spool
from bot.ops.store import Store, StoreError
from bot.ops.writer import DurableRecorder

SINCE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def _url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'bot.sqlite3'}"


def _question(n: int) -> QuestionOutcome:
    return QuestionOutcome("slack", "U1", f"q{n}", Status.FALLBACK, (("dosage", 0.3),))


def _unavailable() -> Store:
    raise StoreError("cannot use the database db: connection refused", transient=True)


def _texts(store: Store) -> list[str | None]:
    return [row.question for row in store.unanswered_since(SINCE)]


def test_should_write_everything_in_order_and_leave_no_spool(tmp_path: Path) -> None:
    spool = Spool.open(tmp_path / "spool")
    recorder = DurableRecorder(lambda: Store.open(_url(tmp_path)), spool)
    for n in range(50):
        recorder.record_question(_question(n))
    recorder.record_feedback(Feedback("slack", "U1", "dosage", helpful=True))
    assert recorder.flush()
    assert recorder.close() == 0
    store = Store.open(_url(tmp_path))
    assert _texts(store) == [f"q{n}" for n in range(50)]
    assert store.feedback_since(SINCE)[0].helpful == 1
    assert spool.segments() == []


def test_should_keep_rows_in_the_spool_while_the_store_is_down_and_replay_them_once(
    tmp_path: Path,
) -> None:
    """Down for the whole run: every row stays on disk; the next start writes each once."""
    metrics = Metrics()
    down = DurableRecorder(_unavailable, Spool.open(tmp_path / "spool"), metrics=metrics,
                           retry_max_seconds=0.05)
    for n in range(20):
        down.record_question(_question(n))
    state = down.state()
    assert not state.ok and state.pending == 20
    assert metrics.registry.get_sample_value("selank_store_backlog") == 20
    assert down.close(timeout=0.2) == 20

    up = DurableRecorder(lambda: Store.open(_url(tmp_path)), Spool.open(tmp_path / "spool"))
    assert up.flush() and up.state().ok  # nothing pending once it wrote to the database
    up.close()
    assert sorted(_texts(Store.open(_url(tmp_path)))) == sorted(f"q{n}" for n in range(20))


def test_a_row_already_committed_should_not_be_written_again_on_replay(tmp_path: Path) -> None:
    """The crash came after the commit but before the segment was deleted."""
    spool = Spool.open(tmp_path / "spool")
    record = encode(_question(1))
    spool.append(record)
    spool.close()
    store = Store.open(_url(tmp_path))
    assert store.apply(*decode(record))
    recorder = DurableRecorder(lambda: store, Spool.open(tmp_path / "spool"))
    assert recorder.flush()
    recorder.close()
    assert _texts(Store.open(_url(tmp_path))) == ["q1"]


def test_a_torn_last_line_should_be_skipped_and_the_rest_written(tmp_path: Path) -> None:
    spool = Spool.open(tmp_path / "spool")
    spool.append(encode(_question(1)))
    spool.close()
    [segment] = spool.segments()
    with segment.open("ab") as handle:
        handle.write(b'{"id": "torn", "kind": "quest')
    recorder = DurableRecorder(lambda: Store.open(_url(tmp_path)), Spool.open(spool.folder))
    assert recorder.flush()
    recorder.close()
    assert _texts(Store.open(_url(tmp_path))) == ["q1"]
    assert spool.segments() == []


def test_without_a_spool_rows_should_wait_in_memory_and_be_reported(tmp_path: Path) -> None:
    recorder = DurableRecorder(lambda: Store.open(_url(tmp_path)), None)
    recorder.record_question(_question(1))
    assert recorder.flush()
    state = recorder.state()
    assert not state.ok and not state.spool and state.pending == 0
    recorder.close()
    assert _texts(Store.open(_url(tmp_path))) == ["q1"]


def test_an_unexpected_error_should_not_kill_the_only_writer_thread(tmp_path: Path) -> None:
    """A row that breaks in an unforeseen way is counted; the next writes still land."""

    class Flaky(Store):
        def apply(self, row_id: str, item: QuestionOutcome | Feedback) -> bool:
            if isinstance(item, QuestionOutcome) and item.text == "bad" and not self.failed:
                self.failed = True
                raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
            return super().apply(row_id, item)

    opened = Store.open(_url(tmp_path))
    flaky = Flaky(opened._engine, opened.where, "salt-salt-salt-salt", True)
    flaky.failed = False
    metrics = Metrics()
    recorder = DurableRecorder(lambda: flaky, Spool.open(tmp_path / "spool"), metrics=metrics,
                               retry_max_seconds=0.05)
    recorder.record_question(QuestionOutcome("slack", "U1", "bad", Status.FALLBACK))
    recorder.record_question(QuestionOutcome("slack", "U1", "good", Status.FALLBACK))
    assert recorder.flush()
    recorder.close()
    assert metrics.registry.get_sample_value("selank_errors_total", {"where": "store"}) == 1
    assert sorted(_texts(flaky)) == ["bad", "good"]
