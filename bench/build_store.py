"""Build (or reuse) a store of N articles made from the bundled real texts.

    python -m bench.build_store 100000 bench/data/store-100000.db [--plain]

The bundled samples (ingest/samples: MEANTIME, Wikinews/GUM and the aggregator page,
~167 articles) are imported once through the real pipeline with the real Analyzer
(:func:`sample_store`, cached as ``bench/data/sample-analysed.db``). A store of N
articles is then made of copies of those articles: each copy gets a shuffled title, an
outlet and a publication date drawn over six years, a line that makes its body unique
(appended, so every stored offset still points at the same text), and its source
article's mentions, event mentions, linked events (each round of copies gets its own
events) and content words (``article_terms``; ``terms`` holds their document frequencies
over the copies), so entities, events and terms are at their real density. Copies are in
stories as news is: the copies of one sample article in :data:`ROUNDS_PER_STORY`
consecutive rounds, with the copies of the articles of its sample story, form one story,
dated within a few days (:data:`STORY_DAYS`); and the store fills over time as a reader's
does: each block of rounds is dated in the next stretch of the six years, so ids and dates
rise together (what "newest first" candidate lookups rely on). ``--plain`` builds articles
only (no analysis rows, no stories, dates at random), as the first version of this script
did.

Cached stores carry a build key (:data:`BUILD_KEY`, :data:`SAMPLE_KEY`): bump it when
what a store holds changes, so old stores are rebuilt.

Built fast: one transaction, ``INSERT ... SELECT`` from the attached sample store, and
the indexes, full-text index and its triggers dropped during the load and rebuilt after.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from store import open_store
from store.writes import content_hash

DATA = Path(__file__).parent / "data"

#: Cache keys of the analysed sample store and of the built stores (meta table): bump
#: them when what they hold changes. 2: stories, article_terms and terms; 3 (built
#: stores): dates rise with ids.
SAMPLE_KEY = "2"
BUILD_KEY = "3"
#: Rounds of copies whose copies of one sample article form one story.
ROUNDS_PER_STORY = 3
#: A story's copies are dated within this many days.
STORY_DAYS = 4
#: Publication dates are spread over six years from 2020-01-01.
SPAN_DAYS = 365 * 6

OUTLETS = [
    "Reuters",
    "AP",
    "CNN",
    "BBC News",
    "Al Jazeera",
    "The Guardian",
    "Le Monde",
    "Al-Ahram Weekly",
    "Sada Elbalad",
    "Wikinews",
    "NPR",
    "DW",
    "France 24",
    "Haaretz",
]


def sample_texts() -> list[dict[str, str]]:
    """Title and body of each JSON-lines sample article (no analysis, no spaCy)."""
    from ingest.jsonlines import parse_json
    from ingest.samples import sample_paths

    drafts = []
    for path in sample_paths():
        if path.suffix == ".jsonl":
            drafts.extend(parse_json(path.read_text(encoding="utf-8"), str(path)))
    return [{"title": d.title, "body": d.body} for d in drafts]


def sample_store(data: Path = DATA, *, log: bool = True) -> Path:
    """The bundled samples imported and analysed by the real pipeline (cached)."""
    path = data / "sample-analysed.db"
    if path.exists():
        conn = sqlite3.connect(path)
        try:
            done = conn.execute("SELECT value FROM meta WHERE key = 'bench_complete'").fetchone()
        except sqlite3.Error:
            done = None
        conn.close()
        if done and done[0] == SAMPLE_KEY:
            return path
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    from datetime import datetime

    from ingest.pipeline import DraftAnalyzer, import_paths
    from ingest.samples import SAMPLE_CAPTURED, sample_paths

    data.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    conn = open_store(path)
    results = import_paths(
        conn,
        sample_paths(),
        analyzer=DraftAnalyzer(),
        captured=datetime.fromisoformat(SAMPLE_CAPTURED),
    )
    errors = [r.error for r in results if r.error]
    if errors:
        raise RuntimeError(f"sample import failed: {errors}")
    conn.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('bench_complete', ?)", (SAMPLE_KEY,)
    )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    if log:
        print(f"analysed the samples in {time.perf_counter() - t0:.1f}s -> {path}", file=sys.stderr)
    return path


def _is_complete(path: Path, n: int, analysed: bool) -> bool:
    if not path.exists():
        return False
    conn = sqlite3.connect(path)
    try:
        have = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        row = conn.execute("SELECT value FROM meta WHERE key = 'bench_build'").fetchone()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return have == n and row is not None and row[0] == _build_value(analysed)


def _build_value(analysed: bool) -> str:
    return f"{'analysed' if analysed else 'plain'}-{BUILD_KEY}"


#: Tables whose indexes and triggers are dropped during the bulk load.
_BULK_TABLES = ("articles", "mentions", "events", "event_mentions", "entities", "article_terms")


def build(n: int, path: Path, *, seed: int = 7, analysed: bool = True, log: bool = True) -> Path:
    """A store of ``n`` articles at ``path`` (reused when a complete one is there)."""
    if _is_complete(path, n, analysed):
        return path
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    sample = sample_store(path.parent, log=log) if analysed else None
    start = time.perf_counter()
    conn = open_store(path)
    if sample is not None:
        conn.execute("ATTACH DATABASE ? AS s", (str(sample),))
        sources = [
            dict(r)
            for r in conn.execute(
                "SELECT id, title, body, story_id FROM s.articles ORDER BY id"
            ).fetchall()
        ]
    else:
        sources = [{"id": None, "story_id": None, **t} for t in sample_texts()]
    ddl = [
        (name, sql)
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
            f"AND tbl_name IN ({','.join('?' * len(_BULK_TABLES))}) AND sql IS NOT NULL",
            _BULK_TABLES,
        )
    ]
    kinds = dict(
        conn.execute("SELECT name, type FROM sqlite_master WHERE type IN ('index', 'trigger')")
    )
    conn.execute("BEGIN")
    for name, _ in ddl:
        conn.execute(f'DROP {kinds[name].upper()} "{name}"')
    if sample is not None:
        conn.execute("INSERT INTO entities SELECT * FROM s.entities")
        n_events = conn.execute("SELECT ifnull(max(id), 0) FROM s.events").fetchone()[0]
    rng = random.Random(seed)
    rows: list[tuple[object, ...]] = []
    per_round = len(sources)
    story_of: dict[
        tuple[int, tuple[str, object]], int
    ] = {}  # (block of rounds, sample story) -> story
    story_day: dict[int, int] = {}
    for i in range(n):
        src = sources[i % per_round]
        story_id = None
        if sample is not None:
            block = i // per_round // ROUNDS_PER_STORY
            own = ("story", src["story_id"]) if src["story_id"] is not None else ("one", src["id"])
            story_id = story_of.setdefault((block, own), len(story_of) + 1)
            if story_id not in story_day:
                blocks = -(-n // (per_round * ROUNDS_PER_STORY))
                lo, width = block * SPAN_DAYS // blocks, SPAN_DAYS // blocks
                story_day[story_id] = lo + rng.randrange(max(1, width - STORY_DAYS))
            day = story_day[story_id] + rng.randrange(STORY_DAYS)
        else:
            day = rng.randrange(0, SPAN_DAYS)
        published = time.strftime(
            "%Y-%m-%dT%H:%M:%S", time.gmtime(1_577_836_800 + day * 86400 + rng.randrange(86400))
        )
        words = (src["title"] or "Untitled").split()
        rng.shuffle(words)
        body = f"{src['body']}\n\n(Item {i}, {published[:10]}.)"
        rows.append(
            (
                i + 1,
                " ".join(words),
                OUTLETS[rng.randrange(len(OUTLETS))],
                published,
                "time",
                published,
                body,
                content_hash(body),
                len(body.split()),
                None if rng.random() < 0.7 else published,
                published if sample is not None else None,
                story_id,
            )
        )
        if len(rows) == per_round or i == n - 1:
            _flush(conn, rows)
            if sample is not None:
                _copy_analysis(conn, i // per_round, per_round, n_events, len(rows))
            rows.clear()
    if sample is not None:
        conn.execute("UPDATE entities SET mention_count = 0, article_count = 0")
        conn.execute(
            "CREATE TEMP TABLE ecount AS SELECT entity_id, count(*) AS m, "
            "count(DISTINCT article_id) AS a FROM mentions WHERE entity_id IS NOT NULL "
            "GROUP BY entity_id"
        )
        conn.execute(
            "UPDATE entities SET mention_count = (SELECT m FROM ecount WHERE entity_id = id), "
            "article_count = (SELECT a FROM ecount WHERE entity_id = id) "
            "WHERE id IN (SELECT entity_id FROM ecount)"
        )
    if sample is not None:
        conn.execute("DELETE FROM terms")
        conn.execute(
            "INSERT INTO terms(term, df) SELECT term, count(*) FROM article_terms GROUP BY term"
        )
        conn.execute(
            "INSERT INTO stories(id, title, date_start, date_end, article_count, outlet_count, "
            "created_at) SELECT story_id, min(title), substr(min(published_at), 1, 10), "
            "substr(max(published_at), 1, 10), count(*), count(DISTINCT outlet), "
            "max(fetched_at) FROM articles WHERE story_id IS NOT NULL GROUP BY story_id"
        )
    conn.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('bench_build', ?)",
        (_build_value(sample is not None),),
    )
    for _, sql in ddl:
        conn.execute(sql)
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    conn.execute("COMMIT")
    if sample is not None:
        conn.execute("DETACH DATABASE s")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    if log:
        print(
            f"built {n} articles in {time.perf_counter() - start:.1f}s -> {path}", file=sys.stderr
        )
    return path


def _flush(conn: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    conn.executemany(
        "INSERT INTO articles(id, title, outlet, published_at, date_precision, fetched_at, body, "
        "content_hash, word_count, read_at, analysed_at, story_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def _copy_analysis(
    conn: sqlite3.Connection, round_no: int, per_round: int, n_events: int, count: int
) -> None:
    """Copy the analysis rows of the first ``count`` sample articles onto round ``round_no``
    of copies (article k of the sample -> article ``round_no * per_round + k``)."""
    base = round_no * per_round
    ev_base = round_no * n_events
    # Sample article ids are 1..per_round in import order; map by rank to be safe.
    conn.execute("DROP TABLE IF EXISTS temp.srcmap")
    conn.execute(
        "CREATE TEMP TABLE srcmap AS SELECT id AS src, "
        "row_number() OVER (ORDER BY id) AS k FROM s.articles"
    )
    conn.execute("DELETE FROM temp.srcmap WHERE k > ?", (count,))
    conn.execute(
        'INSERT INTO mentions(article_id, entity_id, start, "end", text, label, sentence) '
        'SELECT ? + m.k, x.entity_id, x.start, x."end", x.text, x.label, x.sentence '
        "FROM s.mentions x JOIN temp.srcmap m ON m.src = x.article_id ORDER BY x.id",
        (base,),
    )
    conn.execute(
        "INSERT INTO events(id, type, title, date_start, date_end, location_id, article_count, "
        "mention_count) SELECT ? + id, type, title, date_start, date_end, location_id, "
        "article_count, mention_count FROM s.events ORDER BY id",
        (ev_base,),
    )
    conn.execute(
        'INSERT INTO event_mentions(article_id, event_id, start, "end", trigger_start, '
        "trigger_end, trigger, lemma, type, actor_id, target_id, location_id, date, "
        "date_precision, modality, salience, sentence) "
        'SELECT ? + m.k, ? + x.event_id, x.start, x."end", x.trigger_start, x.trigger_end, '
        "x.trigger, x.lemma, x.type, x.actor_id, x.target_id, x.location_id, x.date, "
        "x.date_precision, x.modality, x.salience, x.sentence "
        "FROM s.event_mentions x JOIN temp.srcmap m ON m.src = x.article_id ORDER BY x.id",
        (base, ev_base),
    )
    conn.execute(
        "INSERT INTO article_terms(article_id, term, tf) SELECT ? + m.k, x.term, x.tf "
        "FROM s.article_terms x JOIN temp.srcmap m ON m.src = x.article_id "
        "ORDER BY m.k, x.term",
        (base,),
    )


def density(path: Path) -> dict[str, float]:
    """Rows per article of a store: to check a built store against the analysed sample."""
    conn = sqlite3.connect(path)
    try:
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0] or 1
        out = {"articles": n}
        for table in (
            "mentions",
            "event_mentions",
            "events",
            "entities",
            "article_terms",
            "stories",
        ):
            out[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            out[f"{table}_per_article"] = round(out[table] / n, 2)
        return out
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("path", type=Path)
    parser.add_argument("--plain", action="store_true", help="articles only, no analysis rows")
    args = parser.parse_args()
    build(args.n, args.path, analysed=not args.plain)
    print(json.dumps({"path": str(args.path), **density(args.path)}))


if __name__ == "__main__":
    main()
