"""A store's analysis as plain rows, free of row ids: two stores that analysed and linked
the same articles the same way give equal rows, whatever ids their rows got."""

from __future__ import annotations

import sqlite3
from typing import Any


def analysis_rows(conn: sqlite3.Connection) -> dict[str, Any]:
    """Mentions, event mentions, events and stories, each row named by content (article
    by content hash, entity by key, event and story by their members)."""
    q = lambda sql: [tuple(r) for r in conn.execute(sql)]  # noqa: E731
    mentions = q(
        'SELECT a.content_hash, m.start, m."end", m.text, m.label, m.sentence, e.key, '
        "e.name FROM mentions m JOIN articles a ON a.id = m.article_id "
        "LEFT JOIN entities e ON e.id = m.entity_id"
    )
    ev_members: dict[int, list[tuple[Any, ...]]] = {}
    for eid, h, ts, te in q(
        "SELECT m.event_id, a.content_hash, m.trigger_start, m.trigger_end "
        "FROM event_mentions m JOIN articles a ON a.id = m.article_id"
    ):
        ev_members.setdefault(eid, []).append((h, ts, te))
    ev_name = {eid: tuple(sorted(ms)) for eid, ms in ev_members.items()}
    event_mentions = [
        (*row[:-1], ev_name.get(row[-1]))
        for row in q(
            'SELECT a.content_hash, m.start, m."end", m.trigger_start, m.trigger_end, '
            "m.trigger, m.lemma, m.type, ea.key, et.key, el.key, m.date, m.date_precision, "
            "m.modality, round(m.salience, 6), m.sentence, m.event_id FROM event_mentions m "
            "JOIN articles a ON a.id = m.article_id "
            "LEFT JOIN entities ea ON ea.id = m.actor_id "
            "LEFT JOIN entities et ON et.id = m.target_id "
            "LEFT JOIN entities el ON el.id = m.location_id"
        )
    ]
    events = [
        (*row[:-1], ev_name.get(row[-1]))
        for row in q(
            "SELECT e.type, e.title, e.date_start, e.date_end, l.key, e.article_count, "
            "e.mention_count, e.id FROM events e LEFT JOIN entities l ON l.id = e.location_id"
        )
    ]
    st_members: dict[int, list[str]] = {}
    for sid, h in q("SELECT story_id, content_hash FROM articles WHERE story_id IS NOT NULL"):
        st_members.setdefault(sid, []).append(h)
    stories = [
        (*row[:-1], tuple(sorted(st_members.get(row[-1], ()))))
        for row in q(
            "SELECT title, date_start, date_end, article_count, outlet_count, id FROM stories"
        )
    ]
    entities = q("SELECT key, label, name, aliases, article_count, mention_count FROM entities")
    return {
        "mentions": sorted(mentions, key=repr),
        "event_mentions": sorted(event_mentions, key=repr),
        "events": sorted(events, key=repr),
        "stories": sorted(stories, key=repr),
        "entities": sorted(entities, key=repr),
    }
