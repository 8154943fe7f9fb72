"""Which stored events a new event mention may be: bounded lookups through indexes.

Every lookup here is bounded (``LIMIT``), so linking one new article costs the same
with ten thousand or a million stored event mentions:

- by trigger lemma within a date window (index ``event_mentions(lemma, date)``);
- by type within a date window (index ``events(type, date_start)``);
- by a shared participant (indexes ``event_mentions(actor_id)`` / ``(target_id)``),
  newest first;
- inside the mention's story, by its words or type;
- the sayings of what a saying says (:func:`reporting_events`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from store.events import says

#: Candidate events per lookup (each of the lookups below).
CANDIDATES_PER_QUERY = 40
#: How far back a candidate event's start may lie before the mention's time (a year:
#: the widest precision we store).
WINDOW_DAYS = 366


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
        f"SELECT r.event_id FROM event_mentions em JOIN event_mentions r ON {says('em', 'r')} "
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
            f"SELECT DISTINCT s.event_id FROM event_mentions c "
            f"JOIN event_mentions s ON s.reports IS NOT NULL AND {says('s', 'c')} "
            "WHERE c.event_id = ? AND s.event_id IS NOT NULL LIMIT ?",
            (reported, CANDIDATES_PER_QUERY),
        )
    }
