"""Shared fixtures: the real bundled knowledge base, loaded once per session; databases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.knowledge import KnowledgeBase
from bot.loader import load_knowledge_base
from bot.paths import bundled_faq
from bot.rankers import Hybrid
from bot.responder import Responder

from .databases import BACKENDS, database


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


@pytest.fixture(scope="session")
def hybrid_rankers(tmp_path_factory: pytest.TempPathFactory) -> Hybrid:
    """The real model, with its vector cache in a temporary folder shared by the session."""
    return Hybrid(tmp_path_factory.mktemp("embeddings"))


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database for the store: SQLite, and PostgreSQL when TEST_DATABASE_URL is set."""
    with database(request.param, tmp_path) as url:
        yield url


# PostgreSQL outages (TEST_DATABASE_URL or a throwaway server); see tests/postgres.py.
from .postgres import pg_url, postgres  # noqa: E402, F401
