"""Store: durable, concurrent, private, and clear when the database is unusable.

Tests taking `database_url` run on SQLite and, when TEST_DATABASE_URL is set (CI sets it),
on PostgreSQL as well; the rest are about SQLite files in particular.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.core.reply import Status
from bot.ops.feedback import Feedback
from bot.ops.outcomes import QuestionOutcome
from bot.ops.store import MIGRATIONS, Store, StoreError, metadata

from ..databases import engine, fresh_postgres_database, server_url, sqlite_url

NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def url(tmp_path: Path) -> str:
    return sqlite_url(tmp_path)


def fallback(text: str = "can I take it with coffee", user: str = "U123",
             at: dt.datetime = NOW) -> QuestionOutcome:
    return QuestionOutcome("slack", user, text, Status.FALLBACK, (("dosage", 0.31),), at)


def test_should_create_the_schema_at_the_latest_version(database_url: str) -> None:
    store = Store.open(database_url)
    assert store.schema_version() == len(MIGRATIONS)
    store.close()


def test_should_keep_data_across_a_restart(database_url: str) -> None:
    store = Store.open(database_url)
    store.record_question(fallback())
    store.record_feedback(Feedback("discord", "42", "dosage", helpful=False, at=NOW))
    store.close()
    again = Store.open(database_url)
    assert len(again.unanswered_since(NOW - dt.timedelta(days=1))) == 1
    assert again.feedback_since(NOW - dt.timedelta(days=1))[0].unhelpful == 1
    again.close()


def test_should_count_every_outcome_but_keep_only_unanswered_questions(database_url: str) -> None:
    store = Store.open(database_url)
    store.record_question(QuestionOutcome("slack", "U1", "what is selank", Status.ANSWER,
                                          at=NOW))
    store.record_question(fallback())
    store.record_question(QuestionOutcome("slack", "U1", "dose?", Status.SUGGEST, at=NOW))
    counts = {(c.status, c.count) for c in store.outcomes_since(NOW.date())}
    assert counts == {("answer", 1), ("fallback", 1), ("suggest", 1)}
    rows = store.unanswered_since(NOW - dt.timedelta(days=1))
    assert [r.outcome for r in rows] == ["fallback", "suggest"]
    assert rows[0].candidates == (("dosage", 0.31),)
    store.close()


def test_should_never_store_the_raw_user_id(tmp_path: Path) -> None:
    store = Store.open(url(tmp_path))
    store.record_question(fallback(user="U0SECRETUSER"))
    store.record_feedback(Feedback("slack", "U0SECRETUSER", "dosage", helpful=True, at=NOW))
    store.close()
    raw = b"".join(p.read_bytes() for p in (tmp_path / "data").iterdir())
    assert b"U0SECRETUSER" not in raw


def test_should_keep_only_a_hash_when_question_text_is_not_stored(database_url: str) -> None:
    store = Store.open(database_url, store_question_text=False)
    store.record_question(fallback("my very private question"))
    [row] = store.unanswered_since(NOW - dt.timedelta(days=1))
    assert row.question is None and row.candidates == ()
    assert len(row.question_hash) == 64 and row.outcome == "fallback"
    store.close()


def test_should_generate_a_salt_once_and_keep_it(database_url: str) -> None:
    first = Store.open(database_url)
    second = Store.open(database_url)
    assert first.user_hash("slack", "U1") == second.user_hash("slack", "U1")
    configured = Store.open(database_url, salt="a-configured-salt-value")
    assert configured.user_hash("slack", "U1") != first.user_hash("slack", "U1")
    for store in (first, second, configured):
        store.close()


def test_should_take_concurrent_writes_from_many_threads(database_url: str) -> None:
    """Eight threads writing at once lose nothing and never see "database is locked"."""
    store = Store.open(database_url)
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for n in range(25):
                store.record_question(fallback(f"question {worker} {n}", user=str(worker)))
                store.record_feedback(Feedback("slack", str(worker), "dosage", True, at=NOW))
        except BaseException as error:  # reported below, on the test's thread
            errors.append(error)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(store.unanswered_since(NOW - dt.timedelta(days=1))) == 200
    assert store.outcomes_since(NOW.date())[0].count == 200
    assert store.feedback_since(NOW - dt.timedelta(days=1))[0].helpful == 200
    store.close()


def test_retention_should_delete_only_older_rows(database_url: str) -> None:
    store = Store.open(database_url)
    store.record_question(fallback("old", at=NOW - dt.timedelta(days=100)))
    store.record_feedback(Feedback("slack", "U1", "dosage", False,
                                   at=NOW - dt.timedelta(days=100)))
    store.record_question(fallback("recent", at=NOW - dt.timedelta(days=10)))
    deleted = store.purge(90, now=NOW)
    assert deleted == 3  # old question, its daily count, old feedback
    rows = store.unanswered_since(NOW - dt.timedelta(days=365))
    assert [r.question for r in rows] == ["recent"]
    assert store.feedback_since(NOW - dt.timedelta(days=365)) == []
    store.close()


WRITER = """
import sys
from bot.ops.outcomes import QuestionOutcome
from bot.core.reply import Status
from bot.ops.store import Store
store = Store.open(sys.argv[1])
n = 0
while True:
    n += 1
    store.record_question(QuestionOutcome("slack", "U1", f"question {n}", Status.FALLBACK))
    print(n, flush=True)
"""


def test_a_killed_process_should_lose_no_acknowledged_write(database_url: str) -> None:
    """SIGKILL mid-stream: every write the process reported is in the database."""
    process = subprocess.Popen([sys.executable, "-c", WRITER, database_url],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    acknowledged = 0
    while acknowledged < 50:
        acknowledged = int(process.stdout.readline())
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()
    store = Store.open(database_url)
    kept = {r.question for r in store.unanswered_since(dt.datetime(2000, 1, 1, tzinfo=dt.UTC))}
    assert {f"question {n}" for n in range(1, acknowledged + 1)} <= kept
    store.close()


def test_a_corrupt_database_should_give_an_error_naming_the_file(tmp_path: Path) -> None:
    garbage = tmp_path / "broken.sqlite3"
    garbage.write_bytes(b"this is not a database, just some bytes" * 200)
    with pytest.raises(StoreError) as caught:
        Store.open(f"sqlite:///{garbage}")
    assert str(garbage) in str(caught.value)
    assert "not a database" in str(caught.value)


def test_a_newer_schema_should_be_refused_with_a_clear_error(database_url: str) -> None:
    Store.open(database_url).close()
    checker = engine(database_url)
    with checker.begin() as conn:
        conn.execute(sa.text("UPDATE schema_version SET version = 99"))
    checker.dispose()
    with pytest.raises(StoreError, match="upgrade selank-bot"):
        Store.open(database_url)


def test_a_postgres_url_without_the_driver_should_say_what_to_install(tmp_path: Path) -> None:
    """psycopg is an optional extra; without it the message says how to get it."""
    script = ("import sys; sys.modules['psycopg'] = None  # as if not installed\n"
              "from bot.ops.store import Store\n"
              "Store.open('postgresql://bot:pw-secret@localhost/selank')\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "bot.ops.store.StoreError: cannot use the database postgresql+psycopg://bot:***@localhost"
        "/selank: the PostgreSQL driver is missing; install selank-bot[postgres]")
    assert "pw-secret" not in result.stderr


def test_no_column_of_any_table_should_hold_the_raw_user_id(database_url: str) -> None:
    store = Store.open(database_url)
    store.record_question(fallback(user="U0SECRETUSER"))
    store.record_feedback(Feedback("slack", "U0SECRETUSER", "dosage", helpful=True, at=NOW))
    store.close()
    checker = engine(database_url)
    with checker.connect() as conn:
        rows = [row for table in metadata.sorted_tables
                for row in conn.execute(sa.select(table))]
    checker.dispose()
    assert len(rows) >= 4  # schema version, salt, one question, its daily count, feedback
    assert not [row for row in rows if "U0SECRETUSER" in repr(tuple(row))]


def test_replicas_starting_together_should_share_one_migration_and_one_salt(
    database_url: str,
) -> None:
    """Six processes' worth of Store.open at once: one schema, one version row, one salt."""
    barrier = threading.Barrier(6)
    stores: list[Store] = []
    errors: list[BaseException] = []

    def open_store() -> None:
        barrier.wait()
        try:
            stores.append(Store.open(database_url))
        except BaseException as error:  # reported below, on the test's thread
            errors.append(error)

    threads = [threading.Thread(target=open_store) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert {s.user_hash("slack", "U1") for s in stores} == {stores[0].user_hash("slack", "U1")}
    assert {s.schema_version() for s in stores} == {len(MIGRATIONS)}
    checker = engine(database_url)
    with checker.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM schema_version")).scalar() == 1
        assert conn.execute(sa.text("SELECT count(*) FROM meta")).scalar() == 1
    checker.dispose()
    for store in stores:
        store.close()


def test_postgres_should_name_the_server_when_the_database_is_missing() -> None:
    with fresh_postgres_database() as url:
        missing = url.set(database=f"{url.database}_absent")
        with pytest.raises(StoreError) as caught:
            Store.open(missing.render_as_string(hide_password=False))
    message = str(caught.value)
    where = missing.set(drivername="postgresql+psycopg").render_as_string(hide_password=True)
    assert message.startswith(f"cannot use the database {where}: ")
    assert "does not exist" in message and len(message.splitlines()) == 1


def test_postgres_should_refuse_a_role_without_create_on_the_schema_clearly() -> None:
    """PostgreSQL 15: `public` is owner-only, so a new role cannot create the tables."""
    role = f"selank_limited_{uuid.uuid4().hex[:8]}"
    server = engine(server_url(), isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(sa.text(f'CREATE ROLE "{role}" LOGIN'))
    try:
        with fresh_postgres_database() as url:
            limited = url.set(username=role, password=None).render_as_string(
                hide_password=False)
            admin = engine(url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:  # PostgreSQL 14 and older grant it to everyone
                conn.execute(sa.text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
            with pytest.raises(StoreError, match="permission denied for schema public"):
                Store.open(limited)
            with admin.connect() as conn:  # the grant docs/operations.md asks for
                conn.execute(sa.text(f'GRANT CREATE ON SCHEMA public TO "{role}"'))
            admin.dispose()
            store = Store.open(limited)
            assert store.schema_version() == len(MIGRATIONS)
            store.close()
    finally:
        with server.connect() as conn:
            conn.execute(sa.text(f'DROP ROLE IF EXISTS "{role}"'))
        server.dispose()
