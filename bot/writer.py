"""Moves store writes off the event loop: one worker thread, in order, drained on close.

A committed write costs an fsync; adapters answer inside an asyncio loop, so the service
hands records to this queue and replies at once. `close()` writes everything queued.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from bot.feedback import Feedback
from bot.logging_setup import log_event
from bot.outcomes import QuestionOutcome, Recorder
from bot.store import StoreError

log = logging.getLogger("selank.store")
_STOP = object()


class QueuedRecorder:
    """A Recorder that queues writes for another Recorder (the store) on a worker thread."""

    def __init__(self, target: Recorder, on_error: Callable[[], None] = lambda: None) -> None:
        self._target = target
        self._on_error = on_error
        self._queue: queue.Queue[object] = queue.Queue()
        self._thread = threading.Thread(target=self._work, name="store-writer", daemon=True)
        self._thread.start()

    def record_question(self, outcome: QuestionOutcome) -> None:
        self._queue.put(outcome)

    def record_feedback(self, feedback: Feedback) -> None:
        self._queue.put(feedback)

    def flush(self) -> None:
        """Wait until everything queued so far is written (or has failed and been logged)."""
        self._queue.join()

    def close(self) -> None:
        """Write what is queued, then stop the worker."""
        self._queue.put(_STOP)
        self._thread.join()

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is _STOP:
                    return
                self._write(item)
            finally:
                self._queue.task_done()

    def _write(self, item: object) -> None:
        try:
            if isinstance(item, QuestionOutcome):
                self._target.record_question(item)
            elif isinstance(item, Feedback):
                self._target.record_feedback(item)
        except StoreError as error:
            self._on_error()
            log_event(log, "store write failed", logging.ERROR, error=str(error))
        except Exception as error:  # the only writer thread must outlive any one bad row
            self._on_error()
            log_event(log, "store write failed", logging.ERROR, error=repr(error))
