"""Store: durable, concurrent, private, and clear when the database is unusable."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.feedback import Feedback
from bot.outcomes import QuestionOutcome
from bot.reply import Status
from bot.store import MIGRATIONS, Store, StoreError

NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'data' / 'bot.sqlite3'}"


def fallback(text: str = "can I take it with coffee", user: str = "U123",
             at: dt.datetime = NOW) -> QuestionOutcome:
    return QuestionOutcome("slack", user, text, Status.FALLBACK, (("dosage", 0.31),), at)


def test_should_create_the_schema_at_the_latest_version(tmp_path: Path) -> None:
    store = Store.open(url(tmp_path))
    assert store.schema_version() == len(MIGRATIONS)
    store.close()


def test_should_keep_data_across_a_restart(tmp_path: Path) -> None:
    store = Store.open(url(tmp_path))
    store.record_question(fallback())
    store.record_feedback(Feedback("discord", "42", "dosage", helpful=False, at=NOW))
    store.close()
    again = Store.open(url(tmp_path))
    assert len(again.unanswered_since(NOW - dt.timedelta(days=1))) == 1
    assert again.feedback_since(NOW - dt.timedelta(days=1))[0].unhelpful == 1
    again.close()


def test_should_count_every_outcome_but_keep_only_unanswered_questions(tmp_path: Path) -> None:
    store = Store.open(url(tmp_path))
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


def test_should_keep_only_a_hash_when_question_text_is_not_stored(tmp_path: Path) -> None:
    store = Store.open(url(tmp_path), store_question_text=False)
    store.record_question(fallback("my very private question"))
    [row] = store.unanswered_since(NOW - dt.timedelta(days=1))
    assert row.question is None and row.candidates == ()
    assert len(row.question_hash) == 64 and row.outcome == "fallback"
    store.close()


def test_should_generate_a_salt_once_and_keep_it(tmp_path: Path) -> None:
    first = Store.open(url(tmp_path))
    second = Store.open(url(tmp_path))
    assert first.user_hash("slack", "U1") == second.user_hash("slack", "U1")
    configured = Store.open(url(tmp_path), salt="a-configured-salt-value")
    assert configured.user_hash("slack", "U1") != first.user_hash("slack", "U1")
    for store in (first, second, configured):
        store.close()


def test_should_take_concurrent_writes_from_many_threads(tmp_path: Path) -> None:
    """Eight threads writing at once lose nothing and never see "database is locked"."""
    store = Store.open(url(tmp_path))
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


def test_retention_should_delete_only_older_rows(tmp_path: Path) -> None:
    store = Store.open(url(tmp_path))
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
from bot.outcomes import QuestionOutcome
from bot.reply import Status
from bot.store import Store
store = Store.open(sys.argv[1])
n = 0
while True:
    n += 1
    store.record_question(QuestionOutcome("slack", "U1", f"question {n}", Status.FALLBACK))
    print(n, flush=True)
"""


def test_a_killed_process_should_lose_no_acknowledged_write(tmp_path: Path) -> None:
    """SIGKILL mid-stream: every write the process reported is in the database."""
    process = subprocess.Popen([sys.executable, "-c", WRITER, url(tmp_path)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    acknowledged = 0
    while acknowledged < 50:
        acknowledged = int(process.stdout.readline())
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()
    store = Store.open(url(tmp_path))
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


def test_a_newer_schema_should_be_refused_with_a_clear_error(tmp_path: Path) -> None:
    Store.open(url(tmp_path)).close()
    engine = sa.create_engine(url(tmp_path))
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE schema_version SET version = 99"))
    engine.dispose()
    with pytest.raises(StoreError, match="upgrade selank-bot"):
        Store.open(url(tmp_path))


def test_a_postgres_url_without_the_driver_should_say_what_to_install() -> None:
    """psycopg is an optional extra; without it the message says how to get it."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        with pytest.raises(StoreError, match=r"selank-bot\[postgres\]") as caught:
            Store.open("postgresql://bot:pw-secret@localhost/selank")
        assert "pw-secret" not in str(caught.value)
    else:
        pytest.skip("psycopg is installed here")
