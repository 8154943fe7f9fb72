"""Linked events in the store: candidate lookup, assignment, summaries, reader overrides.

Why the split with analysis/linking.py: the decision "same event or not" is pure and
tested without a database; this module only answers questions through indexes and
writes the outcome. Every lookup here is bounded (``LIMIT``), so linking one new article
costs the same with ten thousand or a million stored event mentions:

- by trigger lemma within a date window (index ``event_mentions(lemma, date)``);
- by type within a date window (index ``events(type, date_start)``);
- by a shared participant (indexes ``event_mentions(actor_id)`` / ``(target_id)``),
  newest first.

An event's features are read from at most :data:`MENTIONS_PER_EVENT` of its newest
mentions and the entities of at most :data:`ARTICLES_PER_EVENT` of its articles.

Reader overrides (``event_overrides``) are stored with text anchors
(``article_id:trigger_start:trigger_end``) of the mention and of a representative
mention of the other event, so they survive re-analysis and a full re-link, after which
:func:`apply_overrides` replays them in the order they were made.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from store.writes import now_iso

#: Candidate events per lookup (each of the lookups below).
CANDIDATES_PER_QUERY = 40
MENTIONS_PER_EVENT = 40
ARTICLES_PER_EVENT = 4
#: How far back a candidate event's start may lie before the mention's time (a year:
#: the widest precision we store).
WINDOW_DAYS = 366

OVERRIDE_ACTIONS = ("confirm", "reject", "merge", "split")

_MENTION_SQL = """
SELECT em.id, em.article_id, em.event_id, em.type, em.lemma, em.trigger, em.date,
       em.date_precision, em.modality, em.salience, em.trigger_start, em.trigger_end,
       em.actor_id, ea.name AS actor_name, ea.label AS actor_label,
       em.target_id, et.name AS target_name, et.label AS target_label,
       em.location_id, el.name AS location_name, em.sentence, em."start", em."end",
       IFNULL(ar.published_at, ar.fetched_at) AS published_at, ar.story_id, em.theme,
       em.reports, substr(ar.body, em."start" + 1, em."end" - em."start") AS sentence_text,
       (SELECT r.event_id FROM event_mentions r
        WHERE em.reports IS NOT NULL AND r.article_id = em.article_id AND r.id != em.id
          AND r.trigger_start <= em.reports AND r.trigger_end > em.reports
        ORDER BY r.id LIMIT 1) AS reported_event
FROM event_mentions em
JOIN articles ar ON ar.id = em.article_id
LEFT JOIN entities ea ON ea.id = em.actor_id
LEFT JOIN entities et ON et.id = em.target_id
LEFT JOIN entities el ON el.id = em.location_id
"""


def mention_key(article_id: int, trigger_start: int | None, trigger_end: int | None) -> str:
    """The text anchor of an event mention (stable across re-analysis)."""
    return f"{article_id}:{trigger_start}:{trigger_end}"


def article_mentions(
    conn: sqlite3.Connection, article_id: int, *, unlinked_only: bool = False
) -> list[dict[str, Any]]:
    """An article's event mentions with participant names, in text order."""
    where = "WHERE em.article_id = ?" + (" AND em.event_id IS NULL" if unlinked_only else "")
    sql = _MENTION_SQL + where + " ORDER BY em.trigger_start, em.id"
    return [dict(r) for r in conn.execute(sql, (article_id,))]


def article_context(conn: sqlite3.Connection, article_id: int) -> dict[int, tuple[int, int]]:
    """The entities an article mentions, each with (its mentions in the article, the
    articles that mention it): the counts behind the article's tf-idf context."""
    rows = conn.execute(
        "SELECT m.entity_id, count(*), e.article_count FROM mentions m "
        "JOIN entities e ON e.id = m.entity_id "
        "WHERE m.article_id = ? AND m.entity_id IS NOT NULL GROUP BY m.entity_id",
        (article_id,),
    )
    return {int(r[0]): (int(r[1]), int(r[2] or 1)) for r in rows}


def store_size(conn: sqlite3.Connection) -> int:
    """About how many articles the store holds (the largest id: O(1), not a count)."""
    row = conn.execute("SELECT max(id) FROM articles").fetchone()
    return int(row[0] or 0)


def _window(first: date, last: date) -> tuple[str, str]:
    """String bounds for ``date`` columns: every value (any precision) that may overlap."""
    lo = first - timedelta(days=WINDOW_DAYS)
    # "2025-06-30~" sorts after every value that starts with a day up to 2025-06-30.
    return lo.isoformat()[:4], last.isoformat() + "~"


def candidate_events(
    conn: sqlite3.Connection,
    *,
    lemma: str | None,
    etype: str | None,
    span: tuple[date, date] | None,
    entity_ids: Sequence[int],
    parties: set[int] | None = None,
) -> set[int]:
    """Ids of events a mention may belong to, found through indexes only (bounded).
    ``parties``, when given, receives those found through a shared participant."""
    found: set[int] = set()
    k = CANDIDATES_PER_QUERY
    if span is not None:
        lo, hi = _window(*span)
        if lemma:
            found.update(
                r[0]
                for r in conn.execute(
                    "SELECT event_id FROM event_mentions INDEXED BY idx_event_mentions_lemma_date "
                    "WHERE lemma = ? AND date BETWEEN ? AND ? AND event_id IS NOT NULL "
                    "ORDER BY date DESC LIMIT ?",
                    (lemma, lo, hi, k),
                )
            )
        if etype and etype != "other":
            found.update(
                r[0]
                for r in conn.execute(
                    "SELECT id FROM events WHERE type = ? AND date_start BETWEEN ? AND ? "
                    "ORDER BY date_start DESC LIMIT ?",
                    (etype, lo, hi, k),
                )
            )
    for eid in dict.fromkeys(entity_ids):
        for col in ("actor_id", "target_id"):
            shared = {
                r[0]
                for r in conn.execute(
                    f"SELECT event_id FROM event_mentions WHERE {col} = ? "
                    f"AND event_id IS NOT NULL ORDER BY id DESC LIMIT ?",
                    (eid, k),
                )
            }
            found |= shared
            if parties is not None:
                parties |= shared
    if lemma:
        # Undated mentions with the trigger lemma (newest first): an undated report does
        # not conflict with a dated one.
        found.update(
            r[0]
            for r in conn.execute(
                "SELECT event_id FROM event_mentions INDEXED BY idx_event_mentions_lemma_date "
                "WHERE lemma = ? AND date IS NULL AND event_id IS NOT NULL "
                "ORDER BY id DESC LIMIT ?",
                (lemma, k),
            )
        )
        if span is None:
            # An undated mention: the latest dated events with its trigger lemma too.
            found.update(
                r[0]
                for r in conn.execute(
                    "SELECT event_id FROM event_mentions INDEXED BY idx_event_mentions_lemma_date "
                    "WHERE lemma = ? AND date IS NOT NULL AND event_id IS NOT NULL "
                    "ORDER BY date DESC LIMIT ?",
                    (lemma, k),
                )
            )
    return found


def story_candidates(
    conn: sqlite3.Connection,
    story_id: int | None,
    *,
    lemma: str | None,
    etype: str | None,
    also: Iterable[str] = (),
) -> set[int]:
    """Events of the story's articles with the mention's trigger lemma (or one of
    ``also``: other words of its family) or type (newest articles first, bounded):
    inside a story events link leniently, so these are always weighed, however many
    other events share the word."""
    if story_id is None:
        return set()
    lemmas = [lemma, *also]
    # INDEXED BY: without statistics for articles (a user's store: ANALYZE ran when it was
    # created, empty) SQLite walked every mention of the lemma or type through their
    # indexes instead of the story's few articles, a cost that grew with the store
    # (bench/linking_speed.py: 10k -> 100k stored event mentions 6.9x).
    rows = conn.execute(
        "SELECT DISTINCT em.event_id FROM articles a INDEXED BY idx_articles_story "
        "JOIN event_mentions em ON em.article_id = a.id "
        "WHERE a.story_id = ? AND em.event_id IS NOT NULL "
        f"AND (em.lemma IN ({', '.join('?' * len(lemmas))}) OR em.type = ?) "
        "ORDER BY a.id DESC LIMIT ?",
        (story_id, *lemmas, etype, CANDIDATES_PER_QUERY),
    )
    return {int(r[0]) for r in rows}


def reported_event(conn: sqlite3.Connection, mention_id: int) -> int | None:
    """The event of what a saying says, as linked now (None: not a saying, or unlinked)."""
    row = conn.execute(
        "SELECT r.event_id FROM event_mentions em JOIN event_mentions r "
        "ON r.article_id = em.article_id AND r.id != em.id "
        "AND r.trigger_start <= em.reports AND r.trigger_end > em.reports "
        "WHERE em.id = ? ORDER BY r.id LIMIT 1",
        (mention_id,),
    ).fetchone()
    return row[0] if row else None


def reporting_events(conn: sqlite3.Connection, reported: int) -> set[int]:
    """Events of the sayings that report event ``reported`` (see :mod:`analysis.reports`):
    "the navy said [it captured 23 pirates]" in every report of the capture."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT s.event_id FROM event_mentions c "
            "JOIN event_mentions s ON s.article_id = c.article_id AND s.reports IS NOT NULL "
            "AND c.trigger_start <= s.reports AND c.trigger_end > s.reports "
            "WHERE c.event_id = ? AND s.event_id IS NOT NULL AND s.id != c.id LIMIT ?",
            (reported, CANDIDATES_PER_QUERY),
        )
    }


def event_members(conn: sqlite3.Connection, event_id: int) -> list[dict[str, Any]]:
    """The newest mentions of an event (bounded), with participant names."""
    sql = _MENTION_SQL + "WHERE em.event_id = ? ORDER BY em.id DESC LIMIT ?"
    return [dict(r) for r in conn.execute(sql, (event_id, MENTIONS_PER_EVENT))]


#: (type, lemma, date, date_precision, article_id, published_at) of one event mention.
EventKind = tuple[str | None, str | None, str | None, str | None, int, str | None]


def kind_of(row: Mapping[str, Any]) -> EventKind:
    """The kind of a mention row of :func:`event_members` (what :func:`event_kinds` reads)."""
    return (
        row["type"],
        row["lemma"],
        row["date"],
        row["date_precision"],
        int(row["article_id"]),
        row["published_at"],
    )


def event_kinds(conn: sqlite3.Connection, event_ids: Iterable[int]) -> dict[int, list[EventKind]]:
    """``(type, lemma, date, date_precision, article_id, published_at)`` of the mentions
    :func:`event_members` reads (the newest :data:`MENTIONS_PER_EVENT`) of each event,
    newest first, in one bounded, indexed query."""
    out: dict[int, list[EventKind]] = {}
    rows = conn.execute(
        "SELECT c.value, x.type, x.lemma, x.date, x.date_precision, x.article_id, "
        "IFNULL(a.published_at, a.fetched_at) FROM json_each(?) c "
        "JOIN event_mentions x ON x.id IN (SELECT id FROM event_mentions "
        "WHERE event_id = c.value ORDER BY id DESC LIMIT ?) "
        "JOIN articles a ON a.id = x.article_id ORDER BY c.value, x.id DESC",
        (json.dumps([int(e) for e in event_ids]), MENTIONS_PER_EVENT),
    )
    for event_id, etype, lemma, when, precision, article_id, published in rows:
        out.setdefault(int(event_id), []).append(
            (etype, lemma, when, precision, int(article_id), published)
        )
    return out


def newest_articles(article_ids: Iterable[int]) -> list[int]:
    """The articles whose contexts stand for an event (its newest, bounded)."""
    return sorted(set(article_ids), reverse=True)[:ARTICLES_PER_EVENT]


def event_article_contexts(
    conn: sqlite3.Connection, article_ids: Iterable[int]
) -> dict[int, dict[int, tuple[int, int]]]:
    """The contexts (see :func:`article_context`) of the given articles."""
    return {aid: article_context(conn, aid) for aid in article_ids}


def linked_events(conn: sqlite3.Connection, article_id: int) -> set[int]:
    """The events an article's mentions are in."""
    rows = conn.execute(
        "SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ? "
        "AND event_id IS NOT NULL",
        (article_id,),
    )
    return {int(r[0]) for r in rows}


def unlink_article(conn: sqlite3.Connection, article_id: int) -> set[int]:
    """Take an article's mentions out of their events (to be linked again, e.g. after the
    article moved to another story); returns the events they were in, whose summaries
    the caller refreshes (an event left empty goes then)."""
    events = linked_events(conn, article_id)
    conn.execute("UPDATE event_mentions SET event_id = NULL WHERE article_id = ?", (article_id,))
    return events


def new_event(conn: sqlite3.Connection, etype: str | None = None) -> int:
    cur = conn.execute("INSERT INTO events(type) VALUES (?)", (etype,))
    return int(cur.lastrowid or 0)


def assign(conn: sqlite3.Connection, mention_id: int, event_id: int | None) -> int:
    """Put a mention in an event (a new one when ``event_id`` is None); returns the event."""
    if event_id is None:
        row = conn.execute("SELECT type FROM event_mentions WHERE id = ?", (mention_id,)).fetchone()
        event_id = new_event(conn, row[0] if row else None)
    conn.execute("UPDATE event_mentions SET event_id = ? WHERE id = ?", (event_id, mention_id))
    return event_id


def merge_events(conn: sqlite3.Connection, into: int, others: Iterable[int]) -> None:
    """Move every mention of ``others`` into ``into`` (the emptied events go on the next
    refresh of their summaries)."""
    ids = [int(e) for e in others if int(e) != into]
    conn.execute(
        "UPDATE event_mentions SET event_id = ? WHERE event_id IN (SELECT value FROM json_each(?))",
        (into, json.dumps(ids)),
    )


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


#: Characters of a mention's sentence read either side of its trigger (for its title).
SENTENCE_WINDOW = 240

_SUMMARY_SQL = """
SELECT em.id, em.article_id, em.type, em.lemma, em.trigger, em.date, em.date_precision,
       em.modality, em.salience, em.trigger_start, em.trigger_end, em.gist,
       em.actor_id, ea.name AS actor_name, ea.label AS actor_label,
       em.target_id, et.name AS target_name, et.label AS target_label,
       em.location_id, el.name AS location_name,
       max(em."start", em.trigger_start - :window) AS sentence_start,
       substr(ar.body, max(em."start", em.trigger_start - :window) + 1,
              min(em."end", em.trigger_end + :window)
              - max(em."start", em.trigger_start - :window)) AS sentence_text,
       st.title AS story_title,
       (SELECT json_array(en.name, en.label) FROM mentions m
        JOIN entities en ON en.id = m.entity_id
        WHERE m.article_id = em.article_id AND m."start" >= em."start"
          AND m."end" <= em.trigger_start AND en.label IN ('PERSON', 'ORG', 'GPE', 'NORP')
        ORDER BY m."start" LIMIT 1) AS sentence_subject
FROM event_mentions em
JOIN articles ar ON ar.id = em.article_id
LEFT JOIN entities ea ON ea.id = em.actor_id
LEFT JOIN entities et ON et.id = em.target_id
LEFT JOIN entities el ON el.id = em.location_id
LEFT JOIN stories st ON st.id = ar.story_id
WHERE em.event_id = :event_id
ORDER BY em.salience DESC, em.id
"""


def event_summary_input(conn: sqlite3.Connection, event_id: int) -> list[dict[str, Any]]:
    """All mentions of an event (for its title, dates and counts), best first, each with
    its participants' labels, the part of its sentence around the trigger
    (``sentence_text``, starting at body offset ``sentence_start``: at most
    SENTENCE_WINDOW characters either side), the first person, organisation, place or
    group its sentence names before the trigger (``sentence_subject``: JSON [name,
    label], or None) and its article's story title (or None)."""
    params = {"event_id": event_id, "window": SENTENCE_WINDOW}
    return [dict(r) for r in conn.execute(_SUMMARY_SQL, params)]


def update_event(
    conn: sqlite3.Connection,
    event_id: int,
    *,
    etype: str | None,
    title: str | None,
    date_start: str | None,
    date_end: str | None,
    location_id: int | None,
) -> None:
    """Write an event's summary; counts come from its mentions. An empty event is deleted."""
    n, arts = conn.execute(
        "SELECT count(*), count(DISTINCT article_id) FROM event_mentions WHERE event_id = ?",
        (event_id,),
    ).fetchone()
    if n == 0:
        conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
        return
    conn.execute(
        "UPDATE events SET type = ?, title = ?, date_start = ?, date_end = ?, location_id = ?, "
        "mention_count = ?, article_count = ? WHERE id = ?",
        (etype, title, date_start, date_end, location_id, n, arts, event_id),
    )


def clear_links(conn: sqlite3.Connection) -> None:
    """Forget every link (for a full re-link); the reader's overrides stay."""
    conn.execute("UPDATE event_mentions SET event_id = NULL")
    conn.execute("DELETE FROM events")


def articles_in_order(conn: sqlite3.Connection) -> list[int]:
    """Analysed articles, oldest first (the order a re-link replays: stories and events
    grow as they did when the articles arrived)."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT id FROM articles WHERE analysed_at IS NOT NULL "
            "ORDER BY IFNULL(published_at, IFNULL(fetched_at, '')), id"
        )
    ]


# ------------------------------------------------------------------ reader overrides


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


def get_event(conn: sqlite3.Connection, event_id: int) -> dict[str, Any] | None:
    """One linked event with its mentions across articles (for the event screen): each
    mention with its article's date, outlet and title and the sentence text."""
    row = conn.execute(
        "SELECT ev.*, el.name AS location FROM events ev "
        "LEFT JOIN entities el ON el.id = ev.location_id WHERE ev.id = ?",
        (event_id,),
    ).fetchone()
    if row is None:
        return None
    event = dict(row)
    event["mentions"] = [
        dict(r)
        for r in conn.execute(
            "SELECT em.id, em.article_id, em.trigger, em.lemma, em.type, em.date, "
            "em.date_precision, em.modality, em.salience, em.trigger_start, em.trigger_end, "
            'em."start", em."end", a.title AS article_title, a.outlet, a.published_at, '
            'substr(a.body, em."start" + 1, em."end" - em."start") AS sentence_text, '
            "ea.name AS actor, et.name AS target, el.name AS location, "
            "em.actor_id, em.target_id, em.location_id, a.story_id, em.sentence, em.theme, "
            "ea.name AS actor_name, et.name AS target_name, el.name AS location_name "
            "FROM event_mentions em JOIN articles a ON a.id = em.article_id "
            "LEFT JOIN entities ea ON ea.id = em.actor_id "
            "LEFT JOIN entities et ON et.id = em.target_id "
            "LEFT JOIN entities el ON el.id = em.location_id "
            "WHERE em.event_id = ? ORDER BY em.date IS NULL, em.date, "
            "IFNULL(a.published_at, a.fetched_at), em.article_id, "
            "em.trigger_start",
            (event_id,),
        )
    ]
    return event


def article_events(conn: sqlite3.Connection, article_id: int) -> list[dict[str, Any]]:
    """The linked events an article reports, most salient first, with how many other
    articles report each (the side panel's "what else do I have on this?")."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT ev.id, ev.type, ev.title, ev.date_start, ev.date_end, ev.article_count, "
            "ev.mention_count, max(em.salience) AS salience, min(em.trigger_start) AS first_at, "
            "count(em.id) AS mentions_here "
            "FROM event_mentions em JOIN events ev ON ev.id = em.event_id "
            "WHERE em.article_id = ? GROUP BY ev.id "
            "ORDER BY max(em.salience) DESC, min(em.trigger_start)",
            (article_id,),
        )
    ]
