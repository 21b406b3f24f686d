"""The curation store: feedback, unanswered questions and daily outcome counts, in SQL.

SQLite by default (one file, WAL mode, a busy timeout, full sync), PostgreSQL for several
replicas, with connect and statement timeouts so a database that is down or hung fails a
write instead of holding it forever. Rows arrive from the local spool (bot/ops/spool.py) with
an id kept in the same transaction, so a replay after a crash writes each row once. Users
are kept only as a salted hash; question text only when allowed.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import hmac
import json
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError

from bot.ops.feedback import Feedback
from bot.ops.outcomes import QuestionOutcome

SALT_KEY = "user_hash_salt"
BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_SECONDS = 5
STATEMENT_TIMEOUT_MS = 5_000
# A server that vanishes mid-statement: the kernel gives up on the socket after this long.
TCP_USER_TIMEOUT_MS = 10_000

metadata = sa.MetaData()
schema_version = sa.Table(
    "schema_version", metadata, sa.Column("version", sa.Integer, nullable=False),
)
meta = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


def _event_columns(user_hash_required: bool) -> list[sa.Column[Any]]:
    """What every kept event has: a row id, when, on which platform, and who (hashed)."""
    return [sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("at", sa.DateTime, nullable=False, index=True),
            sa.Column("platform", sa.String(32), nullable=False),
            sa.Column("user_hash", sa.String(64), nullable=not user_hash_required)]


feedback_table = sa.Table(
    "feedback", metadata, *_event_columns(user_hash_required=True),
    sa.Column("entry_id", sa.String(128), nullable=False),
    sa.Column("helpful", sa.Boolean, nullable=False),
)
unanswered_table = sa.Table(
    "unanswered", metadata, *_event_columns(user_hash_required=False),
    sa.Column("outcome", sa.String(16), nullable=False),
    sa.Column("question", sa.Text),
    sa.Column("question_hash", sa.String(64), nullable=False),
    sa.Column("candidates", sa.Text),
)
outcome_counts = sa.Table(
    "outcome_counts", metadata,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("platform", sa.String(32), primary_key=True),
    sa.Column("status", sa.String(16), primary_key=True),
    sa.Column("count", sa.Integer, nullable=False),
)


applied_rows = sa.Table(
    "applied_rows", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("at", sa.DateTime, nullable=False, index=True),
)


def _v1(conn: Connection) -> None:
    """The first schema: meta, feedback, unanswered and outcome_counts."""
    metadata.create_all(conn, tables=[meta, feedback_table, unanswered_table, outcome_counts])


def _v2(conn: Connection) -> None:
    """The ids of rows written from the spool, so a replay never writes one twice."""
    metadata.create_all(conn, tables=[applied_rows])


# Ordered; the schema's version is how many have run. Append, never edit a released one.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_v1, _v2)


class StoreError(Exception):
    """The database cannot be opened or written; the message names the file or server.

    `transient` when waiting may fix it (the server is down, the disk full or read-only);
    not for a database that is corrupt, from a newer version, or wrongly named.
    """

    def __init__(self, message: str, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True, slots=True)
class UnansweredRow:
    """One question the bot could not answer outright, as the report reads it."""

    at: dt.datetime
    platform: str
    outcome: str
    question: str | None
    question_hash: str
    candidates: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class OutcomeCount:
    day: dt.date
    platform: str
    status: str
    count: int


@dataclass(frozen=True, slots=True)
class FeedbackCount:
    """One entry's 👍 and 👎 over a period, as the curator report ranks them."""

    entry_id: str
    helpful: int
    unhelpful: int


class Store:
    """Reads and writes the curation tables; safe to share between threads."""

    def __init__(self, engine: Engine, where: str, salt: str, store_question_text: bool) -> None:
        self._engine = engine
        self.where = where
        self._salt = salt.encode()
        self._store_text = store_question_text

    @classmethod
    def open(cls, url: str, store_question_text: bool = True,
             salt: str | None = None) -> Store:
        """Connect, create or migrate the schema, and settle the user-hash salt."""
        engine, where = _engine(url)
        try:
            with _guard(where):
                with engine.begin() as conn:
                    _migrate(conn)
                with engine.begin() as conn:
                    salt = salt or _stored_salt(conn)
        except StoreError:
            engine.dispose()
            raise
        return cls(engine, where, salt, store_question_text)

    def close(self) -> None:
        self._engine.dispose()

    def schema_version(self) -> int:
        with self._engine.connect() as conn:
            return int(conn.execute(sa.select(schema_version.c.version)).scalar_one())

    def user_hash(self, platform: str, user_id: str) -> str:
        """A stable pseudonym: the same user maps to the same hash, which cannot be reversed."""
        return self._digest(f"{platform}:{user_id}")[:32]

    def record_question(self, outcome: QuestionOutcome) -> None:
        """Count the outcome for its day; keep the question itself when it went unanswered."""
        with self._write() as conn:
            self._question(conn, outcome)

    def record_feedback(self, feedback: Feedback) -> None:
        with self._write() as conn:
            self._feedback(conn, feedback)

    def apply(self, row_id: str, item: QuestionOutcome | Feedback) -> bool:
        """Write a spooled row once: False if a row with this id was already committed."""
        with self._write() as conn:
            dialect = sqlite if self._engine.dialect.name == "sqlite" else postgresql
            # RETURNING, not rowcount: psycopg reports -1 for an insert that did nothing.
            inserted = conn.execute(dialect.insert(applied_rows).values(
                id=row_id, at=_utc(item.at)).on_conflict_do_nothing(index_elements=["id"])
                .returning(applied_rows.c.id)).scalar()
            if inserted is None:
                return False
            if isinstance(item, Feedback):
                self._feedback(conn, item)
            else:
                self._question(conn, item)
        return True

    def _question(self, conn: Connection, outcome: QuestionOutcome) -> None:
        at = _utc(outcome.at)
        self._count(conn, at.date(), outcome.platform, outcome.status.value)
        if outcome.unanswered:
            keep = self._store_text
            conn.execute(unanswered_table.insert().values(
                at=at, platform=outcome.platform, outcome=outcome.status.value,
                user_hash=self.user_hash(outcome.platform, outcome.user_id) if keep else None,
                question=outcome.text if keep else None,
                question_hash=self._digest(" ".join(outcome.text.casefold().split())),
                candidates=json.dumps([[i, round(s, 4)] for i, s in outcome.candidates])
                if keep else None,
            ))

    def _feedback(self, conn: Connection, feedback: Feedback) -> None:
        conn.execute(feedback_table.insert().values(
            at=_utc(feedback.at), platform=feedback.platform,
            user_hash=self.user_hash(feedback.platform, feedback.user_id),
            entry_id=feedback.entry_id, helpful=feedback.helpful,
        ))

    def purge(self, retention_days: int, now: dt.datetime | None = None) -> int:
        """Delete rows older than the retention period; returns how many went."""
        cutoff = _utc(now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=retention_days)
        with self._write() as conn:
            deleted = 0
            for table in (feedback_table, unanswered_table, applied_rows):
                deleted += conn.execute(table.delete().where(table.c.at < cutoff)).rowcount
            deleted += conn.execute(
                outcome_counts.delete().where(outcome_counts.c.day < cutoff.date())
            ).rowcount
        return deleted

    def unanswered_since(self, since: dt.datetime) -> list[UnansweredRow]:
        t = unanswered_table
        query = sa.select(t.c.at, t.c.platform, t.c.outcome, t.c.question, t.c.question_hash,
                          t.c.candidates).where(t.c.at >= _utc(since)).order_by(t.c.at)
        with self._read() as conn:
            return [UnansweredRow(r.at, r.platform, r.outcome, r.question, r.question_hash,
                                  _candidates(r.candidates)) for r in conn.execute(query)]

    def feedback_since(self, since: dt.datetime) -> list[FeedbackCount]:
        t = feedback_table
        helpful = sa.func.sum(sa.case((t.c.helpful, 1), else_=0))
        unhelpful = sa.func.sum(sa.case((t.c.helpful, 0), else_=1))
        query = (sa.select(t.c.entry_id, helpful, unhelpful).where(t.c.at >= _utc(since))
                 .group_by(t.c.entry_id))
        with self._read() as conn:
            return [FeedbackCount(r[0], int(r[1]), int(r[2])) for r in conn.execute(query)]

    def outcomes_since(self, since: dt.date) -> list[OutcomeCount]:
        t = outcome_counts
        query = (sa.select(t.c.day, t.c.platform, t.c.status, t.c.count)
                 .where(t.c.day >= since).order_by(t.c.day, t.c.platform, t.c.status))
        with self._read() as conn:
            return [OutcomeCount(*row) for row in conn.execute(query)]

    def _count(self, conn: Connection, day: dt.date, platform: str, status: str) -> None:
        """Add one to a day's count in a single statement, so concurrent writers never clash."""
        values = {"day": day, "platform": platform, "status": status, "count": 1}
        dialect = sqlite if self._engine.dialect.name == "sqlite" else postgresql
        insert = dialect.insert(outcome_counts).values(**values)
        conn.execute(insert.on_conflict_do_update(
            index_elements=["day", "platform", "status"],
            set_={"count": outcome_counts.c.count + 1},
        ))

    def _digest(self, text: str) -> str:
        return hmac.new(self._salt, text.encode(), hashlib.sha256).hexdigest()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One transaction, committed before returning: the unit of durability."""
        with _guard(self.where), self._engine.begin() as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with _guard(self.where), self._engine.connect() as conn:
            yield conn


@contextmanager
def _guard(where: str) -> Iterator[None]:
    """Turn driver errors into a StoreError that names the database, not a traceback."""
    try:
        yield
    except (SQLAlchemyError, sqlite3.Error) as error:
        transient = isinstance(error, (OperationalError, sqlite3.OperationalError)) or (
            isinstance(error, DBAPIError) and error.connection_invalidated)
        raise StoreError(f"cannot use the database {where}: {_reason(error)}",
                         transient=transient) from None


def _engine(url: str) -> tuple[Engine, str]:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise StoreError("the database URL is not valid") from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    where = parsed.render_as_string(hide_password=True)
    try:
        engine = sa.create_engine(parsed, pool_pre_ping=True, pool_timeout=CONNECT_TIMEOUT_SECONDS,
                                  connect_args=_postgres_timeouts())
    except ImportError:
        raise StoreError(f"cannot use the database {where}: the PostgreSQL driver is missing; "
                         "install selank-bot[postgres]") from None
    return engine, where


def _postgres_timeouts() -> dict[str, object]:
    """libpq settings: give up connecting, running a statement, or on a dead peer."""
    return {
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS} "
                   f"-c lock_timeout={STATEMENT_TIMEOUT_MS}",
        "keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3,
        "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
    }


_DISK_STATES = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT})
"""Reasons a data folder cannot be written now that waiting (or an admin) may fix."""


def _sqlite_engine(url: URL) -> tuple[Engine, str]:
    if not url.database or url.database == ":memory:":
        raise StoreError("the database URL should name a SQLite file, not an in-memory database")
    path = Path(url.database)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        # A full or read-only disk may clear; a path through a file (ENOTDIR) is a setting.
        raise StoreError(f"cannot create the folder of the database {path}: "
                         f"{error.strerror}", transient=error.errno in _DISK_STATES) from None
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @sa.event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        _enable_wal(cursor)
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return engine, str(path)


def _enable_wal(cursor: Any) -> None:
    """Switch a SQLite file to WAL, waiting out replicas that switch it at the same moment.

    The switch reads the header, then needs the exclusive lock; SQLite refuses that upgrade
    at once rather than call the busy handler (it could deadlock), so several processes
    opening a new file together can get "database is locked" here. WAL mode is kept in the
    file: once one of them has switched it, the others' pragma only reads it back.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _migrate(conn: Connection) -> None:
    """Bring the schema up to date, one ordered migration at a time."""
    if conn.dialect.name == "postgresql":
        # Replicas starting together take turns; the lock ends with the transaction.
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(7301)"))
    else:
        # SQLite's equivalent: take the write lock before the first read, or two processes
        # opening one file together both see no schema and both try to create it.
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    schema_version.create(conn, checkfirst=True)
    current = conn.execute(sa.select(schema_version.c.version)).scalar()
    if current is None:
        conn.execute(schema_version.insert().values(version=0))
        current = 0
    if current > len(MIGRATIONS):
        raise StoreError(f"the database has schema version {current}, newer than this "
                         f"program knows ({len(MIGRATIONS)}); upgrade selank-bot")
    for migration in MIGRATIONS[current:]:
        migration(conn)
    conn.execute(schema_version.update().values(version=len(MIGRATIONS)))


def _stored_salt(conn: Connection) -> str:
    """The salt kept in the database, made on first use; every replica then shares it."""
    dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
    conn.execute(dialect.insert(meta).values(key=SALT_KEY, value=secrets.token_hex(32))
                 .on_conflict_do_nothing(index_elements=["key"]))
    return str(conn.execute(sa.select(meta.c.value).where(meta.c.key == SALT_KEY)).scalar_one())


def _utc(moment: dt.datetime) -> dt.datetime:
    """Naive UTC, the one form both SQLite and PostgreSQL columns here hold."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def _candidates(raw: str | None) -> tuple[tuple[str, float], ...]:
    if not raw:
        return ()
    return tuple((str(i), float(s)) for i, s in json.loads(raw))


def _reason(error: BaseException) -> str:
    original: object = getattr(error, "orig", None) or error
    return str(original).splitlines()[0] if str(original) else type(original).__name__

