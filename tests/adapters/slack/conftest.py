"""Slack faked at its boundary, over loopback: a Web API and response_url stand-in, and the
real Bolt app served in HTTP mode, receiving requests signed exactly as Slack signs them."""

from __future__ import annotations

import asyncio
import copy
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from adapters.slack.app import SlackAdapter
from adapters.slack.settings import SlackSettings
from bot.content.loader import load_knowledge_base
from bot.content.paths import bundled_faq
from bot.core.responder import Responder
from bot.ops.feedback import InMemoryFeedbackSink
from bot.ops.ratelimit import RateLimiter
from bot.ops.service import BotService

FIXTURES = Path(__file__).parent / "fixtures"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-1234-5678-testtoken"
BOT_USER_ID = "UBOTSELANK"
WAIT_SECONDS = 5.0  # an upper bound for a wait that succeeds at once; never a measurement
RETRY_DELAYS = (0.01, 0.02, 0.04)  # response_url backoff, short so tests stay fast

Payload = dict[str, Any]


def fixture(name: str) -> Payload:
    """A recorded Slack payload, as a fresh dict the test may change."""
    data: Payload = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return copy.deepcopy(data)


def signed_headers(body: str | bytes, content_type: str, timestamp: int | None = None,
                   secret: str = SIGNING_SECRET) -> dict[str, str]:
    """The headers Slack adds: v0 HMAC-SHA256 of `v0:{timestamp}:{body}`."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    raw = body.encode() if isinstance(body, str) else body
    digest = hmac.new(secret.encode(), f"v0:{ts}:".encode() + raw, hashlib.sha256).hexdigest()
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": f"v0={digest}"}


@dataclass
class Call:
    """One request the bot made to Slack: which endpoint, and what it sent."""

    path: str
    payload: Payload


@dataclass
class FakeSlack:
    """Slack's Web API (`/api/<method>`) and response_url endpoints (`/respond/<name>`)."""

    base_url: str = ""
    calls: list[Call] = field(default_factory=list)
    envelopes: list[Payload] = field(default_factory=list)
    """What the Socket Mode endpoint sends each client that connects, after `hello`."""
    refused_tokens: set[str] = field(default_factory=set)
    """Tokens the Web API answers with `invalid_auth`, as for a revoked token."""
    respond_failures: int = 0
    """How many response_url posts to answer with a 503 before taking them again."""
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    def response_url(self, name: str = "original") -> str:
        return f"{self.base_url}/respond/{name}"

    def to(self, path: str) -> list[Payload]:
        return [call.payload for call in self.calls if call.path == path]

    async def wait_for(self, path: str, count: int = 1) -> list[Payload]:
        """The first `count` payloads sent to `path`, waiting for the bot's background work."""
        async with asyncio.timeout(WAIT_SECONDS):
            while len(self.to(path)) < count:
                self._arrived.clear()
                await self._arrived.wait()
        return self.to(path)[:count]

    async def socket(self, request: web.Request) -> web.WebSocketResponse:
        """Socket Mode: say hello, send the queued envelopes, record the client's acks."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1})
        for envelope in self.envelopes:
            await ws.send_json(envelope)
        async for frame in ws:
            if frame.type == aiohttp.WSMsgType.TEXT:
                self.calls.append(Call("/socket", json.loads(frame.data)))
                self._arrived.set()
        return ws

    async def handle(self, request: web.Request) -> web.Response:
        if request.content_type == "application/json":
            payload: Payload = await request.json()
        else:
            payload = dict(await request.post())
        self.calls.append(Call(request.path, payload))
        self._arrived.set()
        method = request.path.removeprefix("/api/")
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if request.path.startswith("/api/") and token in self.refused_tokens:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        if method == "auth.test":
            return web.json_response(fixture("auth_test"))
        if method == "apps.connections.open":
            ws_url = self.base_url.replace("http://", "ws://") + "/socket"
            return web.json_response({"ok": True, "url": ws_url})
        if method.startswith("chat."):
            return web.json_response({"ok": True, "channel": payload.get("channel"),
                                      "ts": "1700000000.000100", "message_ts": "1"})
        if request.path.startswith("/respond/"):
            if self.respond_failures > 0:
                self.respond_failures -= 1
                return web.Response(status=503, text="try later")
            return web.Response(text="ok")
        return web.json_response({"ok": True})


@dataclass
class BotUnderTest:
    """The real adapter behind a loopback HTTP server, plus what it talks to."""

    url: str
    session: aiohttp.ClientSession
    slack: FakeSlack
    sink: InMemoryFeedbackSink
    adapter: SlackAdapter
    service: BotService

    async def post(self, body: str | bytes, content_type: str, *, timestamp: int | None = None,
                   secret: str = SIGNING_SECRET,
                   extra_headers: dict[str, str] | None = None) -> aiohttp.ClientResponse:
        raw = body.encode() if isinstance(body, str) else body
        headers = signed_headers(raw, content_type, timestamp, secret)
        headers.update(extra_headers or {})
        return await self.post_raw(raw, headers)

    async def post_raw(self, body: bytes, headers: dict[str, str]) -> aiohttp.ClientResponse:
        """Exactly these bytes and headers, signed or not."""
        async with self.session.post(f"{self.url}/slack/events", data=body,
                                     headers=headers) as response:
            await response.read()
            return response

    def rejected(self, reason: str) -> float:
        """What /metrics counts as refused or ignored for `reason`."""
        return rejected_count(self.service, reason)

    async def command(self, text: str, **fields: str) -> aiohttp.ClientResponse:
        """`/selank <text>` as Slack posts it: form-encoded."""
        form = fixture("slash_command") | {"text": text,
                                           "response_url": self.slack.response_url()} | fields
        return await self.post(urlencode(form), "application/x-www-form-urlencoded")

    async def event(self, payload: Payload, **headers: str) -> aiohttp.ClientResponse:
        """An Events API callback as Slack posts it: JSON."""
        return await self.post(json.dumps(payload), "application/json", extra_headers=headers)

    async def press(self, action_id: str, value: str, *, ephemeral: bool = True,
                    response_url: str | None = None) -> aiohttp.ClientResponse:
        """A button press as Slack posts it: form-encoded `payload=` JSON."""
        payload = fixture("block_actions")
        payload["actions"][0].update({"action_id": action_id, "value": value})
        payload["container"]["is_ephemeral"] = ephemeral
        payload["response_url"] = response_url or self.slack.response_url()
        return await self.post(urlencode({"payload": json.dumps(payload)}),
                               "application/x-www-form-urlencoded")


def rejected_count(service: BotService, reason: str) -> float:
    """The `selank_rejected_requests_total` sample for Slack and `reason` (0 when absent)."""
    value = service.metrics.registry.get_sample_value(
        "selank_rejected_requests_total", {"platform": "slack", "reason": reason})
    return value or 0.0


def make_service(sink: InMemoryFeedbackSink, rate_limit: int = 0) -> BotService:
    """The real core over the bundled knowledge base; `rate_limit` questions a minute."""
    return BotService(Responder(load_knowledge_base(bundled_faq())), sink,
                      limiter=RateLimiter(limit=rate_limit))


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    slack = FakeSlack()
    app = web.Application()
    app.router.add_route("*", "/api/{method}", slack.handle)
    app.router.add_post("/respond/{name}", slack.handle)
    app.router.add_get("/socket", slack.socket)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    slack.base_url = str(server.make_url("")).rstrip("/")
    yield slack
    await server.close()


@pytest.fixture
def settings_env(fake_slack: FakeSlack) -> dict[str, str]:
    return {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake_slack.api_url}


BotFactory = Callable[..., Awaitable[BotUnderTest]]


@pytest.fixture
async def make_bot(
    fake_slack: FakeSlack, settings_env: dict[str, str],
) -> AsyncIterator[BotFactory]:
    """A factory, so a test can change a setting (such as SLACK_RESPONSE) first."""
    opened: list[tuple[TestServer, aiohttp.ClientSession, SlackAdapter]] = []

    async def build(rate_limit: int = 0, **env: str) -> BotUnderTest:
        sink = InMemoryFeedbackSink()
        service = make_service(sink, rate_limit)
        adapter = SlackAdapter(service, SlackSettings.from_env(settings_env | env),
                               retry_delays=RETRY_DELAYS)
        await adapter.start()
        app = web.Application()
        app.add_routes(adapter.routes())
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        session = aiohttp.ClientSession()
        opened.append((server, session, adapter))
        return BotUnderTest(str(server.make_url("")).rstrip("/"), session, fake_slack, sink,
                            adapter, service)

    yield build
    for server, session, adapter in opened:
        await session.close()
        await server.close()
        await adapter.stop()


@pytest.fixture
async def bot(make_bot: BotFactory) -> BotUnderTest:
    return await make_bot()
