"""Shared fixtures: the real bundled knowledge base, loaded once per session; databases."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.content.knowledge import KnowledgeBase
from bot.content.loader import load_knowledge_base
from bot.content.paths import bundled_faq
from bot.core.responder import Responder
from bot.matching.rankers import Hybrid

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


@pytest.fixture(scope="session", autouse=True)
def embedding_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One vector cache for the session, in a temporary folder; commands the tests run as
    subprocesses inherit it, so the model embeds the knowledge base once, not per process."""
    folder = tmp_path_factory.mktemp("embeddings")
    before = os.environ.get("EMBEDDING_CACHE_DIR")
    os.environ["EMBEDDING_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("EMBEDDING_CACHE_DIR", None)
    else:
        os.environ["EMBEDDING_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def hybrid_rankers(embedding_cache: Path) -> Hybrid:
    """The real model, with the session's vector cache."""
    return Hybrid(embedding_cache)


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database for the store: SQLite, and PostgreSQL when TEST_DATABASE_URL is set."""
    with database(request.param, tmp_path) as url:
        yield url


# PostgreSQL outages (TEST_DATABASE_URL or a throwaway server); see tests/postgres.py.
from .postgres import pg_url, postgres  # noqa: E402, F401
