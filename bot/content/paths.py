"""Where the knowledge base lives: FAQ_PATH when set, else the copy inside the package.

The bundled files are package data (`bot/content/data/`), found with importlib.resources, so a
wheel installed anywhere answers from an empty folder; never from the working directory.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

KB_FILES = ("faq.yaml", "synonyms.yaml")


def bundled_kb() -> Traversable:
    """The package's knowledge base folder, wherever (and however) the package is installed."""
    return resources.files("bot.content") / "data"


@functools.cache
def bundled_faq() -> Path:
    """A real file path to the bundled `faq.yaml`, its synonym table beside it.

    The loader and the live reload need a folder on disk; an installed wheel gives one
    directly. Only a zipped install gets a one-off copy in a temporary folder.
    """
    folder = bundled_kb()
    if isinstance(folder, Path):
        return folder / KB_FILES[0]
    copy = Path(tempfile.mkdtemp(prefix="selank-kb-"))
    return copy_kb(copy)


def copy_kb(target: Path, overwrite: bool = False) -> Path:
    """Copy the bundled knowledge base into `target` for editing; returns the new faq.yaml.

    Refuses to replace files that are already there unless `overwrite`, so an admin's
    edits are never lost to a second `init-kb`.
    """
    existing = [target / name for name in KB_FILES if (target / name).exists()]
    if existing and not overwrite:
        raise FileExistsError(existing[0])
    target.mkdir(parents=True, exist_ok=True)
    for name in KB_FILES:
        (target / name).write_bytes((bundled_kb() / name).read_bytes())
    return target / KB_FILES[0]


def default_faq_path(env: Mapping[str, str]) -> Path:
    """The knowledge base to load when no `--faq` is given: FAQ_PATH, else the bundled one."""
    configured = env.get("FAQ_PATH", "").strip()
    return Path(configured) if configured else bundled_faq()
