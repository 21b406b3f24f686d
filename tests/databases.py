"""Databases for the store tests: a SQLite file always, PostgreSQL when TEST_DATABASE_URL is set.

Each PostgreSQL test gets a database of its own, created on the server TEST_DATABASE_URL
names (`.ci/postgres.sh` starts a throwaway one) and dropped afterwards. In CI (`CI=true`)
a missing TEST_DATABASE_URL fails the test instead of skipping it, so the PostgreSQL path
cannot silently stop being tested.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

BACKENDS = ["sqlite", "postgresql"]


def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'data' / 'bot.sqlite3'}"


def engine(url: str | URL, **options: Any) -> sa.Engine:
    """An engine for a test's own checks, with the driver the store uses (psycopg 3)."""
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return sa.create_engine(parsed, **options)


def server_url() -> URL:
    """TEST_DATABASE_URL, or a skip (a failure when CI=true) saying how to set it."""
    raw = os.environ.get("TEST_DATABASE_URL", "").strip()
    if not raw:
        reason = ("TEST_DATABASE_URL is not set: give it a postgresql:// URL of a server "
                  "where it may create databases (`source .ci/postgres.sh && pg_test_start`)")
        if os.environ.get("CI", "").strip().lower() == "true":
            pytest.fail(f"CI=true, so the PostgreSQL tests must run, but {reason}")
        pytest.skip(reason)
    return make_url(raw)


@contextmanager
def fresh_postgres_database() -> Iterator[URL]:
    """A new, empty database on the test server, dropped (even if in use) at the end."""
    base = server_url()
    name = f"selank_test_{uuid.uuid4().hex[:12]}"
    admin = engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def database(backend: str, tmp_path: Path) -> Iterator[str]:
    """A URL for the store, on `backend`, with nothing in it yet."""
    if backend == "sqlite":
        yield sqlite_url(tmp_path)
        return
    with fresh_postgres_database() as url:
        yield url.render_as_string(hide_password=False)
