"""Reading settings from the environment, with failures that name the variable.

Every command reads its settings through `environment()`: the real environment first, then
`./.env` for what it leaves unset. Secrets come only from there, and no message here ever
includes a value.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import dotenv_values


class ConfigError(Exception):
    """Configuration that cannot work; lists every problem, each naming its variable."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


def environment(dotenv_path: Path | None = None,
                real: Mapping[str, str] | None = None) -> dict[str, str]:
    """The real environment over `./.env` (or `dotenv_path`), with blank values left out.

    A blank value means unset everywhere, so `KEY=` copied from `.env.example` or passed by
    `docker run --env-file` never replaces a default, and a blank real variable lets the
    file's value through. The file never overrides a real, non-blank variable.
    """
    path = dotenv_path if dotenv_path is not None else Path.cwd() / ".env"
    from_file = {k: v for k, v in dotenv_values(path).items() if v is not None and v.strip()}
    live = {k: v for k, v in (os.environ if real is None else real).items() if v.strip()}
    return {**from_file, **live}


def require(env: Mapping[str, str], name: str, problems: list[str], hint: str = "") -> str:
    """The variable's value, or "" with a problem recorded when it is unset or blank."""
    value = env.get(name, "").strip()
    if not value:
        problems.append(f"{name} is not set{': ' + hint if hint else ''}")
    return value


def optional_int(
    env: Mapping[str, str], name: str, default: int, problems: list[str],
    minimum: int = 0, maximum: int | None = None,
) -> int:
    """An integer variable within bounds, or the default when unset."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        problems.append(f"{name} should be a whole number")
        return default
    if value < minimum or (maximum is not None and value > maximum):
        upper = f" and {maximum}" if maximum is not None else ""
        problems.append(f"{name} should be between {minimum}{upper}" if upper
                        else f"{name} should be at least {minimum}")
        return default
    return value


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def optional_bool(env: Mapping[str, str], name: str, default: bool, problems: list[str]) -> bool:
    """A yes/no variable (true/false, 1/0, yes/no, on/off), or the default when unset."""
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    problems.append(f"{name} should be true or false")
    return default


def optional_choice(
    env: Mapping[str, str], name: str, choices: tuple[str, ...], problems: list[str],
) -> str:
    """One of a few words (case-insensitive); the first choice is the default."""
    raw = env.get(name, "").strip().lower()
    if not raw:
        return choices[0]
    if raw not in choices:
        problems.append(f"{name} should be one of: {', '.join(choices)}")
        return choices[0]
    return raw


def optional_url(env: Mapping[str, str], name: str, schemes: tuple[str, ...],
                 problems: list[str]) -> str | None:
    """A URL with one of `schemes` and a host, or None when unset (trailing `/` removed)."""
    raw = env.get(name, "").strip()
    if not raw:
        return None
    parts = urlsplit(raw)
    if parts.scheme not in schemes or not parts.netloc:
        starts = " or ".join(f"{scheme}://" for scheme in schemes)
        problems.append(f"{name} should be a URL starting with {starts}")
        return None
    return raw.rstrip("/")
