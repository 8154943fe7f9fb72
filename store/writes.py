"""Writes. Every public function here is one transaction: all of it lands, or none.

The reader's own data (tags, notes, read state, stars, event overrides) is written the
moment it is saved, in its own short transaction, and nothing that re-imports or
re-analyses an article ever deletes it.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from store.db import transaction

if TYPE_CHECKING:
    from store.queries import ArticleFilter

ARTICLE_COLUMNS = (
    "source_id",
    "url",
    "guid",
    "title",
    "outlet",
    "byline",
    "published_at",
    "date_precision",
    "fetched_at",
    "body",
    "captions",
    "headings",
    "content_hash",
    "page_id",
    "role",
    "word_count",
)


#: Bytes of pending full-text index FTS5 holds in memory before it writes a segment.
#: SQLite's default (1 MB, a few hundred articles) wrote several small segments per
#: batch, and merging them was most of storing a large refresh: 100,000 articles in 84 s,
#: 49 s with this and the cache below (bench/refresh_speed.py sizes, on this machine).
#: A database setting (kept in articles_fts_config); memory is only used while a large
#: transaction is open.
FTS_HASHSIZE = 64 * 1024 * 1024
#: How the full-text index merges the segment each transaction writes (database
#: settings, in articles_fts_config). FTS5's default, automerge=4, merges a little after
#: every write, four segments at a time, so a large refresh rewrote each article's
#: postings about four times over, bit by bit: most of its storing time. With automerge
#: off, a level is merged in one pass once it holds ``crisismerge`` segments (8: each
#: posting rewritten about twice over 100,000 articles in 500-article transactions),
#: which leaves fewer segments for a search to read than the default did (5 against 10).
#: Storing 100,000 prepared articles, CPU seconds: 46-49 with the default, 33 with these
#: (/work/tmp/i14c/storebench.py, on the refresh_speed bench's rows; machine shared).
FTS_MERGE = {"automerge": 0, "crisismerge": 8}
#: Page cache (KiB) of a connection storing many articles: the random-order indexes
#: (content hash, url, guid, dates) outgrow SQLite's 2 MB default at ~20,000 articles.
BULK_CACHE_KIB = 65536


def prepare_bulk_writes(conn: sqlite3.Connection) -> int:
    """Make ``conn`` fit to store many articles (import, refresh): a larger page cache
    for this connection, and the full-text index's write buffer and merge settings (once
    per database). Returns the connection's previous cache size, for
    :func:`end_bulk_writes`."""
    previous = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    wanted = {"hashsize": FTS_HASHSIZE, **FTS_MERGE}
    stored = dict(conn.execute("SELECT k, v FROM articles_fts_config").fetchall())
    changed = {k: v for k, v in wanted.items() if str(stored.get(k)) != str(v)}
    if changed:
        with transaction(conn):
            for key, value in changed.items():
                conn.execute(
                    "INSERT INTO articles_fts(articles_fts, rank) VALUES (?, ?)", (key, value)
                )
    return previous


def end_bulk_writes(conn: sqlite3.Connection, previous_cache: int) -> None:
    """Give ``conn`` its own page cache back (a caller's connection outlives the import)."""
    conn.execute(f"PRAGMA cache_size = {int(previous_cache)}")


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]|_")


#: For ASCII text, content_hash's normalisation as one bytes.translate: upper case to
#: lower, whitespace to a space, every other character that is neither alphanumeric nor
#: whitespace (and "_") deleted; NFKC changes no ASCII text.
_ASCII_FOLD = bytes(
    (ord(" ") if chr(c).isspace() else ord(chr(c).lower())) if c < 128 else c for c in range(256)
)
_ASCII_DROP = bytes(
    c for c in range(128) if c == ord("_") or not (chr(c).isalnum() or chr(c).isspace())
)


def content_hash(body: str) -> str:
    """Identity of a body: NFKC, case-folded, whitespace and punctuation-insensitive."""
    if body.isascii():  # the same digest at a fraction of the cost (the usual case)
        folded = body.encode("ascii").translate(_ASCII_FOLD, _ASCII_DROP)
        return hashlib.sha256(b" ".join(folded.split())).hexdigest()
    return unicode_content_hash(body)


def unicode_content_hash(body: str) -> str:
    """:func:`content_hash` for any text (the definition the ASCII path must match)."""
    text = unicodedata.normalize("NFKC", body).casefold()
    # Keeps exactly the characters for which str.isalnum() or str.isspace() holds (\w is
    # alphanumeric or "_" in Unicode patterns), at C speed.
    text = " ".join(_PUNCT.sub("", text).split())  # split(): the same whitespace as \s
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_existing(conn: sqlite3.Connection, article: Mapping[str, Any]) -> int | None:
    """The id of a stored article that is the same as ``article``: by canonical URL, then
    guid, then body hash."""
    for column in ("url", "guid"):
        value = article.get(column)
        if value:
            row = conn.execute(f"SELECT id FROM articles WHERE {column} = ?", (value,)).fetchone()
            if row:
                return int(row[0])
    digest = article.get("content_hash") or content_hash(article["body"])
    row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
    return int(row[0]) if row else None


def _as_read(name: str, forms: Sequence[str], label: str | None = None) -> str:
    """An entity name written in capitals (a dateline's "WASHINGTON") as one of ``forms``
    writes it in running text ("Washington"), when one does; else, for a place of five
    letters or more, in title case ("SIOUX FALLS": "Sioux Falls"; "UAE" stays); else
    ``name``."""
    if not name.isupper():
        return name
    key = name.casefold()
    written = next((f for f in forms if f.casefold() == key and not f.isupper()), None)
    if written is not None:
        return written
    if label in ("GPE", "LOC") and sum(c.isalpha() for c in name) >= 5:
        return name.title()
    return name


def _entity_id(conn: sqlite3.Connection, entity: Mapping[str, Any]) -> int:
    """Find or create the entity with ``entity['key']``, merging new aliases in."""
    key = entity["key"]
    aliases = [a for a in entity.get("aliases", []) if a]
    row = conn.execute(
        "SELECT id, name, label, aliases FROM entities WHERE key = ?", (key,)
    ).fetchone()
    if row:
        known = json.loads(row["aliases"] or "[]")
        merged = known + [a for a in aliases if a not in known]
        if merged != known:
            conn.execute(
                "UPDATE entities SET aliases = ? WHERE id = ?",
                (json.dumps(merged, ensure_ascii=False), row["id"]),
            )
        # The first article may have named it in capitals only (its dateline's
        # "WASHINGTON"); running text names it as people read it.
        name = _as_read(row["name"] or "", [entity["name"], *aliases], row["label"])
        if name != row["name"]:
            conn.execute("UPDATE entities SET name = ? WHERE id = ?", (name, row["id"]))
        return int(row["id"])
    cur = conn.execute(
        "INSERT INTO entities(label, name, key, aliases) VALUES (?, ?, ?, ?)",
        (
            entity["label"],
            _as_read(entity["name"], aliases, entity["label"]),
            key,
            json.dumps(aliases, ensure_ascii=False),
        ),
    )
    return int(cur.lastrowid or 0)


def insert_analysis(
    conn: sqlite3.Connection,
    article_id: int,
    mentions: Iterable[Mapping[str, Any]],
    event_mentions: Iterable[Mapping[str, Any]] = (),
) -> list[int]:
    """Store an article's mentions and event mentions (inside the caller's transaction).

    A mention is ``{start, end, text, label, sentence, entity: {key, label, name,
    aliases}}`` (``entity`` may be None for unlinked types such as DATE). An event mention
    carries the event_mentions columns, with ``actor``, ``target`` and ``location`` given
    as entity dicts like a mention's. Returns the new event mention ids, for linking.
    """
    by_key: dict[str, int] = {}

    def resolve(entity: Mapping[str, Any] | None) -> int | None:
        if not entity:
            return None
        key = entity["key"]
        if key not in by_key:
            by_key[key] = _entity_id(conn, entity)
        return by_key[key]

    rows = []
    per_entity: Counter[int] = Counter()
    for m in mentions:
        eid = resolve(m.get("entity"))
        if eid is not None:
            per_entity[eid] += 1
        rows.append(
            (article_id, eid, m["start"], m["end"], m["text"], m["label"], m.get("sentence"))
        )
    conn.executemany(
        'INSERT INTO mentions(article_id, entity_id, start, "end", text, label, sentence) '
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    # Counts move by this article's share (it is new: each article is analysed into the
    # store once), instead of recounting every mention of a popular entity per import.
    conn.executemany(
        "UPDATE entities SET mention_count = mention_count + ?, "
        "article_count = article_count + 1 WHERE id = ?",
        [(n, eid) for eid, n in per_entity.items()],
    )
    new_ids: list[int] = []
    for em in event_mentions:
        cur = conn.execute(
            'INSERT INTO event_mentions(article_id, start, "end", trigger_start, trigger_end, '
            "trigger, lemma, type, actor_id, target_id, location_id, date, date_precision, "
            "modality, salience, sentence, gist, theme, reports) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article_id,
                em["start"],
                em["end"],
                em.get("trigger_start"),
                em.get("trigger_end"),
                em.get("trigger"),
                em.get("lemma"),
                em.get("type"),
                resolve(em.get("actor")),
                resolve(em.get("target")),
                resolve(em.get("location")),
                em.get("date"),
                em.get("date_precision"),
                em.get("modality"),
                em.get("salience"),
                em.get("sentence"),
                em.get("gist"),
                em.get("theme"),
                em.get("reports"),
            ),
        )
        new_ids.append(int(cur.lastrowid or 0))
    return new_ids


def save_article(
    conn: sqlite3.Connection,
    article: Mapping[str, Any],
    *,
    mentions: Iterable[Mapping[str, Any]] = (),
    event_mentions: Iterable[Mapping[str, Any]] = (),
    tags: Iterable[str] = (),
    analysed: bool = False,
) -> tuple[int, bool]:
    """Store one article with its analysis, in one transaction.

    Returns ``(id, created)``; an article already stored (same URL, guid or body) is left
    as it is and ``created`` is False.
    """
    record = prepare_article(article)
    with transaction(conn):
        existing = find_existing(conn, record)
        if existing is not None:
            return existing, False
        article_id = _insert_article(conn, record, now_iso() if analysed else None)
        insert_analysis(conn, article_id, mentions, event_mentions)
        for tag in tags:
            _add_tag(conn, article_id, tag)
    return article_id, True


def save_articles(
    conn: sqlite3.Connection,
    articles: Sequence[Mapping[str, Any]],
    tags: Sequence[Iterable[str]] = (),
) -> list[tuple[int, bool]]:
    """Store many articles, not analysed yet, in one transaction: the fast path of
    import and refresh (the analysis queue follows, :mod:`store.queue`). ``tags[i]`` are
    given to ``articles[i]``. Returns ``(id, created)`` per article, as
    :func:`save_article` does; a duplicate within the batch is found like a stored one.

    The new rows go in with multi-row INSERTs: the FTS trigger then fires inside one
    statement for many rows, and FTS5 writes one index segment per statement instead of
    one per article (per-row inserts made each batch slower as the store grew: 0.4 s per
    1,000 articles at first, 8 s at 10,000 stored; bench/refresh_speed.py).
    """
    stamp = now_iso()
    out: list[tuple[int, bool] | None] = [None] * len(articles)
    fresh: list[tuple[int, dict[str, Any]]] = []
    records = [prepare_article(a, stamp) for a in articles]
    with transaction(conn):
        stored = _stored_ids(conn, records)
        seen: dict[tuple[str, str], int] = {}  # (column, value) -> index in fresh
        later: list[tuple[int, int]] = []  # (index in articles, index in fresh)
        for k, record in enumerate(records):
            existing = next(
                (stored[c][record[c]] for c in _IDENTITY if record[c] in stored[c]), None
            )
            if existing is not None:
                out[k] = (existing, False)
                continue
            keys = [(c, record[c]) for c in _IDENTITY if record[c]]
            twin = next((seen[key] for key in keys if key in seen), None)
            if twin is not None:
                later.append((k, twin))
                continue
            for key in keys:
                seen[key] = len(fresh)
            fresh.append((k, record))
        ids = _insert_articles(conn, [r for _, r in fresh])
        for (k, _), article_id in zip(fresh, ids, strict=True):
            out[k] = (article_id, True)
            for tag in tags[k] if k < len(tags) else ():
                _add_tag(conn, article_id, tag)
        for k, f in later:
            out[k] = (ids[f], False)
    return [x for x in out if x is not None]


#: The columns that identify an article, in the order :func:`find_existing` asks them.
_IDENTITY = ("url", "guid", "content_hash")


def _stored_ids(
    conn: sqlite3.Connection, records: Sequence[Mapping[str, Any]]
) -> dict[str, dict[str, int]]:
    """For each identity column, the stored articles' ids by the values ``records``
    carry: :func:`find_existing` for a whole batch in a few queries (the first id, as
    its lookup through the column's index gives)."""
    out: dict[str, dict[str, int]] = {}
    for column in _IDENTITY:
        values = list({r[column] for r in records if r[column]})
        found: dict[str, int] = {}
        for lo in range(0, len(values), 500):
            part = values[lo : lo + 500]
            found.update(
                (v, int(i))
                for v, i in conn.execute(
                    f"SELECT {column}, min(id) FROM articles "
                    f"WHERE {column} IN ({', '.join('?' * len(part))}) GROUP BY {column}",
                    part,
                )
            )
        out[column] = found
    return out


def _insert_articles(conn: sqlite3.Connection, records: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert records (new, unique) in as few statements as SQLite's variable limit
    allows; returns their ids in order (found again by their unique content hash)."""
    if not records:
        return []
    width = len(ARTICLE_COLUMNS) + 1
    try:
        limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except AttributeError:  # Python < 3.11
        limit = 999
    per = max(1, min(500, limit // width))
    row = f"({', '.join('?' * width)})"
    for lo in range(0, len(records), per):
        chunk = records[lo : lo + per]
        values = [v for r in chunk for v in (*(r[c] for c in ARTICLE_COLUMNS), None)]
        conn.execute(
            f"INSERT INTO articles({', '.join(ARTICLE_COLUMNS)}, analysed_at) VALUES "
            + ", ".join([row] * len(chunk)),
            values,
        )
    by_hash: dict[str, int] = {}
    hashes = [r["content_hash"] for r in records]
    for lo in range(0, len(hashes), 500):
        part = hashes[lo : lo + 500]
        q = f"SELECT content_hash, id FROM articles WHERE content_hash IN ({', '.join('?' * len(part))})"
        by_hash.update((h, int(i)) for h, i in conn.execute(q, part))
    return [by_hash[h] for h in hashes]


def prepare_article(article: Mapping[str, Any], stamp: str | None = None) -> dict[str, Any]:
    """The articles row of ``article``: JSON columns encoded, hash and counts filled in.

    Pure (no database): an importer may run it in another process, and
    :func:`save_articles` then finds nothing left to compute (a prepared row passes
    through unchanged). ``stamp`` is the ``fetched_at`` of a row without one."""
    record = {k: article.get(k) for k in ARTICLE_COLUMNS}
    body = record["body"] or ""
    if not body.strip():
        raise ValueError("article has an empty body")
    record["content_hash"] = record["content_hash"] or content_hash(body)
    for key in ("captions", "headings"):
        if record[key] is not None and not isinstance(record[key], str):
            record[key] = json.dumps(record[key], ensure_ascii=False)
    record["fetched_at"] = record["fetched_at"] or stamp or now_iso()
    record["word_count"] = record["word_count"] or len(body.split())
    return record


_INSERT_ARTICLE = (
    f"INSERT INTO articles({', '.join(ARTICLE_COLUMNS)}, analysed_at) "
    f"VALUES ({', '.join('?' * (len(ARTICLE_COLUMNS) + 1))})"
)


def _insert_article(
    conn: sqlite3.Connection, record: Mapping[str, Any], analysed: str | None
) -> int:
    cur = conn.execute(_INSERT_ARTICLE, [*(record[k] for k in ARTICLE_COLUMNS), analysed])
    return int(cur.lastrowid or 0)


def replace_analysis(
    conn: sqlite3.Connection,
    article_id: int,
    mentions: Iterable[Mapping[str, Any]],
    event_mentions: Iterable[Mapping[str, Any]] = (),
) -> None:
    """Swap an article's mentions and event mentions for a new analysis, in one
    transaction; entity counts move by the difference. The article, its tags and notes are
    not touched; event corrections are anchored in the text and find the new mentions. The
    article leaves its story and events until it is linked again."""
    with transaction(conn):
        replace_analysis_in(conn, article_id, mentions, event_mentions)


def replace_analysis_in(
    conn: sqlite3.Connection,
    article_id: int,
    mentions: Iterable[Mapping[str, Any]],
    event_mentions: Iterable[Mapping[str, Any]] = (),
) -> list[int]:
    """:func:`replace_analysis` inside the caller's transaction (the analysis queue stores
    and links a result in one). Returns the new event mention ids."""
    old = conn.execute(
        "SELECT entity_id, count(*) FROM mentions WHERE article_id = ? "
        "AND entity_id IS NOT NULL GROUP BY entity_id",
        (article_id,),
    ).fetchall()
    conn.executemany(
        "UPDATE entities SET mention_count = max(0, mention_count - ?), "
        "article_count = max(0, article_count - 1) WHERE id = ?",
        [(n, eid) for eid, n in old],
    )
    conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM event_mentions WHERE article_id = ?", (article_id,))
    conn.execute(
        "UPDATE articles SET analysed_at = ?, story_id = NULL WHERE id = ?",
        (now_iso(), article_id),
    )
    return insert_analysis(conn, article_id, mentions, event_mentions)


def mark_read(conn: sqlite3.Connection, article_id: int, read: bool = True) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE articles SET read_at = ? WHERE id = ?",
            (now_iso() if read else None, article_id),
        )


def mark_all_read(conn: sqlite3.Connection, flt: ArticleFilter) -> int:
    """Mark every unread article the filter shows read; returns how many."""
    where, params = flt.where()
    with transaction(conn):
        cur = conn.execute(
            "UPDATE articles SET read_at = ? WHERE read_at IS NULL AND id IN "
            f"(SELECT a.id FROM articles a WHERE {where})",
            [now_iso(), *params],
        )
        return cur.rowcount


def delete_tag(conn: sqlite3.Connection, name: str) -> int:
    """Remove a tag from every article and forget it; returns how many articles had it."""
    with transaction(conn):
        row = conn.execute("SELECT id FROM tags WHERE name = ?", (normalise_tag(name),)).fetchone()
        if row is None:
            return 0
        cur = conn.execute("DELETE FROM article_tags WHERE tag_id = ?", (row[0],))
        conn.execute("DELETE FROM tags WHERE id = ?", (row[0],))
        return cur.rowcount


def set_starred(conn: sqlite3.Connection, article_id: int, starred: bool) -> None:
    with transaction(conn):
        conn.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id))


def normalise_tag(name: str) -> str:
    """Tags are single words-ish: trimmed, inner whitespace folded to '-', no control chars."""
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return _WS.sub("-", name.strip()).lower()[:64]


def _add_tag(conn: sqlite3.Connection, article_id: int, name: str) -> str | None:
    tag = normalise_tag(name)
    if not tag:
        return None
    conn.execute("INSERT OR IGNORE INTO tags(name) VALUES (?)", (tag,))
    tag_id = conn.execute("SELECT id FROM tags WHERE name = ?", (tag,)).fetchone()[0]
    conn.execute(
        "INSERT OR IGNORE INTO article_tags(article_id, tag_id, created_at) VALUES (?, ?, ?)",
        (article_id, tag_id, now_iso()),
    )
    return tag


def add_tags(conn: sqlite3.Connection, article_id: int, names: Iterable[str]) -> list[str]:
    """Tag an article; returns the tags as stored (normalised)."""
    with transaction(conn):
        return [t for t in (_add_tag(conn, article_id, n) for n in names) if t]


def remove_tag(conn: sqlite3.Connection, article_id: int, name: str) -> None:
    with transaction(conn):
        conn.execute(
            "DELETE FROM article_tags WHERE article_id = ? AND tag_id = "
            "(SELECT id FROM tags WHERE name = ?)",
            (article_id, normalise_tag(name)),
        )


#: How many characters of context are kept either side of a note's quote.
ANCHOR_CONTEXT = 32


def add_annotation(
    conn: sqlite3.Connection, article_id: int, start: int, end: int, note: str
) -> int:
    """Save a note on body[start:end], anchored by quote + prefix/suffix as well as offsets
    so it can re-anchor if the body is re-extracted."""
    body = conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    start, end = max(0, start), min(len(body), end)
    stamp = now_iso()
    with transaction(conn):
        cur = conn.execute(
            'INSERT INTO annotations(article_id, start, "end", quote, prefix, suffix, note, '
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                start,
                end,
                body[start:end],
                body[max(0, start - ANCHOR_CONTEXT) : start],
                body[end : end + ANCHOR_CONTEXT],
                note,
                stamp,
                stamp,
            ),
        )
        return int(cur.lastrowid or 0)


def update_annotation(conn: sqlite3.Connection, annotation_id: int, note: str) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE annotations SET note = ?, updated_at = ? WHERE id = ?",
            (note, now_iso(), annotation_id),
        )


def delete_annotation(conn: sqlite3.Connection, annotation_id: int) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
