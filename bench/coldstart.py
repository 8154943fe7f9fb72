"""Cold start in a real terminal: fork to the first frame that shows an article title.

    python -m bench.coldstart [--sizes 0,10000,100000] [--runs 5] [--data bench/data]
                              [--tools newsreader,floor,newsboat] [--no-breakdown]

Each tool is started in a pseudo-terminal of its own (160x50, TERM=xterm-256color, as a
person's terminal would be) and timed from fork until the bytes it wrote, with escape
sequences stripped, contain a title its first screen should show:

- newsreader: ``newsreader --db STORE`` (no import, so no analysis); needle: the titles of
  the first rows of the article list, read from the store with the list's own query;
- floor: bench/floor_app.py, a minimal Textual app showing the newest title read with
  plain sqlite3: no Textual app draws a title sooner;
- newsboat (when installed): on a cache of the same articles (20 feeds x 500 at 10k,
  100 x 1,000 at 100k), built once by serving them as RSS on 127.0.0.1 and running
  ``newsboat -x reload``; its first screen is the feed list, so its needle is the title of
  one of the first feeds. Two caches: as newsboat leaves it (``newsboat``: what its users
  have; its start-up queries are slow without statistics) and a copy after ``ANALYZE``
  (``newsboat-analysed``: ~3x faster at 10k, ~17x at 100k).

After one warm-up launch of each tool (the page cache holds the store, as for a second
launch), rounds are interleaved (A, B, C, A, B, C, ...) so that load on the machine falls
on every tool alike. Prints the median, min and max per tool and size, then the in-process
breakdown of newsreader's start (bench/startup_probe.py: imports, store open, first
query, first paint), then one JSON line.
"""

from __future__ import annotations

import argparse
import codecs
import fcntl
import json
import math
import os
import re
import select
import shutil
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from email.utils import format_datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from bench.build_store import build  # noqa: E402
from store import open_store  # noqa: E402

COLS, ROWS = 160, 50
TOOLS = ("newsreader", "floor", "newsboat", "newsboat-analysed")
#: Characters of a title (from its start) looked for on the screen: short enough to fit
#: in the list's title column at 160 columns, long enough to be found nowhere else.
NEEDLE_CHARS = 14
#: How many of the first list rows' titles count as "a title of the first rows".
NEEDLE_ROWS = 5
#: Give up on a launch after this long (newsboat on an un-ANALYZEd 100k cache takes ~13 s).
TIMEOUT_S = 120.0
#: Bump when what a cached newsboat cache holds changes.
NEWSBOAT_KEY = "2"

# Escape sequences: CSI, OSC, DCS/SOS/PM/APC strings, charset selection, two-byte ESC x.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[PX^_].*?\x1b\\"
    r"|\x1b[()*+./-][ -~]"
    r"|\x1b[ -~]",
    re.S,
)
_SPACE = re.compile(r"[\x00-\x20\x7f]+")


def squash(text: str) -> str:
    """Text as compared with a needle: escape sequences and all blanks and controls gone
    (a curses program may move the cursor over spaces rather than write them)."""
    return _SPACE.sub("", _ESCAPES.sub("", text))


# Stores and needles ---------------------------------------------------------------------


def store_for(n: int, data: Path) -> Path:
    path = data / f"store-{n}.db"
    if n == 0:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        open_store(path).close()
        return path
    return build(n, path)


def list_needles(db: Path) -> list[str]:
    """What the article list's first rows show (or its empty-store text), squashed."""
    from store.queries import ArticleFilter, page_articles

    conn = open_store(db)
    try:
        rows = page_articles(conn, ArticleFilter(), limit=NEEDLE_ROWS)
    finally:
        conn.close()
    if not rows:
        return [squash("No articles yet.")]
    return [squash(r.title[:NEEDLE_CHARS]) for r in rows]


def floor_needle(db: Path) -> str:
    """The one title the floor app shows (the same query, in plain sqlite3)."""
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT title FROM articles"
            " ORDER BY IFNULL(published_at, fetched_at) DESC, id DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return squash((row[0] if row else "No articles yet.")[:NEEDLE_CHARS])


# newsboat's cache of the same articles ----------------------------------------------------


def feed_layout(n: int) -> tuple[int, int]:
    """(feeds, items per feed): 20 x 500 at 10k, 100 x 1,000 at 100k."""
    per_feed = 1000 if n >= 100_000 else 500
    return math.ceil(n / per_feed), per_feed


def feed_title(i: int) -> str:
    return f"Cold start feed {i + 1:03d}"


def _rss(db: Path, feeds: int, per_feed: int, out: Path) -> None:
    """One RSS 2.0 file per feed, the store's articles in id order, full bodies."""
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT id, title, published_at, outlet, body FROM articles ORDER BY id"
    ).fetchall()
    conn.close()
    for f in range(feeds):
        chunk = rows[f * per_feed : (f + 1) * per_feed]
        items = []
        for aid, title, published, outlet, body in chunk:
            when = datetime.fromisoformat(published or "2020-01-01T00:00:00")
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            link = f"https://bench.invalid/article/{aid}"
            items.append(
                f"<item><title>{escape(title or '')}</title><link>{link}</link>"
                f'<guid isPermaLink="true">{link}</guid>'
                f"<pubDate>{format_datetime(when)}</pubDate>"
                f"<author>{escape(outlet or '')}</author>"
                f"<description>{escape(body or '')}</description></item>"
            )
        (out / f"feed{f:03d}.xml").write_text(
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{feed_title(f)}</title><link>https://bench.invalid/{f}</link>"
            f"<description>bench</description>{''.join(items)}</channel></rss>",
            encoding="utf-8",
        )


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def _serve(directory: Path) -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def newsboat_dir(n: int, db: Path, data: Path) -> Path | None:
    """A directory with newsboat's urls, config and an ANALYZEd cache of the store's
    articles (built once, reused), or None when newsboat is not installed."""
    if shutil.which("newsboat") is None or n == 0:
        return None
    feeds, per_feed = feed_layout(n)
    home = data / f"newsboat-{n}"
    key = f"{NEWSBOAT_KEY}-{feeds}x{per_feed}-{db.stat().st_size}"
    stamp = home / "built"
    if stamp.exists() and stamp.read_text() == key:
        return home
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        _rss(db, feeds, per_feed, Path(tmp))
        with _serve(Path(tmp)) as port:
            (home / "urls").write_text(
                "".join(f"http://127.0.0.1:{port}/feed{f:03d}.xml\n" for f in range(feeds))
            )
            (home / "config").write_text("reload-threads 4\nshow-read-feeds yes\n")
            out = subprocess.run(
                [*_newsboat_argv(home), "-x", "reload"],
                env=_env(home),
                capture_output=True,
                text=True,
                check=False,
            )
        if out.returncode != 0:
            raise RuntimeError(f"newsboat -x reload failed: {out.stderr.strip()}")
    # Feeds refer to the port they were served from; the cache holds them by that URL
    # (newsboat does not fetch at start, so nothing needs to serve them later).
    conn = sqlite3.connect(home / "cache.db")
    have = conn.execute("SELECT count(*) FROM rss_item").fetchone()[0]
    conn.close()
    shutil.copyfile(home / "cache.db", home / "cache-analysed.db")
    conn = sqlite3.connect(home / "cache-analysed.db")
    conn.execute("ANALYZE")
    conn.close()
    if have != n:
        raise RuntimeError(f"newsboat cached {have} items, expected {n}")
    stamp.write_text(key)
    print(
        f"newsboat cache of {n} items ({feeds} feeds x {per_feed}) built in "
        f"{time.perf_counter() - t0:.1f}s -> {home}",
        file=sys.stderr,
    )
    return home


def _newsboat_argv(home: Path, cache: str = "cache.db") -> list[str]:
    return [
        "newsboat",
        "-u",
        str(home / "urls"),
        "-c",
        str(home / cache),
        "-C",
        str(home / "config"),
    ]


# The pseudo-terminal ----------------------------------------------------------------------


def _env(home: Path | None = None) -> dict[str, str]:
    """A person's terminal: no TEXTUAL_* or PYTHON* settings of a test or CI environment
    (PYTHONDONTWRITEBYTECODE would make every launch compile newsreader's modules again:
    an installed app has its bytecode), TERM=xterm-256color, truecolor, UTF-8."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TEXTUAL", "PYTHON")) and k not in ("COLUMNS", "LINES", "NO_COLOR")
    }
    env.update(TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    if home is not None:
        env["HOME"] = str(home)
        env["XDG_CONFIG_HOME"] = str(home)
        env["XDG_DATA_HOME"] = str(home)
    return env


def spawn_in_pty(argv: list[str], env: dict[str, str]) -> tuple[int, int]:
    """Fork and exec ``argv`` on a new ROWS x COLS pseudo-terminal that is its controlling
    terminal (a session of its own); returns (pid, the master side's fd)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    pid = os.fork()
    if pid == 0:  # the child: a session of its own on the pty, then exec
        try:
            os.close(master)
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            if slave > 2:
                os.close(slave)
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    os.close(slave)
    return pid, master


def pty_first(
    argv: list[str], needles: list[str], env: dict[str, str], timeout: float = TIMEOUT_S
) -> float:
    """Seconds from fork until the program's output, escape sequences stripped, shows one
    of ``needles`` (squashed). The program runs on a new 160x50 pseudo-terminal as its
    controlling terminal, and is killed as soon as the needle is seen."""
    sys.stdout.flush()
    sys.stderr.flush()
    t0 = time.perf_counter()
    pid, master = spawn_in_pty(argv, env)
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    raw: list[str] = []
    found: float | None = None
    try:
        while found is None:
            left = timeout - (time.perf_counter() - t0)
            if left <= 0:
                break
            ready, _, _ = select.select([master], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal (it exited)
                break
            if not chunk:
                break
            now = time.perf_counter()
            raw.append(decoder.decode(chunk))
            # Everything so far, so that a sequence split across reads is stripped whole.
            screen = squash("".join(raw))
            if any(n in screen for n in needles):
                found = now
    finally:
        with suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(master)
    if found is None:
        tail = squash("".join(raw))[-300:]
        raise RuntimeError(f"{argv[0]}: no title on screen after {timeout:.0f}s; saw {tail!r}")
    return found - t0


def launchers(n: int, db: Path, data: Path, tools: list[str]) -> dict[str, Any]:
    """For each tool that can run at this size: (argv, needles, env, cleanup)."""
    out: dict[str, Any] = {}
    exe = Path(sys.executable).parent / "newsreader"
    nr = [str(exe)] if exe.exists() else [sys.executable, "-m", "tui.cli"]
    if "newsreader" in tools:
        out["newsreader"] = ([*nr, "--db", str(db)], list_needles(db), _env(), None)
    if "floor" in tools:
        argv = [sys.executable, str(HERE / "floor_app.py"), str(db)]
        out["floor"] = (argv, [floor_needle(db)], _env(), None)
    for tool, cache in (("newsboat", "cache.db"), ("newsboat-analysed", "cache-analysed.db")):
        if tool not in tools:
            continue
        home = newsboat_dir(n, db, data)
        if home is not None:
            feeds, _ = feed_layout(n)
            needles = [squash(feed_title(i)) for i in range(min(3, feeds))]
            lock = home / f"{cache}.lock"
            out[tool] = (_newsboat_argv(home, cache), needles, _env(home), lock)
    return out


def measure(n: int, db: Path, data: Path, tools: list[str], runs: int) -> dict[str, Any]:
    """Warm-up launch of each tool, then ``runs`` interleaved rounds; per tool its
    median, min, max and every run (seconds)."""
    launch = launchers(n, db, data, tools)
    times: dict[str, list[float]] = {t: [] for t in launch}
    for round_ in range(runs + 1):
        for tool, (argv, needles, env, lock) in launch.items():
            took = pty_first(argv, needles, env)
            if lock is not None:
                Path(lock).unlink(missing_ok=True)  # killed: newsboat left its lock behind
            if round_:  # round 0 is the warm-up
                times[tool].append(took)
    return {
        tool: {
            "median_s": round(statistics.median(ts), 3),
            "min_s": round(min(ts), 3),
            "max_s": round(max(ts), 3),
            "runs_s": [round(t, 3) for t in ts],
        }
        for tool, ts in times.items()
    }


# The in-process breakdown -----------------------------------------------------------------


def probe(db: Path) -> dict[str, Any]:
    """bench/startup_probe.py in a process of its own: newsreader's start, step by step."""
    out = subprocess.run(
        [sys.executable, str(HERE / "startup_probe.py"), str(db)],
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


PHASES = ("imports_s", "store_open_s", "first_query_s", "first_paint_s")


def breakdown(db: Path, runs: int) -> dict[str, Any]:
    """Median of each phase's end (seconds from process start) over ``runs`` probes."""
    probe(db)
    got = [probe(db) for _ in range(runs)]
    out: dict[str, Any] = {p: round(statistics.median(g[p] for g in got), 3) for p in PHASES}
    out["peak_rss_mb"] = max(g["peak_rss_mb"] for g in got)
    out["spacy_imported"] = any(g["modules"]["spacy"] for g in got)
    out["modules"] = got[-1]["modules"]
    return out


def load() -> str:
    """The load average now (other work on the machine makes every figure noisier)."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def run(
    sizes: list[int],
    runs: int = 5,
    data: Path = HERE / "data",
    tools: list[str] | None = None,
    with_breakdown: bool = True,
) -> dict[int, dict[str, Any]]:
    """Per size: each tool's pty figures, newsreader / floor and newsreader / newsboat,
    the load average, and (``with_breakdown``) the in-process breakdown; prints tables."""
    data.mkdir(parents=True, exist_ok=True)
    tools = list(tools or TOOLS)
    results: dict[int, dict[str, Any]] = {}
    for n in sizes:
        db = store_for(n, data)
        launchers(n, db, data, tools)  # build newsboat's cache before any timing
        before = load()
        res: dict[str, Any] = {"tools": measure(n, db, data, tools, runs)}
        res["load_before"], res["load_after"] = before, load()
        t = res["tools"]
        if "newsreader" in t and "floor" in t:
            res["vs_floor"] = round(t["newsreader"]["median_s"] / t["floor"]["median_s"], 2)
        for nb in ("newsboat", "newsboat-analysed"):
            if "newsreader" in t and nb in t:
                res[f"vs_{nb}"] = round(t["newsreader"]["median_s"] / t[nb]["median_s"], 2)
        if with_breakdown and "newsreader" in tools:
            res["breakdown"] = breakdown(db, max(3, runs // 2))
        results[n] = res
    print_tables(results, runs)
    return results


def _cell(t: dict[str, Any] | None) -> str:
    if t is None:
        return "-"
    return f"{t['median_s']:.3f} s ({t['min_s']:.3f}-{t['max_s']:.3f})"


def print_tables(results: dict[int, dict[str, Any]], runs: int) -> None:
    print(
        f"pty {COLS}x{ROWS}, fork to first title on screen: median (min-max) of {runs} "
        "interleaved rounds after a warm-up"
    )
    print(
        f"{'articles':>9}  {'newsboat':>24}  {'newsboat, ANALYZEd':>24}  {'newsreader':>24}  "
        f"{'floor (Textual)':>24}  {'nr/floor':>8}  {'nr/nb':>6}  {'nr/nb+A':>7}  "
        "load (1/5/15 min)"
    )

    def ratio(r: dict[str, Any], key: str) -> str:
        return f"{r[key]:.2f}x" if key in r else "-"

    for n, r in results.items():
        t = r["tools"]
        print(
            f"{n:>9}  {_cell(t.get('newsboat')):>24}  {_cell(t.get('newsboat-analysed')):>24}  "
            f"{_cell(t.get('newsreader')):>24}  {_cell(t.get('floor')):>24}  "
            f"{ratio(r, 'vs_floor'):>8}  {ratio(r, 'vs_newsboat'):>6}  "
            f"{ratio(r, 'vs_newsboat-analysed'):>7}  {r['load_after']}"
        )
    if any("breakdown" in r for r in results.values()):
        print("\nnewsreader in-process breakdown (probe, headless; seconds from process start)")
        print(
            f"{'articles':>9}  {'imports':>8}  {'store open':>10}  {'1st query':>9}  "
            f"{'1st paint':>9}  {'peak RSS':>9}"
        )
        for n, r in results.items():
            b = r.get("breakdown")
            if b:
                print(
                    f"{n:>9}  {b['imports_s']:>8.3f}  {b['store_open_s']:>10.3f}  "
                    f"{b['first_query_s']:>9.3f}  {b['first_paint_s']:>9.3f}  "
                    f"{b['peak_rss_mb']:>6.1f} MB"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--tools", default=",".join(TOOLS), help="of: " + ",".join(TOOLS))
    parser.add_argument("--no-breakdown", action="store_true", help="skip the in-process probe")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    tools = [t for t in args.tools.split(",") if t]
    res = run(sizes, args.runs, args.data, tools, not args.no_breakdown)
    print(json.dumps({"cold_start": res}, separators=(",", ":")))


if __name__ == "__main__":
    main()
