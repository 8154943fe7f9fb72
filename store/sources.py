"""Sources (feed subscriptions): add, list, remove, and the fetch state a refresh keeps.

Plain sqlite3 on the ``sources`` table of schema v1; every write is one transaction.
A feed is identified by its URL: subscribing twice to the same URL changes nothing but
the tags and the full-text flag given the second time.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from store.db import transaction
from store.writes import normalise_tag, now_iso


@dataclass
class Source:
    """One row of ``sources``, with its tags decoded and its article count."""

    id: int
    kind: str
    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_error: str | None = None
    last_fetched_at: str | None = None
    tags: list[str] = field(default_factory=list)
    fetch_full: bool = False
    created_at: str | None = None
    article_count: int = 0


def _tags(value: str | None) -> list[str]:
    try:
        tags = json.loads(value or "[]")
    except json.JSONDecodeError:
        return []
    return [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []


def _clean_tags(tags: Iterable[str]) -> list[str]:
    out: list[str] = []
    for tag in tags:
        t = normalise_tag(tag)
        if t and t not in out:
            out.append(t)
    return out


_SELECT = (
    "SELECT s.*, (SELECT count(*) FROM articles a WHERE a.source_id = s.id) AS article_count "
    "FROM sources s"
)


def _source(row: sqlite3.Row) -> Source:
    return Source(
        id=row["id"],
        kind=row["kind"],
        url=row["url"],
        title=row["title"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_error=row["last_error"],
        last_fetched_at=row["last_fetched_at"],
        tags=_tags(row["tags"]),
        fetch_full=bool(row["fetch_full"]),
        created_at=row["created_at"],
        article_count=row["article_count"],
    )


def add_source(
    conn: sqlite3.Connection,
    url: str,
    *,
    kind: str = "feed",
    title: str | None = None,
    tags: Iterable[str] = (),
    fetch_full: bool | None = None,
) -> tuple[int, bool]:
    """Subscribe to ``url``; returns ``(id, created)``.

    An existing subscription gets the new tags merged in, and the full-text flag when one
    is given; its fetch state is kept.
    """
    new_tags = _clean_tags(tags)
    with transaction(conn):
        row = conn.execute(
            "SELECT id, tags, title FROM sources WHERE url = ? AND kind = ?", (url, kind)
        ).fetchone()
        if row:
            merged = _clean_tags([*_tags(row["tags"]), *new_tags])
            conn.execute(
                "UPDATE sources SET tags = ?, title = COALESCE(title, ?), "
                "fetch_full = COALESCE(?, fetch_full) WHERE id = ?",
                (
                    json.dumps(merged, ensure_ascii=False),
                    title,
                    None if fetch_full is None else int(fetch_full),
                    row["id"],
                ),
            )
            return int(row["id"]), False
        cur = conn.execute(
            "INSERT INTO sources(kind, url, title, tags, fetch_full, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                kind,
                url,
                title,
                json.dumps(new_tags, ensure_ascii=False),
                int(bool(fetch_full)),
                now_iso(),
            ),
        )
        return int(cur.lastrowid or 0), True


def list_sources(conn: sqlite3.Connection, kind: str | None = "feed") -> list[Source]:
    """Sources of ``kind`` (all when None), in the order they were added."""
    if kind is None:
        rows = conn.execute(f"{_SELECT} ORDER BY s.id").fetchall()
    else:
        rows = conn.execute(f"{_SELECT} WHERE s.kind = ? ORDER BY s.id", (kind,)).fetchall()
    return [_source(r) for r in rows]


def unread_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """Unread articles per source id (sources with none are left out)."""
    rows = conn.execute(
        "SELECT source_id, count(*) FROM articles WHERE read_at IS NULL "
        "AND source_id IS NOT NULL GROUP BY source_id"
    ).fetchall()
    return {int(r[0]): int(r[1]) for r in rows}


def get_source(conn: sqlite3.Connection, key: int | str) -> Source | None:
    """A source by id, or by URL."""
    if isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
        row = conn.execute(f"{_SELECT} WHERE s.id = ?", (int(key),)).fetchone()
    else:
        row = conn.execute(f"{_SELECT} WHERE s.url = ?", (key,)).fetchone()
    return _source(row) if row else None


def remove_source(conn: sqlite3.Connection, source_id: int) -> int:
    """Unsubscribe; returns how many articles it had.

    The articles stay, with the reader's tags and notes, detached from the source:
    deleting them would also mean recounting entities and events, and a reader who
    unsubscribes rarely means "forget what I read".
    """
    with transaction(conn):
        count = conn.execute(
            "UPDATE articles SET source_id = NULL WHERE source_id = ?", (source_id,)
        ).rowcount
        conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))
    return count


def record_fetch(
    conn: sqlite3.Connection,
    source_id: int,
    *,
    error: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    title: str | None = None,
    fetched: bool = True,
    not_modified: bool = False,
) -> None:
    """Remember how the last fetch went.

    The validators (ETag, Last-Modified) always describe the last document received,
    and ``last_error`` what parsing it gave, so:

    - a document was received (``fetched``): store its validators and its error (None
      when it parsed), and let the feed's own title fill an empty title;
    - ``not_modified`` (304): the same document, so its error, if any, still stands;
    - the fetch failed (``fetched=False``): store the error and drop the validators, so
      the next refresh asks for the whole document again.
    """
    stamp = now_iso()
    with transaction(conn):
        if not_modified:
            conn.execute("UPDATE sources SET last_fetched_at = ? WHERE id = ?", (stamp, source_id))
        elif not fetched:
            conn.execute(
                "UPDATE sources SET last_error = ?, last_fetched_at = ?, etag = NULL, "
                "last_modified = NULL WHERE id = ?",
                (error, stamp, source_id),
            )
        else:
            conn.execute(
                "UPDATE sources SET last_error = ?, last_fetched_at = ?, etag = ?, "
                "last_modified = ?, title = COALESCE(title, ?) WHERE id = ?",
                (error, stamp, etag, last_modified, title, source_id),
            )
