"""Story assignment time per new article with 10k and 100k stored articles.

    python -m bench.story_speed --sizes 10000,100000 --articles 30

Uses the stores of bench/build_store.py (copies of the analysed sample articles, with
their content words and in stories: the copies of one sample article over a few rounds,
dated within a few days, are one story; dates rise with ids), built once and cached in
bench/data/. On a copy of each store, new articles are added one at a time, each a fresh
copy of a sample article (its mentions and event mentions, not yet linked) dated a day
after its copy in the newest stories, as news comes in; then
:func:`ingest.stories.assign_article` is timed in its own transaction, as
:func:`ingest.linking.link_article` runs it (it also extracts and stores the article's
content words and refreshes the story), then the closing look of a run of that one
article (:func:`ingest.relinking.settle`: its second look, at most twice, and the look at
its neighbours, the members of small candidate stories, against its story). The point: the time per article must not grow
in proportion to the store (candidates come from indexed, bounded lookups).
``joined_the_copy_story`` counts the new articles that joined the story of the copy they
follow: a check that the bench exercises the candidate lookup, not a quality figure.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent.parent))

from bench import build_store


def _insert_copy(conn: Any, src: int, when: str, n: int) -> int:
    """A new article copied from sample article ``src`` (attached as ``s``), dated ``when``;
    its id. Not linked, no content words and not in a story yet: what the import has
    stored when it assigns the story."""
    from store.writes import content_hash

    title, body, outlet = conn.execute(
        "SELECT title, body, outlet FROM s.articles WHERE id = ?", (src,)
    ).fetchone()
    body = f"{body}\n\n(New item {n}, {when[:10]}.)"
    cur = conn.execute(
        "INSERT INTO articles(title, outlet, published_at, date_precision, fetched_at, body, "
        "content_hash, word_count, analysed_at) VALUES (?, ?, ?, 'time', ?, ?, ?, ?, ?)",
        (title, outlet, when, when, body, content_hash(body), len(body.split()), when),
    )
    aid = int(cur.lastrowid or 0)
    conn.execute(
        'INSERT INTO mentions(article_id, entity_id, start, "end", text, label, sentence) '
        'SELECT ?, entity_id, start, "end", text, label, sentence FROM s.mentions '
        "WHERE article_id = ? ORDER BY id",
        (aid, src),
    )
    conn.execute(
        'INSERT INTO event_mentions(article_id, start, "end", trigger_start, trigger_end, '
        "trigger, lemma, type, actor_id, target_id, location_id, date, date_precision, "
        'modality, salience, sentence) SELECT ?, start, "end", trigger_start, trigger_end, '
        "trigger, lemma, type, actor_id, target_id, location_id, date, date_precision, "
        "modality, salience, sentence FROM s.event_mentions WHERE article_id = ? ORDER BY id",
        (aid, src),
    )
    return aid


def measure(path: Path, sample: Path, articles: int, seed: int = 7) -> dict[str, Any]:
    """Median and p90 ms to assign one new article to a story, on a copy of the store at
    ``path`` (the built store stays as it was, to be reused)."""
    from ingest.relinking import settle
    from ingest.stories import assign_article
    from store import open_store
    from store.db import transaction

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / path.name
        shutil.copyfile(path, work)
        conn = open_store(work)
        try:
            conn.execute("ATTACH DATABASE ? AS s", (str(sample),))
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
            sources = [r[0] for r in conn.execute("SELECT id FROM s.articles ORDER BY id")]
            per_round = len(sources)
            # Warm up: the first call loads spaCy's stop words (about 1 s), which the
            # import's worker has long done.
            from analysis.story_words import article_terms

            article_terms("warm up", "warm up")
            timings = []
            looks = []
            joined = 0
            for n in range(articles):
                k = rng.randrange(per_round)
                # A copy of the same sample article in the newest stories (build_store:
                # article round * per_round + k + 1 copies sample article k; dates rise
                # with rounds), and the new article a day after it: news as it comes.
                rounds = max(1, stored // per_round)
                last = rounds - 1 - rng.randrange(min(rounds, build_store.ROUNDS_PER_STORY))
                copy = last * per_round + k + 1
                row = conn.execute(
                    "SELECT published_at, story_id FROM articles WHERE id = ?", (copy,)
                ).fetchone()
                base = datetime.fromisoformat(row[0]) if row and row[0] else datetime(2024, 1, 1)
                when = (base + timedelta(days=1)).isoformat(timespec="seconds")
                with transaction(conn):
                    aid = _insert_copy(conn, sources[k], when, n)
                t0 = time.perf_counter()
                with transaction(conn):  # as ingest.linking.link_article calls it
                    story, _ = assign_article(conn, aid)
                timings.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                settle(conn, [aid], events=False)  # a run of one article ends
                looks.append((time.perf_counter() - t0) * 1000)
                joined += int(row is not None and story == row[1])
        finally:
            conn.close()
    timings.sort()
    looks.sort()
    return {
        "stored_articles": stored,
        "stored_stories": stories,
        "articles": articles,
        "joined_the_copy_story": joined,
        "ms_per_article_median": round(statistics.median(timings), 1),
        "ms_per_article_p90": round(timings[int(0.9 * (len(timings) - 1))], 1),
        "ms_per_article_max": round(timings[-1], 1),
        "closing_look_ms_median": round(statistics.median(looks), 1),
        "closing_look_ms_p90": round(looks[int(0.9 * (len(looks) - 1))], 1),
    }


def run(sizes: list[int], articles: int = 30, folder: Path | None = None) -> list[dict[str, Any]]:
    """One row per size; stores are the cached bench stores in ``folder`` (bench/data)."""
    folder = folder or build_store.DATA
    folder.mkdir(parents=True, exist_ok=True)
    sample = build_store.sample_store(folder)
    out = []
    for size in sizes:
        t0 = time.perf_counter()
        path = build_store.build(size, folder / f"store-{size}.db")
        row = {
            **measure(path, sample, articles),
            "build_or_reuse_seconds": round(time.perf_counter() - t0, 1),
        }
        print(row, flush=True)
        out.append(row)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument(
        "--dir", type=Path, default=build_store.DATA, help="where the bench stores are cached"
    )
    args = parser.parse_args(argv)
    rows = run([int(s) for s in args.sizes.split(",")], args.articles, args.dir)
    growth = round(rows[-1]["ms_per_article_median"] / rows[0]["ms_per_article_median"], 2)
    looks = round(rows[-1]["closing_look_ms_median"] / rows[0]["closing_look_ms_median"], 2)
    print(json.dumps({"sizes": rows, "growth": growth, "closing_look_growth": looks}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
