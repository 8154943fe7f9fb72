"""The analysis queue in the store: which articles are stored but not analysed yet.

``articles.analysed_at IS NULL`` marks an article waiting for the language analysis.
The queue pages through those articles newest first (the list's order: what the reader
sees first is understood first) through the partial index ``idx_articles_pending``, by
keyset (``(date, id) < last``), a page at a time, so bodies are read as they are needed
and never all at once. Writing a result is :func:`store.writes.replace_analysis_in` (inside the transaction
that also links it: :func:`ingest.queue.store_result`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from store.db import transaction

#: The order key of the list and of ``idx_articles_pending``.
ORDER_SQL = "IFNULL(published_at, fetched_at)"


@dataclass(frozen=True)
class PendingArticle:
    """What the analysis needs of one stored article."""

    id: int
    body: str
    published_at: str | None
    fetched_at: str | None
    captions: str | None
    #: The order key (date), for paging on.
    order: str
    #: The headline (a body may name its person only there: "Police arrested him ...").
    title: str | None = None


def pending_count(conn: sqlite3.Connection) -> int:
    """How many articles wait for analysis (an index count)."""
    return int(
        conn.execute("SELECT count(*) FROM articles WHERE analysed_at IS NULL").fetchone()[0]
    )


def pending_page(
    conn: sqlite3.Connection, after: tuple[str, int] | None, limit: int
) -> list[PendingArticle]:
    """Up to ``limit`` articles waiting for analysis, newest first, older than ``after``
    (the ``(order, id)`` of the last one of the previous page; None: from the newest)."""
    cols = f"id, body, published_at, fetched_at, captions, {ORDER_SQL} AS o, title"
    if after is None:
        rows = conn.execute(
            f"SELECT {cols} FROM articles WHERE analysed_at IS NULL "
            f"ORDER BY {ORDER_SQL} DESC, id DESC LIMIT ?",
            (limit,),
        ).fetchall()
    else:
        rows = conn.execute(
            f"SELECT {cols} FROM articles WHERE analysed_at IS NULL "
            f"AND ({ORDER_SQL}, id) < (?, ?) ORDER BY {ORDER_SQL} DESC, id DESC LIMIT ?",
            (after[0], after[1], limit),
        ).fetchall()
    return [PendingArticle(int(r[0]), r[1] or "", r[2], r[3], r[4], r[5] or "", r[6]) for r in rows]


def pending_pages(conn: sqlite3.Connection, size: int = 32) -> Iterator[list[PendingArticle]]:
    """Every article waiting for analysis when each page is read, newest first, in pages
    of ``size``. Articles analysed meanwhile (by another process) are skipped by the
    index; articles stored meanwhile are newer than the pages already read and wait for
    the next pass."""
    after: tuple[str, int] | None = None
    while page := pending_page(conn, after, size):
        after = (page[-1].order, page[-1].id)
        yield page


def is_pending(conn: sqlite3.Connection, article_id: int) -> bool:
    """Does the article (still) wait for analysis? False when it is gone."""
    row = conn.execute("SELECT analysed_at FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row is not None and row[0] is None


def mark_all_pending(conn: sqlite3.Connection) -> int:
    """Put every article back in the queue (a re-analysis with a newer model); their
    current analysis stays readable until each new one replaces it. Returns how many."""
    with transaction(conn):
        conn.execute("UPDATE articles SET analysed_at = NULL WHERE analysed_at IS NOT NULL")
        return pending_count(conn)


#: The ``meta`` key naming the analysis the store's queue analyses with
#: (:func:`analysis.version.fingerprint`).
ANALYSIS_KEY = "analysis_fingerprint"


def analysed_with(conn: sqlite3.Connection) -> str | None:
    """The fingerprint of the analysis the store's articles were (or are queued to be)
    analysed with; None when unknown (a store from before it was recorded)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (ANALYSIS_KEY,)).fetchone()
    return str(row[0]) if row else None


def record_analysis(conn: sqlite3.Connection, fingerprint: str) -> None:
    """Record that every article is (or is queued to be) analysed with ``fingerprint``."""
    with transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (ANALYSIS_KEY, fingerprint)
        )


def record_if_fresh(conn: sqlite3.Connection, fingerprint: str) -> None:
    """Record ``fingerprint`` as the store's analysis when nothing is recorded and no
    article has been analysed yet (a new store: its first analysis is this one)."""
    if analysed_with(conn) is None and not _any_analysed(conn):
        record_analysis(conn, fingerprint)


def analysed_by_other(conn: sqlite3.Connection, fingerprint: str) -> bool:
    """Were the store's articles analysed by other analysis code than ``fingerprint``'s
    (an upgrade since, or a store from before the analysis was recorded)? False when no
    article has been analysed."""
    return analysed_with(conn) != fingerprint and _any_analysed(conn)


def _any_analysed(conn: sqlite3.Connection) -> bool:
    """Has any stored article been analysed?"""
    row = conn.execute("SELECT 1 FROM articles WHERE analysed_at IS NOT NULL LIMIT 1")
    return row.fetchone() is not None
