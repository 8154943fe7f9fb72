"""Search latency at scale: 30 queries (rare, mid, common words, phrases, filters) over a
store of N articles built from the real sample texts.

    python -m bench.search [--n 100000] [--data bench/data]

Prints each query's time, then median and p95, and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent.parent))

from bench.build_store import build
from store import connect, open_store
from store.search import search

QUERIES = [
    # rare
    "zebra",
    "kornet",
    "librivox",
    "scientology",
    "hajj stampede",
    "warhol",
    # mid
    "iran",
    "apple",
    "airbus",
    "boeing",
    "police",
    "court",
    "election",
    "ceasefire",
    # common
    "the",
    "said",
    "and",
    "would",
    "year",
    "people",
    # phrases
    '"steve jobs"',
    '"united states"',
    '"prime minister"',
    '"air force"',
    # filters
    "outlet:CNN the",
    "since:2024-01 until:2024-03 police",
    "unread said",
    "since:2020-01 until:2020-01-05 the",
    "outlet:reuters apple",
    'outlet:"BBC News" said unread',
]


def run(n: int, data: Path = Path(__file__).parent / "data", repeat: int = 3) -> dict[str, Any]:
    """Each query's median time over ``repeat`` runs; median, p95 and max over the queries."""
    data.mkdir(parents=True, exist_ok=True)
    db = build(n, data / f"store-{n}.db")
    open_store(db).close()  # migrate to the current schema if the file is older
    conn = connect(db, readonly=True)
    times = []
    per_query = {}
    for q in QUERIES:
        best = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            hits = search(conn, q, limit=100)
            best.append((time.perf_counter() - t0) * 1000)
        ms = statistics.median(best)
        times.append(ms)
        per_query[q] = round(ms, 1)
        print(f"{q:40} {len(hits):4} hits {ms:8.1f} ms")
    conn.close()
    times.sort()
    med = statistics.median(times)
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"search at {n}: median {med:.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms")
    slowest = max(per_query, key=per_query.__getitem__)
    return {
        "articles": n,
        "median_ms": round(med, 1),
        "p95_ms": round(p95, 1),
        "max_ms": round(times[-1], 1),
        "slowest": slowest,
        "queries": len(QUERIES),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps({"search": run(args.n, args.data, args.repeat)}))


if __name__ == "__main__":
    main()
