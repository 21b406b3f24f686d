"""Slack's request signature: `v0:{timestamp}:{body}` signed with the app's signing secret
(HMAC-SHA256), checked on the raw bytes by `adapters/common/webhook.py`."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Mapping
from typing import Final

from adapters.common.recent import RecentIds
from adapters.common.webhook import Refusal, Signed

WINDOW_SECONDS: Final = 5 * 60
TIMESTAMP_HEADER: Final = "X-Slack-Request-Timestamp"
SIGNATURE_HEADER: Final = "X-Slack-Signature"
_MAX_TIMESTAMP_DIGITS: Final = 12  # seconds since 1970 fit in 10; anything longer is junk

NO_TIMESTAMP: Final = Refusal("no_timestamp", 401)
BAD_TIMESTAMP: Final = Refusal("bad_timestamp", 400)
STALE: Final = Refusal("stale_timestamp", 401)
NO_SIGNATURE: Final = Refusal("no_signature", 401)
BAD_SIGNATURE: Final = Refusal("bad_signature", 401)


class SignatureVerifier:
    """Checks timestamp and signature; remembers `(timestamp, signature)` for the window."""

    def __init__(self, secret: str, clock: Callable[[], float] = time.time) -> None:
        self._secret = secret.encode()
        self._clock = clock
        self._seen = RecentIds(ttl_seconds=2 * WINDOW_SECONDS, clock=clock)

    def refuse_early(self, headers: Mapping[str, str]) -> Refusal | None:
        """No timestamp, no reading: most junk stops here."""
        return None if headers.get(TIMESTAMP_HEADER, "").strip() else NO_TIMESTAMP

    def check(self, body: bytes, headers: Mapping[str, str]) -> Signed | Refusal:
        """`Signed` for a genuine request, else the `Refusal`; never raises on any input."""
        raw_ts = headers.get(TIMESTAMP_HEADER, "").strip()
        if not raw_ts:
            return NO_TIMESTAMP
        if not raw_ts.isascii() or not raw_ts.isdigit() or len(raw_ts) > _MAX_TIMESTAMP_DIGITS:
            return BAD_TIMESTAMP
        if abs(self._clock() - int(raw_ts)) > WINDOW_SECONDS:
            return STALE
        signature = headers.get(SIGNATURE_HEADER, "").strip()
        if not signature:
            return NO_SIGNATURE
        base = b"v0:" + raw_ts.encode() + b":" + body
        expected = "v0=" + hmac.new(self._secret, base, hashlib.sha256).hexdigest()
        if not signature.isascii() or not hmac.compare_digest(expected, signature):
            return BAD_SIGNATURE
        return Signed(replay=self._seen.seen_before(f"{raw_ts}:{signature}"))
