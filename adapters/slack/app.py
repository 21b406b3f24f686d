"""Bolt wiring: Slack requests in, BotService calls, rendered replies out. No logic of its own.

One `SlackAdapter` per process, built by the composition root with its service and
settings; nothing here reads the environment or builds an app at import time.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any, Final, TypeVar

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond, AsyncSay
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError

from adapters.slack.dedupe import RecentIds
from adapters.slack.delivery import BACKOFF_SECONDS, deliver
from adapters.slack.intake import Malformed, Unusable, bolt_request
from adapters.slack.liblog import library_logger
from adapters.slack.render import (
    ACTION_COMMAND,
    ACTION_FEEDBACK_DOWN,
    ACTION_FEEDBACK_UP,
    ACTION_SHARE,
    ACTION_SHOW,
    RenderOptions,
    SlackMessage,
    render,
    render_thanks,
    unescape,
)
from adapters.slack.settings import ResponseType, SlackSettings
from adapters.slack.verify import TIMESTAMP_HEADER, Refusal, SignatureVerifier
from bot.core.actions import decode
from bot.core.reply import Action, ActionKind, Menu, Reply
from bot.ops.config import ConfigError
from bot.ops.logging_setup import log_event
from bot.ops.service import Asker, AsyncBotService, BotService

PLATFORM: Final = "slack"
COMMAND: Final = "/selank"
EVENTS_PATH: Final = "/slack/events"

log = logging.getLogger("selank.slack")
_LINK = re.compile(r"<(?:https?|mailto):[^<>|\s]{1,500}\|([^<>]{1,200})>")
_MARKUP = re.compile(r"<[!@#:a-zA-Z][^<>\s]{0,200}>")
T = TypeVar("T")

Payload = dict[str, Any]


class SlackAdapter:
    """The Slack side of the bot: a Bolt app in Socket Mode or behind `routes()` in HTTP mode."""

    def __init__(self, service: BotService, settings: SlackSettings,
                 retry_delays: tuple[float, ...] = BACKOFF_SECONDS) -> None:
        self._service = AsyncBotService(service)
        self._settings = settings
        self._retry_delays = retry_delays
        self._recent_events = RecentIds()
        self._verifier = SignatureVerifier(settings.signing_secret or "")
        self._socket: AsyncSocketModeHandler | None = None
        self._started = False
        self._library_log = library_logger()
        # Bolt gets its token one way only, as `token=`: given a `client=` as well, it also
        # reads SLACK_BOT_TOKEN from the process environment and warns that one is unused.
        self._app = AsyncApp(
            name="selank-bot",
            token=settings.bot_token,
            logger=self._library_log,
            signing_secret=settings.signing_secret or "",
            # HTTP requests are verified in front of Bolt, on the raw bytes (`_handle_http`);
            # Socket Mode frames arrive over our own authenticated WebSocket, unsigned.
            request_verification_enabled=False,
        )
        if settings.api_url:
            # Per-request clients copy this base URL from the app's client.
            self._app.client.base_url = settings.api_url
        self._register()

    @property
    def app(self) -> AsyncApp:
        """The Bolt app, for callers that dispatch requests themselves."""
        return self._app

    @property
    def connected(self) -> bool:
        """Whether Slack can reach us: a live socket, or (HTTP mode) having been started."""
        if self._socket is None:
            return self._started
        client = self._socket.client
        session = client.current_session
        return not client.closed and session is not None and not session.closed

    async def start(self) -> None:
        """Open the Socket Mode connection; in HTTP mode Slack comes to `routes()` instead."""
        if self._settings.socket_mode and self._socket is None:
            socket = AsyncSocketModeHandler(self._app, self._settings.app_token,
                                            logger=self._library_log)
            # The SDK retries a refused token forever; check both first and fail clearly.
            try:
                await _check_token("SLACK_BOT_TOKEN", self._app.client.auth_test())
                socket.client.wss_uri = await _check_token(
                    "SLACK_APP_TOKEN", socket.client.issue_new_wss_url())
            except ConfigError:
                await socket.close_async()  # type: ignore[no-untyped-call]
                raise
            self._socket = socket
            # slack_bolt leaves connect_async / close_async unannotated.
            await socket.connect_async()  # type: ignore[no-untyped-call]
        self._started = True

    async def stop(self) -> None:
        """Close the socket, if any; safe to call twice."""
        self._started = False
        if self._socket is not None:
            socket, self._socket = self._socket, None
            await socket.close_async()  # type: ignore[no-untyped-call]

    def routes(self) -> list[web.RouteDef]:
        """What the runner mounts on its aiohttp server in HTTP mode; none in Socket Mode."""
        return [] if self._settings.socket_mode else [web.post(EVENTS_PATH, self._handle_http)]

    def http_port(self) -> tuple[int, str]:
        """HTTP mode serves events, health and metrics on PORT."""
        return self._settings.port, "PORT"

    async def _handle_http(self, request: web.Request) -> web.Response:
        """Signature on the raw bytes first; then Bolt, for well-formed signed requests only.

        Nothing unsigned is decoded, parsed or logged beyond one short line; a replay of a
        signed request is acknowledged and not answered again; malformed input gets a 4xx.
        """
        if not request.headers.get(TIMESTAMP_HEADER, "").strip():
            return self._refuse(request, Refusal.NO_TIMESTAMP.reason, Refusal.NO_TIMESTAMP.status)
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return self._refuse(request, "too_large", 413)
        verdict = self._verifier.check(body, request.headers)
        if isinstance(verdict, Refusal):
            return self._refuse(request, verdict.reason, verdict.status)
        if verdict.replay:
            self._service.metrics.rejected(PLATFORM, "replay")
            log_event(log, "slack request replayed", logging.WARNING, bytes=len(body))
            return web.Response(status=200)
        parsed = bolt_request(body, request.query_string, request.headers)
        if isinstance(parsed, Malformed):
            return self._refuse(request, parsed.reason, 400)
        if isinstance(parsed, Unusable):
            self._service.metrics.rejected(PLATFORM, parsed.reason)
            log_event(log, "slack request ignored", logging.WARNING, reason=parsed.reason)
            return web.Response(status=200)
        bolt_response = await self._app.async_dispatch(parsed)
        if bolt_response.status >= 500:  # a shape no listener could handle; never a 5xx
            return self._refuse(request, "unprocessable", 400)
        return await to_aiohttp_response(bolt_response)

    def _refuse(self, request: web.Request, reason: str, status: int) -> web.Response:
        """A 4xx, counted, with one line that says why and how big, never what was sent."""
        self._service.metrics.rejected(PLATFORM, reason)
        log_event(log, "slack request refused", logging.WARNING, reason=reason, status=status,
                  bytes=request.content_length)
        return web.Response(status=status, text=reason)

    def _register(self) -> None:
        app = self._app
        app.use(self._skip_retried_events)
        app.command(COMMAND)(self._on_command)
        app.event("app_mention")(self._on_mention)
        app.event("message")(self._on_message)
        app.action(re.compile("^selank_"))(self._on_press)

    async def _skip_retried_events(
        self, body: Payload, next: Callable[[], Awaitable[None]],  # Bolt injects by name
    ) -> BoltResponse | None:
        """Acknowledge an event id seen before without answering it again (Slack retries)."""
        event_id = body.get("event_id")
        if body.get("type") == "event_callback" and isinstance(event_id, str) \
                and self._recent_events.seen_before(event_id):
            log.info("Skipping event %s: already handled (a Slack retry)", event_id)
            return BoltResponse(status=200, body="")
        await next()
        return None

    # Slash command ---------------------------------------------------------------------

    async def _on_command(
        self, ack: AsyncAck, command: Payload, respond: AsyncRespond,
    ) -> None:
        """`/selank …`: acknowledge at once (Slack's 3 seconds), then answer via response_url."""
        await ack()
        raw = str(command.get("text", ""))
        text = unescape(raw)  # echoed back as typed, escaped again by the renderer
        reply = await self._ask(_without_mention(raw, None), _asker(command.get("user_id")))
        if reply.is_silent:
            return
        # A safety reply or a rate-limit notice is never broadcast: it is for the asker.
        visible = self._settings.response_type is ResponseType.IN_CHANNEL and not reply.private
        message = render(reply, RenderOptions(share=not visible, asked=None if visible else text))
        await self._respond(respond, message, response_type=(
            ResponseType.IN_CHANNEL if visible else ResponseType.EPHEMERAL).value)

    # Events ----------------------------------------------------------------------------

    async def _on_mention(self, event: Payload, context: AsyncBoltContext, say: AsyncSay) -> None:
        """`@Selank bot …` in a channel: answer in a thread under the message."""
        if _from_a_bot(event, context):
            return
        text = _without_mention(str(event.get("text", "")), context.bot_user_id)
        reply = await self._ask(text, _asker(event.get("user")))
        if reply.is_silent:
            return
        await _say(say, render(reply), thread_ts=event.get("thread_ts") or event.get("ts"))

    async def _on_message(self, event: Payload, context: AsyncBoltContext, say: AsyncSay) -> None:
        """A direct message: answer in the DM; edits, joins and bots' messages are not asked."""
        if event.get("channel_type") != "im" or event.get("subtype") \
                or _from_a_bot(event, context):
            return
        text = _without_mention(str(event.get("text", "")), context.bot_user_id)
        reply = await self._ask(text, _asker(event.get("user")))
        if reply.is_silent:
            return
        await _say(say, render(reply), thread_ts=event.get("thread_ts"))

    # Buttons ---------------------------------------------------------------------------

    async def _on_press(
        self, ack: AsyncAck, body: Payload, action: Payload, respond: AsyncRespond,
    ) -> None:
        """Any of our buttons: its value is the core's action id (bot/core/actions.py).

        👍 / 👎 are kept and thanked privately; "Share in channel" posts the reply visibly
        and drops the private copy; a topic or menu button's reply takes the message's place.
        """
        await ack()
        pressed = decode(action.get("value")) or _legacy(action)
        if pressed is None:
            return
        user_id = _user_id(body)
        asker = _asker(user_id)
        if pressed.kind in (ActionKind.HELPFUL, ActionKind.NOT_HELPFUL):
            await self._service.feedback(asker, pressed.entry_id or "",
                                         pressed.kind is ActionKind.HELPFUL)
            await self._respond(respond, render_thanks(),
                                response_type=ResponseType.EPHEMERAL.value,
                                replace_original=False)
            return
        reply = await self._service.press(pressed, asker)
        if pressed.kind is not ActionKind.SHARE or reply.private:
            await self._answer_press(respond, body, reply)
            return
        message = render(reply, RenderOptions(shared_by=user_id))
        await self._respond(respond, message, response_type=ResponseType.IN_CHANNEL.value,
                            replace_original=False)
        await deliver(respond, self._retry_delays, delete_original=True)

    async def _ask(self, text: str, asker: Asker) -> Reply:
        """The core's reply (the service runs it off the event loop)."""
        return await self._service.ask(text, asker)

    async def _answer_press(self, respond: AsyncRespond, body: Payload, reply: Reply) -> None:
        """A button's reply takes the message's place, unless it is only for the presser.

        Past the rate limit the presser gets the notice beside the message (never over it),
        then nothing at all.
        """
        if reply.is_silent:
            return
        if reply.private:
            await self._respond(respond, render(reply),
                                response_type=ResponseType.EPHEMERAL.value,
                                replace_original=False)
            return
        await self._respond(respond, render(reply, RenderOptions(share=_is_ephemeral(body))),
                            replace_original=True)

    async def _respond(self, respond: AsyncRespond, message: SlackMessage, *,
                       response_type: str | None = None,
                       replace_original: bool | None = None) -> None:
        await deliver(respond, self._retry_delays, text=message.text,
                      blocks=list(message.blocks), response_type=response_type,
                      replace_original=replace_original)


async def _check_token(variable: str, call: Awaitable[T]) -> T:
    """The call's result, or a ConfigError naming the variable whose token Slack refused."""
    try:
        return await call
    except SlackApiError as error:
        code = error.response.get("error", "unknown_error")
        raise ConfigError([f"{variable} was refused by Slack ({code})"]) from None



async def _say(say: AsyncSay, message: SlackMessage, thread_ts: str | None) -> None:
    await say(text=message.text, blocks=list(message.blocks), thread_ts=thread_ts)


_LEGACY_ENTRY = re.compile(r"entry:([a-z0-9-]{1,80})")
_LEGACY_KINDS = {ACTION_FEEDBACK_UP: ActionKind.HELPFUL,
                 ACTION_FEEDBACK_DOWN: ActionKind.NOT_HELPFUL, ACTION_SHARE: ActionKind.SHARE}


def _legacy(action: Payload) -> Action | None:
    """A button of a message posted before the core's action ids (value `entry:<id>`, or a
    menu name): still pressable, so no old message in a channel goes dead."""
    action_id, value = str(action.get("action_id", "")), str(action.get("value", ""))
    entry = _LEGACY_ENTRY.fullmatch(value)
    if entry is not None:
        kind = (ActionKind.SHOW if action_id.startswith(ACTION_SHOW)
                else _LEGACY_KINDS.get(action_id))
        return Action(kind, entry_id=entry[1]) if kind is not None else None
    if value in {m.value for m in Menu} and action_id in (ACTION_COMMAND, ACTION_SHARE):
        kind = ActionKind.MENU if action_id == ACTION_COMMAND else ActionKind.SHARE
        return Action(kind, menu=Menu(value))
    return None


def _asker(user_id: object) -> Asker:
    return Asker(platform=PLATFORM, user_id=str(user_id or "unknown"))


def _user_id(body: Payload) -> str | None:
    user = body.get("user")
    return str(user.get("id")) if isinstance(user, dict) and user.get("id") else None


def _is_ephemeral(body: Payload) -> bool:
    container = body.get("container")
    return isinstance(container, dict) and bool(container.get("is_ephemeral"))


def _from_a_bot(event: Payload, context: AsyncBoltContext) -> bool:
    """Bots (this one included) are never asked: it would loop, or answer an integration."""
    return bool(event.get("bot_id")) or event.get("subtype") == "bot_message" or (
        context.bot_user_id is not None and event.get("user") == context.bot_user_id)


def _without_mention(text: str, bot_user_id: str | None) -> str:
    """The question without Slack's markup, then unescaped: Slack's half of translating in.

    Our own `<@BOTID>` (or `<@BOTID|name>`) goes first; a labelled link keeps its label;
    every other token (`<!channel>`, `<@U123|bob>`, `<#C1|general>`) is a gap.
    """
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    text = _MARKUP.sub(" ", _LINK.sub(r" \1 ", text))
    return unescape(text).strip()
