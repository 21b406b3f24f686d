"""Loggers for a platform's libraries: one short line per record, and never a request body.

Chat libraries log whole request bodies in places (Bolt on a failed signature check, an
unhandled request or a listener error), and multi-line messages a body could use to forge
log lines of its own. Every record passes `BodylessFilter` first: a message that could
hold a body is withheld, the rest is cut to its first line and a few hundred characters,
and a traceback becomes the exception's type.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Final

MAX_MESSAGE: Final = 200
WITHHELD: Final = "library message withheld (it may hold a request body)"
_MAY_HOLD_BODY = re.compile(r"body|payload|url|https?:|[{\[]|=", re.IGNORECASE)


class BodylessFilter(logging.Filter):
    """Rewrites a record in place before any handler sees it (Bolt copies it to children)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a library's bad format string must not become a traceback
            message = str(record.msg)
        first = message.splitlines()[0] if message else ""
        if _MAY_HOLD_BODY.search(message) or first != message:
            first = WITHHELD
        if record.exc_info and record.exc_info[0] is not None:
            first += f" ({record.exc_info[0].__name__})"
        record.msg = first[:MAX_MESSAGE]
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


def bodyless_loggers(name: str, prefixes: tuple[str, ...], known: Iterable[str] = ()) -> (
        logging.Logger):
    """The logger `name`, to hand to a library, filtered; so are the loggers the library
    makes for itself (`known`, which may not exist yet) and every one under `prefixes` so far.

    `getLogger` hands out one object per name, so a filter set now stays set.
    """
    made = [existing for existing in logging.root.manager.loggerDict
            if existing.startswith(prefixes)]
    for each in (*known, *made):
        _bodyless(logging.getLogger(each))
    return _bodyless(logging.getLogger(name))


def _bodyless(logger: logging.Logger) -> logging.Logger:
    if not any(isinstance(f, BodylessFilter) for f in logger.filters):
        logger.addFilter(BodylessFilter())
    return logger
