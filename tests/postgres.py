"""PostgreSQL for the tests: TEST_DATABASE_URL when CI provides one, else a throwaway server.

`require_postgres` is the one place that decides between skipping and failing: a developer
without PostgreSQL gets a skip with the reason, CI (CI=true) gets a failure, since there a
missing server means the outage tests silently stopped running.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest
import sqlalchemy as sa

from bot.ops.store import metadata, schema_version

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"


def require_postgres(reason: str) -> NoReturn:
    """Skip with `reason`, or fail with it when running in CI."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(reason)


@dataclass(frozen=True)
class Postgres:
    """A server to test against; `url` is a SQLAlchemy/libpq URL to a scratch database."""

    url: str
    host: str
    port: int
    control: list[str] | None = None
    """pg_ctl for a server this session started (so a test may stop it); None for CI's."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _bin_dir() -> Path | None:
    found = sorted(glob.glob(PG_BIN_GLOB))
    return Path(found[-1]) if found and (Path(found[-1]) / "initdb").exists() else None


def _as_postgres(args: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the postgres user then."""
    if os.geteuid() == 0 and shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """TEST_DATABASE_URL if set; else a private server started here and removed after."""
    url = os.environ.get("TEST_DATABASE_URL", "").strip()
    if url:
        parsed = sa.engine.make_url(url)
        yield Postgres(url, parsed.host or "127.0.0.1", parsed.port or 5432)
        return
    bin_dir = _bin_dir()
    if bin_dir is None:
        require_postgres("TEST_DATABASE_URL is unset and no PostgreSQL binaries were found")
    folder = Path(tempfile.mkdtemp(prefix="pg-harden12-test-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data, port = folder / "data", _free_port()
    subprocess.run(_as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust",
                                 "-U", "postgres"]), check=True, capture_output=True)
    ctl = _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"),
                        "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"])
    subprocess.run([*ctl, "-w", "start"], check=True, capture_output=True)
    try:
        yield Postgres(f"postgresql://postgres@127.0.0.1:{port}/postgres", "127.0.0.1", port,
                       ctl)
    finally:
        subprocess.run([*ctl, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(postgres: Postgres) -> str:
    """The server's URL, with the bot's tables dropped first so each test starts empty."""
    engine = sa.create_engine(postgres.url.replace("postgresql://", "postgresql+psycopg://", 1))
    deadline = time.monotonic() + 10
    while True:
        try:
            with engine.begin() as conn:
                metadata.drop_all(conn)
                schema_version.drop(conn, checkfirst=True)
            break
        except sa.exc.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    engine.dispose()
    return postgres.url
