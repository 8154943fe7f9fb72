"""The reader's corrections of stories and events, applied and undone in one transaction
each, and replayed after a full re-link (:func:`replay_overrides`)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from ingest.event_summary import refresh_events
from ingest.stories import apply_correction as apply_story_correction
from ingest.stories import refresh as refresh_story
from store import overrides as store_overrides
from store import stories as store_stories
from store.db import transaction


def replay_overrides(conn: sqlite3.Connection) -> None:
    """Apply every story and event correction of the reader once more (after a full
    re-link, when all the articles they name are linked), and clear ``needs_relink``."""
    with transaction(conn):
        for sid in store_stories.apply_story_overrides(conn):
            refresh_story(conn, sid)
        refresh_events(conn, store_overrides.apply_overrides(conn))
        store_stories.clear_needs_relink(conn)


def add_override(conn: sqlite3.Connection, action: str, **kwargs: Any) -> int:
    """Record and apply a reader's correction (see :func:`store.events.add_override`)."""
    return correct_event(conn, action, **kwargs).override_id


@dataclass(frozen=True)
class Correction:
    """A reader's correction as applied, with what it changed, so it can be undone:
    ``before`` maps each event mention (kind "event") or article (kind "story") that
    could move to the event or story it was in."""

    kind: str
    override_id: int
    before: dict[int, int | None]


def correct_event(conn: sqlite3.Connection, action: str, **kwargs: Any) -> Correction:
    """Record and apply a link correction in one transaction; the result undoes it."""
    with transaction(conn):
        events = {kwargs.get("event_id"), kwargs.get("other_event_id")}
        mention_id = kwargs.get("event_mention_id")
        if mention_id is not None:
            row = conn.execute(
                "SELECT event_id FROM event_mentions WHERE id = ?", (mention_id,)
            ).fetchone()
            events.add(row[0] if row else None)
        before = store_overrides.mention_assignments(conn, [e for e in events if e is not None])
        if mention_id is not None and mention_id not in before:
            before[int(mention_id)] = None
        oid = store_overrides.add_override(conn, action, **kwargs)
        refresh_events(conn, store_overrides.apply_overrides(conn))
    return Correction("event", oid, before)


def correct_story(
    conn: sqlite3.Connection, action: str, article_id: int, other_article_id: int | None = None
) -> Correction:
    """A story correction (see :func:`ingest.stories.correct`) that can be undone."""
    with transaction(conn):
        ids = [article_id] + ([other_article_id] if other_article_id is not None else [])
        before = store_stories.story_assignments(conn, ids)
        oid, _ = apply_story_correction(conn, action, article_id, other_article_id)
    return Correction("story", oid, before)


def undo(conn: sqlite3.Connection, correction: Correction) -> None:
    """Take back a correction: the override is forgotten and what it moved goes back
    where it was, in one transaction."""
    with transaction(conn):
        if correction.kind == "event":
            store_overrides.delete_override(conn, correction.override_id)
            refresh_events(conn, store_overrides.restore_assignments(conn, correction.before))
        else:
            store_stories.delete_story_override(conn, correction.override_id)
            for sid in store_stories.restore_story_assignments(conn, correction.before):
                refresh_story(conn, sid)
