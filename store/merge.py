"""Merging a store analysed elsewhere (a shard) into this one: the rows.

Run inside the caller's transaction (:func:`ingest.merge.merge_shard` wraps one shard in
one, and links the merged articles in it), so a shard goes in whole or not at all.

- Sources by (kind, url) (a source without URL by kind and title).
- Articles de-duplicated as an import does (:func:`store.writes.find_existing`: URL,
  guid, then content hash). A new article comes with its analysis; an article stored
  here already keeps its own, unless it waits for analysis here and the shard analysed
  the very same body.
- Mentions and event mentions are carried with their article, offsets unchanged;
  entities are unified by their canonical key (``entities.key``), aliases merged, counts
  moved by each article's share (:func:`store.writes.replace_analysis_in`). Stories and
  events are not copied: the caller links the merged articles into this store's.
- The reader's data of every shard is kept: tags, notes (re-anchored by their quote when
  the body here differs), read and starred state, and the story and event corrections
  (their anchors moved to this store's article ids).
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store import writes
from store.schema import SCHEMA_VERSION, SchemaError, read_version


class MergeError(Exception):
    """A shard that cannot be merged (not a newsreader store, another schema version).
    One line for the user."""


@dataclass
class MergeStats:
    """What one shard brought."""

    added: int = 0
    duplicates: int = 0
    #: Articles whose analysis came from the shard (to be linked here).
    analysed: list[int] = field(default_factory=list)
    tags: int = 0
    notes: int = 0
    corrections: int = 0


def open_shard(path: str | os.PathLike[str], store: sqlite3.Connection) -> sqlite3.Connection:
    """A read-only connection to the shard at ``path``, checked: a newsreader store of
    this schema version, and not the store itself."""
    shard = Path(path)
    if not shard.is_file():
        raise MergeError(f"{shard}: no such file")
    main = store.execute("PRAGMA database_list").fetchone()[2]
    if main and os.path.exists(main) and os.path.samefile(main, shard):
        raise MergeError(f"{shard}: this is the store itself")
    conn = sqlite3.connect(f"file:{os.fspath(shard)}?mode=ro", uri=True, isolation_level=None)
    conn.row_factory = sqlite3.Row
    try:
        version = read_version(conn)
    except (sqlite3.DatabaseError, SchemaError) as exc:
        conn.close()
        raise MergeError(f"{shard}: not a newsreader store ({exc})") from None
    if version != SCHEMA_VERSION:
        conn.close()
        hint = (
            "open it once with this newsreader (that upgrades it), then merge"
            if 0 < version < SCHEMA_VERSION
            else "merge it with the newsreader that wrote it"
        )
        raise MergeError(
            f"{shard}: schema version {version}, this store's is {SCHEMA_VERSION}: "
            f"not merged; {hint}"
        )
    return conn


def _source_id(conn: sqlite3.Connection, row: sqlite3.Row) -> int:
    if row["url"]:
        found = conn.execute(
            "SELECT id FROM sources WHERE kind = ? AND url = ?", (row["kind"], row["url"])
        ).fetchone()
    else:
        found = conn.execute(
            "SELECT id FROM sources WHERE kind = ? AND url IS NULL AND title IS ?",
            (row["kind"], row["title"]),
        ).fetchone()
    if found:
        return int(found[0])
    cols = [c for c in row.keys() if c != "id"]  # noqa: SIM118 - sqlite3.Row
    cur = conn.execute(
        f"INSERT INTO sources({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [row[c] for c in cols],
    )
    return int(cur.lastrowid or 0)


def _entity(row: sqlite3.Row | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "key": row["key"],
        "label": row["label"],
        "name": row["name"],
        "aliases": json.loads(row["aliases"] or "[]"),
    }


def article_analysis(
    shard: sqlite3.Connection, article_id: int, entities: dict[int, dict[str, Any] | None]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """An article's mentions and event mentions in the shape the analysis gives them
    (entities as dicts, found again here by key)."""

    def entity(eid: int | None) -> dict[str, Any] | None:
        if eid is None:
            return None
        if eid not in entities:
            entities[eid] = _entity(
                shard.execute("SELECT * FROM entities WHERE id = ?", (eid,)).fetchone()
            )
        return entities[eid]

    mentions = [
        {
            "start": r["start"],
            "end": r["end"],
            "text": r["text"],
            "label": r["label"],
            "sentence": r["sentence"],
            "entity": entity(r["entity_id"]),
        }
        for r in shard.execute(
            "SELECT * FROM mentions WHERE article_id = ? ORDER BY id", (article_id,)
        )
    ]
    events = []
    for r in shard.execute(
        "SELECT * FROM event_mentions WHERE article_id = ? ORDER BY id", (article_id,)
    ):
        em = {k: r[k] for k in r.keys() if not k.endswith("_id") and k != "id"}  # noqa: SIM118
        for role in ("actor", "target", "location"):
            em[role] = entity(r[f"{role}_id"])
        events.append(em)
    return mentions, events


def _reanchor(body: str, note: sqlite3.Row) -> tuple[int | None, int | None]:
    """Where a note's quote sits in ``body``: its offsets if the quote is still there,
    else the quote found after its prefix, else the quote anywhere; else the offsets."""
    start, end, quote = note["start"], note["end"], note["quote"] or ""
    if start is None or end is None or not quote or body[start:end] == quote:
        return start, end
    prefix = note["prefix"] or ""
    at = body.find(prefix + quote) if prefix else -1
    if at >= 0:
        return at + len(prefix), at + len(prefix) + len(quote)
    at = body.find(quote)
    if at >= 0:
        return at, at + len(quote)
    return start, end


def _key(key: str | None, ids: dict[int, int]) -> str | None:
    """An event mention anchor (``article:start:end``) moved to this store's article id;
    None when its article did not come across."""
    if not key:
        return None
    head, _, rest = key.partition(":")
    try:
        return f"{ids[int(head)]}:{rest}" if int(head) in ids else None
    except ValueError:
        return None


def merge_in(conn: sqlite3.Connection, shard: sqlite3.Connection) -> MergeStats:
    """Copy ``shard``'s articles, their analysis and the reader's data into ``conn``
    (inside the caller's transaction). The articles whose analysis came across are in
    ``analysed``, oldest first, to be linked by the caller; they are left unlinked."""
    stats = MergeStats()
    sources: dict[int, int] = {}
    for row in shard.execute("SELECT * FROM sources ORDER BY id"):
        sources[int(row["id"])] = _source_id(conn, row)
    entities: dict[int, dict[str, Any] | None] = {}
    ids: dict[int, int] = {}  # shard article id -> article id here
    cols = (*writes.ARTICLE_COLUMNS, "analysed_at", "read_at", "starred")
    insert = f"INSERT INTO articles({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    take: list[tuple[str, int, int]] = []  # (order key, shard id, id here)
    for art in shard.execute(
        "SELECT * FROM articles ORDER BY IFNULL(published_at, IFNULL(fetched_at, '')), id"
    ):
        record = {c: art[c] for c in writes.ARTICLE_COLUMNS}
        record["source_id"] = sources.get(art["source_id"]) if art["source_id"] else None
        existing = writes.find_existing(conn, record)
        if existing is None:
            cur = conn.execute(
                insert,
                [
                    *(record[c] for c in writes.ARTICLE_COLUMNS),
                    None,
                    art["read_at"],
                    art["starred"] or 0,
                ],
            )
            here = int(cur.lastrowid or 0)
            stats.added += 1
            carry = art["analysed_at"] is not None
        else:
            here = existing
            stats.duplicates += 1
            mine = conn.execute(
                "SELECT analysed_at, content_hash FROM articles WHERE id = ?", (here,)
            ).fetchone()
            carry = (
                art["analysed_at"] is not None
                and mine[0] is None
                and mine[1] == art["content_hash"]
            )
            conn.execute(
                "UPDATE articles SET read_at = IFNULL(read_at, ?), "
                "starred = max(IFNULL(starred, 0), ?) WHERE id = ?",
                (art["read_at"], art["starred"] or 0, here),
            )
        ids[int(art["id"])] = here
        if carry:
            mentions, events = article_analysis(shard, int(art["id"]), entities)
            writes.replace_analysis_in(conn, here, mentions, events)
            conn.execute(
                "UPDATE articles SET analysed_at = ? WHERE id = ?", (art["analysed_at"], here)
            )
            order = art["published_at"] or art["fetched_at"] or ""
            take.append((order, int(art["id"]), here))
    stats.analysed = [here for _, _, here in take]
    _merge_tags(conn, shard, ids, stats)
    _merge_notes(conn, shard, ids, stats)
    _merge_corrections(conn, shard, ids, stats)
    return stats


def _merge_tags(
    conn: sqlite3.Connection, shard: sqlite3.Connection, ids: dict[int, int], stats: MergeStats
) -> None:
    for row in shard.execute(
        "SELECT x.article_id, t.name, x.created_at FROM article_tags x "
        "JOIN tags t ON t.id = x.tag_id ORDER BY x.article_id, t.name"
    ):
        if row["article_id"] not in ids:
            continue
        conn.execute("INSERT OR IGNORE INTO tags(name) VALUES (?)", (row["name"],))
        tag_id = conn.execute("SELECT id FROM tags WHERE name = ?", (row["name"],)).fetchone()[0]
        cur = conn.execute(
            "INSERT OR IGNORE INTO article_tags(article_id, tag_id, created_at) VALUES (?, ?, ?)",
            (ids[row["article_id"]], tag_id, row["created_at"]),
        )
        stats.tags += cur.rowcount


def _merge_notes(
    conn: sqlite3.Connection, shard: sqlite3.Connection, ids: dict[int, int], stats: MergeStats
) -> None:
    bodies: dict[int, str] = {}
    for note in shard.execute("SELECT * FROM annotations ORDER BY id"):
        if note["article_id"] not in ids:
            continue
        here = ids[note["article_id"]]
        if here not in bodies:
            bodies[here] = conn.execute(
                "SELECT body FROM articles WHERE id = ?", (here,)
            ).fetchone()[0]
        start, end = _reanchor(bodies[here], note)
        same = conn.execute(
            "SELECT 1 FROM annotations WHERE article_id = ? AND note IS ? AND quote IS ? "
            "AND created_at IS ?",
            (here, note["note"], note["quote"], note["created_at"]),
        ).fetchone()
        if same:  # merged before (the same shard twice, or one copied from the other)
            continue
        conn.execute(
            'INSERT INTO annotations(article_id, start, "end", quote, prefix, suffix, note, '
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                here,
                start,
                end,
                note["quote"],
                note["prefix"],
                note["suffix"],
                note["note"],
                note["created_at"],
                note["updated_at"],
            ),
        )
        stats.notes += 1


def _merge_corrections(
    conn: sqlite3.Connection, shard: sqlite3.Connection, ids: dict[int, int], stats: MergeStats
) -> None:
    """The reader's event and story corrections, anchored to this store's articles (the
    linking of the merged articles applies them)."""
    for ov in shard.execute("SELECT * FROM event_overrides ORDER BY id"):
        key = _key(ov["mention_key"], ids)
        other = _key(ov["other_mention_key"], ids)
        if key is None or (ov["other_mention_key"] and other is None):
            continue
        if conn.execute(
            "SELECT 1 FROM event_overrides WHERE action = ? AND mention_key = ? "
            "AND other_mention_key IS ?",
            (ov["action"], key, other),
        ).fetchone():
            continue
        conn.execute(
            "INSERT INTO event_overrides(action, mention_key, other_mention_key, note, "
            "created_at) VALUES (?, ?, ?, ?, ?)",
            (ov["action"], key, other, ov["note"], ov["created_at"]),
        )
        stats.corrections += 1
    for ov in shard.execute("SELECT * FROM story_overrides ORDER BY id"):
        article = ids.get(ov["article_id"])
        other_id = ids.get(ov["other_article_id"]) if ov["other_article_id"] else None
        if article is None or (ov["other_article_id"] and other_id is None):
            continue
        if conn.execute(
            "SELECT 1 FROM story_overrides WHERE action = ? AND article_id = ? "
            "AND other_article_id IS ?",
            (ov["action"], article, other_id),
        ).fetchone():
            continue
        conn.execute(
            "INSERT INTO story_overrides(action, article_id, other_article_id, created_at) "
            "VALUES (?, ?, ?, ?)",
            (ov["action"], article, other_id, ov["created_at"]),
        )
        stats.corrections += 1
