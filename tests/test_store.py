"""Store: schema, migrations, dedup, paging, reader data. Real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store import SCHEMA_VERSION, StoreError, open_store, writes
from store import schema as schema_mod
from store.queries import ArticleFilter, count_articles, get_article, page_articles


def article(i: int, **extra: object) -> dict[str, object]:
    return {
        "title": f"Title {i}",
        "body": f"Body number {i}. " * 5,
        "outlet": "Outlet A" if i % 2 else "Outlet B",
        "published_at": f"2024-01-{1 + i % 28:02d}T10:{i % 60:02d}:00",
        **extra,
    }


def test_new_store_has_the_design_tables(conn: sqlite3.Connection) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for name in (
        "sources",
        "articles",
        "articles_fts",
        "entities",
        "mentions",
        "event_mentions",
        "events",
        "tags",
        "article_tags",
        "annotations",
        "event_overrides",
        "meta",
    ):
        assert name in tables, name
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
    assert int(version) == SCHEMA_VERSION


def test_same_article_twice_is_stored_once(conn: sqlite3.Connection) -> None:
    first, created = writes.save_article(conn, article(1))
    assert created
    again, created = writes.save_article(conn, article(1))
    assert (again, created) == (first, False)
    # Same body with different whitespace and case is the same article.
    variant = article(1, title="Other title")
    variant["body"] = "  BODY number 1.\n\n" + "Body number 1. " * 4
    assert writes.save_article(conn, variant) == (first, False)
    # Same URL, different body: same article.
    writes.save_article(conn, article(2, url="https://example.com/a"))
    _, created = writes.save_article(conn, article(3, url="https://example.com/a"))
    assert not created
    assert count_articles(conn) == 2


def test_empty_body_is_refused_and_nothing_written(conn: sqlite3.Connection) -> None:
    with pytest.raises(ValueError):
        writes.save_article(conn, {"title": "x", "body": "   "})
    assert count_articles(conn) == 0


def test_failed_analysis_write_rolls_back_the_article(conn: sqlite3.Connection) -> None:
    bad_mention = {"start": 0, "end": 4, "text": "Body", "label": "ORG"}  # no sentence is fine
    broken = {"start": 0}  # missing keys: the insert fails mid-transaction
    with pytest.raises(KeyError):
        writes.save_article(conn, article(1), mentions=[bad_mention, broken])
    assert count_articles(conn) == 0
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0


def test_pages_by_keyset_match_offset_paging(conn: sqlite3.Connection) -> None:
    for i in range(250):
        writes.save_article(conn, article(i))
    first = page_articles(conn, limit=100)
    second_keyset = page_articles(conn, after=first[-1].cursor, limit=100)
    second_offset = page_articles(conn, offset=100, limit=100)
    assert [r.id for r in second_keyset] == [r.id for r in second_offset]
    dates = [r.published_at for r in first + second_keyset]
    assert dates == sorted(dates, reverse=True)
    by_outlet = page_articles(conn, ArticleFilter(sort="outlet", descending=False), limit=300)
    assert [r.outlet for r in by_outlet] == sorted(r.outlet for r in by_outlet)


def test_filters_and_tags(conn: sqlite3.Connection) -> None:
    ids = [writes.save_article(conn, article(i))[0] for i in range(10)]
    writes.add_tags(conn, ids[3], ["Iran", "red sea"])
    writes.mark_read(conn, ids[4])
    assert [r.id for r in page_articles(conn, ArticleFilter(tag="iran"))] == [ids[3]]
    assert page_articles(conn, ArticleFilter(tag="red-sea"))[0].tags == ["iran", "red-sea"]
    assert count_articles(conn, ArticleFilter(unread=True)) == 9
    writes.remove_tag(conn, ids[3], "iran")
    assert count_articles(conn, ArticleFilter(tag="iran")) == 0


def test_get_article_with_mentions_and_notes(conn: sqlite3.Connection) -> None:
    body = "Hamas attacked Israel on 7 October 2023. Israel responded."
    mentions = [
        {
            "start": 0,
            "end": 5,
            "text": "Hamas",
            "label": "ORG",
            "sentence": 0,
            "entity": {"key": "ORG:hamas", "label": "ORG", "name": "Hamas", "aliases": ["Hamas"]},
        },
        {
            "start": 15,
            "end": 21,
            "text": "Israel",
            "label": "GPE",
            "sentence": 0,
            "entity": {
                "key": "GPE:israel",
                "label": "GPE",
                "name": "Israel",
                "aliases": ["Israel"],
            },
        },
        {
            "start": 41,
            "end": 47,
            "text": "Israel",
            "label": "GPE",
            "sentence": 1,
            "entity": {"key": "GPE:israel", "label": "GPE", "name": "Israel", "aliases": []},
        },
    ]
    aid, _ = writes.save_article(conn, {"title": "t", "body": body}, mentions=mentions)
    note_id = writes.add_annotation(conn, aid, 0, 40, "the start of it")
    art = get_article(conn, aid)
    assert art is not None
    assert [body[m["start"] : m["end"]] for m in art["mentions"]] == ["Hamas", "Israel", "Israel"]
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 2
    israel = conn.execute("SELECT * FROM entities WHERE key='GPE:israel'").fetchone()
    assert (israel["mention_count"], israel["article_count"]) == (2, 1)
    assert art["notes"][0]["id"] == note_id
    assert art["notes"][0]["quote"] == body[:40]
    assert art["notes"][0]["suffix"] == " Israel responded."


def test_fts_follows_inserts(conn: sqlite3.Connection) -> None:
    writes.save_article(conn, {"title": "Ceasefire talks", "body": "Negotiators met in Doha."})
    hits = conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ("negotiator",)
    ).fetchall()
    assert len(hits) == 1  # porter stemming: negotiator ~ negotiators


def test_older_schema_is_upgraded_with_backup_and_data_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path, isolation_level=None)
    schema_mod.migrate(raw, target=1)  # a version-1 database, as the first release wrote it
    raw.execute(
        "INSERT INTO articles(title, body, content_hash) VALUES ('Old', 'An old article body.', 'h1')"
    )
    raw.execute("INSERT INTO tags(name) VALUES ('kept')")
    raw.execute("INSERT INTO article_tags(article_id, tag_id) VALUES (1, 1)")
    raw.execute(
        'INSERT INTO annotations(article_id, start, "end", quote, note) '
        "VALUES (1, 0, 6, 'An old', 'my note')"
    )
    raw.close()
    conn = open_store(path)
    assert (
        int(conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])
        == SCHEMA_VERSION
    )
    assert (tmp_path / "old.db.schema1.bak").exists()
    # Search works over rows that predate it, and the reader's data is intact.
    assert (
        conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'old'").fetchone()[
            0
        ]
        == 1
    )
    assert conn.execute("SELECT note FROM annotations").fetchone()[0] == "my note"
    assert conn.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 1
    backup = sqlite3.connect(tmp_path / "old.db.schema1.bak")
    assert backup.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "1"


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    conn = open_store(path)
    conn.execute(
        "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),)
    )
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer newsreader"):
        open_store(path)
    assert path.read_bytes() == before


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        open_store(path)
    other = tmp_path / "other.db"
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE x(a)")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="not a newsreader database"):
        open_store(other)


@pytest.mark.parametrize(
    "body",
    [
        "Hello, World!",
        "snake_case and CamelCase: 42% of A.B.C.",
        "tabs\tand\nlines\r\nand\x0bvt\x0cff\x1cfs\x1fus  spaces",
        "   leading and trailing   ",
        "!!!",
        "",
        "".join(chr(c) for c in range(128)),
    ],
)
def test_content_hash_ascii_path_is_the_unicode_definition(body: str) -> None:
    from store.writes import content_hash, unicode_content_hash

    assert content_hash(body) == unicode_content_hash(body)
