"""Random bytes and headers, unsigned, over raw HTTP: always a 4xx, a bounded log, no traceback."""

from __future__ import annotations

import asyncio
import http.client
import io
import logging
import threading
from collections.abc import Iterator

import pytest
from aiohttp import web
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.slack.app import SlackAdapter
from adapters.slack.settings import SlackSettings
from bot.ops.feedback import InMemoryFeedbackSink
from bot.ops.logging_setup import configure_logging

from .conftest import BOT_TOKEN, SIGNING_SECRET, make_service

MAX_LOG_BYTES_PER_REQUEST = 300

HEADER_NAMES = ("Content-Type", "X-Slack-Request-Timestamp", "X-Slack-Signature",
                "X-Slack-Retry-Num", "Content-Encoding", "X-Forwarded-For")
header_value = st.one_of(
    st.sampled_from(["application/json", "application/x-www-form-urlencoded",
                     "application/x-www-form-urlencoded; charset=bogus", "text/plain",
                     "v0=" + "0" * 64, "0", "-1", "1e9", "99999999999999999999"]),
    st.integers(min_value=0, max_value=2**40).map(str),
    # What a header can carry on the wire: latin-1, no line breaks.
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"),
            max_size=80),
)
bodies = st.one_of(
    st.binary(max_size=4096),
    st.sampled_from([b"", b"[]", b"null", b"42", b'{"type":', b"payload=%5B%5D",
                     b"payload=null", b'{"type":"url_verification","challenge":"x"}',
                     b"command=/selank&text=hi\n2026-12-01T20:00:00.000Z ERROR forged"]),
)


@pytest.fixture(scope="module")
def server() -> Iterator[int]:
    """The real adapter on a loopback port, served from its own thread and event loop."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    port: list[int] = []
    runner_box: list[web.AppRunner] = []

    async def start() -> None:
        settings = SlackSettings.from_env({"SLACK_BOT_TOKEN": BOT_TOKEN,
                                           "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                                           "SLACK_API_URL": "http://127.0.0.1:9/api/"})
        adapter = SlackAdapter(make_service(InMemoryFeedbackSink()), settings)
        app = web.Application()
        app.add_routes(adapter.routes())
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port.append(int(runner.addresses[0][1]))
        runner_box.append(runner)

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(start())
        ready.set()
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(10)
    yield port[0]
    asyncio.run_coroutine_threadsafe(runner_box[0].cleanup(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)


@pytest.fixture(scope="module")
def log_output() -> Iterator[io.StringIO]:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    out = io.StringIO()
    configure_logging("text", "debug", stream=out)
    yield out
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies, headers=st.dictionaries(st.sampled_from(HEADER_NAMES), header_value,
                                            max_size=len(HEADER_NAMES)))
def test_unsigned_random_requests_should_get_a_4xx_and_a_bounded_log(
    server: int, log_output: io.StringIO, body: bytes, headers: dict[str, str],
) -> None:
    before = len(log_output.getvalue().encode())
    connection = http.client.HTTPConnection("127.0.0.1", server, timeout=10)
    try:
        connection.putrequest("POST", "/slack/events")
        for name, value in headers.items():
            connection.putheader(name, value.encode("latin-1"))
        connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        status = connection.getresponse().status
    finally:
        connection.close()
    assert 400 <= status < 500
    logged = log_output.getvalue()
    added = logged.encode()[before:]
    assert len(added) <= MAX_LOG_BYTES_PER_REQUEST
    assert b"Traceback" not in added and b"forged" not in added
