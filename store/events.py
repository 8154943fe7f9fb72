"""Linked events in the store: candidate lookup, assignment, summaries.

Why the split with analysis/linking.py: the decision "same event or not" is pure and
tested without a database; this module only answers questions through indexes and
writes the outcome. The bounded candidate lookups are :mod:`store.candidates`.

An event's features are read from at most :data:`MENTIONS_PER_EVENT` of its newest
mentions and the entities of at most :data:`ARTICLES_PER_EVENT` of its articles.

Reader overrides (``event_overrides``) are kept and replayed by :mod:`store.overrides`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

MENTIONS_PER_EVENT = 40
ARTICLES_PER_EVENT = 4


def says(saying: str, said: str) -> str:
    """SQL: the event mention ``said`` (a table alias) is what the saying ``saying`` says:
    another mention of its article whose trigger holds the offset the saying reports
    (``reports``, see :mod:`analysis.reports`)."""
    return (
        f"{said}.article_id = {saying}.article_id AND {said}.id != {saying}.id "
        f"AND {said}.trigger_start <= {saying}.reports AND {said}.trigger_end > {saying}.reports"
    )


_MENTION_SQL = f"""
SELECT em.id, em.article_id, em.event_id, em.type, em.lemma, em.trigger, em.date,
       em.date_precision, em.modality, em.salience, em.trigger_start, em.trigger_end,
       em.actor_id, ea.name AS actor_name, ea.label AS actor_label,
       em.target_id, et.name AS target_name, et.label AS target_label,
       em.location_id, el.name AS location_name, el.label AS location_label, em.sentence,
       em."start", em."end",
       IFNULL(ar.published_at, ar.fetched_at) AS published_at, ar.story_id, em.theme,
       em.reports, em.gist, substr(ar.body, em."start" + 1, em."end" - em."start") AS sentence_text,
       CASE WHEN em.reports IS NOT NULL THEN (SELECT r.event_id FROM event_mentions r
        WHERE {says("em", "r")} ORDER BY r.id LIMIT 1) END AS reported_event
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
       (SELECT json_array(en.name, en.label, m."end") FROM mentions m
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
    label, end offset], or None) and its article's story title (or None)."""
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
