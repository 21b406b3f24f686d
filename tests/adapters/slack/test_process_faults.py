"""`selank-bot run slack` as a real process, answering real HTTP, under faults.

SIGKILL while the database cannot take writes; PostgreSQL hung at SIGTERM; a full disk and
a read-only DATA_DIR at start. Answers never wait for the store, and nothing the user was
answered or thanked for is lost: it is replayed from the spool on the next start.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
import pytest
import sqlalchemy as sa

from adapters.slack.render import ACTION_FEEDBACK_UP

from ...postgres import Postgres
from ...tcpproxy import TcpProxy
from .conftest import (
    BOT_TOKEN,
    SIGNING_SECRET,
    FakeSlack,
    fixture,
    signed_headers,
)

STOP_BOUND_SECONDS = 20  # a hang shows as a timeout here; the figure itself is not asserted
ENV_DROPPED = ("SLACK_APP_TOKEN", "DISCORD_TOKEN", "FAQ_PATH", "DATABASE_URL", "LOG_QUESTIONS")


@dataclass
class Bot:
    process: asyncio.subprocess.Process
    url: str
    log: list[dict[str, object]]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def running(tmp_path: Path, slack: FakeSlack, **env: str) -> AsyncIterator[Bot]:
    """The bot in Slack HTTP mode on a free port, until the block ends (then killed)."""
    port = _free_port()
    environment = {k: v for k, v in os.environ.items() if k not in ENV_DROPPED}
    environment |= {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                    "SLACK_API_URL": slack.api_url, "PORT": str(port),
                    "HEALTH_HOST": "127.0.0.1", "DATA_DIR": str(tmp_path / "var"),
                    "LOG_FORMAT": "json", "RELOAD": "false", "RATE_LIMIT_PER_MINUTE": "0",
                    **env}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app.cli", "run", "slack", cwd=tmp_path, env=environment,
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    bot = Bot(process, f"http://127.0.0.1:{port}", [])
    reader = asyncio.create_task(_read_log(bot))
    try:
        async with asyncio.timeout(30):
            while not any(e.get("event") == "started" for e in bot.log):
                if process.returncode is not None or reader.done():
                    raise AssertionError(f"the bot did not start: {bot.log}")
                await asyncio.sleep(0.05)
        yield bot
    finally:
        if process.returncode is None:
            process.kill()
        await process.wait()
        await reader


async def _read_log(bot: Bot) -> None:
    assert bot.process.stderr is not None
    async for line in bot.process.stderr:
        try:
            bot.log.append(json.loads(line))
        except ValueError:
            bot.log.append({"event": "not json", "line": line.decode(errors="replace")})


async def _post(bot: Bot, body: str) -> int:
    headers = signed_headers(body, "application/x-www-form-urlencoded")
    async with aiohttp.ClientSession() as session, session.post(
            f"{bot.url}/slack/events", data=body.encode(), headers=headers) as response:
        return response.status


async def _ask_and_vote(bot: Bot, slack: FakeSlack, questions: int, votes: int) -> None:
    """Slash commands and 👍 presses; returns once every answer and thanks has arrived."""
    for n in range(questions):
        form = fixture("slash_command") | {"text": f"unknown topic number {n} zebra",
                                           "response_url": slack.response_url(f"q{n}")}
        assert await _post(bot, urlencode(form)) == 200
    for n in range(votes):
        payload = fixture("block_actions")
        payload["actions"][0].update({"action_id": ACTION_FEEDBACK_UP,
                                      "value": "selank:fb:up:dosage"})
        payload["response_url"] = slack.response_url(f"v{n}")
        assert await _post(bot, urlencode({"payload": json.dumps(payload)})) == 200
    for n in range(questions):
        await slack.wait_for(f"/respond/q{n}")
    for n in range(votes):
        await slack.wait_for(f"/respond/v{n}")


def _counts(url: str) -> tuple[int, int]:
    """(questions counted, feedback rows) in the database at `url`."""
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            asked = conn.execute(sa.text("SELECT COALESCE(SUM(count), 0) FROM outcome_counts"))
            voted = conn.execute(sa.text("SELECT COUNT(*) FROM feedback"))
            return int(asked.scalar_one()), int(voted.scalar_one())
    finally:
        engine.dispose()


async def _wait_for_counts(url: str, expected: tuple[int, int]) -> tuple[int, int]:
    async with asyncio.timeout(30):
        while (found := await asyncio.to_thread(_counts, url)) != expected:  # noqa: ASYNC110
            await asyncio.sleep(0.1)  # another process writes the database: nothing to await
    return found


@contextmanager
def _locked(database: Path) -> Iterator[None]:
    """Hold SQLite's write lock, so the bot's writes wait (busy) until released."""
    conn = sqlite3.connect(database, timeout=10, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


async def test_sigkill_should_lose_no_answered_question_and_no_thanked_vote(
    tmp_path: Path, fake_slack: FakeSlack,
) -> None:
    """The database is busy, the bot answers 12 and thanks 6, then is SIGKILLed: none lost."""
    database = tmp_path / "var" / "selank-bot.sqlite3"
    url = f"sqlite:///{database}"
    async with running(tmp_path, fake_slack) as bot:
        with _locked(database):
            await _ask_and_vote(bot, fake_slack, questions=12, votes=6)
            bot.process.send_signal(signal.SIGKILL)
            await bot.process.wait()
    assert await asyncio.to_thread(_counts, url) == (0, 0)  # nothing reached the database
    async with running(tmp_path, fake_slack) as bot:  # the next start replays the spool
        assert await _wait_for_counts(url, (12, 6)) == (12, 6)


async def test_sigterm_with_postgres_hung_should_exit_promptly_and_keep_the_rows(
    tmp_path: Path, fake_slack: FakeSlack, postgres: Postgres, pg_url: str,
) -> None:
    """Hung PostgreSQL: answers still go out, SIGTERM exits in bounded time, rows replay."""
    proxy = TcpProxy(postgres.host, postgres.port)
    try:
        via_proxy = proxy.url(pg_url)
        async with running(tmp_path, fake_slack, DATABASE_URL=via_proxy) as bot:
            proxy.hang()
            await _ask_and_vote(bot, fake_slack, questions=5, votes=2)
            started = time.monotonic()
            bot.process.send_signal(signal.SIGTERM)
            async with asyncio.timeout(STOP_BOUND_SECONDS):
                code = await bot.process.wait()
            stopped_in = time.monotonic() - started
            assert code == 0
        print(f"SIGTERM with PostgreSQL hung: exited in {stopped_in:.1f} s")
        proxy.close()
        proxy = TcpProxy(postgres.host, postgres.port)  # the server answers again
        async with running(tmp_path, fake_slack, DATABASE_URL=proxy.url(pg_url)):
            assert await _wait_for_counts(pg_url, (5, 2)) == (5, 2)
    finally:
        proxy.close()


@pytest.fixture
def small_mount(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs (root only): filled up, or remounted read-only, by the test."""
    folder = tmp_path / "mnt"
    folder.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                            capture_output=True)
    if result.returncode != 0:
        pytest.skip("mounting a small tmpfs needs root: cannot make a full or read-only disk")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _break(mount: Path, fault: str) -> None:
    """Fill the disk to the last byte (DATA_DIR already there), or make it read-only."""
    if fault == "read-only":
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        return
    (mount / "var").mkdir()
    with (mount / "filler").open("wb", buffering=0) as handle, pytest.raises(OSError):
        while True:
            handle.write(b"\0" * 65536)


@pytest.mark.parametrize("fault", ["full", "read-only"])
async def test_should_start_and_answer_with_a_full_or_read_only_data_dir(
    tmp_path: Path, fake_slack: FakeSlack, small_mount: Path, fault: str,
) -> None:
    """The restart that exited 2 now answers, and says the store is degraded."""
    await asyncio.to_thread(_break, small_mount, fault)
    async with running(tmp_path, fake_slack, DATA_DIR=str(small_mount / "var")) as bot:
        await _ask_and_vote(bot, fake_slack, questions=2, votes=1)
        async with aiohttp.ClientSession() as session, session.get(
                f"{bot.url}/healthz") as response:
            health = await response.json()
    assert health["status"] == "degraded"
    assert health["store"]["status"] == "degraded"
    events = {e.get("event") for e in bot.log}
    assert {"store unavailable", "spool unavailable"} <= events
    assert not any("Traceback" in json.dumps(e) for e in bot.log)

