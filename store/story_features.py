"""What the story decision reads of the store, through indexes (see :mod:`store.stories`
for the writes):

- an article's content words, entities, headline, date and names (its features);
- candidate stories by shared rare content words (index ``article_terms(term,
  article_id)``) and shared rare entities (index ``mentions(entity_id)``), newest first,
  bounded by ``LIMIT``, then kept to a time window around the article's date;
- a story's features from at most :data:`MEMBERS_PER_STORY` of its articles.

The article's date is its publication date, else when it was fetched or captured
(``IFNULL(published_at, fetched_at)``, the expression the list and the index use).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

#: An article's date: its publication date, else when it was fetched or captured.
DATE_SQL = "IFNULL(a.published_at, a.fetched_at)"
#: Candidate articles per shared term or entity (newest first).
ARTICLES_PER_KEY = 30
#: Rare terms / entities of the new article used to look for candidates.
KEYS_PER_ARTICLE = 12
#: Member articles that stand for a story when it is scored.
MEMBERS_PER_STORY = 6


# ------------------------------------------------------------------ article features


def article_text(conn: sqlite3.Connection, article_id: int) -> tuple[str | None, str] | None:
    """An article's (title, body), or None when there is no such article."""
    row = conn.execute("SELECT title, body FROM articles WHERE id = ?", (article_id,)).fetchone()
    return (row[0], row[1] or "") if row else None


def has_terms(conn: sqlite3.Connection, article_id: int) -> bool:
    """Were the article's content words stored already (a re-link keeps them)?"""
    row = conn.execute("SELECT 1 FROM article_terms WHERE article_id = ? LIMIT 1", (article_id,))
    return row.fetchone() is not None


def save_terms(conn: sqlite3.Connection, article_id: int, terms: Mapping[str, int]) -> None:
    """Store an article's content words (term -> count) and count it in their df, once."""
    if has_terms(conn, article_id):
        return
    conn.executemany(
        "INSERT INTO article_terms(article_id, term, tf) VALUES (?, ?, ?)",
        [(article_id, t, int(n)) for t, n in terms.items()],
    )
    conn.executemany(
        "INSERT INTO terms(term, df) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1",
        [(t,) for t in terms],
    )


def article_terms(
    conn: sqlite3.Connection, article_ids: Iterable[int]
) -> dict[int, dict[str, tuple[int, int]]]:
    """Per article: term -> (count in the article, articles using it)."""
    out: dict[int, dict[str, tuple[int, int]]] = {}
    rows = conn.execute(
        "SELECT at.article_id, at.term, at.tf, IFNULL(t.df, 1) FROM json_each(?) j "
        "JOIN article_terms at ON at.article_id = j.value "
        "LEFT JOIN terms t ON t.term = at.term",
        (json.dumps([int(a) for a in article_ids]),),
    )
    for aid, term, tf, df in rows:
        out.setdefault(int(aid), {})[term] = (int(tf), int(df))
    return out


def term_df(conn: sqlite3.Connection, terms: Iterable[str]) -> dict[str, int]:
    """Per term: the articles using it (1 for a term no article uses: as
    :func:`article_terms` counts it)."""
    rows = conn.execute(
        "SELECT j.value, IFNULL(t.df, 1) FROM json_each(?) j LEFT JOIN terms t ON t.term = j.value",
        (json.dumps(list(terms)),),
    )
    return {str(term): int(df) for term, df in rows}


def entity_df(conn: sqlite3.Connection, entity_ids: Iterable[int]) -> dict[int, int]:
    """Per entity: the articles mentioning it (as :func:`article_entities` counts it)."""
    rows = conn.execute(
        "SELECT e.id, e.article_count FROM json_each(?) j JOIN entities e ON e.id = j.value",
        (json.dumps([int(e) for e in entity_ids]),),
    )
    return {int(eid): int(df or 1) for eid, df in rows}


def article_entities(
    conn: sqlite3.Connection, article_ids: Iterable[int]
) -> dict[int, dict[int, tuple[int, int]]]:
    """Per article: entity id -> (mentions in the article, articles mentioning it)."""
    out: dict[int, dict[int, tuple[int, int]]] = {}
    rows = conn.execute(
        "SELECT m.article_id, m.entity_id, count(*), e.article_count FROM json_each(?) j "
        "JOIN mentions m ON m.article_id = j.value "
        "JOIN entities e ON e.id = m.entity_id "
        "WHERE m.entity_id IS NOT NULL GROUP BY m.article_id, m.entity_id",
        (json.dumps([int(a) for a in article_ids]),),
    )
    for aid, eid, tf, df in rows:
        out.setdefault(int(aid), {})[int(eid)] = (int(tf), int(df or 1))
    return out


def article_names(
    conn: sqlite3.Connection, article_ids: Iterable[int]
) -> dict[int, list[tuple[str, str, int, int]]]:
    """Per article: the entities it names, as (label, name, mentions in the article,
    entity id)."""
    out: dict[int, list[tuple[str, str, int, int]]] = {}
    rows = conn.execute(
        "SELECT m.article_id, e.label, e.name, count(*), e.id FROM json_each(?) j "
        "JOIN mentions m ON m.article_id = j.value "
        "JOIN entities e ON e.id = m.entity_id GROUP BY m.article_id, m.entity_id",
        (json.dumps([int(a) for a in article_ids]),),
    )
    for aid, label, name, tf, eid in rows:
        out.setdefault(int(aid), []).append((str(label), str(name or ""), int(tf), int(eid)))
    return out


def article_heads(
    conn: sqlite3.Connection, article_ids: Iterable[int]
) -> dict[int, dict[str, Any]]:
    """Per article: title, outlet, date (publication, else fetch), story id."""
    rows = conn.execute(
        f"SELECT a.id, a.title, a.outlet, {DATE_SQL} AS date, a.published_at, a.story_id "
        "FROM json_each(?) j JOIN articles a ON a.id = j.value",
        (json.dumps([int(a) for a in article_ids]),),
    )
    return {int(r["id"]): dict(r) for r in rows}


# ------------------------------------------------------------------ candidates


def candidate_articles(
    conn: sqlite3.Connection,
    *,
    article_id: int,
    terms: Iterable[str],
    entity_ids: Iterable[int],
    lo: str | None,
    hi: str | None,
) -> dict[int, int]:
    """Stored articles (with a story) sharing a rare term or entity with the new one,
    dated within [lo, hi] when both are known: article id -> story id."""
    found: dict[int, int] = {}
    k = ARTICLES_PER_KEY

    def keep(rows: Iterable[sqlite3.Row]) -> None:
        for r in rows:
            if r[1] is None or r[0] == article_id:
                continue
            if lo and hi and r[2] and not (lo <= r[2][:10] <= hi):
                continue
            found[int(r[0])] = int(r[1])

    for term in list(terms)[:KEYS_PER_ARTICLE]:
        keep(
            conn.execute(
                f"SELECT a.id, a.story_id, {DATE_SQL} FROM article_terms at "
                "JOIN articles a ON a.id = at.article_id "
                "WHERE at.term = ? AND at.article_id != ? AND a.story_id IS NOT NULL "
                "ORDER BY at.article_id DESC LIMIT ?",
                (term, article_id, k),
            )
        )
    for eid in list(entity_ids)[:KEYS_PER_ARTICLE]:
        keep(
            conn.execute(
                f"SELECT DISTINCT a.id, a.story_id, {DATE_SQL} FROM mentions m "
                "JOIN articles a ON a.id = m.article_id "
                "WHERE m.entity_id = ? AND m.article_id != ? AND a.story_id IS NOT NULL "
                "ORDER BY m.article_id DESC LIMIT ?",
                (eid, article_id, k),
            )
        )
    return found


def story_members(
    conn: sqlite3.Connection,
    story_id: int,
    limit: int = MEMBERS_PER_STORY,
    leave_out: int | None = None,
) -> list[int]:
    """The newest articles of a story (those that stand for it when scored), but
    ``leave_out`` (an article weighed against its own story)."""
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT id FROM articles WHERE story_id = ? AND id IS NOT ? ORDER BY id DESC LIMIT ?",
            (story_id, leave_out, limit),
        )
    ]


def story_span(
    conn: sqlite3.Connection, story_ids: Iterable[int]
) -> dict[int, tuple[str | None, str | None]]:
    """Per story: (date_start, date_end)."""
    rows = conn.execute(
        "SELECT s.id, s.date_start, s.date_end FROM json_each(?) j JOIN stories s ON s.id = j.value",
        (json.dumps([int(s) for s in story_ids]),),
    )
    return {int(r[0]): (r[1], r[2]) for r in rows}
