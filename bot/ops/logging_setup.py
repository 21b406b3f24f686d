"""Log set-up: one line per event, text for people or JSON for machines, secrets scrubbed.

Code logs events with `log_event(logger, "question", platform=..., ...)`; the formatter
turns the fields into `key=value` pairs or JSON keys, so both formats carry the same facts.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sys
from collections.abc import Iterable
from typing import Any, TextIO

_FIELDS = "selank_fields"
REDACTED = "[redacted]"
MAX_MESSAGE = 1000  # characters of a message; fields carry the facts, this caps the rest


def log_event(logger: logging.Logger, event: str, level: int = logging.INFO,
              **fields: object) -> None:
    """Log one event with structured fields (None values are left out)."""
    kept = {k: v for k, v in fields.items() if v is not None}
    logger.log(level, event, extra={_FIELDS: kept})


class TextFormatter(logging.Formatter):
    """`2026-11-27T10:00:00Z INFO question platform=slack status=answer ...`"""

    def format(self, record: logging.LogRecord) -> str:
        fields: dict[str, Any] = getattr(record, _FIELDS, {})
        parts = [_timestamp(record), record.levelname, _message(record)]
        parts += [f"{k}={_text_value(v)}" for k, v in fields.items()]
        line = " ".join(parts)
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, event and the event's fields."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "time": _timestamp(record), "level": record.levelname.lower(),
            "logger": record.name, "event": _message(record),
        }
        data.update(getattr(record, _FIELDS, {}))
        if record.exc_info:
            data["error"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, default=str)


class Scrubber:
    """Replaces any known secret value in a formatted line, whoever logged it (libraries too)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        self._secrets = sorted({s for s in secrets if len(s) >= 8}, key=len, reverse=True)

    def scrub(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


class _ScrubbingHandler(logging.StreamHandler[TextIO]):
    def __init__(self, stream: TextIO, secrets: Scrubber) -> None:
        super().__init__(stream)
        self._secrets = secrets

    def format(self, record: logging.LogRecord) -> str:
        return self._secrets.scrub(super().format(record))


def configure_logging(log_format: str, level: str, secrets: Iterable[str] = (),
                      stream: TextIO | None = None) -> logging.Handler:
    """Send every log line (ours and the libraries') through one scrubbing handler."""
    handler = _ScrubbingHandler(stream or sys.stderr, Scrubber(secrets))
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    return handler


def _message(record: logging.LogRecord) -> str:
    """The message on one line and at most MAX_MESSAGE characters, whoever logged it.

    A library message can carry text from a request; quoted when it holds a line break or
    a control character, it can never pass for a log line of its own.
    """
    message = record.getMessage()
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE] + "…"
    if not message.isprintable():
        message = json.dumps(message, ensure_ascii=False)
    return message


def _timestamp(record: logging.LogRecord) -> str:
    moment = dt.datetime.fromtimestamp(record.created, dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


_PLAIN = re.compile(r"[\w.:/@+-]+")


def _text_value(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    text = str(value)
    # Anything but a plain token is quoted, so a question cannot forge a line of its own.
    return text if _PLAIN.fullmatch(text) else json.dumps(text, ensure_ascii=False)
