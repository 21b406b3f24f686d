"""Durable before acknowledged: records go to the fsynced spool, a worker moves them to SQL.

The service calls `record_question` / `record_feedback` on the thread that answers; each
returns once the record is fsynced in the local spool, so the user sees the answer or the
thanks only after that. One worker thread owns the database: it opens it (again and again,
with backoff, while it is down), writes the spooled rows in order, deletes a segment once
all of it is committed, and runs the retention purge. The database being down, hung, full
or read-only therefore never delays or breaks an answer; the rows wait in the spool.

Without a usable spool (a full disk, a read-only DATA_DIR) records wait in memory instead,
which a crash loses; that is reported as degraded on /healthz and in the logs.
"""

from __future__ import annotations

import collections
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.ops.feedback import Feedback
from bot.ops.logging_setup import log_event
from bot.ops.metrics import Metrics
from bot.ops.outcomes import QuestionOutcome
from bot.ops.records import Record, decode, encode
from bot.ops.spool import Spool
from bot.ops.store import Store, StoreError

log = logging.getLogger("selank.store")
DRAIN_SECONDS = 5.0  # the whole shutdown stays within 10 s, well inside compose's 30 s grace
RETRY_FIRST_SECONDS = 0.5
RETRY_MAX_SECONDS = 15.0
RETENTION_EVERY_SECONDS = 24 * 60 * 60
MEMORY_LIMIT = 10_000  # rows kept in memory when no spool can be written


@dataclass(frozen=True, slots=True)
class StoreState:
    """What /healthz says about the store: ok, or degraded with what is waiting and why."""

    ok: bool
    pending: int
    spool: bool
    error: str | None = None

    def as_json(self) -> dict[str, object]:
        body: dict[str, object] = {"status": "ok" if self.ok else "degraded",
                                   "pending": self.pending, "spool": self.spool}
        if self.error:
            body["error"] = self.error
        return body


@dataclass
class _Progress:
    """How far the worker is into each segment (byte offsets), and what went wrong last."""

    offsets: dict[Path, int] = field(default_factory=dict)
    error: str | None = None


class DurableRecorder:
    """A Recorder: fsync to the spool now, write to the database when it can."""

    def __init__(self, open_store: Callable[[], Store], spool: Spool | None, *,
                 store: Store | None = None, metrics: Metrics | None = None,
                 retention_days: int | None = None,
                 retry_max_seconds: float = RETRY_MAX_SECONDS) -> None:
        self._open_store = open_store
        self._store = store
        self._spool = spool
        self._metrics = metrics
        self._retention_days = retention_days
        self._retry_max = retry_max_seconds
        self._memory: collections.deque[Record] = collections.deque()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._progress = _Progress()
        self._pending = spool.count() if spool is not None else 0
        self._next_purge = 0.0
        if spool is None:
            log_event(log, "spool unavailable", logging.ERROR,
                      detail="rows wait in memory until the database takes them")
        elif self._pending:
            log_event(log, "spool replay", pending=self._pending)
        self._publish()
        self._thread = threading.Thread(target=self._work, name="store-writer", daemon=True)
        self._thread.start()

    # Recorder ------------------------------------------------------------------------

    def record_question(self, outcome: QuestionOutcome) -> None:
        self._put(encode(outcome))

    def record_feedback(self, feedback: Feedback) -> None:
        self._put(encode(feedback))

    # State and life cycle --------------------------------------------------------------

    def state(self) -> StoreState:
        with self._lock:
            pending, error = self._pending, self._progress.error
        spool = self._spool is not None
        return StoreState(ok=spool and error is None and self._store is not None,
                          pending=pending, spool=spool,
                          error=error or (None if spool else "no spool: rows are in memory"))

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until nothing is pending (True), or until `timeout` passes (False)."""
        deadline = time.monotonic() + timeout
        while self.state().pending and time.monotonic() < deadline:
            self._wake.set()
            time.sleep(0.01)
        return self.state().pending == 0

    def close(self, timeout: float = DRAIN_SECONDS) -> int:
        """Write what the database takes within `timeout`; the rest stays in the spool.

        Returns how many rows are left. The worker is a daemon thread, so a database that
        hangs mid-statement cannot hold up the exit; its row is replayed next time, once.
        """
        self._stopping.set()
        self._wake.set()
        self._thread.join(timeout)
        left = self.state().pending
        if left:
            log_event(log, "store not drained", logging.WARNING, pending=left,
                      kept="spool" if self._spool is not None else "lost")
        if not self._thread.is_alive():
            if self._spool is not None:
                self._spool.close()
            if self._store is not None:
                self._store.close()
        return left

    # Internals -----------------------------------------------------------------------

    def _put(self, record: Record) -> None:
        if self._spool is not None:
            try:
                self._spool.append(record)
            except OSError as error:
                log_event(log, "spool write failed", logging.ERROR, error=error.strerror
                          or type(error).__name__)
                self._keep_in_memory(record)
            else:
                with self._lock:
                    self._pending += 1
        else:
            self._keep_in_memory(record)
        self._publish()
        self._wake.set()

    def _keep_in_memory(self, record: Record) -> None:
        with self._lock:
            if len(self._memory) >= MEMORY_LIMIT:
                self._memory.popleft()
                self._pending -= 1
                if self._metrics is not None:
                    self._metrics.store_lost()
            self._memory.append(record)
            self._pending += 1

    def _work(self) -> None:
        delay = RETRY_FIRST_SECONDS
        while True:
            if self._stopping.is_set() and self.state().pending == 0:
                return
            try:
                store = self._connected()
                self._drain(store)
                self._purge(store)
            except StoreError as error:
                self._failed(str(error))
            except Exception as error:  # the only writer must outlive any one bad row
                self._failed(repr(error))
            else:
                self._succeeded()
                delay = RETRY_FIRST_SECONDS
                self._wake.wait(1.0)
                self._wake.clear()
                continue
            if self._stopping.is_set():  # keep trying until close() gives up, in short steps
                time.sleep(min(delay, 0.2))
            else:
                self._wake.wait(delay)
            self._wake.clear()
            delay = min(delay * 2, self._retry_max)

    def _connected(self) -> Store:
        if self._store is None:
            self._store = self._open_store()
            log_event(log, "store connected", where=self._store.where)
        return self._store

    def _drain(self, store: Store) -> None:
        """Write every spooled row, oldest first; then what waits in memory."""
        if self._spool is not None:
            for segment in self._spool.segments():
                self._drain_segment(store, segment)
        while True:
            with self._lock:
                if not self._memory:
                    return
                record = self._memory[0]
            self._apply(store, record)
            with self._lock:
                self._memory.popleft()
                self._pending -= 1
            self._succeeded()

    def _drain_segment(self, store: Store, segment: Path) -> None:
        assert self._spool is not None
        offset = self._progress.offsets.get(segment, 0)
        try:
            lines = self._spool.read(segment, offset)
        except FileNotFoundError:
            self._progress.offsets.pop(segment, None)
            return
        for line in lines:
            if line.record is None:
                log_event(log, "spool line skipped", logging.WARNING, segment=segment.name,
                          reason="torn or not a JSON object")
            else:
                self._apply(store, line.record)
            offset = self._progress.offsets[segment] = line.end
            with self._lock:
                self._pending -= 1
            # A row landed, so the store works: say so now, not after the whole pass (a
            # caller that saw the backlog reach zero must not still read "store down").
            self._succeeded()
        if self._spool.retire(segment, offset):
            self._progress.offsets.pop(segment, None)

    def _apply(self, store: Store, record: Record) -> None:
        try:
            row_id, item = decode(record)
        except (KeyError, TypeError, ValueError):
            log_event(log, "spool row skipped", logging.WARNING, reason="not a record")
            return
        store.apply(row_id, item)

    def _purge(self, store: Store) -> None:
        if self._retention_days is None or time.monotonic() < self._next_purge:
            return
        deleted = store.purge(self._retention_days, dt.datetime.now(dt.UTC))
        self._next_purge = time.monotonic() + RETENTION_EVERY_SECONDS
        if deleted:  # a quiet start: nothing to say when nothing was old enough
            log_event(log, "retention", days=self._retention_days, deleted=deleted)

    def _failed(self, error: str) -> None:
        with self._lock:
            first = self._progress.error is None
            self._progress.error = error
        if first:  # one line per outage, not one per retry
            log_event(log, "store write failed", logging.ERROR, error=error,
                      pending=self.state().pending)
        if self._metrics is not None:
            self._metrics.error("store")
        self._publish()

    def _succeeded(self) -> None:
        with self._lock:
            recovered = self._progress.error is not None
            self._progress.error = None
        if recovered:
            log_event(log, "store recovered")
        self._publish()

    def _publish(self) -> None:
        if self._metrics is not None:
            state = self.state()
            self._metrics.store_backlog.set(state.pending)
            self._metrics.store_up.set(1 if state.ok else 0)
