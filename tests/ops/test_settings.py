"""OpsSettings.from_env: sensible defaults, every problem named, no value ever shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ops.config import ConfigError, environment
from bot.ops.settings import OpsSettings


def test_should_use_documented_defaults_when_nothing_is_set() -> None:
    """An empty environment is a valid one: SQLite under ./var, text logs, 10 a minute."""
    settings = OpsSettings.from_env({})
    assert settings.database_url == "sqlite:///var/selank-bot.sqlite3"
    assert (settings.log_format, settings.log_level) == ("text", "info")
    assert settings.health_port == 8080
    assert settings.rate_limit_per_minute == 10
    assert settings.retention_days == 90
    assert settings.store_question_text and settings.reload and not settings.log_questions
    assert settings.user_hash_salt is None


def test_should_put_the_database_under_data_dir() -> None:
    settings = OpsSettings.from_env({"DATA_DIR": "/srv/bot"})
    assert settings.database_url == "sqlite:////srv/bot/selank-bot.sqlite3"


def test_should_name_every_bad_variable_at_once_without_their_values() -> None:
    """Four mistakes give four problems, each naming its variable and none echoing a value."""
    env = {
        "LOG_FORMAT": "yaml-secretish",
        "RATE_LIMIT_PER_MINUTE": "lots-secretish",
        "DATABASE_URL": "mysql://bot:hunter2-password@db/selank",
        "USER_HASH_SALT": "short-salt",
        "LOG_QUESTIONS": "maybe-secretish",
    }
    with pytest.raises(ConfigError) as caught:
        OpsSettings.from_env(env)
    problems = caught.value.problems
    assert len(problems) == 5
    for name, value in env.items():
        assert any(p.startswith(name) for p in problems), name
        assert value not in str(caught.value)


def test_should_keep_secrets_out_of_repr() -> None:
    settings = OpsSettings.from_env({"USER_HASH_SALT": "a-long-enough-salt-value",
                                     "DATABASE_URL": "postgresql://u:pw-secret@h/db"})
    assert "a-long-enough-salt-value" not in repr(settings)
    assert "pw-secret" not in repr(settings)


def test_dotenv_should_fill_gaps_but_never_override_the_real_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("LOG_FORMAT=json\nRATE_LIMIT_PER_MINUTE=3\n", encoding="utf-8")
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "7")
    env = environment(dotenv)
    assert env["LOG_FORMAT"] == "json"
    assert env["RATE_LIMIT_PER_MINUTE"] == "7"


def test_a_missing_dotenv_file_should_leave_the_real_environment(tmp_path: Path) -> None:
    assert "PATH" in environment(tmp_path / "absent.env")


def test_a_blank_value_should_count_as_unset(tmp_path: Path) -> None:
    """`KEY=` in a file or the real environment never replaces a default or the file's value."""
    dotenv = tmp_path / ".env"
    dotenv.write_text("FAQ_PATH=\nLOG_FORMAT=json\nHEALTH_PORT=  \n", encoding="utf-8")
    env = environment(dotenv, real={"LOG_FORMAT": "", "PORT": " ", "LOG_LEVEL": "debug"})
    assert env == {"LOG_FORMAT": "json", "LOG_LEVEL": "debug"}
    settings = OpsSettings.from_env(env)
    assert settings.health_port == 8080 and settings.faq_path.name == "faq.yaml"
