"""run_slack and the adapter's life cycle: HTTP mode on PORT, Socket Mode over a WebSocket."""

from __future__ import annotations

import asyncio
import socket
from urllib.parse import urlencode

import aiohttp
import pytest

from adapters.slack.app import SlackAdapter, run_slack
from adapters.slack.settings import SlackSettings
from bot.config import ConfigError
from bot.feedback import InMemoryFeedbackSink

from .conftest import (
    BOT_TOKEN,
    WAIT_SECONDS,
    FakeSlack,
    fixture,
    make_service,
    signed_headers,
)

APP_TOKEN = "xapp-1-A111-222-testapptoken"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def _post_when_listening(url: str, body: str, headers: dict[str, str]) -> int:
    """POST once the server accepts connections (it starts in a task we do not await)."""
    async with asyncio.timeout(WAIT_SECONDS), aiohttp.ClientSession() as session:
        while True:
            try:
                async with session.post(url, data=body.encode(), headers=headers) as response:
                    return response.status
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.01)


async def test_should_serve_http_mode_on_port_until_stopped(
    fake_slack: FakeSlack, settings_env: dict[str, str],
) -> None:
    """run_slack serves /slack/events on PORT, answers, and returns once `stop` is set."""
    port = _free_port()
    settings = SlackSettings.from_env(settings_env | {"PORT": str(port)})
    stop = asyncio.Event()
    task = asyncio.create_task(run_slack(make_service(InMemoryFeedbackSink()), settings, stop))
    form = fixture("slash_command") | {"text": "is it addictive?",
                                       "response_url": fake_slack.response_url()}
    body = urlencode(form)
    status = await _post_when_listening(
        f"http://127.0.0.1:{port}/slack/events", body,
        signed_headers(body, "application/x-www-form-urlencoded"))
    assert status == 200
    [message] = await fake_slack.wait_for("/respond/original")
    assert message["blocks"][0]["text"]["text"] == "Is Selank addictive?"
    stop.set()
    async with asyncio.timeout(WAIT_SECONDS):
        await task


async def test_should_be_connected_in_http_mode_only_between_start_and_stop(
    settings_env: dict[str, str],
) -> None:
    """In HTTP mode there is nothing to dial: `connected` follows start() and stop()."""
    adapter = SlackAdapter(make_service(InMemoryFeedbackSink()),
                           SlackSettings.from_env(settings_env))
    assert not adapter.connected
    await adapter.start()
    assert adapter.connected
    assert [route.path for route in adapter.routes()] == ["/slack/events"]
    await adapter.stop()
    assert not adapter.connected


async def test_should_answer_over_socket_mode_and_ack_the_envelope(
    fake_slack: FakeSlack,
) -> None:
    """With SLACK_APP_TOKEN, start() dials Socket Mode, acks envelopes and answers; stop() ends."""
    event = fixture("app_mention")
    fake_slack.envelopes.append({"envelope_id": "env-1", "type": "events_api",
                                 "accepts_response_payload": False, "retry_attempt": 0,
                                 "retry_reason": "", "payload": event})
    settings = SlackSettings.from_env({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": APP_TOKEN,
                                       "SLACK_API_URL": fake_slack.api_url})
    adapter = SlackAdapter(make_service(InMemoryFeedbackSink()), settings)
    await adapter.start()
    try:
        assert adapter.connected
        [ack] = await fake_slack.wait_for("/socket")
        assert ack["envelope_id"] == "env-1"
        [message] = await fake_slack.wait_for("/api/chat.postMessage")
        assert message["thread_ts"] == event["event"]["ts"]
        assert message["blocks"][0]["text"]["text"] == "Is Selank addictive?"
        assert fake_slack.to("/api/apps.connections.open")
    finally:
        await adapter.stop()
    assert not adapter.connected


@pytest.mark.parametrize("variable", ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"])
async def test_should_fail_clearly_when_slack_refuses_a_token_in_socket_mode(
    fake_slack: FakeSlack, variable: str,
) -> None:
    """A revoked token stops start() with a ConfigError naming it, not endless retries."""
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": APP_TOKEN,
           "SLACK_API_URL": fake_slack.api_url}
    fake_slack.refused_tokens.add(env[variable])
    adapter = SlackAdapter(make_service(InMemoryFeedbackSink()), SlackSettings.from_env(env))
    with pytest.raises(ConfigError) as caught:
        await adapter.start()
    assert variable in str(caught.value)
    assert env[variable] not in str(caught.value)
    assert not adapter.connected
    await adapter.stop()
