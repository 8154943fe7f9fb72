"""Linking time per new article with 10k and 100k stored event mentions.

    python -m bench.linking_speed --sizes 10000,100000 --articles 30

Builds a store file per size with synthetic but realistic rows (event mentions spread
over three years, trigger lemmas and types from the lexicon, participants drawn from a
pool of entities with a heavy head, the way "Israel" or "Hamas" dominate a region's news),
assigns them to events of about three mentions, then times :func:`ingest.linking.link_article` on new articles of 15
event mentions each. The point: the per-article time must not grow in proportion to
the store (every candidate lookup is indexed and bounded).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

MENTIONS_PER_ARTICLE = 15
ENTITIES = 3000


def _lexicon() -> list[tuple[str, str]]:
    from analysis.triggers import NOUN_TYPES, VERB_TYPES

    return sorted({**NOUN_TYPES, **VERB_TYPES}.items())


def _article_rows(
    rng: random.Random, lex: list[tuple[str, str]], day0: date
) -> list[dict[str, Any]]:
    ems = []
    for k in range(MENTIONS_PER_ARTICLE):
        lemma, etype = rng.choice(lex)
        precision = rng.choice(["day", "day", "month", "week", "year", None])
        when = day0 - timedelta(days=rng.randint(0, 40))
        value = None
        if precision == "day" or precision == "week":
            value = when.isoformat()
        elif precision == "month":
            value = when.isoformat()[:7]
        elif precision == "year":
            value = when.isoformat()[:4]
        ems.append(
            {
                "lemma": lemma,
                "type": etype,
                "actor": int(rng.paretovariate(1.2)) % ENTITIES + 1 if rng.random() < 0.6 else None,
                "target": int(rng.paretovariate(1.2)) % ENTITIES + 1
                if rng.random() < 0.5
                else None,
                "date": value,
                "precision": precision,
                "sentence": k * 2,
                "trigger_start": k * 100,
            }
        )
    return ems


def _insert_article(
    conn: Any, rng: random.Random, lex: list[tuple[str, str]], day0: date, n: int
) -> int:
    cur = conn.execute(
        "INSERT INTO articles(title, body, content_hash, published_at) VALUES (?, ?, ?, ?)",
        (f"a{n}", f"body {n}", f"hash-{n}-{rng.random()}", day0.isoformat()),
    )
    aid = int(cur.lastrowid)
    ents = {rng.randint(1, ENTITIES) for _ in range(12)} | {1, 2, 3}
    conn.executemany(
        'INSERT INTO mentions(article_id, entity_id, start, "end", text, label, sentence) '
        "VALUES (?, ?, 0, 1, 'x', 'ORG', 0)",
        [(aid, e) for e in ents],
    )
    conn.executemany(
        'INSERT INTO event_mentions(article_id, start, "end", trigger_start, trigger_end, trigger, '
        "lemma, type, actor_id, target_id, date, date_precision, modality, salience, sentence) "
        "VALUES (?, 0, 10, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'asserted', ?, ?)",
        [
            (
                aid,
                em["trigger_start"],
                em["trigger_start"] + 6,
                em["lemma"],
                em["lemma"],
                em["type"],
                em["actor"],
                em["target"],
                em["date"],
                em["precision"],
                rng.random(),
                em["sentence"],
            )
            for em in _article_rows(rng, lex, day0)
        ],
    )
    return aid


def build(path: Path, mentions: int, seed: int = 1) -> None:
    """A store with ``mentions`` event mentions, all linked."""
    from store import open_store
    from store.db import transaction

    rng = random.Random(seed)
    lex = _lexicon()
    conn = open_store(path)
    with transaction(conn):
        conn.executemany(
            "INSERT INTO entities(id, label, name, key) VALUES (?, 'ORG', ?, ?)",
            [(i, f"Entity {i}", f"group:entity {i}") for i in range(1, ENTITIES + 1)],
        )
    start = date(2022, 7, 1)
    n_articles = mentions // MENTIONS_PER_ARTICLE
    ids = []
    with transaction(conn):
        for n in range(n_articles):
            day = start + timedelta(days=int(n * 3 * 365 / n_articles))
            ids.append(_insert_article(conn, rng, lex, day, n))
    # Events: about three mentions each, same lemma, nearby in time (assigned directly;
    # linking 100k mentions one article at a time would take minutes and is not what
    # is measured here).
    with transaction(conn):
        recent: dict[str, list[int]] = {}
        rows = conn.execute("SELECT id, lemma, type FROM event_mentions ORDER BY id").fetchall()
        for mid, lemma, etype in rows:
            pool = recent.setdefault(lemma, [])
            if pool and rng.random() < 0.66:
                event_id = rng.choice(pool[-20:])
            else:
                event_id = int(
                    conn.execute("INSERT INTO events(type) VALUES (?)", (etype,)).lastrowid
                )
                pool.append(event_id)
            conn.execute("UPDATE event_mentions SET event_id = ? WHERE id = ?", (event_id, mid))
        conn.execute(
            "UPDATE events SET "
            "date_start = (SELECT min(date) FROM event_mentions WHERE event_id = events.id), "
            "date_end = (SELECT max(date) FROM event_mentions WHERE event_id = events.id), "
            "mention_count = (SELECT count(*) FROM event_mentions WHERE event_id = events.id), "
            "article_count = (SELECT count(DISTINCT article_id) FROM event_mentions "
            "WHERE event_id = events.id)"
        )
    conn.close()


def measure(path: Path, articles: int, seed: int = 7) -> dict[str, Any]:
    """Median and p90 ms to link one new article, on a copy of the store at ``path`` (the
    built store stays as it was, to be reused)."""
    import shutil

    from ingest.linking import link_article
    from store import open_store
    from store.db import transaction

    rng = random.Random(seed)
    lex = _lexicon()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / path.name
        shutil.copyfile(path, work)
        return _measure(open_store(work), articles, rng, lex, link_article, transaction)


def _measure(
    conn: Any, articles: int, rng: random.Random, lex: Any, link_article: Any, transaction: Any
) -> dict[str, Any]:
    stored = conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
    timings = []
    for n in range(articles):
        with transaction(conn):
            aid = _insert_article(
                conn, rng, lex, date(2025, 6, 1) - timedelta(days=n), 10_000_000 + n
            )
        t0 = time.perf_counter()
        link_article(conn, [aid])
        timings.append((time.perf_counter() - t0) * 1000)
    conn.close()
    timings.sort()
    return {
        "stored_event_mentions": stored,
        "articles": articles,
        "ms_per_article_median": round(statistics.median(timings), 1),
        "ms_per_article_p90": round(timings[int(0.9 * (len(timings) - 1))], 1),
    }


def run(sizes: list[int], articles: int = 30, folder: Path | None = None) -> list[dict[str, Any]]:
    """One row per size; store files are kept (and reused) in ``folder`` when given."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        where = folder or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            path = where / f"linking-{size}.db"
            build_s = None
            if not path.exists():
                t0 = time.perf_counter()
                partial = path.with_name(path.name + ".partial")
                partial.unlink(missing_ok=True)
                build(partial, size)
                partial.rename(path)
                build_s = round(time.perf_counter() - t0, 1)
            row = measure(path, articles)
            row["build_seconds"] = build_s
            print(row)
            out.append(row)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument(
        "--dir", type=Path, help="where to keep the store files (default: a temp dir)"
    )
    args = parser.parse_args(argv)
    print(json.dumps(run([int(s) for s in args.sizes.split(",")], args.articles, args.dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
