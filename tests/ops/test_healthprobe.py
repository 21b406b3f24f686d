"""The HEALTHCHECK probe: the port `run` really serves on, whatever is blank or unset."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core.responder import Responder
from bot.ops.health import HttpServer, health_app
from bot.ops.healthprobe import main, probe_url
from bot.ops.metrics import Metrics

SLACK_HTTP = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}


@pytest.mark.parametrize(("env", "url"), [
    ({}, "http://127.0.0.1:8080/healthz"),
    ({"PORT": "", "HEALTH_PORT": ""}, "http://127.0.0.1:8080/healthz"),
    ({"HEALTH_PORT": " 9090 ", "PORT": "4000"}, "http://127.0.0.1:9090/healthz"),
    ({**SLACK_HTTP, "PORT": "", "HEALTH_PORT": ""}, "http://127.0.0.1:3000/healthz"),
    ({**SLACK_HTTP, "PORT": "4000"}, "http://127.0.0.1:4000/healthz"),
    ({**SLACK_HTTP, "SLACK_APP_TOKEN": "xapp-1", "PORT": "4000", "HEALTH_PORT": "9090"},
     "http://127.0.0.1:9090/healthz"),
    ({"HEALTH_HOST": "0.0.0.0"}, "http://127.0.0.1:8080/healthz"),
    ({"HEALTH_HOST": "10.1.2.3"}, "http://10.1.2.3:8080/healthz"),
    ({"HEALTH_HOST": "::1"}, "http://[::1]:8080/healthz"),
], ids=["unset", "blank", "health-port", "slack-http-blank", "slack-http-port",
        "socket-mode", "any-address", "one-address", "ipv6"])
def test_should_probe_the_port_the_runner_listens_on(env: dict[str, str], url: str) -> None:
    assert probe_url(env) == url


@pytest.fixture
async def health(responder: Responder) -> AsyncIterator[tuple[int, dict[str, bool]]]:
    states: dict[str, bool] = {"slack": True}
    server = HttpServer(health_app(responder, Metrics(), lambda: states), "127.0.0.1", 0)
    await server.start()
    yield server.port, states
    await server.stop()


async def test_should_pass_on_200_and_fail_on_503(
    health: tuple[int, dict[str, bool]], capsys: pytest.CaptureFixture[str],
) -> None:
    port, states = health
    env = {"HEALTH_PORT": str(port), "PORT": ""}
    assert await asyncio.to_thread(main, env) == 0
    states["slack"] = False
    assert await asyncio.to_thread(main, env) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"healthy: http://127.0.0.1:{port}/healthz: 200",
        f"unhealthy: http://127.0.0.1:{port}/healthz: 503",
    ]


def test_should_fail_when_nothing_listens(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused
        port = taken.getsockname()[1]
        assert main({"HEALTH_PORT": str(port)}) == 1
    assert capsys.readouterr().out.startswith("unhealthy: ")


async def test_module_should_read_dotenv_under_blank_real_variables(
    health: tuple[int, dict[str, bool]], tmp_path: Path,
) -> None:
    """As in the image: `python -m bot.ops.healthprobe`, HEALTH_PORT blank in the environment."""
    port, _ = health
    (tmp_path / ".env").write_text(f"HEALTH_PORT={port}\n", encoding="utf-8")
    env = {**os.environ, "HEALTH_PORT": "", "PORT": "", "SLACK_BOT_TOKEN": ""}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.ops.healthprobe", cwd=tmp_path, env=env,
        stdout=subprocess.PIPE)
    out, _ = await process.communicate()
    assert process.returncode == 0, out
    assert out.decode().strip() == f"healthy: http://127.0.0.1:{port}/healthz: 200"
