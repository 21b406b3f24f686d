"""A stand-in for Discord on 127.0.0.1 (REST and gateway), and the adapter connected to it.

The real discord.py client of the adapter logs in, opens the gateway and answers events here
exactly as it would on Discord; the stand-in records every REST call so tests can assert on
what the bot posted. Payload shapes live in `payloads/*.json`, copied from Discord's docs.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import pytest
from aiohttp import WSMsgType, web
from discord.gateway import DiscordWebSocket
from discord.http import Route

from adapters.discord.client import DiscordAdapter
from adapters.discord.settings import DiscordSettings
from bot.content.knowledge import KnowledgeBase
from bot.core.responder import Responder
from bot.ops.feedback import InMemoryFeedbackSink
from bot.ops.service import BotService

PAYLOADS = Path(__file__).with_name("payloads")
TOKEN = "stand-in-token.not-a-real-one"

BOT_ID = "1100000000000000001"
GUILD_ID = "1200000000000000001"
CHANNEL_ID = "1300000000000000001"
DM_CHANNEL_ID = "1300000000000000002"
ALICE_ID = "1400000000000000001"
OTHER_BOT_ID = "1400000000000000002"
EPHEMERAL = 1 << 6
WAIT = 5.0
"""Upper bound for any one wait; a passing test never comes near it."""


def payload(name: str) -> dict[str, Any]:
    """A fresh copy of a recorded payload."""
    data: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text())
    return data


def json_response(data: Any, status: int = 200) -> web.Response:
    """JSON as Discord sends it: discord.py parses a body only if the type is exactly this."""
    return web.Response(body=json.dumps(data).encode(), status=status,
                        content_type="application/json")


@dataclass
class Call:
    """One REST request the bot made."""

    method: str
    path: str
    query: dict[str, str]
    body: Any


@dataclass
class StandIn:
    """Discord's REST API and gateway, as much of them as the adapter touches."""

    TOKEN: ClassVar[str] = TOKEN
    BOT_ID: ClassVar[str] = BOT_ID
    CHANNEL_ID: ClassVar[str] = CHANNEL_ID
    DM_CHANNEL_ID: ClassVar[str] = DM_CHANNEL_ID
    ALICE_ID: ClassVar[str] = ALICE_ID
    OTHER_BOT_ID: ClassVar[str] = OTHER_BOT_ID
    EPHEMERAL: ClassVar[int] = EPHEMERAL

    base_url: str = ""
    calls: list[Call] = field(default_factory=list)
    identify: dict[str, Any] | None = None
    commands: list[dict[str, Any]] = field(default_factory=list)
    _sockets: list[web.WebSocketResponse] = field(default_factory=list)
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)
    _seq: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1800000000000000001))
    """Snowflakes for everything the stand-in makes up: messages, interactions, commands."""

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/v10"

    @property
    def gateway_url(self) -> str:
        return self.base_url.replace("http://", "ws://") + "/gateway"

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/api/v10/users/@me", self._json(payload("user_me")))
        app.router.add_get("/api/v10/oauth2/applications/@me",
                           self._json(payload("application")))
        app.router.add_get("/api/v10/gateway/bot", self._gateway_bot)
        app.router.add_put("/api/v10/applications/{app}/commands", self._bulk_overwrite)
        app.router.add_post("/api/v10/channels/{channel}/messages", self._create_message)
        app.router.add_post("/api/v10/interactions/{id}/{token}/callback", self._callback)
        app.router.add_route("*", "/api/v10/webhooks/{app}/{token}/messages/@original",
                             self._original)
        app.router.add_get("/gateway", self._gateway)
        app.middlewares.append(self._record)
        return app

    # What tests call

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a DISPATCH (op 0) to every connected shard."""
        await self._send_all({"op": 0, "t": event, "s": next(self._seq), "d": data})

    async def wait_for(self, predicate: Callable[[Call], bool]) -> Call:
        """The first recorded call that satisfies `predicate`, waiting for it if need be."""
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: any(predicate(c) for c in self.calls)), WAIT)
        return next(c for c in self.calls if predicate(c))

    async def reply_to(self, message_id: str) -> Call:
        """The message the bot posted in reply to `message_id`."""
        def replies(call: Call) -> bool:
            body = call.body if isinstance(call.body, dict) else {}
            reference = body.get("message_reference") or {}
            return call.method == "POST" and str(reference.get("message_id")) == message_id
        return await self.wait_for(replies)

    async def callback_of(self, interaction_id: str) -> Call:
        """The bot's response to one interaction."""
        return await self.wait_for(lambda c: c.path.startswith(f"/api/v10/interactions/"
                                                              f"{interaction_id}/"))

    def posts(self) -> list[Call]:
        """Messages the bot posted through the REST API (not interaction responses)."""
        return [c for c in self.calls if c.method == "POST" and "/channels/" in c.path]

    @staticmethod
    def custom_ids(body: dict[str, Any]) -> list[str]:
        """Every button's custom id in a message body or an interaction response's data."""
        rows = body.get("components") or (body.get("data") or {}).get("components") or []
        return [c["custom_id"] for row in rows for c in row["components"] if "custom_id" in c]

    # REST

    @web.middleware
    async def _record(self, request: web.Request,
                      handler: Callable[[web.Request], Any]) -> web.StreamResponse:
        if request.path.startswith("/api/"):
            body = await request.json() if request.can_read_body else None
            async with self._changed:
                self.calls.append(Call(request.method, request.path, dict(request.query), body))
                self._changed.notify_all()
            # Interaction callbacks and webhooks are authorised by their token, not the bot's.
            auth = request.headers.get("Authorization")
            if auth is not None and auth != f"Bot {TOKEN}":
                return json_response({"message": "401: Unauthorized", "code": 0}, status=401)
        response: web.StreamResponse = await handler(request)
        return response

    @staticmethod
    def _json(data: Any) -> Callable[[web.Request], Any]:
        async def handler(request: web.Request) -> web.Response:
            return json_response(data)
        return handler

    async def _gateway_bot(self, request: web.Request) -> web.Response:
        return json_response({
            "url": self.gateway_url, "shards": 1,
            "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 14400000,
                                    "max_concurrency": 1},
        })

    async def _bulk_overwrite(self, request: web.Request) -> web.Response:
        commands = await request.json()
        self.commands = [dict(c, id=str(next(self._ids)), application_id=BOT_ID, version="1")
                         for c in commands]
        return json_response(self.commands)

    async def _create_message(self, request: web.Request) -> web.Response:
        body = await request.json()
        return json_response(self.message_from_bot(request.match_info["channel"], body))

    async def _callback(self, request: web.Request) -> web.Response:
        body = await request.json()
        flags = (body.get("data") or {}).get("flags") or 0
        return json_response({"interaction": {
            "id": request.match_info["id"], "type": body["type"],
            "response_message_loading": False,
            "response_message_ephemeral": bool(flags & EPHEMERAL),
        }})

    async def _original(self, request: web.Request) -> web.Response:
        body = await request.json() if request.can_read_body else {}
        return json_response(self.message_from_bot(CHANNEL_ID, body or {}))

    def message_from_bot(self, channel_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """The message object Discord returns for a message the bot sent."""
        message = payload("message_create")
        message.pop("member")
        message.pop("guild_id")
        message.update(
            id=str(next(self._ids)), channel_id=channel_id, author=payload("user_me"),
            content=body.get("content") or "", embeds=body.get("embeds") or [],
            components=body.get("components") or [], flags=body.get("flags") or 0,
        )
        return message

    # Payload builders: the gateway events a test sends, in Discord's shapes.

    def user(self, user_id: str = ALICE_ID, *, bot: bool = False,
             name: str = "alice") -> dict[str, Any]:
        data: dict[str, Any] = {"id": user_id, "username": name, "discriminator": "0",
                                "global_name": name.title(), "avatar": None, "public_flags": 0}
        if bot:
            data["bot"] = True
        return data

    def bot_user(self) -> dict[str, Any]:
        return self.user(BOT_ID, bot=True, name="SelankBot")

    def message(self, content: str, *, mentions: list[dict[str, Any]] | None = None,
                author: dict[str, Any] | None = None, dm: bool = False,
                **extra: Any) -> dict[str, Any]:
        """A MESSAGE_CREATE: in #general unless `dm`, from Alice unless `author` says so."""
        data = payload("message_create")
        data.update(id=str(next(self._ids)), content=content, mentions=mentions or [],
                    author=author or self.user(), **extra)
        if dm:
            data.pop("guild_id")
            data.pop("member")
            data["channel_id"] = DM_CHANNEL_ID
        return data

    def mention(self, text: str = "", *, nick: bool = False) -> dict[str, Any]:
        """A message that @mentions the bot, as Discord writes it (`<@id>` or `<@!id>`)."""
        form = f"<@!{BOT_ID}>" if nick else f"<@{BOT_ID}>"
        return self.message(f"{form} {text}".strip(), mentions=[self.bot_user()])

    def command(self, subcommand: str, *, dm: bool = False, **options: Any) -> dict[str, Any]:
        """An INTERACTION_CREATE for `/selank <subcommand> [option:value …]`."""
        data = payload("interaction_command")
        data["id"] = str(next(self._ids))
        if dm:
            for key in ("guild_id", "guild", "guild_locale", "app_permissions"):
                data.pop(key)
            data["user"] = data.pop("member")["user"]
            data["channel_id"] = DM_CHANNEL_ID
            data["channel"] = {"id": DM_CHANNEL_ID, "type": 1, "flags": 0,
                               "last_message_id": None, "recipients": [data["user"]]}
            data["context"] = 1
            data["authorizing_integration_owners"] = {"0": BOT_ID}
        sub: dict[str, Any] = {"type": 1, "name": subcommand}
        if options:
            sub["options"] = [{"type": 3, "name": k, "value": v} for k, v in options.items()]
        data["data"]["options"] = [sub]
        return data

    def autocomplete(self, typed: str) -> dict[str, Any]:
        """An INTERACTION_CREATE (type 4) while the user types `/selank ask question:…`."""
        data = self.command("ask", question=typed)
        data["type"] = 4
        data["data"]["options"][0]["options"][0]["focused"] = True
        return data

    def press(self, custom_id: str, on: dict[str, Any]) -> dict[str, Any]:
        """An INTERACTION_CREATE (type 3) for a button on `on`, a message the bot posted."""
        data = payload("interaction_command")
        data.update(id=str(next(self._ids)), type=3, message=copy.deepcopy(on),
                    data={"component_type": 2, "custom_id": custom_id})
        return data

    def response_message(self, call: Call) -> dict[str, Any]:
        """The message an interaction response (type 4) created, as Discord would show it."""
        return self.message_from_bot(CHANNEL_ID, call.body["data"])

    # Gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41250}})
        async for msg in ws:
            if msg.type is not WSMsgType.TEXT:
                break
            data = json.loads(msg.data)
            if data["op"] == 1:
                await ws.send_json({"op": 11})
            elif data["op"] == 2:
                await self._ready(ws, data["d"])
        self._sockets.remove(ws)
        return ws

    async def _ready(self, ws: web.WebSocketResponse, identify: dict[str, Any]) -> None:
        self.identify = identify
        ready = payload("ready")
        ready["resume_gateway_url"] = self.gateway_url
        ready["shard"] = identify.get("shard", [0, 1])
        await ws.send_json({"op": 0, "t": "READY", "s": next(self._seq), "d": ready})
        await ws.send_json({"op": 0, "t": "GUILD_CREATE", "s": next(self._seq),
                            "d": payload("guild_create")})

    async def _send_all(self, data: dict[str, Any]) -> None:
        for ws in list(self._sockets):
            await ws.send_json(data)

    async def close(self) -> None:
        for ws in list(self._sockets):
            await ws.close()


# Fixtures


@pytest.fixture(autouse=True)
def restore_endpoints() -> Iterator[None]:
    """Whatever a test does, discord.py's process-wide endpoints are as they were afterwards."""
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    yield
    Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


@pytest.fixture
def feedback() -> InMemoryFeedbackSink:
    return InMemoryFeedbackSink()


@pytest.fixture
def service(kb: KnowledgeBase, feedback: InMemoryFeedbackSink) -> BotService:
    """The real core over the bundled knowledge base, with its own feedback sink."""
    return BotService(Responder(kb), feedback)


@pytest.fixture
async def standin() -> AsyncIterator[StandIn]:
    stand_in = StandIn()
    runner = web.AppRunner(stand_in.app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    stand_in.base_url = f"http://127.0.0.1:{port}"
    yield stand_in
    await stand_in.close()
    await runner.cleanup()


@pytest.fixture
def env(standin: StandIn) -> dict[str, str]:
    return {"DISCORD_TOKEN": TOKEN, "DISCORD_API_URL": standin.api_url,
            "DISCORD_GATEWAY_URL": standin.gateway_url}


StartAdapter = Callable[[dict[str, str]], Awaitable[DiscordAdapter]]


@pytest.fixture
async def start_adapter(service: BotService) -> AsyncIterator[StartAdapter]:
    """Starts adapters on given settings, waits until they are ready, and stops them all after."""
    started: list[DiscordAdapter] = []

    async def start(env: dict[str, str]) -> DiscordAdapter:
        adapter = DiscordAdapter(service, DiscordSettings.from_env(env))
        started.append(adapter)
        await adapter.start()
        assert adapter.client is not None
        # discord.py waits `guild_ready_timeout` (2 s) after the last GUILD_CREATE before READY
        # counts as done; the stand-in sends its only guild at once, so a short wait is enough.
        adapter.client._connection.guild_ready_timeout = 0.05
        await asyncio.wait_for(adapter.wait_until_ready(), WAIT)
        return adapter

    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    yield start
    for adapter in started:
        await adapter.stop()
    left = (Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY)
    assert left == (base, gateway), "the adapter left its endpoint overrides in place"


@pytest.fixture
async def adapter(start_adapter: StartAdapter, env: dict[str, str]) -> DiscordAdapter:
    """The adapter with default settings, logged in to the stand-in and ready."""
    return await start_adapter(env)
