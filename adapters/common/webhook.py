"""A signed webhook's front door: the signature checked on the raw bytes, before anything
decodes, parses or logs them.

The platform says how its requests are signed (a `Verifier`); this module reads the body,
asks the verifier, and turns every refusal into a 4xx with one log line and one metric,
never the body. A signed request seen before (a replay) is acknowledged and not handled.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from aiohttp import web

from bot.ops.logging_setup import log_event
from bot.ops.metrics import Metrics

log = logging.getLogger("selank.webhook")


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a request was refused, and its status; `reason` is the metric label."""

    reason: str
    status: int


@dataclass(frozen=True, slots=True)
class Signed:
    """A request signed by the platform; `replay` when these exact bytes came before."""

    replay: bool


class Verifier(Protocol):
    """A platform's signing scheme."""

    def refuse_early(self, headers: Mapping[str, str]) -> Refusal | None:
        """A refusal the headers alone decide, so an unsigned body is never even read."""
        ...

    def check(self, body: bytes, headers: Mapping[str, str]) -> Signed | Refusal:
        """`Signed` or the `Refusal`; never raises, whatever the input."""
        ...


class SignedWebhook:
    """Hands on the body of a genuine, first-time request; answers everything else itself."""

    def __init__(self, platform: str, verifier: Verifier, metrics: Metrics) -> None:
        self._platform = platform
        self._verifier = verifier
        self._metrics = metrics

    async def body(self, request: web.Request) -> bytes | web.Response:
        """The signed body, or the response that ends this request (a 4xx, or a replay's 200)."""
        early = self._verifier.refuse_early(request.headers)
        if early is not None:
            return self.refuse(request, early.reason, early.status)
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return self.refuse(request, "too_large", 413)
        verdict = self._verifier.check(body, request.headers)
        if isinstance(verdict, Refusal):
            return self.refuse(request, verdict.reason, verdict.status)
        if verdict.replay:
            return self.ignore("replay", bytes=len(body))
        return body

    def refuse(self, request: web.Request, reason: str, status: int) -> web.Response:
        """A 4xx, counted, with one line that says why and how big, never what was sent."""
        self._metrics.rejected(self._platform, reason)
        log_event(log, "request refused", logging.WARNING, platform=self._platform,
                  reason=reason, status=status, bytes=request.content_length)
        return web.Response(status=status, text=reason)

    def ignore(self, reason: str, **fields: object) -> web.Response:
        """A 200, so the platform does not retry, for a request we will not act on."""
        self._metrics.rejected(self._platform, reason)
        log_event(log, "request ignored", logging.WARNING, platform=self._platform,
                  reason=reason, **fields)
        return web.Response(status=200)
