"""The operations settings (logs, store, limits, health), read once by the composition root.

Nothing here runs at import time: `OpsSettings.from_env` is called with a mapping, so tests
pass a dict and the process passes `bot.ops.config.environment()` (the real environment over
`.env`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.content.paths import default_faq_path
from bot.ops.config import ConfigError, optional_bool, optional_choice, optional_int

LOG_FORMATS = ("text", "json")
LOG_LEVELS = ("info", "debug", "warning", "error")
DATABASE_SCHEMES = ("sqlite", "postgresql", "postgresql+psycopg")
MIN_SALT_LENGTH = 16


@dataclass(frozen=True, slots=True)
class OpsSettings:
    """How the process logs, stores, limits and reports on itself; secrets stay out of repr."""

    faq_path: Path
    data_dir: Path = Path("var")
    database_url: str = field(default="", repr=False)
    log_format: str = "text"
    log_level: str = "info"
    log_questions: bool = False
    health_host: str = "0.0.0.0"
    health_port: int = 8080
    rate_limit_per_minute: int = 10
    store_question_text: bool = True
    retention_days: int = 90
    user_hash_salt: str | None = field(default=None, repr=False)
    reload: bool = True
    database_variable: str = "DATA_DIR"  # the setting behind database_url, for messages

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> OpsSettings:
        """Read and check every variable; raise one ConfigError naming each bad one."""
        problems: list[str] = []
        data_dir = Path(env.get("DATA_DIR", "").strip() or "var")
        database_url = env.get("DATABASE_URL", "").strip() or _sqlite_url(data_dir)
        scheme = database_url.partition("://")[0].lower()
        if "://" not in database_url or scheme not in DATABASE_SCHEMES:
            problems.append("DATABASE_URL should start with sqlite:/// or postgresql://")
        salt = env.get("USER_HASH_SALT", "").strip() or None
        if salt is not None and len(salt) < MIN_SALT_LENGTH:
            problems.append(f"USER_HASH_SALT should be at least {MIN_SALT_LENGTH} characters "
                            "(or unset, to generate one and keep it in the database)")
        settings = cls(
            faq_path=default_faq_path(env),
            data_dir=data_dir,
            database_url=database_url,
            log_format=optional_choice(env, "LOG_FORMAT", LOG_FORMATS, problems),
            log_level=optional_choice(env, "LOG_LEVEL", LOG_LEVELS, problems),
            log_questions=optional_bool(env, "LOG_QUESTIONS", False, problems),
            health_host=env.get("HEALTH_HOST", "").strip() or "0.0.0.0",
            health_port=optional_int(env, "HEALTH_PORT", 8080, problems, minimum=0,
                                     maximum=65535),
            rate_limit_per_minute=optional_int(env, "RATE_LIMIT_PER_MINUTE", 10, problems,
                                               minimum=0),
            store_question_text=optional_bool(env, "STORE_QUESTION_TEXT", True, problems),
            retention_days=optional_int(env, "RETENTION_DAYS", 90, problems, minimum=1),
            user_hash_salt=salt,
            reload=optional_bool(env, "RELOAD", True, problems),
            database_variable="DATABASE_URL" if env.get("DATABASE_URL", "").strip()
            else "DATA_DIR",
        )
        if problems:
            raise ConfigError(problems)
        return settings


def _sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'selank-bot.sqlite3'}"
