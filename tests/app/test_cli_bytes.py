"""The CLI under a strict UTF-8 locale (en_US.UTF-8): any bytes in, valid UTF-8 out, no crash.

The machine's default C.UTF-8 makes Python's standard streams lenient (surrogateescape),
which hid these crashes. en_US.UTF-8 makes them strict, as on most desktops and servers.
If that locale is not installed, PYTHONIOENCODING=utf-8:strict reproduces the same strict
streams (and PYTHONUTF8=0 keeps UTF-8 mode from relaxing them).
"""

from __future__ import annotations

import json
import locale
import os
import subprocess
import sys

import pytest

STRICT_LOCALE = "en_US.UTF-8"


def _strict_env() -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith(("LC_", "PYTHONIO", "PYTHONUTF8", "LANG", "FAQ_PATH"))}
    try:
        previous = locale.setlocale(locale.LC_CTYPE)
        locale.setlocale(locale.LC_CTYPE, STRICT_LOCALE)
        locale.setlocale(locale.LC_CTYPE, previous)
    except locale.Error:
        return environment | {"LANG": "C.UTF-8", "PYTHONUTF8": "0",
                              "PYTHONIOENCODING": "utf-8:strict"}
    return environment | {"LANG": STRICT_LOCALE, "LC_ALL": STRICT_LOCALE, "PYTHONUTF8": "0"}


def run(args: list[bytes], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable.encode(), b"-m", b"app.cli", *args], input=stdin,
                          capture_output=True, timeout=60, env=_strict_env(), check=False)


def _json_lines(out: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


def test_the_streams_are_strict_in_this_environment() -> None:
    """Guard: without strict streams the tests below could not fail."""
    probe = subprocess.run([sys.executable, "-c", "import sys; print(sys.stdin.errors)"],
                           capture_output=True, text=True, env=_strict_env(), check=True)
    assert probe.stdout.strip() == "strict"


def test_ask_should_answer_every_line_around_an_invalid_byte() -> None:
    """`printf 'what is selank\\n\\xff\\n' | selank-bot ask`: two answers, exit 0."""
    result = run([b"ask"], b"what is selank\n\xff\n")
    assert result.returncode == 0, result.stderr
    first, second = _json_lines(result.stdout)
    assert first["question"] == "what is selank" and first["status"] == "answer"
    assert second["question"] == "\ufffd"
    assert b"Traceback" not in result.stderr


def test_ask_json_should_take_an_invalid_byte_in_argv() -> None:
    """`ask --json $'x \\xff'`: one valid JSON object, exit 0."""
    result = run([b"ask", b"--json", b"x \xff"])
    assert result.returncode == 0, result.stderr
    [reply] = _json_lines(result.stdout)
    assert reply["question"] == "x \ufffd"


@pytest.mark.parametrize(("ending", "lines"), [(b"\r", 3), (b"\n", 3), (b"\r\n", 3)])
def test_ask_should_treat_cr_lf_and_crlf_as_line_ends(ending: bytes, lines: int) -> None:
    stdin = ending.join([b"what is selank", b"is it addictive", b"dosage"]) + ending
    result = run([b"ask"], stdin)
    assert result.returncode == 0, result.stderr
    assert [r["question"] for r in _json_lines(result.stdout)] == [
        "what is selank", "is it addictive", "dosage"][:lines]


def test_chat_should_survive_invalid_bytes() -> None:
    result = run([b"chat"], b"\xff\xfe hello\nwhat is selank\nquit\n")
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    result.stdout.decode("utf-8")  # valid UTF-8, whatever came in
