"""The analysis queue: store first, analyse after, newest first; resumable and kill-safe.

The kill test is the real thing: `newsreader analyse` in a subprocess (with its forked
workers) gets SIGKILL half-way, then runs again.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from ingest.analysis_queue import pending_batches, run_queue, store_result
from ingest.pipeline import import_paths
from store import open_store, writes
from store.queue import pending_count
from tests.conftest import (
    CLI_ENV,
    SAMPLES,
    RememberingAnalyzer,
    newsreader_argv,
    run_newsreader,
)

#: Twenty short articles, enough for a kill half-way.
N_ARTICLES = 20


def _short_reports() -> list[str]:
    """The first N_ARTICLES bundled MEANTIME reports with distinct dates (short news
    reports, about 1,500 characters each: the analysis, not the kill, takes the time)."""
    lines = (SAMPLES / "meantime-en.jsonl").read_text(encoding="utf-8").splitlines()
    by_date: dict[str, str] = {}
    for line in lines:
        by_date.setdefault(json.loads(line)["date"], line)
    return list(by_date.values())[:N_ARTICLES]


@pytest.fixture
def small_store(tmp_path: Path) -> Path:
    """N_ARTICLES sample articles stored without analysis (with distinct dates)."""
    src = tmp_path / "some.jsonl"
    src.write_text("\n".join(_short_reports()) + "\n", encoding="utf-8")
    db = tmp_path / "q.db"
    conn = open_store(db)
    (res,) = import_paths(conn, [src])
    assert res.added == N_ARTICLES, res
    conn.close()
    return db


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _consistent(conn: sqlite3.Connection) -> None:
    """Nothing counted twice, nothing left half-linked."""
    q = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    assert q("PRAGMA integrity_check") == "ok"
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


#: How `newsreader analyse` runs with each engine (dask: a LocalCluster of two workers,
#: small shards, so a kill lands between shards).
ENGINES = {
    "local": [],
    "dask": ["--engine", "dask", "--workers", "2", "--shard-size", "2"],
}


def _reader_data(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    """Every tag and note, with its article."""
    return [
        tuple(r)
        for r in conn.execute(
            "SELECT x.article_id, t.name, x.created_at FROM article_tags x "
            "JOIN tags t ON t.id = x.tag_id UNION ALL "
            "SELECT article_id, note, start || ':' || \"end\" FROM annotations ORDER BY 1, 2"
        )
    ]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_kill_9_mid_queue_then_analyse_again_analyses_each_article_once(
    small_store: Path, engine: str
) -> None:
    if engine == "dask":
        pytest.importorskip("distributed")
    conn = open_store(small_store)
    writes.add_tags(conn, 2, ["keep-me"])
    writes.add_tags(conn, N_ARTICLES - 1, ["keep-me", "later"])
    writes.add_annotation(conn, 2, 0, 12, "a note made before the analysis")
    writes.add_annotation(conn, N_ARTICLES, 5, 20, "another")
    reader_data = _reader_data(conn)
    assert len(reader_data) == 5
    conn.close()
    proc = subprocess.Popen(
        [
            *newsreader_argv(
                "--db", str(small_store), "analyse", *ENGINES[engine], "--json-progress"
            )
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**CLI_ENV, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    try:
        landed = []
        for line in proc.stdout:
            landed.append(json.loads(line))
            if len(landed) == 5:
                break
        workers = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert [p["total"] for p in landed] == [N_ARTICLES] * 5
    # The forked workers go with their parent.
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert not left

    conn = open_store(small_store)
    analysed = dict(
        conn.execute("SELECT id, analysed_at FROM articles WHERE analysed_at IS NOT NULL")
    )
    mentions_before = dict(
        conn.execute(
            "SELECT article_id, group_concat(id) FROM mentions GROUP BY article_id"
        ).fetchall()
    )
    # Killed half-way: the results that landed are stored whole, the rest still waits.
    assert 5 <= len(analysed) < N_ARTICLES
    assert {p["id"] for p in landed} <= set(analysed)
    _consistent(conn)
    assert _reader_data(conn) == reader_data
    conn.close()

    out = run_newsreader("--db", str(small_store), "analyse", *ENGINES[engine], timeout=600)
    assert out.returncode == 0, out.stderr
    assert f"{N_ARTICLES - len(analysed)} articles analysed" in out.stderr

    conn = open_store(small_store)
    assert pending_count(conn) == 0
    # Those analysed before the kill were not analysed again.
    for article_id, stamp in analysed.items():
        row = conn.execute("SELECT analysed_at FROM articles WHERE id = ?", (article_id,))
        assert row.fetchone()[0] == stamp
    again = dict(
        conn.execute(
            "SELECT article_id, group_concat(id) FROM mentions GROUP BY article_id"
        ).fetchall()
    )
    assert {a: again[a] for a in mentions_before} == mentions_before
    _consistent(conn)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _reader_data(conn) == reader_data
    conn.close()
    out = run_newsreader("--db", str(small_store), "analyse", *ENGINES[engine])
    assert out.returncode == 0 and "nothing to analyse" in out.stderr


def test_queue_runs_newest_first_in_pages(small_store: Path) -> None:
    conn = open_store(small_store)
    batches = list(pending_batches(conn, 6))
    assert [len(b) for b in batches] == [6, 6, 6, 2]
    ids = [item.id for b in batches for item in b]
    expected = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM articles ORDER BY IFNULL(published_at, fetched_at) DESC, id DESC"
        )
    ]
    assert ids == expected
    assert all(item.body for b in batches for item in b)


class _Failing:
    """A real analyser that fails on one text (the rest go through): the Analyzer's own
    stream and its handling of a failing batch, with each text's analysis as the
    session's ``remembering_analyzer`` makes it (once per session)."""

    def __init__(self, remembering: RememberingAnalyzer, bad: str) -> None:
        from analysis.analyzer import Analyzer

        self.inner = Analyzer(nlp=remembering.inner.nlp)
        self.bad = bad

        def analyse_texts(items):  # type: ignore[no-untyped-def]
            if any(item[0] == self.bad for item in items):
                raise RuntimeError("the model choked")
            return remembering.analyse_texts(items)

        self.inner.analyse_texts = analyse_texts  # type: ignore[method-assign]

    def analyse_stream(self, items):  # type: ignore[no-untyped-def]
        return self.inner.analyse_stream(items)


def test_a_failing_article_is_reported_and_stays_queued(
    small_store: Path, remembering_analyzer: RememberingAnalyzer
) -> None:
    conn = open_store(small_store)
    writes.add_tags(conn, 1, ["mine"])
    bad_id, bad_body = conn.execute("SELECT id, body FROM articles WHERE id = 3").fetchone()
    errors: list[tuple[int, str]] = []
    report = run_queue(
        conn, _Failing(remembering_analyzer, bad_body), on_error=lambda a, m: errors.append((a, m))
    )
    assert errors == [(bad_id, "RuntimeError: the model choked")]
    assert report.analysed == N_ARTICLES - 1
    assert pending_count(conn) == 1
    _consistent(conn)
    assert conn.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 1


def test_a_run_ends_with_a_second_look_at_its_stories(
    small_store: Path, remembering_analyzer: RememberingAnalyzer
) -> None:
    """Once every article of a run is in, each is looked at again (ingest.relinking.settle),
    twice at most, with its progress; a failed article is not (it waits, unplaced)."""
    conn = open_store(small_store)
    bad_body = conn.execute("SELECT body FROM articles WHERE id = 3").fetchone()[0]
    looks: list[tuple[int, int]] = []
    report = run_queue(
        conn,
        _Failing(remembering_analyzer, bad_body),
        on_second_look=lambda d, t: looks.append((d, t)),
    )
    placed = N_ARTICLES - 1
    assert looks and looks[-1] == (2 * placed, 2 * placed)
    assert all(t == 2 * placed for _, t in looks)
    assert 0 <= report.moved <= placed
    unplaced = conn.execute("SELECT id FROM articles WHERE story_id IS NULL").fetchall()
    assert [r[0] for r in unplaced] == [3]
    _consistent(conn)


def test_a_result_is_stored_once(small_store: Path) -> None:
    conn = open_store(small_store)
    result = {
        "mentions": [
            {
                "start": 0,
                "end": 4,
                "text": "Test",
                "label": "ORG",
                "sentence": 0,
                "entity": {"key": "ORG:test", "label": "ORG", "name": "Test", "aliases": []},
            }
        ],
        "event_mentions": [],
    }
    assert store_result(conn, 2, result) is True
    assert store_result(conn, 2, result) is False  # analysed already: nothing doubled
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 1
    assert conn.execute("SELECT article_count FROM entities").fetchone()[0] == 1
    _consistent(conn)


def test_save_articles_batches_dedupe_and_stay_searchable(tmp_path: Path) -> None:
    conn = open_store(tmp_path / "b.db")
    first, _ = writes.save_article(conn, {"title": "Old", "body": "Already stored text."})
    recs = [
        {"title": "A", "body": "Alpha text about rivers.", "url": "http://x/a"},
        {"title": "B", "body": "Beta text about mountains.", "guid": "g-b"},
        {"title": "A again", "body": "Alpha text, about rivers!", "url": "http://x/a2"},
        {"title": "B again", "body": "Different words entirely.", "guid": "g-b"},
        {"title": "Old again", "body": "already stored text"},
    ]
    got = writes.save_articles(conn, recs, [["t1"], [], [], [], []])
    a, b = got[0][0], got[1][0]
    assert got == [(a, True), (b, True), (a, False), (b, False), (first, False)]
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 1
    hits = conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'mountains'"
    ).fetchall()
    assert [h[0] for h in hits] == [b]
    # Marking read or analysed leaves the search index alone; a new body is re-indexed.
    writes.mark_read(conn, b)
    conn.execute("UPDATE articles SET body = 'Gamma text about deserts.' WHERE id = ?", (b,))
    assert not conn.execute(
        "SELECT 1 FROM articles_fts WHERE articles_fts MATCH 'mountains'"
    ).fetchone()
    assert conn.execute("SELECT 1 FROM articles_fts WHERE articles_fts MATCH 'deserts'").fetchone()
    conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    assert pending_count(conn) == 3  # all wait for the analysis


def test_prepared_rows_store_in_batches_deduplicated_and_searchable(tmp_path: Path) -> None:
    """Refresh's path: rows built apart (a parser process), stored in batches, the first
    one small; identity found by url, guid or text against the store and the batch."""
    from ingest.pipeline import store_records

    conn = open_store(tmp_path / "r.db")
    writes.prepare_bulk_writes(conn)
    writes.prepare_bulk_writes(conn)  # once per database: the second call writes nothing
    assert conn.execute("SELECT v FROM articles_fts_config WHERE k = 'hashsize'").fetchone()[0] == (
        writes.FTS_HASHSIZE
    )
    before, _ = writes.save_article(conn, {"title": "x", "body": "Stored before.", "url": "u:0"})
    recs = [
        writes.prepare_article(
            {"title": f"T{i}", "body": f"Item {i} about lakes.", "guid": f"g{i}"}
        )
        for i in range(120)
    ]
    recs.append(writes.prepare_article({"title": "d1", "body": "Other text.", "url": "u:0"}))
    recs.append(writes.prepare_article({"title": "d2", "body": "item 3, about lakes", "guid": "n"}))
    recs.append(writes.prepare_article({"title": "d3", "body": "Yet other text.", "guid": "g7"}))
    ids, skipped = store_records(conn, recs, ["news"], first_batch=7)
    assert len(ids) == 120 and skipped == 3 and ids == sorted(ids) and before not in ids
    assert conn.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 120
    assert store_records(conn, recs, ["news"]) == ([], 123)
    hits = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'lakes'")
    assert hits.fetchone()[0] == 120
    conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")


def test_content_hash_keeps_every_stored_identity() -> None:
    """The fast content_hash is the original one (stored articles keep their identity)
    on every code point, punctuation, spacing and case."""
    import hashlib
    import re
    import unicodedata

    def original(body: str) -> str:
        text = unicodedata.normalize("NFKC", body).casefold()
        text = "".join(ch for ch in text if ch.isalnum() or ch.isspace())
        text = re.sub(r"\s+", " ", text).strip()
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    for start in range(0, 0x110000, 8192):
        chars = [chr(c) for c in range(start, min(start + 8192, 0x110000))]
        text = " x_y ".join(
            "".join(c for c in chars[i : i + 5] if not "\ud800" <= c <= "\udfff")
            for i in range(0, len(chars), 5)
        )
        assert writes.content_hash(text) == original(text), hex(start)


def test_one_process_stream_analyses_ahead_in_order_and_reads_items_here(nlp: object) -> None:
    """With one process the next batch is analysed in a thread while the caller stores the
    last (analysis.analyzer.OVERLAP_ONE_PROCESS): the results are those of analyse_texts,
    in order; the items are read on the caller's thread (they may come from its SQLite
    connection); a caller that stops early gets no error."""
    import threading

    from analysis.analyzer import Analyzer

    texts = [
        ("Houthis attacked the Magic Seas in the Red Sea on Sunday.", "2025-07-08"),
        ("Israel struck Iran on 13 June 2025.", "2025-06-14"),
        ("General Motors filed for bankruptcy on Monday.", "2009-06-02"),
        ("The Dow Jones fell 500 points on Wednesday.", "2008-09-18"),
        ("Lindsay Lohan checked into the Betty Ford Center.", "2013-05-03"),
    ]
    analyzer = Analyzer(nlp=nlp, batch_size=2)  # type: ignore[arg-type]
    readers: set[str] = set()

    def items():  # type: ignore[no-untyped-def]
        for item in texts:
            readers.add(threading.current_thread().name)
            yield item

    streamed = list(analyzer.analyse_stream(items()))
    assert streamed == analyzer.analyse_texts(texts)
    assert readers == {threading.current_thread().name}
    stream = analyzer.analyse_stream(items())
    assert next(stream) == streamed[0]
    stream.close()  # the batch under way is awaited, the rest never started
