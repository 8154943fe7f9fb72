"""Subscribe to every feed file under DIR served from 127.0.0.1, refresh twice, and
compare what was stored with feedparser's own parse of each file.

    PYTHONPATH=$PWD python bench/feeds_real.py /work/shared/data/feeds/real [--db PATH]

Prints per-feed counts (feedparser's entries vs stored articles), explains every
difference it can (items with no text, duplicates of another item), the errors, and
the second refresh's figures with the conditional headers the server saw.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import io
import json
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def feed_files(root: Path) -> list[Path]:
    """Feed documents: everything but the expected-parse files and licences."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and not p.name.endswith(".serde.json") and not p.name.startswith("LICENSE")
    )


class Log:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests: list[tuple[str, dict[str, str], int]] = []


def make_server(root: Path, log: Log) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            path = (root / self.path.lstrip("/").split("?", 1)[0]).resolve()
            if root.resolve() not in path.parents or not path.is_file():
                self._answer(404, b"not found")
                return
            body = path.read_bytes()
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            stamp = formatdate(path.stat().st_mtime, usegmt=True)
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            if inm == etag or (inm is None and ims == stamp):
                self._answer(304, b"", {"ETag": etag, "Last-Modified": stamp})
            else:
                kind = "application/json" if path.suffix == ".json" else "application/xml"
                self._answer(
                    200, body, {"ETag": etag, "Last-Modified": stamp, "Content-Type": kind}
                )

        def _answer(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            with log.lock:
                log.requests.append((self.path, dict(self.headers.items()), status))
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        request_queue_size = 128  # the default 5 drops SYNs under 8 concurrent clients
        daemon_threads = True

    return Server(("127.0.0.1", 0), Handler)


def why_duplicate(conn, data: bytes, url: str) -> str:
    """Which stored article each not-stored item of a feed matched, and on what (the
    store's order: url, guid, body hash)."""
    from ingest.feeds import parse_feed
    from ingest.refresh import _guid_scope
    from store.writes import content_hash

    parsed = parse_feed(data, url, base_url=url)
    _guid_scope(parsed, url)
    src = conn.execute("SELECT id FROM sources WHERE url = ?", (url,)).fetchone()[0]
    why = []
    for d in parsed.drafts:
        for col, value in (
            ("url", d.url),
            ("guid", d.guid),
            ("content_hash", content_hash(d.body)),
        ):
            if not value:
                continue
            row = conn.execute(
                f"SELECT a.id, a.source_id, a.title, s.url FROM articles a "
                f"LEFT JOIN sources s ON s.id = a.source_id WHERE a.{col} = ?",
                (value,),
            ).fetchone()
            if row is None:
                continue
            if row[1] != src:
                why.append(f"same {col} as article {row[0]} from {row[3].rsplit('/', 1)[-1]}")
            elif row[2] != d.title:
                why.append(f"same {col} as another item of this feed ({row[2]!r})")
            break
    return "; ".join(why) or "?"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", type=Path)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--analyse", action="store_true", help="run the default analyzer")
    args = ap.parse_args()

    import feedparser

    from ingest.draft import IngestError
    from ingest.feeds import parse_feed
    from ingest.pipeline import default_analyzer
    from ingest.refresh import refresh_all
    from store import open_store
    from store.sources import add_source, list_sources

    root = args.dir
    files = feed_files(root)
    log = Log()
    server = make_server(root, log)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    db = args.db or Path(tempfile.mkdtemp()) / "feeds.db"
    conn = open_store(db)
    for f in files:
        add_source(conn, base + f.relative_to(root).as_posix(), tags=[f.parent.name])
    print(f"{len(files)} feed files under {root}; database {db}")

    analyzer = default_analyzer() if args.analyse else None
    t0 = time.perf_counter()
    first = refresh_all(conn, analyzer=analyzer)
    t1 = time.perf_counter() - t0
    n_first_requests = len(log.requests)

    by_url = {s.url: s for s in list_sources(conn)}
    stored = dict(
        conn.execute("SELECT source_id, count(*) FROM articles GROUP BY source_id").fetchall()
    )
    total_fp = total_stored = 0
    explained = collections.Counter()
    print(f"\n{'feed':45} {'feedparser':>10} {'ours':>5} {'stored':>6}  note")
    for res in sorted(first.feeds, key=lambda r: r.url):
        rel = res.url[len(base) :]
        data = (root / rel).read_bytes()
        fp = feedparser.parse(io.BytesIO(data))
        n_fp = len(fp.entries)
        try:
            n_ours = parse_feed(data, rel).item_count
        except IngestError:
            n_ours = 0
        n_stored = stored.get(by_url[res.url].id, 0)
        total_fp += n_fp
        total_stored += n_stored
        notes = []
        if res.error:
            notes.append(f"ERROR {res.error[len(base) :]}")
        if res.warning:
            notes.append(f"warning: {res.warning}")
        if res.empty:
            notes.append(f"{res.empty} without text")
            explained["no text"] += res.empty
        if res.duplicates:
            notes.append(f"{res.duplicates} duplicate: {why_duplicate(conn, data, res.url)}")
            explained["duplicate"] += res.duplicates
        if n_ours != n_fp:
            notes.append(
                f"we parse {n_ours} items (JSON Feed: feedparser 6 reads none)"
                if rel.endswith(".json")
                else f"we parse {n_ours}"
            )
        if n_stored + res.empty + res.duplicates != max(n_ours, 0) and not res.error:
            notes.append("UNEXPLAINED")
        print(f"{rel:45} {n_fp:>10} {n_ours:>5} {n_stored:>6}  {'; '.join(notes)}")
    print(
        f"\nfirst refresh: {len(first.feeds)} feeds, {first.added} new articles, "
        f"{len(first.errors)} errors, {t1:.2f} s ({n_first_requests} requests)"
    )
    print(f"feedparser entries over all files: {total_fp}; stored articles: {total_stored}")
    print(f"differences explained: {dict(explained)}")

    log.requests.clear()
    t0 = time.perf_counter()
    second = refresh_all(conn, analyzer=analyzer)
    t2 = time.perf_counter() - t0
    statuses = collections.Counter(s for _, _, s in log.requests)
    conditional = sum(
        1 for _, h, _ in log.requests if "If-None-Match" in h or "If-Modified-Since" in h
    )
    inm = sum(1 for _, h, _ in log.requests if "If-None-Match" in h)
    ims = sum(1 for _, h, _ in log.requests if "If-Modified-Since" in h)
    print(
        f"\nsecond refresh: {second.added} new articles, {second.not_modified} not modified, "
        f"{len(second.errors)} errors, {t2:.2f} s"
    )
    print(
        f"server saw {len(log.requests)} requests: {conditional} conditional "
        f"(If-None-Match {inm}, If-Modified-Since {ims}); statuses {dict(statuses)}"
    )
    uncond = [
        p for p, h, _ in log.requests if "If-None-Match" not in h and "If-Modified-Since" not in h
    ]
    if uncond:
        print("unconditional requests (feeds that failed the first time keep no validators):")
        for p in uncond:
            print("   ", p)
    for res in second.errors:
        print("  error:", res.error)
    server.shutdown()
    json.dump({"first_added": first.added, "second_added": second.added}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
