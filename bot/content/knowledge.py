"""The knowledge base as plain, immutable values: what the loader produces and the matcher reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Comparison:
    """A side-by-side table: one row per feature, one value per column."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """One curated question and its answer, with the ways people ask it."""

    id: str
    question: str
    alternates: tuple[str, ...]
    answer: str
    source: str
    reviewed: dt.date
    keywords: tuple[str, ...] = ()
    key_point: str | None = None
    related: tuple[str, ...] = ()
    comparison: Comparison | None = None


@dataclass(frozen=True, slots=True)
class Texts:
    """The bot's own replies, which an admin may rewrite for their community."""

    safety: str
    help: str
    fallback: str


@dataclass(frozen=True, slots=True)
class SafetyTexts:
    """The safety reply in one language: for the writer, for someone helping another, lines."""

    self_text: str
    other_text: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class KnowledgeBase:
    """A validated knowledge base; the only kind the rest of the core ever sees."""

    path: Path
    disclaimer: str
    source_title: str
    texts: Texts
    emergency_lines: tuple[str, ...]
    help_examples: tuple[str, ...]
    synonyms: Mapping[str, str]
    entries: tuple[Entry, ...]
    not_covered: tuple[str, ...] = ()
    """Subjects the source never covers (other peptides, countries, storage, prices): a
    question naming one is never answered by an entry that does not mention it."""
    safety: Mapping[str, SafetyTexts] = field(default_factory=dict)
    """Safety replies by language code; `en` is always there (the loader sees to it)."""
    safety_net: str = "If you or someone near you is in danger, call your local emergency number."
    """The line every "I don't know" and "did you mean" reply carries."""

    @cached_property
    def _by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}

    def safety_texts(self, lang: str) -> SafetyTexts:
        """The safety reply in `lang`, or in English when the file has none in that language."""
        found = self.safety.get(lang) or self.safety.get("en")
        if found is None:
            return SafetyTexts(self.texts.safety, self.texts.safety, self.emergency_lines)
        return found

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None when there is none."""
        return self._by_id.get(entry_id)
