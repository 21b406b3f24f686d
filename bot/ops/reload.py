"""Live reload: when the knowledge base files change, validate them and swap them in.

We poll each file's modification time, size, mode and inode: editors often write a new file
and rename it over the old one, which breaks inotify-style watches but never a stat; a
change of mode alone (a file made unreadable, or readable again) counts as a change too.
An invalid edit is logged with every problem and the last good knowledge base keeps serving.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from bot.content.knowledge import KnowledgeBase
from bot.content.loader import KnowledgeBaseError, load_knowledge_base
from bot.core.responder import Responder
from bot.ops.logging_setup import log_event
from bot.ops.metrics import Metrics

log = logging.getLogger("selank.reload")
POLL_SECONDS = 1.5
Signature = tuple[tuple[str, int, int, int, int], ...]


class ReloadResult(Enum):
    UNCHANGED = "unchanged"
    RELOADED = "reloaded"
    REJECTED = "rejected"


class KnowledgeBaseWatcher:
    """Watches the FAQ file and the YAML files beside it (the synonym table among them)."""

    def __init__(
        self, responder: Responder, faq_path: Path, metrics: Metrics | None = None,
        loader: Callable[[Path], KnowledgeBase] = load_knowledge_base,
    ) -> None:
        self._responder = responder
        self._path = faq_path
        self._metrics = metrics
        self._loader = loader
        self._seen = self._signature()

    def check(self) -> ReloadResult:
        """Reload if any watched file changed since the last check; never raises on bad input."""
        signature = self._signature()
        if signature == self._seen:
            return ReloadResult.UNCHANGED
        self._seen = signature
        try:
            kb = self._loader(self._path)
        except KnowledgeBaseError as error:
            self._count(ok=False)
            log_event(log, "reload rejected", logging.ERROR, path=str(self._path),
                      problems=len(error.problems), errors="; ".join(map(str, error.problems)))
            return ReloadResult.REJECTED
        self._responder.swap(kb)
        self._count(ok=True)
        log_event(log, "reloaded", path=str(self._path), entries=len(kb.entries))
        return ReloadResult.RELOADED

    async def run(self, stop: asyncio.Event, interval: float = POLL_SECONDS) -> None:
        """Check every `interval` seconds until `stop` is set; loading runs off the loop."""
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), timeout=interval)
            except TimeoutError:
                try:
                    await asyncio.to_thread(self.check)
                except Exception as error:  # the watcher must outlive any one bad edit
                    self._count(ok=False)
                    log_event(log, "reload rejected", logging.ERROR, path=str(self._path),
                              errors=repr(error))

    def _count(self, ok: bool) -> None:
        if self._metrics is not None:
            self._metrics.reload(ok)

    def _signature(self) -> Signature:
        """Name, mtime, size, mode and inode of every watched file; a missing one drops out."""
        files = {self._path, *self._path.parent.glob("*.yaml"), *self._path.parent.glob("*.yml")}
        found = []
        for path in sorted(files):
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((path.name, stat.st_mtime_ns, stat.st_size, stat.st_mode,
                          stat.st_ino))
        return tuple(found)
