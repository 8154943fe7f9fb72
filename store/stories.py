"""Stories in the store: assignment, summaries, reader corrections, the reader's queries.

A story is the coverage of one developing happening across outlets. Which story an article
joins is decided in :mod:`analysis.stories` (pure) from what :mod:`store.story_features`
reads; this module writes the outcome, keeps the reader's corrections and answers the
reader's questions (a story's articles and events).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from store.story_features import DATE_SQL
from store.writes import now_iso

STORY_ACTIONS = ("move", "split")


def story_of(conn: sqlite3.Connection, article_id: int | None) -> int | None:
    """The story an article is in (None: no such article, or not placed yet)."""
    row = conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
    return int(row[0]) if row and row[0] is not None else None


# ------------------------------------------------------------------ writes


def new_story(conn: sqlite3.Connection) -> int:
    cur = conn.execute("INSERT INTO stories(created_at) VALUES (?)", (now_iso(),))
    return int(cur.lastrowid or 0)


def assign_story(conn: sqlite3.Connection, article_id: int, story_id: int | None) -> int:
    """Put an article in a story (a new one when ``story_id`` is None); returns the story."""
    if story_id is None:
        story_id = new_story(conn)
    conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
    return story_id


def refresh_story(conn: sqlite3.Connection, story_id: int) -> None:
    """Recompute a story's date span and counts; an empty story is deleted. Its title is
    chosen by the caller (:func:`ingest.stories.refresh`, :func:`set_story_title`)."""
    row = conn.execute(
        f"SELECT count(*), count(DISTINCT IFNULL(outlet, source_id)), min({DATE_SQL}), "
        f"max({DATE_SQL}) FROM articles a WHERE story_id = ?",
        (story_id,),
    ).fetchone()
    n = int(row[0])
    if n == 0:
        conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        return
    conn.execute(
        "UPDATE stories SET date_start = ?, date_end = ?, article_count = ?, "
        "outlet_count = ? WHERE id = ?",
        (
            (row[2] or "")[:10] or None,
            (row[3] or "")[:10] or None,
            n,
            int(row[1]),
            story_id,
        ),
    )


def story_titles(conn: sqlite3.Connection, story_id: int, limit: int = 50) -> list[str | None]:
    """Headlines of a story's articles, oldest first (bounded)."""
    return [
        r[0]
        for r in conn.execute(
            f"SELECT title FROM articles a WHERE story_id = ? ORDER BY {DATE_SQL}, id LIMIT ?",
            (story_id, limit),
        )
    ]


def set_story_title(conn: sqlite3.Connection, story_id: int, title: str) -> None:
    conn.execute("UPDATE stories SET title = ? WHERE id = ?", (title, story_id))


def clear_stories(conn: sqlite3.Connection) -> None:
    """Forget every story (for a full re-link); the reader's corrections stay."""
    conn.execute("UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL")
    conn.execute("DELETE FROM stories")


# ------------------------------------------------------------------ reader corrections


def add_story_override(
    conn: sqlite3.Connection, action: str, article_id: int, other_article_id: int | None = None
) -> int:
    """Record a reader's story correction; :func:`apply_story_overrides` applies it.

    - ``move`` (article, other article): the article belongs to the other's story.
    - ``split`` (article): the article starts a story of its own.
    """
    if action not in STORY_ACTIONS:
        raise ValueError(f"unknown story action {action!r}")
    if action == "move" and other_article_id is None:
        raise ValueError("move needs the article of the story to move to")
    cur = conn.execute(
        "INSERT INTO story_overrides(action, article_id, other_article_id, created_at) "
        "VALUES (?, ?, ?, ?)",
        (action, article_id, other_article_id, now_iso()),
    )
    return int(cur.lastrowid or 0)


def story_assignments(
    conn: sqlite3.Connection, article_ids: Iterable[int]
) -> dict[int, int | None]:
    """The story of each article, and of every article sharing a story with one of them
    (what an undo restores)."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT id, story_id FROM articles WHERE id IN ({marks}) OR story_id IN "
        f"(SELECT story_id FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL)",
        [*ids, *ids],
    ).fetchall()
    return {int(r[0]): r[1] for r in rows}


def restore_story_assignments(conn: sqlite3.Connection, before: dict[int, int | None]) -> set[int]:
    """Put articles back in the stories they were in (a story emptied since is made again
    under its id); returns the stories whose membership changed."""
    touched: set[int] = set()
    for article_id, story_id in before.items():
        row = conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None or row[0] == story_id:
            continue
        if story_id is not None:
            conn.execute(
                "INSERT OR IGNORE INTO stories(id, created_at) VALUES (?, ?)", (story_id, now_iso())
            )
        conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
        touched.update(s for s in (row[0], story_id) if s is not None)
    return touched


def delete_story_override(conn: sqlite3.Connection, override_id: int) -> None:
    conn.execute("DELETE FROM story_overrides WHERE id = ?", (override_id,))


def apply_story_overrides(conn: sqlite3.Connection, article_id: int | None = None) -> set[int]:
    """Replay the reader's story corrections (all, or one article's), oldest first;
    returns the stories whose membership changed."""
    sql = "SELECT * FROM story_overrides"
    args: tuple[Any, ...] = ()
    if article_id is not None:
        sql += " WHERE article_id = ?"
        args = (article_id,)
    touched: set[int] = set()
    for ov in conn.execute(sql + " ORDER BY id", args).fetchall():
        row = conn.execute(
            "SELECT story_id FROM articles WHERE id = ?", (ov["article_id"],)
        ).fetchone()
        if row is None:
            continue  # the article is gone: the correction waits, it is not deleted
        current = row[0]
        if ov["action"] == "move":
            target = story_of(conn, ov["other_article_id"])
            if target is None or target == current:
                continue
        else:
            alone = conn.execute(
                "SELECT count(*) FROM articles WHERE story_id = ?", (current,)
            ).fetchone()[0]
            if current is not None and alone <= 1:
                continue
            target = new_story(conn)
        assign_story(conn, ov["article_id"], target)
        touched.update(s for s in (current, target) if s is not None)
    return touched


def pinned_story(conn: sqlite3.Connection, article_id: int) -> tuple[str, int | None] | None:
    """The reader's last word on where an article belongs: ("move", other article) or
    ("split", None); None when the reader never corrected it."""
    row = conn.execute(
        "SELECT action, other_article_id FROM story_overrides WHERE article_id = ? "
        "ORDER BY id DESC LIMIT 1",
        (article_id,),
    ).fetchone()
    return (row[0], row[1]) if row else None


# ------------------------------------------------------------------ reader queries


def story_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM stories").fetchone()[0])


def needs_relink(conn: sqlite3.Connection) -> bool:
    """Was the store linked by an older linker (see the schema 5 migration)?"""
    row = conn.execute("SELECT value FROM meta WHERE key = 'needs_relink'").fetchone()
    return bool(row and row[0] == "1")


def clear_needs_relink(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM meta WHERE key = 'needs_relink'")


def _story_articles(
    conn: sqlite3.Connection, story_id: int, *, exclude: int | None = None, limit: int
) -> list[dict[str, Any]]:
    """A story's articles, newest first (bounded, through ``idx_articles_story``)."""
    return [
        dict(r)
        for r in conn.execute(
            f"SELECT a.id, a.title, a.outlet, a.published_at, {DATE_SQL} AS date, a.read_at "
            "FROM articles a WHERE a.story_id = ? AND a.id IS NOT ? "
            f"ORDER BY {DATE_SQL} DESC, a.id DESC LIMIT ?",
            (story_id, exclude, limit),
        )
    ]


def story_brief(
    conn: sqlite3.Connection, article_id: int, *, limit: int = 5
) -> dict[str, Any] | None:
    """The story of an article, for the side panel: the ``stories`` row (title, counts,
    span) and up to ``limit`` of its *other* articles, newest first, as ``others``.

    Bounded and indexed (the story by primary key, its articles through
    ``idx_articles_story``), so it is cheap enough for the UI thread whatever the story's
    size. None when the article has no story yet (not analysed)."""
    row = conn.execute(
        "SELECT s.* FROM articles a JOIN stories s ON s.id = a.story_id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    story = dict(row)
    story["others"] = _story_articles(conn, story["id"], exclude=article_id, limit=limit)
    return story


def recent_stories(
    conn: sqlite3.Connection,
    *,
    exclude: int | None = None,
    title: str = "",
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Stories to move an article into: the most recently active first (index on
    ``stories.date_end``), optionally those whose title contains ``title``. Each carries
    ``article_id``, its newest article, which a "move" correction points at."""
    pattern = "%" + title.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return [
        dict(r)
        for r in conn.execute(
            "SELECT s.id, s.title, s.date_start, s.date_end, s.article_count, s.outlet_count, "
            f"(SELECT a.id FROM articles a WHERE a.story_id = s.id ORDER BY {DATE_SQL} DESC, "
            "a.id DESC LIMIT 1) AS article_id FROM stories s "
            "WHERE s.id IS NOT ? AND IFNULL(s.title, '') LIKE ? ESCAPE '\\' "
            "ORDER BY s.date_end DESC, s.id DESC LIMIT ?",
            (exclude, pattern, limit),
        )
    ]


def get_story(
    conn: sqlite3.Connection, story_id: int, *, limit: int = 500
) -> dict[str, Any] | None:
    """One story with its articles (newest first: title, outlet, date) and its linked
    events (those reported by its articles), for the side panel and the story screen."""
    row = conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    story = dict(row)
    story["articles"] = _story_articles(conn, story_id, limit=limit)
    story["events"] = story_events(conn, story_id)
    return story


def story_events(conn: sqlite3.Connection, story_id: int, limit: int = 200) -> list[dict[str, Any]]:
    """The linked events the story's articles report, by date (undated last), each with
    the number of the story's articles reporting it."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT ev.id, ev.type, ev.title, ev.date_start, ev.date_end, ev.article_count, "
            "count(DISTINCT em.article_id) AS story_articles, max(em.salience) AS salience "
            "FROM articles a JOIN event_mentions em ON em.article_id = a.id "
            "JOIN events ev ON ev.id = em.event_id WHERE a.story_id = ? "
            "GROUP BY ev.id ORDER BY ev.date_start IS NULL, ev.date_start, "
            "max(em.salience) DESC LIMIT ?",
            (story_id, limit),
        )
    ]
