"""Log lines: one per event, text or JSON, and never a secret, whoever logs it."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.ops.logging_setup import REDACTED, configure_logging, log_event


@pytest.fixture(autouse=True)
def _restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_json_format_should_give_one_object_per_line_with_the_fields() -> None:
    out = io.StringIO()
    configure_logging("json", "info", stream=out)
    log_event(logging.getLogger("selank.test"), "question", platform="slack", score=0.5,
              entry=None)
    line = json.loads(out.getvalue())
    assert line["event"] == "question" and line["platform"] == "slack"
    assert line["score"] == 0.5 and "entry" not in line


def test_text_format_should_give_key_value_pairs() -> None:
    out = io.StringIO()
    configure_logging("text", "info", stream=out)
    log_event(logging.getLogger("selank.test"), "question", platform="discord",
              question="is it safe")
    text = out.getvalue()
    assert text.count("\n") == 1
    assert "question platform=discord" in text and 'question="is it safe"' in text


def test_should_scrub_secret_values_from_any_logger() -> None:
    """Even a library that logs a token verbatim cannot leak it."""
    out = io.StringIO()
    configure_logging("text", "debug", secrets=["xoxb-123-secret-token"], stream=out)
    logging.getLogger("slack_sdk").warning("calling with token xoxb-123-secret-token")
    assert "xoxb-123-secret-token" not in out.getvalue()
    assert REDACTED in out.getvalue()


def test_text_format_should_quote_a_value_that_could_forge_a_line() -> None:
    """A question holding a newline stays on its own log line."""
    out = io.StringIO()
    configure_logging("text", "info", stream=out)
    log_event(logging.getLogger("selank.test"), "question",
              question="hi\nstopped adapters=none\tx")
    assert out.getvalue().count("\n") == 1
    assert '"hi\\nstopped adapters=none\\tx"' in out.getvalue()
