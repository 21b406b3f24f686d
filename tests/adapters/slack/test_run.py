"""The adapter's life cycle: HTTP mode on PORT, Socket Mode over a WebSocket."""

from __future__ import annotations

import logging

import pytest

from adapters.slack.app import SlackAdapter
from adapters.slack.settings import SlackSettings
from bot.ops.config import ConfigError
from bot.ops.feedback import InMemoryFeedbackSink

from .conftest import (
    BOT_TOKEN,
    FakeSlack,
    fixture,
    make_service,
)

APP_TOKEN = "xapp-1-A111-222-testapptoken"


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


async def test_should_give_bolt_one_token_and_log_no_warning_about_it(
    fake_slack: FakeSlack, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    """SLACK_BOT_TOKEN in the real environment, as in production: no "`token` will be unused"."""
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    settings = SlackSettings.from_env({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": APP_TOKEN,
                                       "SLACK_API_URL": fake_slack.api_url})
    caplog.set_level(logging.DEBUG)
    adapter = SlackAdapter(make_service(InMemoryFeedbackSink()), settings)
    await adapter.start()
    try:
        assert fake_slack.to("/api/auth.test")  # the one token still reaches Slack
    finally:
        await adapter.stop()
    messages = [record.getMessage() for record in caplog.records]
    assert not [m for m in messages if "will be unused" in m]
