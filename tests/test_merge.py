"""`newsreader merge`: shards analysed elsewhere merged into one store (real files, the
real command)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from ingest.analysis_queue import run_queue
from ingest.pipeline import import_paths
from store import open_store, writes
from store.queue import pending_count
from store.schema import SCHEMA_VERSION
from tests.conftest import SAMPLES, RememberingAnalyzer, run_newsreader

#: Shard one holds reports 0-7 of the sample, shard two 5-12: three in both.
ONE, TWO = range(0, 8), range(5, 13)


def _shard(
    path: Path, lines: list[str], rows: range, analyzer: RememberingAnalyzer
) -> dict[int, int]:
    """A store of the given sample reports, analysed; returns report number -> id."""
    src = path.with_suffix(".jsonl")
    src.write_text("\n".join(lines[i] for i in rows) + "\n", encoding="utf-8")
    conn = open_store(path)
    (res,) = import_paths(conn, [src])
    assert res.added == len(rows)
    report = run_queue(conn, analyzer)
    assert report.analysed == len(rows)
    conn.close()
    return dict(zip(rows, res.article_ids, strict=True))


@pytest.fixture(scope="module")
def shards(
    tmp_path_factory: pytest.TempPathFactory, remembering_analyzer: RememberingAnalyzer
) -> tuple[Path, Path]:
    """Two analysed shards overlapping on three reports, each with tags and notes (one
    tag on a shared report in both, notes on a shared report in both)."""
    lines = (SAMPLES / "meantime-en.jsonl").read_text(encoding="utf-8").splitlines()
    where = tmp_path_factory.mktemp("shards")
    one, two = where / "one.db", where / "two.db"
    a = _shard(one, lines, ONE, remembering_analyzer)
    b = _shard(two, lines, TWO, remembering_analyzer)
    conn = open_store(one)
    writes.add_tags(conn, a[0], ["planes"])
    writes.add_tags(conn, a[5], ["boeing"])
    writes.add_annotation(conn, a[6], 0, 8, "note from one")
    writes.set_starred(conn, a[7], True)
    conn.close()
    conn = open_store(two)
    writes.add_tags(conn, b[5], ["boeing", "deals"])
    writes.add_tags(conn, b[12], ["cars"])
    writes.add_annotation(conn, b[6], 4, 12, "note from two")
    writes.add_annotation(conn, b[10], 0, 5, "note three")
    for c in (one, two):
        x = sqlite3.connect(c)
        x.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        x.close()
    conn.close()
    return one, two


def _tags_and_notes(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    return {
        tuple(r)
        for r in conn.execute(
            "SELECT a.title, 'tag', t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id "
            "JOIN articles a ON a.id = x.article_id UNION ALL "
            "SELECT a.title, 'note', n.note || ' @' || n.start || ':' || n.\"end\" || ' '"
            " || n.quote FROM annotations n JOIN articles a ON a.id = n.article_id"
        )
    }


def _mentions(conn: sqlite3.Connection) -> dict[str, set[tuple[object, ...]]]:
    out: dict[str, set[tuple[object, ...]]] = {}
    for row in conn.execute(
        'SELECT a.content_hash, m.start, m."end", m.text, m.label, m.sentence, e.key '
        "FROM mentions m JOIN articles a ON a.id = m.article_id "
        "LEFT JOIN entities e ON e.id = m.entity_id"
    ):
        out.setdefault(row[0], set()).add(tuple(row[1:]))
    return out


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%'"
        )
    ]
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _sound(conn: sqlite3.Connection) -> None:
    q = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    assert q("PRAGMA integrity_check") == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    assert (
        q(
            "SELECT count(*) FROM (SELECT e.id FROM entities e LEFT JOIN mentions m "
            "ON m.entity_id = e.id GROUP BY e.id "
            "HAVING e.article_count != count(DISTINCT m.article_id) "
            "OR e.mention_count != count(m.id))"
        )
        == 0
    )
    assert q("SELECT count(*) FROM event_mentions WHERE event_id IS NULL") == 0
    assert (
        q("SELECT count(*) FROM articles WHERE analysed_at IS NOT NULL AND story_id IS NULL") == 0
    )
    assert (
        q("SELECT count(*) FROM (SELECT key FROM entities GROUP BY key HAVING count(*) > 1)") == 0
    )


def test_two_overlapping_shards_merge_each_article_once_with_every_tag_and_note(
    shards: tuple[Path, Path], tmp_path: Path
) -> None:
    one, two = shards
    target = tmp_path / "all.db"
    out = run_newsreader("--db", str(target), "merge", str(one), str(two))
    assert out.returncode == 0, out.stderr
    assert out.stderr.splitlines() == [
        f"{one}: 8 new articles, 0 already stored, 8 linked, 2 tags, 1 note",
        f"{two}: 5 new articles, 3 already stored, 5 linked, 2 tags, 2 notes",
    ]

    conn = open_store(target)
    sources = [sqlite3.connect(one), sqlite3.connect(two)]
    titles = [r[0] for r in conn.execute("SELECT title FROM articles")]
    assert len(titles) == len(set(titles)) == len(set(ONE) | set(TWO))
    assert pending_count(conn) == 0
    expected = _tags_and_notes(sources[0]) | _tags_and_notes(sources[1])
    assert _tags_and_notes(conn) == expected
    assert len(expected) == 7  # "boeing" on report 5 once, both notes on report 6
    assert conn.execute("SELECT count(*) FROM articles WHERE starred = 1").fetchone()[0] == 1
    # Mentions came with their articles, offsets unchanged, entities found by key.
    merged = _mentions(conn)
    for src in sources:
        for digest, rows in _mentions(src).items():
            assert merged[digest] == rows
    assert sum(map(len, merged.values())) > 100
    # Stories and events were linked here: events reach across the shards' articles.
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    _sound(conn)

    # The same shard again brings nothing new.
    before = _counts(conn)
    conn.close()
    out = run_newsreader("--db", str(target), "merge", str(two))
    assert out.returncode == 0, out.stderr
    assert "0 new articles, 8 already stored, 0 linked, 0 tags, 0 notes" in out.stderr
    conn = open_store(target)
    assert _counts(conn) == before
    _sound(conn)


def test_a_shard_of_another_schema_version_is_refused_in_one_line(
    shards: tuple[Path, Path], tmp_path: Path
) -> None:
    one, two = shards
    old = tmp_path / "old.db"
    shutil.copy(one, old)
    x = sqlite3.connect(old)
    x.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    x.commit()
    x.close()
    target = tmp_path / "all.db"
    out = run_newsreader("--db", str(target), "merge", str(old))
    assert out.returncode == 1
    assert out.stderr.splitlines() == [
        f"newsreader: error: {old}: schema version 5, this store's is {SCHEMA_VERSION}: not merged; "
        "open it once with this newsreader (that upgrades it), then merge"
    ]
    conn = open_store(target)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    conn.close()
    # With a good shard beside it: the good one goes in, the exit still says one failed.
    out = run_newsreader("--db", str(target), "merge", str(old), str(two))
    assert out.returncode == 1
    assert len(out.stderr.splitlines()) == 2
    conn = open_store(target)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(TWO)


def test_a_shard_that_fails_half_way_leaves_the_store_as_it_was(
    shards: tuple[Path, Path], tmp_path: Path
) -> None:
    one, two = shards
    target = tmp_path / "all.db"
    assert run_newsreader("--db", str(target), "merge", str(two)).returncode == 0
    conn = open_store(target)
    # The store refuses notes: the merge of shard one fails after its articles, mentions
    # and tags are written, before the end of its transaction.
    conn.execute(
        "CREATE TRIGGER no_notes BEFORE INSERT ON annotations "
        "BEGIN SELECT RAISE(ABORT, 'notes are refused'); END"
    )
    before = _counts(conn)
    conn.close()
    out = run_newsreader("--db", str(target), "merge", str(one))
    assert out.returncode == 1
    assert out.stderr.splitlines() == [
        f"newsreader: error: {one}: not merged (notes are refused); "
        "the store is as it was before it"
    ]
    conn = open_store(target)
    assert _counts(conn) == before
    _sound(conn)


def test_merging_the_store_into_itself_is_refused(shards: tuple[Path, Path]) -> None:
    one, _ = shards
    out = run_newsreader("--db", str(one), "merge", str(one))
    assert out.returncode == 1
    assert out.stderr.splitlines() == [f"newsreader: error: {one}: this is the store itself"]
