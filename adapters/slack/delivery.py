"""Posting to a `response_url`, retried with backoff: Slack's endpoint sometimes fails once.

A slash command or a button press is answered through its `response_url` after the ack; a
network error or a 5xx there would otherwise lose the answer with a traceback. We retry a
few times, then log one line (never the URL: whoever holds it can post to the channel).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any, Final

import aiohttp
from slack_bolt.async_app import AsyncRespond

from bot.ops.logging_setup import log_event

log = logging.getLogger("selank.slack")
BACKOFF_SECONDS: Final = (0.5, 1.0, 2.0)  # three retries after the first try


async def deliver(respond: AsyncRespond, delays: Sequence[float] = BACKOFF_SECONDS,
                  **message: Any) -> bool:
    """Post `message`; True once Slack took it, False after the last retry failed."""
    problem = ""
    for attempt, delay in enumerate((0.0, *delays)):
        if delay:
            await asyncio.sleep(delay)
        try:
            response = await respond(**message)
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            problem = type(error).__name__
            continue
        if response.status_code < 500 and response.status_code != 429:
            if response.status_code >= 400:
                log_event(log, "response_url refused", logging.WARNING,
                          status=response.status_code, attempts=attempt + 1)
            return response.status_code < 400
        problem = f"status {response.status_code}"
    log_event(log, "response_url failed", logging.WARNING, error=problem,
              attempts=len(delays) + 1)
    return False
