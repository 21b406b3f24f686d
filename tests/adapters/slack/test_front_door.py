"""The front door, over raw HTTP against the real Bolt app: signature first, on the bytes.

Unsigned or stale requests are refused with one short log line that never holds the body;
malformed input gets a 4xx, never a 5xx, and is counted; replays are answered once.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import time
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from bot.ops.logging_setup import configure_logging

from .conftest import WAIT_SECONDS, BotUnderTest, fixture, signed_headers

FORGED = "\n2026-12-01T20:00:00.000Z ERROR cannot start error=FORGED\n"
MAX_LINE_BYTES = 300  # a refusal line is about 100 bytes; anything near this holds a body


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    """Every log line of every logger (Bolt's included), as the process would write it."""
    root = logging.getLogger()
    access = logging.getLogger("aiohttp.access")  # the test server's; the bot's has none
    saved = (list(root.handlers), root.level, access.disabled)
    out = io.StringIO()
    configure_logging("text", "debug", stream=out)
    access.disabled = True
    yield out
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    access.disabled = saved[2]


def _lines(out: io.StringIO) -> list[str]:
    return out.getvalue().splitlines()


async def test_should_not_let_an_unsigned_body_forge_a_log_line(
    bot: BotUnderTest, log_output: io.StringIO,
) -> None:
    """An unsigned body with a fake log line in it is refused; nothing of it is logged."""
    body = f"token=x&text={FORGED}".encode()
    response = await bot.post_raw(body, {"Content-Type": "application/x-www-form-urlencoded",
                                         "X-Slack-Request-Timestamp": str(int(time.time())),
                                         "X-Slack-Signature": "v0=" + "0" * 64})
    assert response.status == 401
    assert "FORGED" not in log_output.getvalue()
    assert not any(line.startswith("2026-12-01T20:00:00.000Z") for line in _lines(log_output))


async def test_should_log_one_short_line_per_unsigned_megabyte_post(
    bot: BotUnderTest, log_output: io.StringIO,
) -> None:
    """20 unsigned 1 MiB posts add 20 short lines, not 21 MB of log."""
    body = b"payload=" + b"A" * (1024 * 1024 - 8)
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "X-Slack-Request-Timestamp": str(int(time.time())),
               "X-Slack-Signature": "v0=deadbeef"}
    statuses = {(await bot.post_raw(body, headers)).status for _ in range(20)}
    assert statuses <= {401, 413}
    lines = _lines(log_output)
    assert len(lines) == 20
    assert all(len(line.encode()) < MAX_LINE_BYTES for line in lines)
    assert "AAAA" not in log_output.getvalue()


async def test_should_not_log_the_question_of_a_genuine_request_with_clock_skew(
    bot: BotUnderTest, log_output: io.StringIO,
) -> None:
    """A signed request refused only for its age logs why, never the text, user or URL."""
    form = fixture("slash_command") | {"text": "my secret question about anxiety",
                                       "response_url": bot.slack.response_url("secret")}
    response = await bot.post(urlencode(form), "application/x-www-form-urlencoded",
                              timestamp=int(time.time()) - 10 * 60)
    assert response.status == 401
    logged = log_output.getvalue()
    assert "secret question" not in logged
    assert form["user_id"] not in logged
    assert "/respond/" not in logged
    assert "stale_timestamp" in logged
    assert bot.rejected("stale_timestamp") == 1


UNSIGNED_MALFORMED = {
    "invalid_utf8": (b"text=\xff\xfe\xfd", "application/x-www-form-urlencoded"),
    "charset_bogus": (b"text=hello", "application/x-www-form-urlencoded; charset=bogus"),
    "json_list": (b"[]", "application/json"),
    "json_null": (b"null", "application/json"),
    "json_number": (b"42", "application/json"),
    "payload_list": (b"payload=%5B%5D", "application/x-www-form-urlencoded"),
    "payload_null": (b"payload=null", "application/x-www-form-urlencoded"),
    "broken_json": (b'{"type": ', "application/json"),
}


CASES = [(name, "now") for name in sorted(UNSIGNED_MALFORMED)] + [
    ("invalid_utf8", ts) for ts in ("abc", "", "1e9", "-5", "٣٣٣")]


@pytest.mark.parametrize(("name", "timestamp"), CASES)
async def test_should_refuse_unsigned_malformed_input_with_a_4xx_and_count_it(
    bot: BotUnderTest, log_output: io.StringIO, name: str, timestamp: str,
) -> None:
    """Bad bytes, charsets, shapes and timestamps: a 4xx, one line, no traceback, counted."""
    body, content_type = UNSIGNED_MALFORMED[name]
    ts = str(int(time.time())) if timestamp == "now" else timestamp
    response = await bot.post_raw(body, {"Content-Type": content_type,
                                         "X-Slack-Request-Timestamp": ts,
                                         "X-Slack-Signature": "v0=" + "1" * 64})
    assert 400 <= response.status < 500
    assert "Traceback" not in log_output.getvalue()
    assert len(_lines(log_output)) == 1
    reason = {"now": "bad_signature", "": "no_timestamp"}.get(timestamp, "bad_timestamp")
    assert bot.rejected(reason) == 1


@pytest.mark.parametrize("name", sorted(UNSIGNED_MALFORMED))
async def test_should_refuse_signed_malformed_input_with_a_400_not_a_500(
    bot: BotUnderTest, log_output: io.StringIO, name: str,
) -> None:
    """Even correctly signed, what Bolt cannot read as one object is a 400, counted."""
    body, content_type = UNSIGNED_MALFORMED[name]
    response = await bot.post(body, content_type)
    if name == "charset_bogus":  # fine UTF-8 form data (Slack sends no other charset, so the
        assert response.status == 404  # header is not trusted), just not a request we handle
        return
    assert response.status == 400
    assert "Traceback" not in log_output.getvalue()
    assert sum(bot.rejected(r) for r in ("invalid_utf8", "unparsable_body",
                                         "not_an_object")) == 1


async def test_should_answer_a_replayed_slash_command_once(bot: BotUnderTest) -> None:
    """The same signed request three times in the window: acked each time, answered once."""
    form = urlencode(fixture("slash_command") | {"text": "is it addictive?",
                                                 "response_url": bot.slack.response_url()})
    headers = signed_headers(form, "application/x-www-form-urlencoded")
    statuses = [(await bot.post_raw(form.encode(), headers)).status for _ in range(3)]
    assert statuses == [200, 200, 200]
    assert bot.rejected("replay") == 2
    await bot.slack.wait_for("/respond/original")
    await bot.command("what is selank?", response_url=bot.slack.response_url("fresh"))
    await bot.slack.wait_for("/respond/fresh")
    assert len(bot.slack.to("/respond/original")) == 1


async def test_should_ack_a_slash_command_without_response_url_in_one_line(
    bot: BotUnderTest, log_output: io.StringIO,
) -> None:
    """Nothing to answer through: acknowledged at once (no 3 s wait, no 404), one line."""
    form = {k: v for k, v in fixture("slash_command").items() if k != "response_url"}
    response = await bot.post(urlencode(form | {"text": "hi"}),
                              "application/x-www-form-urlencoded")
    assert response.status == 200
    assert [line for line in _lines(log_output) if "ignored" in line] == [
        line for line in _lines(log_output)]
    assert "Traceback" not in log_output.getvalue()
    assert bot.rejected("command_without_response_url") == 1


@pytest.mark.parametrize("event", ["a string", ["a", "list"], 42, None])
async def test_should_ack_an_event_that_is_not_an_object(
    bot: BotUnderTest, log_output: io.StringIO, event: object,
) -> None:
    """A signed event_callback whose `event` is not an object: a 200 and one line."""
    payload = fixture("app_mention") | {"event": event}
    response = await bot.post(json.dumps(payload), "application/json")
    assert response.status == 200
    assert len(_lines(log_output)) == 1 and "Traceback" not in log_output.getvalue()
    assert bot.rejected("event_not_an_object") == 1


async def test_should_retry_a_failing_response_url_with_backoff(bot: BotUnderTest) -> None:
    """Two 503s from the response_url, then it takes the answer: delivered on the third try."""
    bot.slack.respond_failures = 2
    await bot.command("is it addictive?")
    messages = await bot.slack.wait_for("/respond/original", 3)
    assert messages[0] == messages[2]
    assert bot.slack.respond_failures == 0


async def test_should_log_one_line_when_the_response_url_is_unreachable(
    bot: BotUnderTest, log_output: io.StringIO,
) -> None:
    """A response_url nobody listens on: retried, then one line, no traceback, no URL."""
    dead = "http://127.0.0.1:9/respond/dead"
    await bot.command("is it addictive?", response_url=dead)
    async with asyncio.timeout(4 * WAIT_SECONDS):  # slack_sdk also retries a refused connect
        while "response_url failed" not in log_output.getvalue():  # noqa: ASYNC110 (a log)
            await asyncio.sleep(0.01)
    logged = log_output.getvalue()
    assert "Traceback" not in logged and dead not in logged
    assert "attempts=4" in logged
