"""The store's schema and its migrations.

Table and column names are part of the interface (users open the file with sqlite3,
sqlite-utils or Datasette), so they follow DESIGN.md and change only through a new
migration. Each migration runs in its own transaction and bumps ``meta.schema_version``.

sqlite-utils is imported here, lazily, and only when the schema must be created or
migrated: the app's start path reads through plain sqlite3 (sqlite-utils pulls numpy,
~0.2 s).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

#: The schema version this code writes. Bump it by appending to MIGRATIONS.
SCHEMA_VERSION = 11


class SchemaError(Exception):
    """The database cannot be used by this version of newsreader."""


def _v1_tables(db: Database) -> None:
    """Version 1: every table of the data model, without search."""
    db.table("meta").create({"key": str, "value": str}, pk="key", if_not_exists=True)
    db.table("sources").create(
        {
            "id": int,
            "kind": str,  # feed / file / url
            "url": str,
            "title": str,
            "etag": str,
            "last_modified": str,
            "last_error": str,
            "last_fetched_at": str,
            "tags": str,  # JSON list: tags given to every article of this source
            "fetch_full": int,  # 1: fetch the linked page when an item has only a summary
            "created_at": str,
        },
        pk="id",
        not_null={"kind"},
        if_not_exists=True,
    )
    db.table("articles").create(
        {
            "id": int,
            "source_id": int,
            "url": str,
            "guid": str,
            "title": str,
            "outlet": str,
            "byline": str,
            "published_at": str,  # ISO 8601, as far as known
            "date_precision": str,  # day / week / month / year / time
            "fetched_at": str,
            "body": str,  # clean text; every stored offset points into it
            "captions": str,  # JSON list of strings
            "headings": str,  # JSON list of [start, end] offsets into body
            "content_hash": str,
            "read_at": str,
            "starred": int,
            "page_id": str,  # articles split from one page share it
            "role": str,  # main / related
            "analysed_at": str,
            "word_count": int,
        },
        pk="id",
        not_null={"body", "content_hash"},
        defaults={"starred": 0},
        foreign_keys=[("source_id", "sources", "id")],
        if_not_exists=True,
    )
    db.table("entities").create(
        {
            "id": int,
            "label": str,
            "name": str,  # canonical name
            "key": str,  # normalised lookup key (label + folded name)
            "aliases": str,  # JSON list
            "article_count": int,
            "mention_count": int,
        },
        pk="id",
        not_null={"label", "name", "key"},
        defaults={"article_count": 0, "mention_count": 0},
        if_not_exists=True,
    )
    db.table("mentions").create(
        {
            "id": int,
            "article_id": int,
            "entity_id": int,
            "start": int,
            "end": int,
            "text": str,
            "label": str,
            "sentence": int,
        },
        pk="id",
        not_null={"article_id", "start", "end"},
        foreign_keys=[("article_id", "articles", "id"), ("entity_id", "entities", "id")],
        if_not_exists=True,
    )
    db.table("events").create(
        {
            "id": int,
            "type": str,
            "title": str,
            "date_start": str,
            "date_end": str,
            "location_id": int,
            "article_count": int,
            "mention_count": int,
        },
        pk="id",
        defaults={"article_count": 0, "mention_count": 0},
        foreign_keys=[("location_id", "entities", "id")],
        if_not_exists=True,
    )
    db.table("event_mentions").create(
        {
            "id": int,
            "article_id": int,
            "event_id": int,
            "start": int,
            "end": int,
            "trigger_start": int,
            "trigger_end": int,
            "trigger": str,
            "lemma": str,
            "type": str,
            "actor_id": int,
            "target_id": int,
            "location_id": int,
            "date": str,
            "date_precision": str,
            "modality": str,
            "salience": float,
            "sentence": int,
        },
        pk="id",
        not_null={"article_id", "start", "end"},
        foreign_keys=[
            ("article_id", "articles", "id"),
            ("event_id", "events", "id"),
            ("actor_id", "entities", "id"),
            ("target_id", "entities", "id"),
            ("location_id", "entities", "id"),
        ],
        if_not_exists=True,
    )
    db.table("tags").create(
        {"id": int, "name": str}, pk="id", not_null={"name"}, if_not_exists=True
    )
    db.table("article_tags").create(
        {"article_id": int, "tag_id": int, "created_at": str},
        pk=("article_id", "tag_id"),
        foreign_keys=[("article_id", "articles", "id"), ("tag_id", "tags", "id")],
        if_not_exists=True,
    )
    db.table("annotations").create(
        {
            "id": int,
            "article_id": int,
            "start": int,
            "end": int,
            "quote": str,
            "prefix": str,
            "suffix": str,
            "note": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"article_id"},
        foreign_keys=[("article_id", "articles", "id")],
        if_not_exists=True,
    )
    db.table("event_overrides").create(
        {
            "id": int,
            "action": str,  # confirm / reject / merge / split
            "event_mention_id": int,
            "event_id": int,
            "other_event_id": int,
            "created_at": str,
        },
        pk="id",
        not_null={"action"},
        if_not_exists=True,
    )
    db.table("articles").create_index(["content_hash"], unique=True, if_not_exists=True)
    db.table("tags").create_index(["name"], unique=True, if_not_exists=True)
    db.table("entities").create_index(["key"], unique=True, if_not_exists=True)


def _v2_search_and_indexes(db: Database) -> None:
    """Version 2: full-text search over title + body, and the indexes the reader pages by."""
    if not db.table("articles_fts").exists():
        db.table("articles").enable_fts(
            ["title", "body"], fts_version="FTS5", create_triggers=True, tokenize="porter"
        )
    db.table("articles").create_index(["url"], if_not_exists=True)
    db.table("articles").create_index(["guid"], if_not_exists=True)
    db.table("articles").create_index(["source_id"], if_not_exists=True)
    # The list pages by (date, id) newest first; unknown dates sort last. The ORDER BY in
    # store.queries must use this exact expression for SQLite to walk the index.
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_order ON articles(IFNULL(published_at, ''), id)"
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_outlet_order "
        "ON articles(IFNULL(outlet, ''), IFNULL(published_at, ''), id)"
    )
    db.table("mentions").create_index(["article_id"], if_not_exists=True)
    db.table("mentions").create_index(["entity_id"], if_not_exists=True)
    db.table("event_mentions").create_index(["article_id"], if_not_exists=True)
    db.table("event_mentions").create_index(["event_id"], if_not_exists=True)
    db.table("event_mentions").create_index(["type", "date"], if_not_exists=True)
    db.table("event_mentions").create_index(["lemma", "date"], if_not_exists=True)
    db.table("events").create_index(["type", "date_start"], if_not_exists=True)
    db.table("article_tags").create_index(["tag_id"], if_not_exists=True)
    db.table("annotations").create_index(["article_id"], if_not_exists=True)


def _v3_event_linking(db: Database) -> None:
    """Version 3: indexes for incremental event linking, re-anchorable reader overrides.

    Linking finds candidate events through a new mention's participants (actor/target
    ids), so those columns are indexed. An override names its mention (and the event it
    concerns, through one representative mention) by ``article_id:trigger_start:
    trigger_end`` as well as by id: ids change when an article is re-analysed, the anchor
    in the text does not.
    """
    cols = db.table("event_overrides").columns_dict
    for name in ("mention_key", "other_mention_key", "note"):
        if name not in cols:
            db.table("event_overrides").add_column(name, str)
    db.table("event_overrides").create_index(["mention_key"], if_not_exists=True)
    db.table("event_overrides").create_index(["other_mention_key"], if_not_exists=True)
    db.table("event_mentions").create_index(["actor_id"], if_not_exists=True)
    db.table("event_mentions").create_index(["target_id"], if_not_exists=True)
    db.table("events").create_index(["date_start"], if_not_exists=True)


def _v4_list_order(db: Database) -> None:
    """Version 4: the list orders undated articles (a page dump without a dateline) by when
    they were fetched, not after everything else. The ORDER BY in store.queries.SORTS must
    use these exact expressions for SQLite to walk the indexes."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_list "
        "ON articles(IFNULL(published_at, fetched_at), id)"
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_outlet_list "
        "ON articles(IFNULL(outlet, ''), IFNULL(published_at, fetched_at), id)"
    )
    db.execute("DROP INDEX IF EXISTS idx_articles_outlet_order")
    db.execute("ANALYZE")


def _v5_stories(db: Database) -> None:
    """Version 5: stories (the coverage of one developing happening across outlets).

    ``articles.story_id`` places each analysed article in one story; ``article_terms`` keeps
    each article's content words (its strongest, with their counts) and ``terms`` their
    document frequencies, so a new article finds candidate stories through an index on the
    words it shares with them, as it does through ``mentions(entity_id)`` for entities.
    ``story_overrides`` keeps the reader's corrections (move an article to another story,
    split it out into its own) by article, replayed after every re-run like
    ``event_overrides``. ``meta.needs_relink`` asks for a re-link with the new linker
    (``newsreader relink``), which keeps tags, notes and corrections.
    """
    db.table("stories").create(
        {
            "id": int,
            "title": str,
            "date_start": str,
            "date_end": str,
            "article_count": int,
            "outlet_count": int,
            "created_at": str,
        },
        pk="id",
        defaults={"article_count": 0, "outlet_count": 0},
        if_not_exists=True,
    )
    if "story_id" not in db.table("articles").columns_dict:
        db.table("articles").add_column("story_id", int)
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_story "
        "ON articles(story_id, IFNULL(published_at, fetched_at))"
    )
    db.table("stories").create_index(["date_end"], if_not_exists=True)
    # Candidate stories through a shared entity, newest articles first, without sorting
    # every mention of a common entity (bench/story_speed.py: 10k -> 100k growth 0.78x).
    db.table("mentions").create_index(["entity_id", "article_id"], if_not_exists=True)
    db.table("terms").create({"term": str, "df": int}, pk="term", if_not_exists=True)
    db.table("article_terms").create(
        {"article_id": int, "term": str, "tf": int},
        pk=("article_id", "term"),
        foreign_keys=[("article_id", "articles", "id")],
        if_not_exists=True,
    )
    db.table("article_terms").create_index(["term", "article_id"], if_not_exists=True)
    db.table("story_overrides").create(
        {
            "id": int,
            "action": str,  # move / split
            "article_id": int,
            "other_article_id": int,  # move: an article of the story it belongs to
            "created_at": str,
        },
        pk="id",
        not_null={"action", "article_id"},
        if_not_exists=True,
    )
    db.table("story_overrides").create_index(["article_id"], if_not_exists=True)
    has_events = db.execute("SELECT 1 FROM event_mentions LIMIT 1").fetchone()
    if has_events:
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('needs_relink', '1')")


def _v6_analysis_queue(db: Database) -> None:
    """Version 6: the analysis queue. Articles are stored first and analysed right after
    (``newsreader analyse``), newest first; a partial index over the articles not analysed
    yet, in list order, lets the queue page through them and count them without reading
    every row (``analysed_at`` sits after the body in the row, so a scan reads every body).
    It holds only the pending articles, so it stays small once the queue is done.
    The FTS update trigger fires on title and body changes only."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_pending "
        "ON articles(IFNULL(published_at, fetched_at), id) WHERE analysed_at IS NULL"
    )
    # The search index follows the title and the body only: marking an article read or
    # analysed (every article of the queue) no longer deletes and re-tokenises its text.
    db.execute("DROP TRIGGER IF EXISTS articles_au")
    db.execute(
        'CREATE TRIGGER "articles_au" AFTER UPDATE OF "title", "body" ON "articles" BEGIN\n'
        '  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "body") '
        'VALUES(\'delete\', old.rowid, old."title", old."body");\n'
        '  INSERT INTO "articles_fts" (rowid, "title", "body") '
        'VALUES (new.rowid, new."title", new."body");\n'
        "END"
    )


def _v7_unread_index(db: Database) -> None:
    """Version 7: a partial index of the unread articles. The header counts them on every
    article opened (on the UI thread): a scan of 100k rows took ~50 ms, the index ~2 ms."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_unread ON articles(id) WHERE read_at IS NULL"
    )


def _v8_mention_gist(db: Database) -> None:
    """Version 8: each event mention keeps its sentence's clause as a headline (``gist``,
    read from the parse by :mod:`analysis.gist`): the store keeps no parse, and a title
    rebuilt from the bare words lost subjects outside the trigger's stretch of text.
    Mentions analysed before have none; their titles are made from the words as before."""
    if "gist" not in db.table("event_mentions").columns_dict:
        db.table("event_mentions").add_column("gist", str)


def _v9_fewer_article_indexes(db: Database) -> None:
    """Version 9: fewer indexes for a new article to enter (issue 14: storing a refresh).

    - ``idx_articles_order`` (undated articles last) goes: search pages and filters by the
      list's own key now (an undated article counts by when it was fetched), through
      ``idx_articles_list``.
    - ``idx_articles_story`` holds only the articles that have a story: a new article has
      none (the analysis queue places it), so storing it no longer touches this index.
      ``story_id = ?`` implies ``story_id IS NOT NULL``, so every story lookup still seeks.
    - ``idx_articles_unlinked`` finds the analysed articles left without a story (a crash
      between an article's analysis and its linking) without reading every row; it holds
      only those, so it is empty nearly always and costs the fast path nothing.
    """
    db.execute("DROP INDEX IF EXISTS idx_articles_order")
    partial = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'idx_articles_story'"
    ).fetchone()
    if partial is None or "WHERE" not in str(partial[0]).upper():
        db.execute("DROP INDEX IF EXISTS idx_articles_story")
        db.execute(
            "CREATE INDEX idx_articles_story "
            "ON articles(story_id, IFNULL(published_at, fetched_at)) WHERE story_id IS NOT NULL"
        )
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_unlinked ON articles(id) "
        "WHERE story_id IS NULL AND analysed_at IS NOT NULL"
    )


def _v10_mention_theme(db: Database) -> None:
    """Version 10: each event mention keeps its theme (``theme``: what it is done to or
    about when that is a thing, read from the parse by :mod:`analysis.themes`), so the
    linker can tell "released a letter" from "released the transcript". Mentions analysed
    before have none (NULL) and link as before until re-analysed."""
    if "theme" not in db.table("event_mentions").columns_dict:
        db.table("event_mentions").add_column("theme", str)


def _v11_mention_reports(db: Database) -> None:
    """Version 11: a saying keeps where what it says begins (``reports``: the trigger
    offset, in its article, of the clause a reporting word governs; see
    :mod:`analysis.reports`), so the linker can join two reports of one saying by the
    event they report. Mentions analysed before have none (NULL) until re-analysed."""
    if "reports" not in db.table("event_mentions").columns_dict:
        db.table("event_mentions").add_column("reports", int)


#: Ordered migrations; MIGRATIONS[i] brings a database from version i to i + 1.
MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_tables,
    _v2_search_and_indexes,
    _v3_event_linking,
    _v4_list_order,
    _v5_stories,
    _v6_analysis_queue,
    _v7_unread_index,
    _v8_mention_gist,
    _v9_fewer_article_indexes,
    _v10_mention_theme,
    _v11_mention_reports,
]
assert len(MIGRATIONS) == SCHEMA_VERSION


def read_version(conn: sqlite3.Connection) -> int:
    """The schema version of an open database: 0 for a new, empty file."""
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not has_meta:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[
            0
        ]
        if tables:
            raise SchemaError("this SQLite file is not a newsreader database")
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if not row:
        return 0
    try:
        return int(str(row[0]).strip())
    except ValueError:
        raise SchemaError(f"its schema_version is not a number ({str(row[0])[:40]!r})") from None


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the database up to ``target``; returns the version it had before.

    sqlite-utils commits DDL as it goes (``enable_fts`` runs ``executescript``), so a
    step cannot share one transaction with its version bump. Instead every step is
    idempotent and the bump comes last: a crash mid-step leaves the old version number,
    and the next open simply runs the step again.
    """
    from sqlite_utils import Database

    before = read_version(conn)
    if before > SCHEMA_VERSION:
        raise SchemaError(
            f"this database was written by a newer newsreader (schema {before}; "
            f"this version reads up to {SCHEMA_VERSION}); upgrade newsreader"
        )
    db = Database(conn)
    for version in range(before, target):
        MIGRATIONS[version](db)
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
            (str(version + 1),),
        )
    return before
