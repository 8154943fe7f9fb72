"""Refresh at newsboat's speed? Store first, analyse after, measured side by side.

    python -m bench.refresh_speed                         # 10 feeds x 100 items
    python -m bench.refresh_speed --feeds 100 --items 1000

Generates N feeds x M items from the bundled sample articles (real text; varied titles,
dates and guids), serves them on 127.0.0.1, and measures in one run:

- newsboat: ``newsboat -x reload`` of the same feeds (skipped with a note when newsboat is
  not installed), wall time and peak RSS;
- store: ``newsreader refresh --no-analyse`` (a real process), wall time and peak RSS;
- first article: from the start of that refresh until the first article is readable in
  the store (another process polls it, as the app would);
- analysis: ``newsreader analyse`` (the queue, n_process = cores) over what was stored,
  words/s, against plain ``nlp.pipe`` with the same number of processes over the same
  bodies (the queue is capped at ``--analyse-max`` articles: a sample of the store).

Prints a table, then one JSON line with feeds, items, newsboat_s, store_s,
first_article_s, analysis_vs_plain and peak_rss_mb (per process).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT))

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

WORDS = [
    "update",
    "analysis",
    "report",
    "latest",
    "live",
    "briefing",
    "explainer",
    "inside",
    "exclusive",
    "review",
    "morning",
    "evening",
    "weekly",
    "timeline",
    "factbox",
    "what-we-know",
]


def sample_articles() -> list[dict[str, Any]]:
    """The bundled sample articles (title, body) with real text."""
    out = []
    for path in sorted((ROOT / "ingest" / "samples").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if rec.get("body") and rec.get("title"):
                    out.append({"title": rec["title"], "body": rec["body"]})
    return out


def make_feed(feed: int, items: int, articles: list[dict[str, Any]], seed: int = 0) -> bytes:
    """One RSS 2.0 document: ``items`` items of real article text, each with its own
    guid, link, date and title (a varied title and an item-numbered closing line, so no
    two items share a body and each is a new article)."""
    rng = random.Random(seed * 100_003 + feed)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>',
        f"<title>Bench feed {feed}</title><link>http://127.0.0.1/feed{feed}</link>",
        f"<description>Generated feed {feed}</description>",
    ]
    for i in range(items):
        art = articles[(feed * 7919 + i) % len(articles)]
        when = start + timedelta(minutes=rng.randrange(0, 60 * 24 * 300))
        title = f"{art['title']} ({rng.choice(WORDS)} {feed}-{i})"
        paras = [p for p in art["body"].split("\n\n") if p.strip()]
        paras.append(f"Filed as item {i} of feed {feed}.")
        html = "".join(f"<p>{escape(p)}</p>" for p in paras)
        parts.append(
            "<item>"
            f"<title>{escape(title)}</title>"
            f"<link>http://127.0.0.1/f{feed}/a{i}</link>"
            f'<guid isPermaLink="false">bench-{feed}-{i}</guid>'
            f"<pubDate>{format_datetime(when)}</pubDate>"
            f"<description>{escape(html)}</description>"
            "</item>"
        )
    parts.append("</channel></rss>\n")
    return "".join(parts).encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    feeds: dict[str, bytes] = {}

    def do_GET(self) -> None:
        body = self.feeds.get(self.path)
        if body is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


class FeedServer:
    """The generated feeds on 127.0.0.1 (a thread), at ``/feed{k}.xml``."""

    def __init__(self, docs: list[bytes]) -> None:
        handler = type(
            "H", (_Handler,), {"feeds": {f"/feed{k}.xml": d for k, d in enumerate(docs)}}
        )
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.urls = [
            f"http://127.0.0.1:{self.httpd.server_port}/feed{k}.xml" for k in range(len(docs))
        ]

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class Watch:
    """Runs a command and follows it: wall time, and peak RSS (``VmHWM``) of the process
    itself; ``wait4`` gives the largest of it and its waited-for children."""

    def __init__(self, argv: list[str], **popen: Any) -> None:
        self.argv = argv
        self.popen = popen
        self.peak_kb = 0
        self.tree_peak_kb = 0
        self.seconds = 0.0
        self.returncode = 0
        self.started = 0.0
        #: Words/s of an analysis run (set by :func:`_queue_round`).
        self.steady_wps = 0.0
        self.total_wps = 0.0

    def _poll(self, pid: int, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak_kb = max(self.peak_kb, int(line.split()[1]))
            except (OSError, ValueError):
                pass
            stop.wait(0.05)

    def start(self) -> subprocess.Popen[Any]:
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(self.argv, **self.popen)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, args=(self.proc.pid, self._stop))
        self._thread.start()
        return self.proc

    def wait(self) -> Watch:
        _, status, usage = os.wait4(self.proc.pid, 0)
        self.seconds = time.perf_counter() - self.started
        self._stop.set()
        self._thread.join()
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        self.returncode = self.proc.returncode
        self.tree_peak_kb = int(usage.ru_maxrss)
        return self

    def run(self) -> Watch:
        self.start()
        return self.wait()


def newsboat(urls: list[str], folder: Path) -> dict[str, Any] | None:
    """``newsboat -x reload`` of the feeds into a fresh cache; None when not installed."""
    exe = shutil.which("newsboat")
    if exe is None:
        return None
    (folder / "urls").write_text("\n".join(urls) + "\n")
    (folder / "config").write_text("reload-threads 8\n")
    argv = [exe, "-x", "reload", "-u", str(folder / "urls"), "-c", str(folder / "cache.db")]
    argv += ["-C", str(folder / "config")]
    env = {**os.environ, "HOME": str(folder)}
    w = Watch(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).run()
    if w.returncode != 0:
        raise RuntimeError(f"newsboat failed ({w.returncode})")
    cache = sqlite3.connect(folder / "cache.db")
    items = cache.execute("SELECT count(*) FROM rss_item").fetchone()[0]
    cache.close()
    return {"seconds": w.seconds, "items": items, "peak_rss_mb": w.peak_kb / 1024}


def _newsreader(*args: str) -> list[str]:
    return [sys.executable, "-m", "tui.cli", *args]


def store_only(urls: list[str], db: Path) -> dict[str, Any]:
    """``newsreader refresh --no-analyse`` of every feed, and when the first article
    became readable (polled from another connection, as the app reads)."""
    from store import open_store
    from store.sources import add_source

    conn = open_store(db)
    for url in urls:
        add_source(conn, url)
    conn.close()
    w = Watch(
        _newsreader("--db", str(db), "refresh", "--no-analyse", "--concurrency", "8"),
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    w.start()
    first: float | None = None
    reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
    while w.proc.poll() is None and first is None:
        try:
            row = reader.execute("SELECT id, body FROM articles LIMIT 1").fetchone()
        except sqlite3.OperationalError:
            row = None
        if row:
            first = time.perf_counter() - w.started
            break
        time.sleep(0.005)
    err = w.proc.stderr.read().decode() if w.proc.stderr else ""
    w.wait()
    reader.close()
    if w.returncode != 0:
        raise RuntimeError(f"refresh failed: {err.strip()}")
    conn = sqlite3.connect(db)
    items = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    return {
        "seconds": w.seconds,
        "items": items,
        "first_article_s": first,
        "peak_rss_mb": w.peak_kb / 1024,
        "summary": err.strip().splitlines()[-1] if err.strip() else "",
    }


def _queue_round(db: Path, template: Path, words_of: dict[int, int], processes: int) -> Watch:
    """One run of the queue (`newsreader analyse`) over a fresh copy of ``template`` (every
    article waiting); sets ``steady_wps`` (words/s between its first and its last result:
    the model load and the first chunk excluded, as the plain run loads nothing) and
    ``total_wps`` (over the whole process) on the returned Watch."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, db)
    w = Watch(
        _newsreader("--db", str(db), "analyse", "--json-progress", "--processes", str(processes)),
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    proc = w.start()
    landed: list[tuple[float, int]] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        step = json.loads(line)
        if step.get("id") is not None:
            landed.append((time.perf_counter(), int(step["id"])))
    err = proc.stderr.read() if proc.stderr else ""
    w.wait()
    if w.returncode != 0:
        raise RuntimeError(f"analyse failed: {err.strip()}")
    first_t = landed[0][0]
    steady_words = sum(words_of[i] for t, i in landed if t > first_t)
    steady_s = landed[-1][0] - first_t
    w.steady_wps = steady_words / steady_s if steady_s > 0 else float("nan")
    w.total_wps = sum(words_of.values()) / w.seconds
    return w


def analysis(db: Path, limit: int, processes: int, rounds: int = 3) -> dict[str, Any]:
    """The queue (`newsreader analyse`, ``processes`` workers) over the newest ``limit``
    stored articles (copied to a store of their own), against plain ``nlp.pipe`` with the same
    processes over the same bodies. The queue's rate is taken between its first and its
    last result (the model load and the first chunk excluded, as the plain run loads
    nothing), and over the whole process as well.

    The two sides run in ``rounds`` interleaved rounds (queue, plain, queue, plain...) and
    each round gives a ratio; the median ratio is reported. On a shared machine, another
    job's load then falls on both sides of a round alike, instead of on one side only."""
    from analysis.nlp import load_nlp
    from store import open_store
    from store.writes import save_articles

    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = [
        dict(r)
        for r in conn.execute(
            "SELECT * FROM articles ORDER BY IFNULL(published_at, fetched_at) DESC, id DESC "
            "LIMIT ?",
            (limit,),
        )
    ]
    conn.close()
    # The newest articles in a store of their own (all waiting for analysis), so the
    # queue runs over exactly them; each round analyses a fresh copy of it.
    template = db.with_name("analyse-template.db")
    sample = open_store(template)
    for r in rows:
        r["source_id"] = None
    ids = [i for i, _ in save_articles(sample, rows)]
    sample.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    sample.close()
    words_of = {i: len(r["body"].split()) for i, r in zip(ids, rows, strict=True)}
    bodies = [r["body"] for r in rows]
    words = sum(words_of.values())

    nlp = load_nlp()
    list(nlp.pipe(bodies[:4]))  # warm-up

    def plain() -> float:
        best = float("inf")
        for size in (8, 32) if processes > 1 else (32,):
            t0 = time.perf_counter()
            for _ in nlp.pipe(bodies, batch_size=size, n_process=processes):
                pass
            best = min(best, time.perf_counter() - t0)
        return words / best

    queue_runs: list[Watch] = []
    plain_wps: list[float] = []
    for k in range(rounds):
        # Alternate which side goes first, so neither always runs on a warmer machine.
        if k % 2 == 0:
            queue_runs.append(
                _queue_round(db.with_name("analyse.db"), template, words_of, processes)
            )
            plain_wps.append(plain())
        else:
            plain_wps.append(plain())
            queue_runs.append(
                _queue_round(db.with_name("analyse.db"), template, words_of, processes)
            )
    ratios = [q.steady_wps / p for q, p in zip(queue_runs, plain_wps, strict=True)]
    mid = sorted(range(rounds), key=ratios.__getitem__)[rounds // 2]
    w = queue_runs[mid]
    return {
        "articles": len(bodies),
        "words": words,
        "processes": processes,
        "rounds": rounds,
        "queue_words_per_s": w.steady_wps,
        "queue_whole_process_words_per_s": w.total_wps,
        "plain_words_per_s": plain_wps[mid],
        "vs_plain": ratios[mid],
        "vs_plain_rounds": [round(r, 3) for r in ratios],
        "whole_process_vs_plain": w.total_wps / plain_wps[mid],
        "seconds": w.seconds,
        "peak_rss_mb": max(q.peak_kb for q in queue_runs) / 1024,
        "workers_peak_rss_mb": max(q.tree_peak_kb for q in queue_runs) / 1024,
    }


def run(
    feeds: int, items: int, analyse_max: int, processes: int, rounds: int = 3
) -> dict[str, Any]:
    from ingest.analysis_queue import default_processes

    processes = processes or default_processes()
    articles = sample_articles()
    t0 = time.perf_counter()
    docs = [make_feed(k, items, articles) for k in range(feeds)]
    print(
        f"generated {feeds} feeds x {items} items ({sum(map(len, docs)) / 1e6:.1f} MB) "
        f"in {time.perf_counter() - t0:.1f} s",
        file=sys.stderr,
    )
    out: dict[str, Any] = {"feeds": feeds, "items": items}
    with FeedServer(docs) as server, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "nb").mkdir()
        nb = newsboat(server.urls, folder / "nb")
        if nb is None:
            print("newsboat is not installed: its reload is skipped", file=sys.stderr)
        else:
            print(f"newsboat: {nb['items']:,} items in {nb['seconds']:.2f} s", file=sys.stderr)
        ours = store_only(server.urls, folder / "bench.db")
        print(f"store only: {ours['items']:,} items in {ours['seconds']:.2f} s", file=sys.stderr)
        an = analysis(folder / "bench.db", analyse_max, processes, rounds) if analyse_max else None
    out.update(
        newsboat=nb,
        store=ours,
        analysis=an,
        newsboat_s=round(nb["seconds"], 3) if nb else None,
        store_s=round(ours["seconds"], 3),
        store_vs_newsboat=round(ours["seconds"] / nb["seconds"], 3) if nb else None,
        first_article_s=round(ours["first_article_s"], 3) if ours["first_article_s"] else None,
        analysis_vs_plain=round(an["vs_plain"], 3) if an else None,
        peak_rss_mb={
            "newsboat": round(nb["peak_rss_mb"], 1) if nb else None,
            "store": round(ours["peak_rss_mb"], 1),
            "analyse": round(an["peak_rss_mb"], 1) if an else None,
            "analyse_workers": round(an["workers_peak_rss_mb"], 1) if an else None,
        },
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument(
        "--analyse-max",
        type=int,
        default=300,
        help="Articles the analysis queue is measured on (the newest; 0: skip).",
    )
    parser.add_argument("--processes", type=int, default=0, help="Default: the cores.")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="Interleaved rounds of the queue and plain nlp.pipe (the median ratio counts).",
    )
    args = parser.parse_args()
    r = run(args.feeds, args.items, args.analyse_max, args.processes, max(1, args.rounds))
    nb, st, an = r["newsboat"], r["store"], r["analysis"]
    print(f"feeds x items:          {r['feeds']} x {r['items']}")
    if nb:
        print(
            f"newsboat -x reload:     {nb['seconds']:.2f} s, {nb['items']:,} items, "
            f"peak RSS {nb['peak_rss_mb']:.0f} MB"
        )
    else:
        print("newsboat -x reload:     skipped (newsboat is not installed)")
    print(
        f"refresh --no-analyse:   {st['seconds']:.2f} s, {st['items']:,} items, "
        f"peak RSS {st['peak_rss_mb']:.0f} MB"
        + (f" ({r['store_vs_newsboat']}x newsboat)" if nb else "")
    )
    print(f"first article readable: {st['first_article_s']:.3f} s after the refresh started")
    if an:
        print(
            f"analysis queue:         {an['queue_words_per_s']:,.0f} words/s "
            f"({an['queue_whole_process_words_per_s']:,.0f} over the whole process, model "
            f"load included) vs plain nlp.pipe {an['plain_words_per_s']:,.0f} words/s, "
            f"n_process={an['processes']}, {an['articles']} articles: {an['vs_plain']:.2f}x "
            f"(median of {an['rounds']} interleaved rounds: {an['vs_plain_rounds']})"
        )
        print(
            f"analysing process:      peak RSS {an['peak_rss_mb']:.0f} MB "
            f"(largest worker or parent: {an['workers_peak_rss_mb']:.0f} MB)"
        )
    keys = (
        "feeds",
        "items",
        "newsboat_s",
        "store_s",
        "store_vs_newsboat",
        "first_article_s",
        "analysis_vs_plain",
        "peak_rss_mb",
    )
    print(json.dumps({k: r[k] for k in keys}))


if __name__ == "__main__":
    main()
