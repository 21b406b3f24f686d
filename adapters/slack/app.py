"""Bolt wiring: Slack requests in, BotService calls, rendered replies out. No logic of its own.

One `SlackAdapter` per process, built by the composition root with its service and
settings; nothing here reads the environment or builds an app at import time. Where each
reply goes is the core's `Delivery` (`bot/core/placement.py`); this module only maps it
onto a `response_url` post or a thread reply.
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

from adapters.common.liblog import bodyless_loggers
from adapters.common.recent import RecentIds
from adapters.common.retry import BACKOFF_SECONDS, send_with_retries
from adapters.common.webhook import SignedWebhook
from adapters.slack.intake import (
    Malformed,
    Unusable,
    asker,
    bolt_request,
    from_a_bot,
    legacy_action,
    without_markup,
)
from adapters.slack.render import SlackMessage, render, render_thanks, unescape
from adapters.slack.settings import SlackSettings
from adapters.slack.verify import SignatureVerifier
from bot.core.actions import decode
from bot.core.placement import THANKS, Delivery, Place, for_command, for_message
from bot.ops.config import ConfigError
from bot.ops.service import AsyncBotService, BotService

COMMAND: Final = "/selank"
EVENTS_PATH: Final = "/slack/events"
# Loggers slack_sdk makes for itself when none is given (Bolt's `respond` builds a webhook
# client with none): they get the body-less filter too.
_SDK_LOGGERS: Final = tuple(f"slack_sdk.{name}" for name in (
    "webhook.async_client", "webhook.client", "web.async_base_client", "web.base_client",
    "web.async_slack_response", "web.slack_response", "socket_mode.aiohttp",
    "socket_mode.async_client"))
_RESPONSE_TYPE: Final = {Place.PRIVATE: "ephemeral", Place.PUBLIC: "in_channel"}
"""How each place is posted to a response_url; in place, the pressed message keeps its own."""

log = logging.getLogger("selank.slack")
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
        self._webhook = SignedWebhook("slack", SignatureVerifier(settings.signing_secret or ""),
                                      self._service.metrics)
        self._socket: AsyncSocketModeHandler | None = None
        self._started = False
        self._library_log = bodyless_loggers("selank.slack.library", ("slack_sdk", "slack_bolt"),
                                             _SDK_LOGGERS)
        # Bolt gets its token one way only, as `token=`: given a `client=` as well, it also
        # reads SLACK_BOT_TOKEN from the process environment and warns that one is unused.
        # HTTP requests are verified in front of Bolt, on the raw bytes (`_handle_http`);
        # Socket Mode frames arrive over our own authenticated WebSocket, unsigned.
        self._app = AsyncApp(name="selank-bot", token=settings.bot_token,
                             logger=self._library_log,
                             signing_secret=settings.signing_secret or "",
                             request_verification_enabled=False)
        if settings.api_url:  # per-request clients copy this base URL from the app's client
            self._app.client.base_url = settings.api_url
        self._app.use(self._skip_retried_events)
        self._app.command(COMMAND)(self._on_command)
        self._app.event("app_mention")(self._on_message)
        self._app.event("message")(self._on_message)
        self._app.action(re.compile("^selank_"))(self._on_press)

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
        return not client.closed and client.current_session is not None and not (
            client.current_session.closed)

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
        """The signature on the raw bytes first (`SignedWebhook`); then Bolt, for well-formed
        signed requests only; malformed input gets a 4xx, never Bolt's 500."""
        body = await self._webhook.body(request)
        if isinstance(body, web.Response):
            return body
        parsed = bolt_request(body, request.query_string, request.headers)
        if isinstance(parsed, Malformed):
            return self._webhook.refuse(request, parsed.reason, 400)
        if isinstance(parsed, Unusable):
            return self._webhook.ignore(parsed.reason)
        bolt_response = await self._app.async_dispatch(parsed)
        if bolt_response.status >= 500:  # a shape no listener could handle; never a 5xx
            return self._webhook.refuse(request, "unprocessable", 400)
        return await to_aiohttp_response(bolt_response)

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

    async def _on_command(self, ack: AsyncAck, command: Payload, respond: AsyncRespond) -> None:
        """`/selank …`: acknowledge at once (Slack's 3 seconds), then answer via response_url.

        A private answer echoes the words typed (escaped again by the renderer), as Slack
        does not show an ephemeral command's text."""
        await ack()
        raw = str(command.get("text", ""))
        reply = await self._service.ask(without_markup(raw, None), asker(command.get("user_id")))
        await self._deliver(respond, for_command(reply, self._settings.public),
                            asked=unescape(raw))

    async def _on_message(self, event: Payload, context: AsyncBoltContext, say: AsyncSay) -> None:
        """`@Selank bot …` in a channel, answered in a thread under it; or a DM, answered in
        the DM. Edits, joins and bots' messages (this one's included) are never asked."""
        dm = event.get("type") == "message"
        not_a_question = dm and (event.get("channel_type") != "im" or bool(event.get("subtype")))
        if not_a_question or from_a_bot(event, context.bot_user_id):
            return
        text = without_markup(str(event.get("text", "")), context.bot_user_id)
        delivery = for_message(await self._service.ask(text, asker(event.get("user"))))
        if delivery.reply is not None and delivery.place is Place.PUBLIC:
            message = render(delivery.reply)
            await say(text=message.text, blocks=list(message.blocks),
                      thread_ts=event.get("thread_ts") or (None if dm else event.get("ts")))

    async def _on_press(self, ack: AsyncAck, body: Payload, action: Payload,
                        respond: AsyncRespond) -> None:
        """Any of our buttons: its value is the core's action id (bot/core/actions.py)."""
        await ack()
        pressed = decode(action.get("value")) or legacy_action(action)
        if pressed is None:
            return
        user = body.get("user")
        user_id = str(user["id"]) if isinstance(user, dict) and user.get("id") else None
        container = body.get("container")
        under_private = isinstance(container, dict) and bool(container.get("is_ephemeral"))
        delivery = await self._service.pressed(pressed, asker(user_id), under_private)
        await self._deliver(respond, delivery, presser=user_id, pressed=True)

    async def _deliver(self, respond: AsyncRespond, delivery: Delivery, *, asked: str = "",
                       presser: str | None = None, pressed: bool = False) -> None:
        """The core's `Delivery` as a response_url post: private is ephemeral and beside the
        message; public is in channel (a share also drops the private copy it came from); in
        place replaces the pressed message."""
        reply, place = delivery.reply, delivery.place
        if reply is None:  # a vote
            await self._post(respond, render_thanks(THANKS), "ephemeral", False)
        elif place is not Place.NOWHERE:
            message = render(reply, asked=(asked or None) if place is Place.PRIVATE else None,
                             shared_by=presser if delivery.shared else None)
            beside = True if place is Place.IN_PLACE else (False if pressed else None)
            await self._post(respond, message, _RESPONSE_TYPE.get(place), beside)
            if delivery.shared:
                await self._send(respond, delete_original=True)

    async def _post(self, respond: AsyncRespond, message: SlackMessage,
                    response_type: str | None, replace_original: bool | None) -> None:
        await self._send(respond, text=message.text, blocks=list(message.blocks),
                         response_type=response_type, replace_original=replace_original)

    async def _send(self, respond: AsyncRespond, **message: Any) -> None:
        """Post to the response_url, retried on a 5xx, a 429 or a dropped connection."""
        async def send() -> int:
            return (await respond(**message)).status_code
        await send_with_retries(send, "response_url", self._retry_delays)


async def _check_token(variable: str, call: Awaitable[T]) -> T:
    """The call's result, or a ConfigError naming the variable whose token Slack refused."""
    try:
        return await call
    except SlackApiError as error:
        code = error.response.get("error", "unknown_error")
        raise ConfigError([f"{variable} was refused by Slack ({code})"]) from None
