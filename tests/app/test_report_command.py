"""`selank-bot report`: DATABASE_URL read, every output written, a corrupt database named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from bot.core.reply import Status
from bot.ops.outcomes import QuestionOutcome
from bot.ops.store import Store


def test_the_report_command_should_read_database_url_and_give_json_html_and_a_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    database = tmp_path / "cli.sqlite3"
    store = Store.open(f"sqlite:///{database}")
    store.record_question(QuestionOutcome("slack", "U1", "can I drink coffee with selank",
                                          Status.FALLBACK))
    store.close()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    assert main(["report", "--json", "--days", "7"]) == 0
    assert json.loads(capsys.readouterr().out)["unanswered"][0]["count"] == 1
    assert main(["report", "--html", str(tmp_path / "r.html")]) == 0
    assert "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert main(["report"]) == 0
    assert "coffee" in capsys.readouterr().out


def test_the_report_command_should_name_a_corrupt_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    database = tmp_path / "garbage.sqlite3"
    database.write_bytes(b"garbage" * 500)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    assert main(["report"]) == 2
    assert str(database) in capsys.readouterr().err
