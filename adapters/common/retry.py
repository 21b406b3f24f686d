"""Sending with retries and backoff: a chat API's endpoint sometimes fails once.

A network error, a 5xx or a 429 is tried again after each delay; any other status is final.
One line is logged when a send is refused or finally fails, naming the endpoint's kind and
never its URL (whoever holds a Slack `response_url` can post to the channel).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Final

import aiohttp

from bot.ops.logging_setup import log_event

log = logging.getLogger("selank.delivery")
BACKOFF_SECONDS: Final = (0.5, 1.0, 2.0)  # three retries after the first try


async def send_with_retries(send: Callable[[], Awaitable[int]], endpoint: str,
                            delays: Sequence[float] = BACKOFF_SECONDS) -> bool:
    """Call `send` (it returns an HTTP status) until it is taken; True once it was.

    `endpoint` names what was called in the log line, such as "response_url".
    """
    problem = ""
    for attempt, delay in enumerate((0.0, *delays)):
        if delay:
            await asyncio.sleep(delay)
        try:
            status = await send()
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            problem = type(error).__name__
            continue
        if status < 500 and status != 429:
            if status >= 400:
                log_event(log, f"{endpoint} refused", logging.WARNING, status=status,
                          attempts=attempt + 1)
            return status < 400
        problem = f"status {status}"
    log_event(log, f"{endpoint} failed", logging.WARNING, error=problem,
              attempts=len(delays) + 1)
    return False
