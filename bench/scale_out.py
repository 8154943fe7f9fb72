"""Scale-out: the analysis queue on this machine against the same queue on Dask.

    python -m bench.scale_out [--articles 2000] [--merge-articles 10000] [--runs 2]
    python -m bench.scale_out --configs localx2,daskx2     # those runs only

1. Throughput (words/s) of `newsreader analyse` over the same ``--articles`` real
   articles (the bundled samples repeated, :func:`bench.build_store.build` ``--plain``:
   every one waiting for analysis): ``--engine local`` with 1 and 2 processes, and
   ``--engine dask`` with a LocalCluster of 1 and 2 single-threaded workers; best of
   ``--runs`` rounds (each round runs every configuration once, so a change of load falls
   on all), each run on a fresh copy of the store. Two rates per run: over the whole
   process (model load, cluster start included: what a user waits) and steady (between
   the first and the last result landing).
2. The client's write + link rate: the results of one run fed back through the very
   queue the engines use (:func:`ingest.analysis_queue.run_queue`, shards of
   :data:`ingest.cluster.SHARD_ARTICLES` per transaction) with no analysis at all, on a
   fresh copy of the pending store; against one worker's analysis rate
   (:func:`analysis.shard.analyse_shard` in this process, the model loaded). Their ratio
   is how many workers one store can feed.
3. The merge cost: `newsreader merge` of an analysed, linked store of ``--merge-articles``
   articles (:func:`bench.build_store.build`) into an empty store, per 10k articles.

Prints a table, then one JSON line. The machine's load (`uptime`) is printed at the
start and the end: others share its cores, and the figures move with it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT))

from bench.build_store import DATA, build  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

CONFIGS = "localx1,localx2,daskx1,daskx2"

#: Must-show targets of the issue.
DASK_VS_LOCAL = 0.85
CLIENT_VS_WORKER = 5.0


def _uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return f"loadavg {os.getloadavg()}"


def _newsreader(*args: str) -> list[str]:
    return [sys.executable, "-m", "tui.cli", *args]


def _fresh(src: Path, dest: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(str(dest) + suffix).unlink(missing_ok=True)
    shutil.copy(src, dest)
    return dest


def _words(db: Path) -> dict[int, int]:
    conn = sqlite3.connect(db)
    out = {int(i): int(w or 0) for i, w in conn.execute("SELECT id, word_count FROM articles")}
    conn.close()
    return out


def analyse_run(pending: Path, work: Path, engine: str, n: int) -> dict[str, Any]:
    """One `newsreader analyse` run on a fresh copy; its rates."""
    db = _fresh(pending, work / f"run-{engine}-{n}.db")
    words_of = _words(db)
    extra = (
        ["--processes", str(n)] if engine == "local" else ["--engine", "dask", "--workers", str(n)]
    )
    argv = _newsreader("--db", str(db), "analyse", "--json-progress", *extra)
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    landed: list[tuple[float, int]] = []
    for line in proc.stdout:
        step = json.loads(line)
        if step.get("id") is not None:
            landed.append((time.perf_counter(), int(step["id"])))
    err = proc.stderr.read() if proc.stderr else ""
    proc.wait()
    seconds = time.perf_counter() - start
    if proc.returncode != 0 or len(landed) != len(words_of):
        raise RuntimeError(f"{engine} x{n} failed ({proc.returncode}): {err.strip()[-500:]}")
    words = sum(words_of.values())
    first = landed[0][0]
    steady_words = sum(words_of[i] for t, i in landed if t > first)
    steady = landed[-1][0] - first
    return {
        "engine": engine,
        "workers": n,
        "articles": len(landed),
        "words": words,
        "seconds": seconds,
        "words_per_s": words / seconds,
        "steady_words_per_s": steady_words / steady if steady > 0 else float("nan"),
        "db": str(db),
    }


class _Replay:
    """Precomputed results, handed to the queue a shard at a time (no analysis)."""

    def __init__(self, by_body: dict[str, dict[str, Any]], shard: int) -> None:
        self.by_body = by_body
        self.shard = shard

    def analyse_groups(self, items: Any) -> Any:
        from ingest.cluster import shards

        for group in shards(items, self.shard):
            yield [self.by_body[body] for body, _ in group]


def client_rate(pending: Path, analysed: Path, work: Path) -> dict[str, Any]:
    """Results/s the client stores and links, fed the results of ``analysed``."""
    from ingest.analysis_queue import run_queue
    from ingest.cluster import SHARD_ARTICLES
    from store import open_store
    from store.merge import article_analysis

    src = sqlite3.connect(analysed)
    src.row_factory = sqlite3.Row
    entities: dict[int, Any] = {}
    by_body: dict[str, dict[str, Any]] = {}
    for row in src.execute("SELECT id, body FROM articles"):
        mentions, events = article_analysis(src, int(row["id"]), entities)
        by_body[row["body"]] = {"mentions": mentions, "event_mentions": events}
    src.close()
    db = _fresh(pending, work / "replay.db")
    words = sum(_words(db).values())
    conn = open_store(db)
    t0 = time.perf_counter()
    report = run_queue(conn, _Replay(by_body, SHARD_ARTICLES))
    seconds = time.perf_counter() - t0
    conn.close()
    assert report.analysed == len(by_body), report
    return {
        "results": report.analysed,
        "seconds": seconds,
        "results_per_s": report.analysed / seconds,
        "words_per_s": words / seconds,
    }


def worker_rate(pending: Path, limit: int = 160) -> dict[str, Any]:
    """One worker's analysis rate: :func:`analysis.shard.analyse_shard` in this process
    (one thread, the model loaded first), over the newest ``limit`` articles."""
    from analysis.shard import analyse_shard, warm_up
    from ingest.analysis_queue import pending_batches
    from ingest.cluster import SHARD_ARTICLES, shards
    from store import connect

    conn = connect(pending, readonly=True)
    items = [(i.body, i.reference) for b in pending_batches(conn, 64) for i in b][:limit]
    conn.close()
    warm_up()
    words = sum(len(b.split()) for b, _ in items)
    t0 = time.perf_counter()
    for shard in shards(items, SHARD_ARTICLES):
        analyse_shard(shard)
    seconds = time.perf_counter() - t0
    return {
        "articles": len(items),
        "seconds": seconds,
        "articles_per_s": len(items) / seconds,
        "words_per_s": words / seconds,
    }


def merge_cost(n: int, work: Path) -> dict[str, Any]:
    """`newsreader merge` of an analysed store of ``n`` articles into an empty one."""
    shard = build(n, DATA / f"store-{n}.db")
    target = work / "merged.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    out = subprocess.run(
        _newsreader("--db", str(target), "merge", str(shard)),
        env=ENV,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - t0
    if out.returncode != 0:
        raise RuntimeError(f"merge failed: {out.stderr.strip()}")
    return {"articles": n, "seconds": seconds, "seconds_per_10k": seconds * 10_000 / n}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--merge-articles", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument(
        "--configs",
        default=CONFIGS,
        help="engine x processes/workers to compare; not all four: those runs only",
    )
    args = ap.parse_args()

    load_before = _uptime()
    print(f"load at start: {load_before}", file=sys.stderr)
    work = DATA / "scale_out"
    work.mkdir(parents=True, exist_ok=True)
    pending = build(args.articles, DATA / f"plain-{args.articles}.db", analysed=False)

    # Rounds of every configuration, interleaved: a change of the machine's load (others
    # share it) falls on all of them, not on one.
    configs = [c.split("x") for c in args.configs.split(",")]
    runs: dict[str, dict[str, Any]] = {}
    for _ in range(args.runs):
        for engine, n in configs:
            r = analyse_run(pending, work, engine, int(n))
            print(
                f"  {engine} x{n}: {r['seconds']:.1f}s, {r['words_per_s']:.0f} words/s "
                f"(steady {r['steady_words_per_s']:.0f})",
                file=sys.stderr,
            )
            key = f"{engine}_{n}"
            if key not in runs or r["seconds"] < runs[key]["seconds"]:
                runs[key] = r
    if args.configs != CONFIGS:
        for key, r in runs.items():
            print(f"{key}: {json.dumps({k: v for k, v in r.items() if k != 'db'})}")
        return

    client = client_rate(pending, Path(runs["local_2"]["db"]), work)
    worker = worker_rate(pending)
    merge = merge_cost(args.merge_articles, work)
    load_after = _uptime()

    dask_vs_local = runs["dask_2"]["words_per_s"] / runs["local_2"]["words_per_s"]
    dask_vs_local_steady = (
        runs["dask_2"]["steady_words_per_s"] / runs["local_2"]["steady_words_per_s"]
    )
    client_vs_worker = client["results_per_s"] / worker["articles_per_s"]

    print(f"\n{'engine':<14}{'seconds':>9}{'words/s':>10}{'steady':>10}")
    for key, r in runs.items():
        print(
            f"{key:<14}{r['seconds']:>9.1f}{r['words_per_s']:>10.0f}"
            f"{r['steady_words_per_s']:>10.0f}"
        )
    print(
        f"\narticles: {runs['local_1']['articles']}, words: {runs['local_1']['words']}\n"
        f"dask x2 / local x2: {dask_vs_local:.2f} (whole process), "
        f"{dask_vs_local_steady:.2f} (steady); target >= {DASK_VS_LOCAL}\n"
        f"client write+link: {client['results_per_s']:.1f} results/s "
        f"({client['words_per_s']:.0f} words/s); one worker: "
        f"{worker['articles_per_s']:.2f} articles/s ({worker['words_per_s']:.0f} words/s); "
        f"ratio {client_vs_worker:.1f}; target >= {CLIENT_VS_WORKER}\n"
        f"merge: {merge['articles']} articles in {merge['seconds']:.1f}s = "
        f"{merge['seconds_per_10k']:.1f}s per 10k articles\n"
        f"load at start: {load_before}\nload at end:   {load_after}"
    )
    for r in runs.values():
        r.pop("db", None)
    print(
        json.dumps(
            {
                "runs": runs,
                "dask2_vs_local2": round(dask_vs_local, 3),
                "dask2_vs_local2_steady": round(dask_vs_local_steady, 3),
                "client": client,
                "worker": worker,
                "client_vs_worker": round(client_vs_worker, 2),
                "merge": merge,
                "targets_met": {
                    "dask2_vs_local2": dask_vs_local >= DASK_VS_LOCAL,
                    "client_vs_worker": client_vs_worker >= CLIENT_VS_WORKER,
                },
                "load_start": load_before,
                "load_end": load_after,
            }
        )
    )


if __name__ == "__main__":
    main()
