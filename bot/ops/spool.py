"""A local write-ahead spool: append-only JSON-lines segment files, fsynced on every append.

A question's record and a vote's are durable here before the user sees the answer or the
thanks; the store writer then moves them into the database, whenever it is reachable, and
deletes a segment once every row in it is committed. After a crash the segments left are
simply read again. A line torn by a crash mid-append was never acknowledged, so it is
skipped (and counted), as is any line that is not a JSON object.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

SEGMENT_BYTES = 1024 * 1024
SUFFIX = ".jsonl"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a segment: its record (None for junk) and the offset just after it."""

    record: dict[str, Any] | None
    end: int


class Spool:
    """One folder of segments; safe to append from many threads while one thread reads."""

    def __init__(self, folder: Path, segment_bytes: int = SEGMENT_BYTES) -> None:
        self.folder = folder
        self._segment_bytes = segment_bytes
        self._lock = threading.Lock()
        self._current: IO[bytes] | None = None
        self._current_path: Path | None = None
        self._counter = 0

    @classmethod
    def open(cls, folder: Path, segment_bytes: int = SEGMENT_BYTES) -> Spool:
        """Create the folder if needed and prove it writable; OSError when it is not."""
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".probe"
        with probe.open("wb") as handle:
            handle.write(b"x")
            handle.flush()
            os.fsync(handle.fileno())
        probe.unlink()
        return cls(folder, segment_bytes)

    def append(self, record: dict[str, Any]) -> None:
        """Write one line and fsync it; when this returns, the record survives a crash."""
        line = json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n"
        with self._lock:
            handle = self._current or self._new_segment()
            try:
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
            except OSError:
                self._close_current()  # the next append starts a fresh segment
                raise
            if handle.tell() >= self._segment_bytes:
                self._close_current()

    def segments(self) -> list[Path]:
        """Every segment, oldest first."""
        return sorted(self.folder.glob(f"*{SUFFIX}"))

    def read(self, segment: Path, offset: int) -> list[Line]:
        """The complete lines from `offset`; a torn last line is left for later or junk.

        A line that is not a JSON object comes back with `record` None, so the reader can
        count it and move past it.
        """
        with segment.open("rb") as handle:
            handle.seek(offset)
            data = handle.read()
        lines: list[Line] = []
        position = 0
        while (newline := data.find(b"\n", position)) >= 0:
            lines.append(Line(_parse(data[position:newline]), offset + newline + 1))
            position = newline + 1
        if position < len(data) and not self.is_current(segment):
            # Torn by a crash mid-append: never fsynced, so never acknowledged.
            lines.append(Line(None, offset + len(data)))
        return lines

    def is_current(self, segment: Path) -> bool:
        with self._lock:
            return segment == self._current_path

    def retire(self, segment: Path, offset: int) -> bool:
        """Delete a segment read up to `offset`, if nothing was appended after; True if gone."""
        with self._lock:
            if segment == self._current_path:
                if self._current is None or self._current.tell() != offset:
                    return False
                self._close_current()
            elif segment.stat().st_size != offset:
                return False
            segment.unlink(missing_ok=True)
            return True

    def count(self) -> int:
        """How many lines the segments hold (at start: what a crash left to replay)."""
        return sum(len(self.read(segment, 0)) for segment in self.segments())

    def close(self) -> None:
        with self._lock:
            self._close_current()

    def _new_segment(self) -> IO[bytes]:
        self._counter += 1
        path = self.folder / f"{time.time_ns():020d}-{os.getpid()}-{self._counter:06d}{SUFFIX}"
        handle = path.open("ab")
        _fsync_folder(self.folder)  # the new name itself must survive a crash
        self._current, self._current_path = handle, path
        return handle

    def _close_current(self) -> None:
        if self._current is not None:
            with contextlib.suppress(OSError):  # already written and fsynced, or failed
                self._current.close()
        self._current = None
        self._current_path = None


def _parse(raw: bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(raw.decode("utf-8", "surrogatepass"))
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
