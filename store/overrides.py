"""The reader's corrections of linked events (``event_overrides``): confirm, reject, merge
and split, kept with text anchors (``article_id:trigger_start:trigger_end``) of the
mention and of a representative mention of the other event, so they survive
re-analysis and a full re-link, after which :func:`apply_overrides` replays them in the
order they were made.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from store.events import mention_key, new_event
from store.writes import now_iso

OVERRIDE_ACTIONS = ("confirm", "reject", "merge", "split")


def corrected_events(conn: sqlite3.Connection, event_ids: Iterable[int]) -> set[int]:
    """Those of ``event_ids`` the reader has corrected (a confirm, reject, merge or split
    names one of their mentions): the linker leaves their make-up to the reader."""
    ids = json.dumps([int(e) for e in event_ids])
    rows = conn.execute(
        "SELECT DISTINCT em.event_id FROM json_each(?) j "
        "JOIN event_mentions em ON em.event_id = j.value "
        "JOIN event_overrides o ON o.mention_key = "
        "em.article_id || ':' || em.trigger_start || ':' || em.trigger_end "
        "OR o.other_mention_key = "
        "em.article_id || ':' || em.trigger_start || ':' || em.trigger_end",
        (ids,),
    )
    return {int(r[0]) for r in rows}


def _representative(conn: sqlite3.Connection, event_id: int) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT id, article_id, trigger_start, trigger_end FROM event_mentions "
        "WHERE event_id = ? ORDER BY salience DESC, id LIMIT 1",
        (event_id,),
    ).fetchone()


def _mention(conn: sqlite3.Connection, mention_id: int) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT id, article_id, event_id, trigger_start, trigger_end FROM event_mentions "
        "WHERE id = ?",
        (mention_id,),
    ).fetchone()


def add_override(
    conn: sqlite3.Connection,
    action: str,
    *,
    event_mention_id: int | None = None,
    event_id: int | None = None,
    other_event_id: int | None = None,
    note: str | None = None,
) -> int:
    """Record a reader's correction and apply it at once; returns the override id.

    - ``confirm`` (mention, event): the mention belongs to the event; it stays with it.
    - ``reject`` (mention, event): the mention is not this event; it becomes its own.
    - ``merge`` (event, other_event): one event; the other's mentions join ``event_id``.
    - ``split`` (mention): the mention starts a new event, apart from its current one.
    """
    if action not in OVERRIDE_ACTIONS:
        raise ValueError(f"unknown override action {action!r}")
    key = other_key = None
    if event_mention_id is not None:
        m = _mention(conn, event_mention_id)
        if m is None:
            raise ValueError(f"no event mention {event_mention_id}")
        key = mention_key(m["article_id"], m["trigger_start"], m["trigger_end"])
        if event_id is None:
            event_id = m["event_id"]
    if action == "merge":
        if event_id is None or other_event_id is None:
            raise ValueError("merge needs event_id and other_event_id")
        a, b = _representative(conn, event_id), _representative(conn, other_event_id)
        if a is None or b is None:
            raise ValueError("merge needs two events with mentions")
        key = mention_key(a["article_id"], a["trigger_start"], a["trigger_end"])
        other_key = mention_key(b["article_id"], b["trigger_start"], b["trigger_end"])
    else:
        if key is None or event_id is None:
            raise ValueError(f"{action} needs an event mention in an event")
        rep = conn.execute(
            "SELECT id, article_id, trigger_start, trigger_end FROM event_mentions "
            "WHERE event_id = ? AND id != ? ORDER BY salience DESC, id LIMIT 1",
            (event_id, event_mention_id),
        ).fetchone()
        if rep is not None:
            other_key = mention_key(rep["article_id"], rep["trigger_start"], rep["trigger_end"])
    cur = conn.execute(
        "INSERT INTO event_overrides(action, event_mention_id, event_id, other_event_id, "
        "created_at, mention_key, other_mention_key, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (action, event_mention_id, event_id, other_event_id, now_iso(), key, other_key, note),
    )
    return int(cur.lastrowid or 0)


def mention_assignments(
    conn: sqlite3.Connection, event_ids: Iterable[int]
) -> dict[int, int | None]:
    """Which event each mention of these events is in (what an undo restores)."""
    ids = sorted(set(event_ids))
    if not ids:
        return {}
    rows = conn.execute(
        f"SELECT id, event_id FROM event_mentions WHERE event_id IN ({','.join('?' * len(ids))})",
        ids,
    ).fetchall()
    return {int(r[0]): r[1] for r in rows}


def restore_assignments(conn: sqlite3.Connection, before: dict[int, int | None]) -> set[int]:
    """Put mentions back in the events they were in (an event emptied since is made
    again under its id); returns the events whose membership changed."""
    touched: set[int] = set()
    for mention_id, event_id in before.items():
        row = conn.execute(
            "SELECT event_id, type FROM event_mentions WHERE id = ?", (mention_id,)
        ).fetchone()
        if row is None or row[0] == event_id:
            continue
        if event_id is not None:
            conn.execute("INSERT OR IGNORE INTO events(id, type) VALUES (?, ?)", (event_id, row[1]))
        conn.execute("UPDATE event_mentions SET event_id = ? WHERE id = ?", (event_id, mention_id))
        touched.update(e for e in (row[0], event_id) if e is not None)
    return touched


def delete_override(conn: sqlite3.Connection, override_id: int) -> None:
    conn.execute("DELETE FROM event_overrides WHERE id = ?", (override_id,))


def _by_key(conn: sqlite3.Connection, key: str | None) -> sqlite3.Row | None:
    if not key:
        return None
    article_id, ts, te = key.split(":")
    return conn.execute(
        "SELECT id, event_id, type FROM event_mentions WHERE article_id = ? "
        "AND IFNULL(trigger_start, 'None') = ? AND IFNULL(trigger_end, 'None') = ?",
        (int(article_id), ts if ts == "None" else int(ts), te if te == "None" else int(te)),
    ).fetchone()


def apply_overrides(conn: sqlite3.Connection, article_id: int | None = None) -> set[int]:
    """Replay the reader's overrides (all, or those touching one article), oldest first.

    Returns the ids of the events whose membership changed (their summaries need a
    refresh). Overrides whose mentions no longer exist are skipped, not deleted.
    """
    sql = "SELECT * FROM event_overrides"
    args: tuple[Any, ...] = ()
    if article_id is not None:
        sql += " WHERE mention_key LIKE ? OR other_mention_key LIKE ?"
        args = (f"{article_id}:%", f"{article_id}:%")
    touched: set[int] = set()
    for ov in conn.execute(sql + " ORDER BY id", args).fetchall():
        m = _by_key(conn, ov["mention_key"])
        other = _by_key(conn, ov["other_mention_key"])
        if m is None:
            continue
        action = ov["action"]
        if action == "confirm" and other is not None and other["event_id"] != m["event_id"]:
            touched.update(e for e in (m["event_id"], other["event_id"]) if e)
            conn.execute(
                "UPDATE event_mentions SET event_id = ? WHERE id = ?", (other["event_id"], m["id"])
            )
        elif action in ("reject", "split"):
            if other is not None and other["event_id"] != m["event_id"]:
                continue  # already apart
            if other is None and action == "reject":
                continue
            fresh = new_event(conn, m["type"])
            touched.update(e for e in (m["event_id"], fresh) if e)
            conn.execute("UPDATE event_mentions SET event_id = ? WHERE id = ?", (fresh, m["id"]))
        elif action == "merge" and other is not None and other["event_id"] != m["event_id"]:
            if m["event_id"] is None or other["event_id"] is None:
                continue
            touched.update((m["event_id"], other["event_id"]))
            conn.execute(
                "UPDATE event_mentions SET event_id = ? WHERE event_id = ?",
                (m["event_id"], other["event_id"]),
            )
    return touched


def blocked_events(conn: sqlite3.Connection, key: str) -> set[int]:
    """Events a mention must not join (the reader rejected or split it from them)."""
    out: set[int] = set()
    for ov in conn.execute(
        "SELECT other_mention_key FROM event_overrides WHERE mention_key = ? "
        "AND action IN ('reject', 'split')",
        (key,),
    ):
        other = _by_key(conn, ov[0])
        if other is not None and other["event_id"] is not None:
            out.add(int(other["event_id"]))
    return out


# ------------------------------------------------------------------ reader queries
