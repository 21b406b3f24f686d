"""PostgreSQL down, hung or stopped mid-run: every acknowledged row is written when it returns."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.reply import Status
from bot.ops.metrics import Metrics
from bot.ops.outcomes import QuestionOutcome
from bot.ops.spool import Spool
from bot.ops.store import Store
from bot.ops.writer import DurableRecorder

from ..postgres import Postgres
from ..tcpproxy import TcpProxy

SINCE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


@pytest.fixture
def proxy(postgres: Postgres, pg_url: str) -> Iterator[TcpProxy]:
    link = TcpProxy(postgres.host, postgres.port)
    yield link
    link.close()


def _question(n: int) -> QuestionOutcome:
    return QuestionOutcome("slack", "U1", f"outage {n}", Status.FALLBACK)


def _stored(url: str) -> list[str | None]:
    store = Store.open(url)
    try:
        return sorted(row.question for row in store.unanswered_since(SINCE))
    finally:
        store.close()


def _recorder(url: str, spool: Path, metrics: Metrics) -> DurableRecorder:
    return DurableRecorder(lambda: Store.open(url), Spool.open(spool), store=Store.open(url),
                           metrics=metrics, retry_max_seconds=0.2)


def test_rows_written_while_postgres_is_down_should_land_when_it_returns(
    tmp_path: Path, pg_url: str, proxy: TcpProxy,
) -> None:
    """20 of 20 rows were dropped in an outage; now all 20 wait in the spool and land."""
    url = proxy.url(pg_url)
    metrics = Metrics()
    recorder = _recorder(url, tmp_path / "spool", metrics)
    proxy.down()
    for n in range(20):
        recorder.record_question(_question(n))
    assert not recorder.flush(timeout=1.0)
    state = recorder.state()
    assert not state.ok and state.pending > 0
    assert metrics.registry.get_sample_value("selank_store_up") == 0
    proxy.up()
    assert recorder.flush(timeout=30)
    assert recorder.state().ok
    recorder.close()
    assert _stored(pg_url) == sorted(f"outage {n}" for n in range(20))


def test_a_hung_postgres_should_not_hold_up_answers_or_close_and_lose_nothing(
    tmp_path: Path, pg_url: str, proxy: TcpProxy,
) -> None:
    """Hung mid-run: recording never blocks, close() gives up in time, a restart replays."""
    url = proxy.url(pg_url)
    recorder = _recorder(url, tmp_path / "spool", Metrics())
    proxy.hang()
    for n in range(10):  # each returns once fsynced locally, whatever the database does
        recorder.record_question(_question(n))
    assert recorder.close(timeout=0.5) > 0  # left in the spool, not lost
    # The restart: the old process is gone, and its hung connection with it. (Left open, its
    # writer would wake with the server and race the new one over the same spool.)
    proxy.down()
    proxy.up()
    again = DurableRecorder(lambda: Store.open(url), Spool.open(tmp_path / "spool"))
    assert again.flush(timeout=30)
    again.close()
    assert _stored(pg_url) == sorted(f"outage {n}" for n in range(10))


def test_a_real_postgres_stop_and_start_mid_run_should_lose_nothing(
    tmp_path: Path, postgres: Postgres, pg_url: str,
) -> None:
    """The server itself stopped (pg_ctl stop -m fast) and started, when this test owns it."""
    control = postgres.control
    if control is None:
        pytest.skip("the server comes from TEST_DATABASE_URL: its outage is the proxy's")
    recorder = _recorder(pg_url, tmp_path / "spool", Metrics())
    recorder.record_question(_question(0))
    assert recorder.flush(timeout=10)
    subprocess.run([*control, "-m", "fast", "-w", "stop"], check=True, capture_output=True)
    try:
        for n in range(1, 21):
            recorder.record_question(_question(n))
        assert recorder.state().pending > 0
    finally:
        subprocess.run([*control, "-w", "start"], check=True, capture_output=True)
    assert recorder.flush(timeout=30)
    recorder.close()
    assert _stored(pg_url) == sorted(f"outage {n}" for n in range(21))
