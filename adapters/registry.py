"""The chat platforms this build can run, each registered by its own package.

A platform package (`adapters/slack/`, `adapters/discord/`) calls `register` in its
`__init__.py`, naming the variable that means "configured" and where its settings and
adapter classes live; those modules, and the platform's library, are imported only when the
platform runs. The command line's choices, the runner and its messages read this registry,
so adding a platform is a new package here and no edit under `bot/` or `app/`.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Registration:
    """One platform: its name, its token variable, and its classes as `module:Class`."""

    name: str
    token: str
    settings: str
    adapter: str
    position: int = 100
    """Where it comes in listings and start-up order (lower first)."""


_REGISTERED: dict[str, Registration] = {}


def register(registration: Registration) -> None:
    """Add a platform; registering the same name again replaces it."""
    _REGISTERED[registration.name] = registration


def platforms() -> dict[str, Registration]:
    """Every platform whose package is in this build, by name, in the order registered."""
    import adapters

    for module in pkgutil.iter_modules(adapters.__path__, "adapters."):
        if module.ispkg:
            importlib.import_module(module.name)  # its __init__ registers it, cheaply
    ordered = sorted(_REGISTERED.values(), key=lambda r: (r.position, r.name))
    return {r.name: r for r in ordered}


def load(path: str) -> object:
    """The object a `module:attribute` path names."""
    module, _, attribute = path.partition(":")
    return getattr(importlib.import_module(module), attribute)
