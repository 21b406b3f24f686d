"""Slack's request signature, checked on the raw bytes before anything decodes or parses them.

Slack signs `v0:{timestamp}:{body}` with the app's signing secret (HMAC-SHA256). Checking
that first means an unsigned or stale request is refused without its body ever being read
as text, parsed, or logged; a signed request is then remembered for the signature window so
the same bytes sent again (a replay) are acknowledged and not answered twice.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Final

from adapters.slack.dedupe import RecentIds

WINDOW_SECONDS: Final = 5 * 60
TIMESTAMP_HEADER: Final = "X-Slack-Request-Timestamp"
SIGNATURE_HEADER: Final = "X-Slack-Signature"
_MAX_TIMESTAMP_DIGITS: Final = 12  # seconds since 1970 fit in 10; anything longer is junk


class Refusal(Enum):
    """Why a request was refused, with the status it gets; `reason` is the metric label."""

    NO_TIMESTAMP = ("no_timestamp", 401)
    BAD_TIMESTAMP = ("bad_timestamp", 400)
    STALE = ("stale_timestamp", 401)
    NO_SIGNATURE = ("no_signature", 401)
    BAD_SIGNATURE = ("bad_signature", 401)

    @property
    def reason(self) -> str:
        return self.value[0]

    @property
    def status(self) -> int:
        return self.value[1]


@dataclass(frozen=True, slots=True)
class Signed:
    """A request whose signature is Slack's; `replay` when these exact bytes came before."""

    replay: bool


class SignatureVerifier:
    """Checks timestamp and signature; remembers `(timestamp, signature)` for the window."""

    def __init__(self, secret: str, clock: Callable[[], float] = time.time) -> None:
        self._secret = secret.encode()
        self._clock = clock
        self._seen = RecentIds(ttl_seconds=2 * WINDOW_SECONDS, clock=clock)

    def check(self, body: bytes, headers: Mapping[str, str]) -> Signed | Refusal:
        """`Signed` for a genuine request, else the `Refusal`; never raises on any input."""
        raw_ts = headers.get(TIMESTAMP_HEADER, "").strip()
        if not raw_ts:
            return Refusal.NO_TIMESTAMP
        if not raw_ts.isascii() or not raw_ts.isdigit() or len(raw_ts) > _MAX_TIMESTAMP_DIGITS:
            return Refusal.BAD_TIMESTAMP
        if abs(self._clock() - int(raw_ts)) > WINDOW_SECONDS:
            return Refusal.STALE
        signature = headers.get(SIGNATURE_HEADER, "").strip()
        if not signature:
            return Refusal.NO_SIGNATURE
        base = b"v0:" + raw_ts.encode() + b":" + body
        expected = "v0=" + hmac.new(self._secret, base, hashlib.sha256).hexdigest()
        if not signature.isascii() or not hmac.compare_digest(expected, signature):
            return Refusal.BAD_SIGNATURE
        return Signed(replay=self._seen.seen_before(f"{raw_ts}:{signature}"))
