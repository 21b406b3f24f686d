"""Shared fixtures: the real bundled knowledge base, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import KnowledgeBase
from bot.loader import load_knowledge_base
from bot.paths import bundled_faq
from bot.responder import Responder


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base(bundled_faq())


@pytest.fixture(scope="session")
def responder(kb: KnowledgeBase) -> Responder:
    return Responder(kb)


@pytest.fixture
def faq_dir(tmp_path: Path) -> Path:
    """A folder holding a copy of the bundled knowledge base, safe to edit."""
    for name in ("faq.yaml", "synonyms.yaml"):
        (tmp_path / name).write_text((bundled_faq().parent / name).read_text(encoding="utf-8"))
    return tmp_path
