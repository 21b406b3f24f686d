"""Reading settings from the environment, with failures that name the variable.

Secrets come only from the environment, and no message here ever includes a value.
"""

from __future__ import annotations

from collections.abc import Mapping


class ConfigError(Exception):
    """Configuration that cannot work; lists every problem, each naming its variable."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


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
