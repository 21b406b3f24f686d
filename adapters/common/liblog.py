"""The logger the Slack libraries get: one short line per record, and never a request body.

Bolt and slack_sdk log whole request bodies in several places (a failed signature check,
an unhandled request, a listener error), and multi-line messages that a body could use to
forge log lines of its own. Every record they make passes this filter first: a message
that could hold a body is withheld, the rest is cut to its first line and a few hundred
characters, and a traceback becomes the exception's type.
"""

from __future__ import annotations

import logging
import re
from typing import Final

LOGGER_NAME: Final = "selank.slack.library"
MAX_MESSAGE: Final = 200
WITHHELD: Final = "slack library message withheld (it may hold a request body)"
_MAY_HOLD_BODY = re.compile(r"body|payload|url|https?:|[{\[]|=", re.IGNORECASE)
# Loggers slack_sdk makes for itself when none is given (Bolt's `respond` builds a webhook
# client with none); getLogger hands out one object per name, so a filter set now stays.
_SDK_LOGGERS: Final = (
    "slack_sdk.webhook.async_client", "slack_sdk.webhook.client",
    "slack_sdk.web.async_base_client", "slack_sdk.web.async_slack_response",
    "slack_sdk.web.base_client", "slack_sdk.web.slack_response",
    "slack_sdk.socket_mode.aiohttp", "slack_sdk.socket_mode.async_client",
)


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


def library_logger() -> logging.Logger:
    """The logger to hand to Bolt, its Web API client and the Socket Mode client.

    The SDK's own loggers, and every slack_* logger made so far, get the same filter.
    """
    known = [name for name in logging.root.manager.loggerDict
             if name.startswith(("slack_sdk", "slack_bolt"))]
    for name in (*_SDK_LOGGERS, *known):
        _bodyless(logging.getLogger(name))
    return _bodyless(logging.getLogger(LOGGER_NAME))


def _bodyless(logger: logging.Logger) -> logging.Logger:
    if not any(isinstance(f, BodylessFilter) for f in logger.filters):
        logger.addFilter(BodylessFilter())
    return logger
