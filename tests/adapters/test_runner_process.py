"""`selank-bot run` as a real process: clean exit 0 on SIGTERM and Ctrl-C, clear config errors.

No chat platform can run here, so the process runs `run --headless`, or plain `run` with no
token and no terminal (idle): the same runner, health server, reload task and store, with
no adapter. The terminal-chat fallback (no tokens, a terminal) is in tests/app/test_cli.py.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

TOKENS = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "DISCORD_TOKEN", "FAQ_PATH", "DATABASE_URL")


def start(tmp_path: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    environment = {k: v for k, v in os.environ.items() if k not in TOKENS}
    environment.update({"HEALTH_PORT": "0", "HEALTH_HOST": "127.0.0.1",
                        "DATA_DIR": str(tmp_path / "var"), **env})
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "run", *args], cwd=tmp_path, env=environment,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def wait_for_port(process: subprocess.Popen[str], seen: list[str] | None = None) -> int:
    """Read log lines until the runner says it has started; return the health port."""
    assert process.stderr is not None
    for line in process.stderr:
        event = json.loads(line)
        if seen is not None:
            seen.append(event["event"])
        if event["event"] == "started":
            return int(event["port"])
    raise AssertionError(f"the runner exited with {process.wait()} before starting")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_run_should_serve_health_then_exit_0_on_a_signal(tmp_path: Path, signum: int) -> None:
    process = start(tmp_path, "--headless", LOG_FORMAT="json")
    try:
        port = wait_for_port(process)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as response:
            assert response.status == 200
            assert json.load(response)["knowledge_base"]["loaded"] is True
        process.send_signal(signum)
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    events = [json.loads(line)["event"] for line in err.splitlines()]
    # Background start-up work (retention) may log after "stopping"; "stopped" is always last.
    assert events[-1] == "stopped" and "stopping" in events
    assert (tmp_path / "var" / "selank-bot.sqlite3").exists()


def test_run_should_refuse_bad_settings_naming_each_without_values(tmp_path: Path) -> None:
    process = start(tmp_path, "--headless", LOG_FORMAT="fancy", HEALTH_PORT="99999",
                    USER_HASH_SALT="tiny-secret")
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 2
    assert "LOG_FORMAT" in err and "HEALTH_PORT" in err and "USER_HASH_SALT" in err
    assert "tiny-secret" not in err and "Traceback" not in err


def test_run_should_name_a_corrupt_database_and_exit_2(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not sqlite" * 300)
    process = start(tmp_path, "--headless", DATABASE_URL=f"sqlite:///{garbage}")
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 2
    assert str(garbage) in err and "Traceback" not in err


def test_run_should_read_a_dotenv_file_in_the_working_folder(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("LOG_FORMAT=nonsense\n", encoding="utf-8")
    process = start(tmp_path, "--headless")
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 2 and "LOG_FORMAT" in err


def test_run_without_a_platform_or_a_terminal_should_idle_not_exit(tmp_path: Path) -> None:
    """A container with no token and no TTY: /healthz says why it is idle; no restart loop."""
    process = start(tmp_path, LOG_FORMAT="json")
    events: list[str] = []
    try:
        port = wait_for_port(process, events)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as response:
            assert response.status == 200
            body = json.load(response)
        assert process.poll() is None  # still running
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert body["status"] == "idle" and body["adapters"] == {}
    assert "no chat platform is configured" in body["message"]
    assert process.returncode == 0
    assert events[0] == "idle"


def one_line_failure(process: subprocess.Popen[str]) -> str:
    """The process's whole standard error, checked to be one line and no traceback."""
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 2, err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("Cannot start: ") and "Traceback" not in err
    return err


def test_a_busy_port_should_be_one_line_naming_the_variable(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        err = one_line_failure(start(tmp_path, HEALTH_PORT=str(port)))  # idle path
    assert f"127.0.0.1:{port}" in err and "HEALTH_PORT" in err


def test_a_data_dir_that_cannot_hold_the_database_should_name_data_dir(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x", encoding="utf-8")
    err = one_line_failure(start(tmp_path, DATA_DIR=str(not_a_folder / "var")))  # idle path
    assert str(not_a_folder) in err and "DATA_DIR" in err


@pytest.mark.parametrize("url", ["postgresql://bot:pw-secret@db:not-a-port/selank",
                                 "sqlite:///:memory:"],
                         ids=["malformed", "in-memory"])
def test_a_bad_database_url_should_name_database_url(tmp_path: Path, url: str) -> None:
    err = one_line_failure(start(tmp_path, "--headless", DATABASE_URL=url))
    assert "DATABASE_URL" in err and "pw-secret" not in err
