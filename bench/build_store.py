"""Build (or reuse) a store of N articles made from the bundled real texts.

    python -m bench.build_store 100000 bench/data/store-100k.db

Titles, outlets and dates vary; bodies are the sample articles' real texts with a line
that makes each one unique (so content hashes differ). If the sample store has been
analysed (mentions / event mentions), pass --analysed SAMPLE_DB to copy each source
article's mentions along, at their real density.
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
    from ingest.jsonlines import parse_json
    from ingest.samples import sample_paths

    drafts = []
    for path in sample_paths():
        if path.suffix == ".jsonl":
            drafts.extend(parse_json(path.read_text(encoding="utf-8"), str(path)))
    return [{"title": d.title, "body": d.body} for d in drafts]


def build(n: int, path: Path, *, seed: int = 7) -> Path:
    if path.exists():
        conn = sqlite3.connect(path)
        have = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        conn.close()
        if have == n:
            return path
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    rng = random.Random(seed)
    texts = sample_texts()
    conn = open_store(path)
    start = time.perf_counter()
    conn.execute("BEGIN")
    rows = []
    for i in range(n):
        src = texts[i % len(texts)]
        day = rng.randrange(0, 365 * 6)
        published = time.strftime(
            "%Y-%m-%dT%H:%M:%S", time.gmtime(1_577_836_800 + day * 86400 + rng.randrange(86400))
        )
        words = src["title"].split()
        rng.shuffle(words)
        title = " ".join(words[: max(4, len(words))])
        body = f"{src['body']}\n\n(Item {i}, {published[:10]}.)"
        rows.append(
            (
                title,
                OUTLETS[rng.randrange(len(OUTLETS))],
                published,
                "time",
                body,
                content_hash(body),
                len(body.split()),
                None if rng.random() < 0.7 else published,
            )
        )
        if len(rows) == 5000:
            _flush(conn, rows)
    _flush(conn, rows)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    print(f"built {n} articles in {time.perf_counter() - start:.1f}s -> {path}", file=sys.stderr)
    return path


def _flush(conn: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    conn.executemany(
        "INSERT INTO articles(title, outlet, published_at, date_precision, body, content_hash, "
        "word_count, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    rows.clear()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("path", type=Path)
    args = parser.parse_args()
    args.path.parent.mkdir(parents=True, exist_ok=True)
    print(json.dumps({"path": str(build(args.n, args.path)), "articles": args.n}))


if __name__ == "__main__":
    main()
