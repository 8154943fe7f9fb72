"""Opening the store: where it lives, how it is connected, how it is upgraded.

One SQLite file. Connections are opened in autocommit mode and every write goes through
:func:`transaction`, so a write is all or nothing and never waits on an implicit
transaction Python opened behind our back. WAL and a busy timeout let the app read while
``newsreader import`` writes from another process.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from store.schema import SCHEMA_VERSION, SchemaError, migrate, read_version

#: How long a writer waits for another writer before giving up (milliseconds).
BUSY_TIMEOUT_MS = 15_000

ENV_DB = "NEWSREADER_DB"


class StoreError(Exception):
    """A store problem worth one line to the user (bad path, not a database, locked...)."""


#: A connection whose busy timeout is below this is interactive (the app's): a locked
#: store fails its write at once instead of being retried for seconds.
INTERACTIVE_BUSY_MS = 1000


def write_failure(exc: BaseException) -> str | None:
    """The one line to show when ``exc`` is the store refusing a write (full disk,
    read-only file, a lock held by another process, a damaged file); None for any other
    exception. Commands print it and exit non-zero; the app shows it and stays open."""
    if isinstance(exc, StoreError):
        return str(exc)
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return "the disk is full: the write in progress was not saved"
    if not isinstance(exc, sqlite3.OperationalError) and type(exc) is not sqlite3.DatabaseError:
        return None
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    low = text.lower()
    if "full" in low:
        return "the disk is full (the store could not grow): the write in progress was not saved"
    if "readonly" in low or "read-only" in low:
        return "the store is read-only: the write was not saved"
    if "locked" in low or "busy" in low:
        return "the store is locked by another process: the write was not saved"
    return f"the store could not be written ({text})"


def data_dir() -> Path:
    """The per-user data directory (platformdirs), created on demand."""
    from platformdirs import user_data_path

    path = user_data_path("newsreader", appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """``$NEWSREADER_DB`` if set, else ``newsreader.db`` in the user data directory."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return data_dir() / "newsreader.db"


def connect(
    path: str | os.PathLike[str], *, readonly: bool = False, wal: bool = True
) -> sqlite3.Connection:
    """A configured connection (WAL, busy timeout, foreign keys, Row factory).

    No schema work happens here; see :func:`open_store`. ``wal=False`` leaves the
    journal mode alone (switching to WAL writes the file header).
    """
    target = os.fspath(path)
    try:
        if readonly:
            conn = sqlite3.connect(
                f"file:{target}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
            )
        else:
            conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if wal and not readonly and target != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open database {target}: {exc}") from exc
    return conn


def open_store(path: str | os.PathLike[str] | None = None) -> sqlite3.Connection:
    """Open (creating or upgrading as needed) the store at ``path``.

    Upgrades write a backup copy beside the file first (``name.schemaN.bak``); a file from
    a newer version is refused untouched.
    """
    db_path = Path(path) if path is not None else default_db_path()
    if str(db_path) != ":memory:":
        if db_path.exists() and db_path.is_dir():
            raise StoreError(f"{db_path} is a directory, not a database file")
        db_path.parent.mkdir(parents=True, exist_ok=True)
    # The version is read before any pragma that writes: a file from a newer version,
    # or not ours at all, is refused untouched (not even switched to WAL).
    conn = connect(db_path, wal=False)
    try:
        version = read_version(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{db_path} is not a newsreader database ({exc})") from exc
    except SchemaError as exc:
        conn.close()
        raise StoreError(f"{db_path}: {exc}") from exc
    if version > SCHEMA_VERSION:
        conn.close()
        raise StoreError(
            f"{db_path} was written by a newer newsreader (schema {version}; this version "
            f"reads up to {SCHEMA_VERSION}); upgrade newsreader to open it"
        )
    if str(db_path) != ":memory:":
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"cannot open database {db_path}: {exc}") from exc
    if version < SCHEMA_VERSION:
        if version > 0 and str(db_path) != ":memory:":
            backup(conn, db_path.with_name(f"{db_path.name}.schema{version}.bak"))
        migrate(conn)
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection, *, retries: int = 5) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any error.

    IMMEDIATE takes the write lock up front, so a busy database fails here (after the
    busy timeout, and a few retries) rather than half-way through the work.
    """
    for attempt in range(retries + 1):
        try:
            conn.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if attempt == retries or _busy_ms(conn) < INTERACTIVE_BUSY_MS:
                raise StoreError("the database stayed locked by another process") from exc
            time.sleep(0.2 * (attempt + 1))
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def _busy_ms(conn: sqlite3.Connection) -> int:
    try:
        return int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    except sqlite3.Error:
        return BUSY_TIMEOUT_MS


def backup(conn: sqlite3.Connection, dest: str | os.PathLike[str]) -> Path:
    """Copy the live database to ``dest`` with SQLite's online backup API."""
    dest_path = Path(dest)
    tmp = dest_path.with_name(dest_path.name + ".partial")
    if tmp.exists():
        tmp.unlink()
    out = sqlite3.connect(os.fspath(tmp))
    try:
        conn.backup(out)
    finally:
        out.close()
    shutil.move(os.fspath(tmp), os.fspath(dest_path))
    return dest_path
