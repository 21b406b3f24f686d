"""Embeddings kept on disk, keyed by model and text, so a restart or a reload embeds only
what changed.

Embedding every phrase of the knowledge base takes seconds; reading the vectors back takes
milliseconds. A key is the hash of the model's name and the exact text, so an edited
alternate gets a fresh vector and a vector of another model is never reused. The cache is
an optimisation only: a folder that cannot be written costs a slower start, never an answer.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from bot.matching.embedding import Encoder, Matrix

log = logging.getLogger("selank.embeddings")


def default_cache_dir(env: Mapping[str, str] = os.environ) -> Path:
    """EMBEDDING_CACHE_DIR, else $XDG_CACHE_HOME/selank-bot, else ~/.cache/selank-bot."""
    configured = env.get("EMBEDDING_CACHE_DIR", "").strip()
    if configured:
        return Path(configured)
    base = env.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "selank-bot"


class CachedEncoder:
    """An encoder that looks texts up on disk and in memory before running the model."""

    def __init__(self, encoder: Encoder, folder: Path | None) -> None:
        self._encoder = encoder
        self.name = encoder.name
        self._path = folder / f"vectors-{_slug(encoder.name)}.npz" if folder else None
        self._known: dict[str, Matrix] = self._read()

    def encode(self, texts: Sequence[str]) -> Matrix:
        """Vectors for `texts`; only the texts never seen before reach the model."""
        keys = [self._key(text) for text in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self._known))
        if missing:
            by_key = {key: text for key, text in zip(keys, texts, strict=True)}
            fresh = self._encoder.encode([by_key[k] for k in missing])
            self._known.update(zip(missing, fresh, strict=True))
        if not texts:
            return self._encoder.encode([])
        return np.stack([self._known[k] for k in keys])

    def save(self, keep: Sequence[str]) -> None:
        """Write the vectors of `keep` (the texts in use) to disk, atomically; drop the rest."""
        if self._path is None:
            return
        keys = [k for k in dict.fromkeys(self._key(t) for t in keep) if k in self._known]
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self._path.parent, suffix=".tmp",
                                             delete=False) as handle:
                np.savez(handle, keys=np.asarray(keys),
                         vectors=np.stack([self._known[k] for k in keys]) if keys
                         else np.zeros((0, 1), dtype=np.float32))
            Path(handle.name).replace(self._path)
        except OSError as error:
            log.warning("embedding cache not saved path=%s error=%s", self._path, error)

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.name}\0{text}".encode()).hexdigest()[:32]

    def _read(self) -> dict[str, Matrix]:
        if self._path is None or not self._path.exists():
            return {}
        try:
            with np.load(self._path) as stored:
                return dict(zip((str(k) for k in stored["keys"]), stored["vectors"],
                                strict=True))
        except (OSError, ValueError, KeyError) as error:
            log.warning("embedding cache unreadable, starting afresh path=%s error=%s",
                        self._path, error)
            return {}


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-." else "-" for c in name)
