"""`.env.example` copied unchanged changes nothing, and shows every variable with its default."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys
from pathlib import Path

from adapters.slack.settings import SlackSettings
from bot.ops.config import environment
from bot.ops.settings import OpsSettings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / ".env.example"
COMMENTED = re.compile(r"^# ([A-Z][A-Z0-9_]+)=(.*)$", re.M)


def shown_defaults() -> dict[str, str]:
    return dict(COMMENTED.findall(EXAMPLE.read_text(encoding="utf-8")))


def test_every_line_is_a_comment_or_blank() -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.strip() and not line.startswith("#")] == []
    assert environment(EXAMPLE, real={}) == {}


def test_every_documented_variable_is_shown() -> None:
    """Each variable of the README's configuration tables has its commented line."""
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|",
                                (ROOT / "README.md").read_text(encoding="utf-8"), re.M))
    assert len(documented) >= 25
    assert documented <= set(shown_defaults())


def test_the_defaults_shown_are_the_real_defaults() -> None:
    """Uncommenting every non-blank line gives the settings of an empty environment."""
    shown = {k: v for k, v in shown_defaults().items() if v and k != "FAQ_PATH"}
    from_shown = OpsSettings.from_env(shown)
    assert dataclasses.replace(from_shown, database_variable="DATA_DIR") == \
        OpsSettings.from_env({})
    tokens = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}
    slack = SlackSettings.from_env({**tokens, "PORT": shown["PORT"],
                                    "SLACK_RESPONSE": shown["SLACK_RESPONSE"]})
    assert slack == SlackSettings.from_env(tokens)


def test_a_copied_example_lets_every_command_answer(tmp_path: Path) -> None:
    """`cp .env.example .env`, then a question: answered from the bundled knowledge base."""
    shutil.copy(EXAMPLE, tmp_path / ".env")
    result = subprocess.run([sys.executable, "-m", "app.cli", "ask", "is selank legal?"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "legal" in result.stdout.lower()
