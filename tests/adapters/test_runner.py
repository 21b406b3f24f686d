"""The runner with small fake adapters that keep the adapter contract (adapters/base.py)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import socket
import subprocess
import sys
import types
from collections.abc import Iterator, Mapping
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from adapters import registry
from adapters.base import Platform
from adapters.registry import Registration
from app import runner
from bot.core.responder import Responder
from bot.ops.config import ConfigError
from bot.ops.service import Asker, BotService
from bot.ops.settings import OpsSettings
from bot.ops.store import Store


class FakeSettings:
    """Shaped like SlackSettings: from_env, a port, no secret in repr."""

    def __init__(self, token: str, port: int) -> None:
        self.token = token
        self.port = port

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> FakeSettings:
        token = env.get("FAKE_TOKEN", "")
        if not token.startswith("fake-"):
            raise ConfigError(["FAKE_TOKEN should start with fake-"])
        return cls(token, 0)


class FakeAdapter:
    """Connects at start; on stop it first finishes one reply that was still in flight."""

    def __init__(self, service: BotService, settings: FakeSettings) -> None:
        self.service = service
        self.settings = settings
        self.connected = False
        self.started = asyncio.Event()
        self.stopped = False

    async def start(self) -> None:
        self.connected = True
        self.started.set()

    async def stop(self) -> None:
        self.service.ask("a question still in flight about moon dust", Asker("fake", "U9"))
        self.connected = False
        self.stopped = True


class FakeHttpAdapter(FakeAdapter):
    """Like Slack in HTTP mode: its events arrive on the runner's server."""

    def routes(self) -> list[web.RouteDef]:
        async def events(request: web.Request) -> web.Response:
            reply = self.service.ask(await request.text(), Asker("fakehttp", "U1"))
            return web.Response(text=reply.status.value)

        return [] if getattr(self.settings, "socket_mode", False) else [
            web.post("/fake/events", events)]

    def http_port(self) -> tuple[int, str]:
        return self.settings.port, "PORT"


@pytest.fixture
def fake_platform(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A platform named `fake`, importable like adapters.slack.*, replacing the real ones."""
    settings_module = types.ModuleType("fakeplatform_settings")
    settings_module.FakeSettings = FakeSettings  # type: ignore[attr-defined]
    adapter_module = types.ModuleType("fakeplatform_app")
    adapter_module.FakeAdapter = FakeAdapter  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fakeplatform_settings", settings_module)
    monkeypatch.setitem(sys.modules, "fakeplatform_app", adapter_module)
    fakes = {
        "fake": Registration("fake", "FAKE_TOKEN", "fakeplatform_settings:FakeSettings",
                             "fakeplatform_app:FakeAdapter"),
        "absent": Registration("absent", "ABSENT_TOKEN", "no_such_module_here:X",
                               "no_such_module_here:Y"),
    }
    monkeypatch.setattr(registry, "platforms", lambda: fakes)
    yield


def test_should_select_only_configured_platforms(fake_platform: None) -> None:
    problems: list[str] = []
    assert runner.select_platforms({}, None, problems) == []
    [chosen] = runner.select_platforms({"FAKE_TOKEN": "fake-1"}, None, problems)
    assert chosen.name == "fake" and problems == []


def test_a_requested_platform_should_report_its_own_problems(fake_platform: None) -> None:
    problems: list[str] = []
    assert runner.select_platforms({}, "fake", problems) == []
    assert problems == ["FAKE_TOKEN should start with fake-"]


def test_a_token_for_a_missing_adapter_should_be_a_problem_not_a_traceback(
    fake_platform: None,
) -> None:
    problems: list[str] = []
    runner.select_platforms({"ABSENT_TOKEN": "s3cr3t-value"}, None, problems)
    assert len(problems) == 1 and problems[0].startswith("ABSENT_TOKEN is set")
    assert "s3cr3t-value" not in problems[0]


def test_main_should_list_every_problem_at_once_and_exit_2(
    fake_platform: None, capsys: pytest.CaptureFixture[str],
) -> None:
    env = {"FAKE_TOKEN": "wrong-secret-token", "LOG_LEVEL": "loud", "RETENTION_DAYS": "0"}
    assert runner.main(env=env) == 2
    err = capsys.readouterr().err
    for name in ("FAKE_TOKEN", "LOG_LEVEL", "RETENTION_DAYS"):
        assert name in err
    assert "wrong-secret-token" not in err and "Traceback" not in err


def test_secret_values_should_cover_tokens_salts_and_database_passwords() -> None:
    env = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "sig", "USER_HASH_SALT": "salt",
           "DATABASE_URL": "postgresql://bot:pg-pass@db/selank", "LOG_LEVEL": "info"}
    assert set(runner.secret_values(env)) == {"xoxb-1", "sig", "salt", "pg-pass"}


async def test_serve_should_run_adapters_share_the_server_and_shut_down_in_order(
    tmp_path: Path, responder: Responder, caplog: pytest.LogCaptureFixture,
) -> None:
    """Both adapters start, /healthz sees them, HTTP routes work; stop flushes the store."""
    caplog.set_level(logging.INFO, logger="selank.runner")
    url = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    settings = OpsSettings(faq_path=responder.kb.path, database_url=url, data_dir=tmp_path,
                           health_host="127.0.0.1", health_port=0, reload=False)
    plain = FakeSettings("fake-a", 0)
    platforms = [Platform("chat", plain, FakeAdapter), Platform("web", plain, FakeHttpAdapter)]
    built: list[FakeAdapter] = []
    all_built = asyncio.Event()

    def keep(platform: Platform) -> Platform:
        def factory(service: BotService, s: FakeSettings) -> FakeAdapter:
            adapter = platform.factory(service, s)
            assert isinstance(adapter, FakeAdapter)
            built.append(adapter)
            if len(built) == len(platforms):
                all_built.set()
            return adapter
        return Platform(platform.name, platform.settings, factory)

    stop = asyncio.Event()
    serving = asyncio.create_task(runner.serve(settings, responder, Store.open(url),
                                               [keep(p) for p in platforms], stop))
    async with asyncio.timeout(10):  # a guard against a hang, not a measurement
        await all_built.wait()
        for adapter in built:
            await adapter.started.wait()
    [started] = [r for r in caplog.records if r.getMessage() == "started"]
    base = f"http://127.0.0.1:{started.selank_fields['port']}"
    async with aiohttp.ClientSession() as session:
        async with session.get(base + "/healthz") as response:
            assert response.status == 200
            assert (await response.json())["adapters"] == {"chat": True, "web": True}
        async with session.post(base + "/fake/events", data="what is selank") as response:
            assert await response.text() == "answer"
        built[0].connected = False
        async with session.get(base + "/healthz") as response:
            assert response.status == 503
    stop.set()
    assert await serving == 0
    assert all(adapter.stopped for adapter in built)
    store = Store.open(url)
    kept = store.unanswered_since(dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    store.close()
    assert [r.question for r in kept].count("a question still in flight about moon dust") == 2


async def test_an_adapter_that_fails_to_start_should_show_as_down(
    tmp_path: Path, responder: Responder, caplog: pytest.LogCaptureFixture,
) -> None:
    failed = asyncio.Event()

    class Broken(FakeAdapter):
        async def start(self) -> None:
            failed.set()  # the runner logs the failure before this test's task resumes
            raise RuntimeError("login refused")

    caplog.set_level(logging.INFO, logger="selank.runner")
    url = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    settings = OpsSettings(faq_path=responder.kb.path, database_url=url, data_dir=tmp_path,
                           health_host="127.0.0.1", health_port=0, reload=False)
    stop = asyncio.Event()
    serving = asyncio.create_task(runner.serve(
        settings, responder, Store.open(url), [Platform("broken", FakeSettings("f", 0), Broken)],
        stop))
    async with asyncio.timeout(10):  # a guard against a hang, not a measurement
        await failed.wait()
    assert any(r.getMessage() == "adapter failed" for r in caplog.records)
    [started] = [r for r in caplog.records if r.getMessage() == "started"]
    base = f"http://127.0.0.1:{started.selank_fields['port']}"
    async with aiohttp.ClientSession() as session, session.get(base + "/healthz") as response:
        assert response.status == 503
    stop.set()
    assert await serving == 0


async def test_a_platform_refusing_its_settings_should_stop_the_process_with_2(
    tmp_path: Path, responder: Responder, caplog: pytest.LogCaptureFixture,
) -> None:
    class Refused(FakeAdapter):
        async def start(self) -> None:
            raise ConfigError(["FAKE_TOKEN was rejected by the platform"])

    caplog.set_level(logging.INFO, logger="selank.runner")
    url = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    settings = OpsSettings(faq_path=responder.kb.path, database_url=url, data_dir=tmp_path,
                           health_host="127.0.0.1", health_port=0, reload=False)
    platforms = [Platform("refused", FakeSettings("f", 0), Refused)]
    assert await runner.serve(settings, responder, Store.open(url), platforms) == 2
    assert any(r.selank_fields.get("problem") == "FAKE_TOKEN was rejected by the platform"
               for r in caplog.records if r.getMessage() == "cannot start")


def test_socket_mode_routes_should_not_move_the_health_port(responder: Responder) -> None:
    """An adapter with no routes (Slack in Socket Mode) leaves health on HEALTH_PORT."""
    class SocketSettings(FakeSettings):
        socket_mode = True

    service = BotService(responder)
    http = FakeSettings("fake-a", 3000)
    socket = SocketSettings("fake-b", 3000)
    for settings, expected in ((http, (3000, "PORT")), (socket, (8080, "HEALTH_PORT"))):
        platform = Platform("slack", settings, FakeHttpAdapter)
        routes, *port = runner._routes([platform], {"slack": platform.build(service)}, 8080)
        assert tuple(port) == expected and (len(routes) == 1) == (expected[0] == 3000)


def test_importing_the_runner_loads_no_platform_library() -> None:
    """The chat libraries load only for a platform that runs."""
    code = ("import sys, app.runner\n"
            "print(sorted(n for n in sys.modules if n.split('.')[0] in "
            "('slack_bolt', 'slack_sdk', 'discord')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_should_select_the_real_slack_and_discord_adapters_from_their_tokens() -> None:
    """With both tokens set, both real platforms are chosen; Slack HTTP mode owns the port."""
    env = {"SLACK_BOT_TOKEN": "xoxb-1-2-abc", "SLACK_SIGNING_SECRET": "signing-secret",
           "PORT": "3100", "DISCORD_TOKEN": "discord.token.value"}
    problems: list[str] = []
    chosen = runner.select_platforms(env, None, problems)
    assert problems == [] and [p.name for p in chosen] == ["slack", "discord"]
    assert runner.select_platforms(env, "discord", problems)[0].name == "discord"
    assert chosen[0].settings.port == 3100 and not chosen[0].settings.socket_mode


def test_a_blank_token_or_another_variable_alone_selects_no_platform() -> None:
    """The registered token variable alone means "configured", so a half-set environment
    (a signing secret, a blank token) neither starts a platform nor reports a problem."""
    problems: list[str] = []
    env = {"SLACK_SIGNING_SECRET": "signing-secret", "SLACK_BOT_TOKEN": "  ", "DISCORD_TOKEN": " "}
    assert runner.select_platforms(env, None, problems) == [] and problems == []


class Started(logging.Handler):
    """Sets an event when the runner logs that it has started (it runs on the loop's thread)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.event = asyncio.Event()
        self.logger = logging.getLogger("selank.runner")
        self.logger.addHandler(self)
        self.logger.setLevel(logging.INFO)

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage() == "started":
            self.event.set()

    async def wait(self) -> None:
        await self.event.wait()
        self.logger.removeHandler(self)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_real_slack_in_http_mode_should_share_the_server_with_health(
    tmp_path: Path, responder: Responder,
) -> None:
    """Slack's events route and /healthz answer on Slack's PORT; unsigned events get 401."""
    started = Started()
    port = free_port()
    env = {"SLACK_BOT_TOKEN": "xoxb-1-2-abc", "SLACK_SIGNING_SECRET": "signing-secret",
           "PORT": str(port), "SLACK_API_URL": "http://127.0.0.1:9/api/"}
    problems: list[str] = []
    platforms = runner.select_platforms(env, "slack", problems)
    url = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    settings = OpsSettings(faq_path=responder.kb.path, database_url=url, data_dir=tmp_path,
                           health_host="127.0.0.1", health_port=0, reload=False)
    stop = asyncio.Event()
    serving = asyncio.create_task(runner.serve(settings, responder, Store.open(url),
                                               platforms, stop))
    async with asyncio.timeout(10):  # a guard against a hang, not a measurement
        await started.wait()
    base = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession() as session:
        async with session.get(base + "/healthz") as response:
            assert response.status == 200
            assert (await response.json())["adapters"] == {"slack": True}
        async with session.post(base + "/slack/events", data="{}") as response:
            assert response.status == 401
    stop.set()
    assert await serving == 0
