"""Shared fixtures: the real bundled knowledge base, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import KnowledgeBase
from bot.loader import load_knowledge_base
from bot.paths import BUNDLED_FAQ
from bot.rankers import Hybrid
from bot.responder import Responder


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base(BUNDLED_FAQ)


@pytest.fixture(scope="session")
def responder(kb: KnowledgeBase) -> Responder:
    return Responder(kb)


@pytest.fixture
def faq_dir(tmp_path: Path) -> Path:
    """A folder holding a copy of the bundled knowledge base, safe to edit."""
    for name in ("faq.yaml", "synonyms.yaml"):
        (tmp_path / name).write_text((BUNDLED_FAQ.parent / name).read_text(encoding="utf-8"))
    return tmp_path


@pytest.fixture(scope="session")
def hybrid_rankers(tmp_path_factory: pytest.TempPathFactory) -> Hybrid:
    """The real model, with its vector cache in a temporary folder shared by the session."""
    return Hybrid(tmp_path_factory.mktemp("embeddings"))


# PostgreSQL (TEST_DATABASE_URL or a throwaway server); see tests/postgres.py.
from .postgres import pg_url, postgres  # noqa: E402, F401
