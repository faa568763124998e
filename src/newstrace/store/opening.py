"""Opening a database: read-only when it cannot be written, created safely by concurrent runs,
refused when another program made it or another schema version wrote it."""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from newstrace.errors import StoreError, UsageError
from newstrace.store import schema

if TYPE_CHECKING:
    from sqlalchemy.dialects.postgresql import Insert as PgInsert
    from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
    from sqlalchemy.engine.interfaces import DBAPIConnection, DBAPICursor
    from sqlalchemy.pool import ConnectionPoolEntry

log = logging.getLogger(__name__)

__all__ = ["SCHEMA_KEY", "database_url", "insert_or_ignore", "open_engine", "require_database", "sqlite_path"]

SCHEMA_KEY = "schema_version"  # the settings row that holds schema.SCHEMA_VERSION
# Seconds a SQLite writer waits for another run's transaction before giving up. A batch of 100
# documents commits in well under a second (bench/ingest.py); a minute covers a slow disk and a
# concurrent link run's replace_links.
BUSY_SECONDS = 60.0
CREATE_LOCK = 0x6E657773  # the PostgreSQL advisory lock held while creating the schema ("news")
READ_ONLY_SESSION = "-c default_transaction_read_only=on"  # PostgreSQL: a session that cannot write
CREATE_ATTEMPTS = 5  # two runs creating one new file: the loser retries and finds the tables made


def database_url(db: str) -> str:
    """A SQLAlchemy URL for a path (``newstrace.db``) or a URL (``postgresql://...``)."""
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def sqlite_path(db: str) -> Path | None:
    """The file of a SQLite database given as a path, else None."""
    return None if "://" in db else Path(db).expanduser()


def require_database(db: str) -> None:
    """Refuse a SQLite path that holds no file: reading commands never create a database."""
    path = sqlite_path(db)
    if path is not None and not path.is_file():
        raise UsageError(f"no database at {db}; run 'newstrace analyze ... --db {db}' first")


def open_engine(db: str, read_only: bool = False) -> tuple[Engine, bool]:
    """An engine on ``db`` with the newstrace schema in place, and whether it is read-only: asked
    for (queries, the web server), or because the file cannot be written."""
    path = sqlite_path(db)
    read_only = read_only or (path is not None and path.exists() and not _writable(path))
    engine = _engine(db, path, read_only)
    try:
        _refuse_foreign(engine, db)
        if not read_only:
            _create(engine)
        _check_version(engine, db, read_only)
    except BaseException:
        engine.dispose()
        raise
    return engine, read_only


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _engine(db: str, path: Path | None, read_only: bool) -> Engine:
    if path is None:
        if read_only and database_url(db).startswith("postgresql"):  # every transaction read-only
            return sa.create_engine(database_url(db), connect_args={"options": READ_ONLY_SESSION})
        return sa.create_engine(database_url(db))
    if read_only:
        # mode=ro reads a file we may not write; immutable=1 also where no -wal/-shm can be made
        # (a read-only file system), which is safe because nobody can write there either.
        immutable = "&immutable=1" if not os.access(path.parent, os.W_OK) else ""
        url = f"sqlite:///file:{quote(str(path.resolve()))}?mode=ro{immutable}&uri=true"
        return sa.create_engine(url, connect_args={"timeout": BUSY_SECONDS})
    engine = sa.create_engine(database_url(db), connect_args={"timeout": BUSY_SECONDS})
    sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_conn.cursor()
    try:
        _switch_to_wal(cursor)  # readers (web, export) do not block the writer
        cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at checkpoints, atomic always
    finally:
        cursor.close()


def _switch_to_wal(cursor: DBAPICursor) -> None:
    """SQLite answers ``journal_mode=WAL`` with "database is locked" at once, without its busy
    timeout, while another connection opens the same new file: wait for it here instead."""
    deadline = time.monotonic() + BUSY_SECONDS
    delay = 0.01
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            log.debug("another run holds the new database; waiting to switch it to WAL")
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _refuse_foreign(engine: Engine, db: str) -> None:
    """A database that holds tables but no newstrace schema stamp was made by another program."""
    names = set(sa.inspect(engine).get_table_names())
    if not names:
        return
    if "settings" in names:
        with engine.connect() as conn:
            stamp = conn.execute(
                sa.select(schema.settings.c.value).where(schema.settings.c.key == SCHEMA_KEY)
            ).scalar_one_or_none()
        if stamp is not None:
            return
    if {n for n in names if not n.startswith(schema.FTS_PREFIX)} <= set(schema.tables()):
        return  # a newstrace database whose creation was interrupted before its stamp
    shown = ", ".join(sorted(names)[:5]) + (", ..." if len(names) > 5 else "")
    raise StoreError(
        f"{db!r} is not a newstrace database (it holds other tables: {shown}); newstrace will not "
        "add its tables to another program's database: give another --db"
    )


def _create(engine: Engine) -> None:
    """Create the missing tables and stamp the version; a concurrent run doing the same is waited
    for (busy timeout) and, if it won the race, its tables are used."""
    for attempt in range(CREATE_ATTEMPTS):
        try:
            with engine.begin() as conn:
                if engine.dialect.name == "postgresql":  # creators wait for each other, in turn
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": CREATE_LOCK})
                schema.metadata.create_all(conn)
                _stamp(conn, engine.dialect.name)
            return
        except (sa.exc.OperationalError, sa.exc.IntegrityError, sa.exc.ProgrammingError) as exc:
            if attempt == CREATE_ATTEMPTS - 1 or (
                "already exists" not in str(exc) and "locked" not in str(exc)
            ):
                raise
            log.debug("another run is creating the schema; trying again (%s)", exc.orig)
            time.sleep(0.1 * (attempt + 1))


def _stamp(conn: sa.Connection, dialect: str) -> None:
    row = {"key": SCHEMA_KEY, "value": str(schema.SCHEMA_VERSION)}
    conn.execute(insert_or_ignore(schema.settings, dialect).values(row))


def insert_or_ignore(table: sa.Table, dialect: str) -> PgInsert | SqliteInsert:
    """``INSERT ... ON CONFLICT DO NOTHING`` into ``table``, in the SQL of ``dialect``. Each dialect's
    module is imported when a database of its kind is written: PostgreSQL's costs ~0.1 s."""
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql  # noqa: PLC0415

        return postgresql.insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects import sqlite  # noqa: PLC0415

    return sqlite.insert(table).on_conflict_do_nothing()


def _check_version(engine: Engine, db: str, read_only: bool) -> None:
    with engine.connect() as conn:
        found = conn.execute(
            sa.select(schema.settings.c.value).where(schema.settings.c.key == SCHEMA_KEY)
        ).scalar_one_or_none()
    if found is None and read_only:
        raise StoreError(f"{db!r} is read-only and holds no newstrace database")
    if found is not None and found != str(schema.SCHEMA_VERSION):
        raise StoreError(
            f"the database {db!r} has schema version {found}, and this newstrace reads version "
            f"{schema.SCHEMA_VERSION}; analyse into a new database (--db), or use the newstrace "
            "version that wrote it"
        )
