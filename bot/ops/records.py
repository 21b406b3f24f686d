"""Outcomes and feedback as plain JSON-ready dicts, each with an id, for the spool and back.

The id travels with the row into the database (in the same transaction), so replaying a
spool after a crash writes each row once, however many times it is replayed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from bot.core.reply import Status
from bot.ops.feedback import Feedback
from bot.ops.outcomes import QuestionOutcome

Record = dict[str, Any]


def encode(item: QuestionOutcome | Feedback) -> Record:
    """A new record for `item`, with a fresh id."""
    base: Record = {"id": uuid.uuid4().hex, "at": item.at.isoformat(),
                    "platform": item.platform, "user_id": item.user_id}
    if isinstance(item, Feedback):
        return base | {"kind": "feedback", "entry_id": item.entry_id, "helpful": item.helpful}
    return base | {"kind": "question", "text": item.text, "status": item.status.value,
                   "candidates": [[i, s] for i, s in item.candidates]}


def decode(record: Record) -> tuple[str, QuestionOutcome | Feedback]:
    """The id and the item; KeyError, TypeError or ValueError for a record that is not one."""
    at = dt.datetime.fromisoformat(str(record["at"]))
    platform, user_id = str(record["platform"]), str(record["user_id"])
    if record["kind"] == "feedback":
        return str(record["id"]), Feedback(platform, user_id, str(record["entry_id"]),
                                           bool(record["helpful"]), at)
    if record["kind"] != "question":
        raise ValueError(f"unknown record kind {record['kind']!r}")
    candidates = tuple((str(i), float(s)) for i, s in record["candidates"])
    return str(record["id"]), QuestionOutcome(platform, user_id, str(record["text"]),
                                              Status(record["status"]), candidates, at)
