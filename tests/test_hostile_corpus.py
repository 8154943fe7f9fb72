"""The generated hostile corpus (tests/hostile_corpus.py) through every importer, and the
fault-injecting server (tests/fault_server.py) against import and refresh (issue 15).

Counted per run: inputs tried, tracebacks (an exception other than IngestError's one
line), escapes (a control, escape or bidi character in a stored one-line field, or a
control in a body), hangs (an input taking over HANG_SECONDS). Every count but the
inputs must be zero.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ingest.draft import IngestError
from ingest.fetch import DEADLINE_FACTOR
from ingest.opml import read_subscriptions
from ingest.pipeline import DraftAnalyzer, drafts_from_path, store_drafts
from store import open_store
from store.sources import add_source
from tests.fault_server import HOSTILE_REASONS, fault_routes, warm_bombs
from tests.feeds_http import FeedServer, serve, static
from tests.hostile_corpus import generate
from tui.cli import main

HANG_SECONDS = 10.0
#: Controls and escapes (any field), lone surrogates.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: One-line fields and URLs also carry no bidi control (a body may: Hebrew, Arabic; the
#: reader draws it through tui.widgets.article_list.safe).
LINE_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate(tmp_path_factory.mktemp("corpus"))


def _unsafe_lines(output: str) -> list[str]:
    return [line for line in output.split("\n") if LINE_UNSAFE.search(line)]


def _stored_escapes(conn: sqlite3.Connection) -> list[str]:
    bad = []
    rows = conn.execute("SELECT title, outlet, byline, url, guid, body, captions FROM articles")
    for row in rows:
        for key in ("title", "outlet", "byline", "url", "guid"):
            if LINE_UNSAFE.search(row[key] or ""):
                bad.append(f"{key}: {row[key][:80]!r}")
        for key in ("body", "captions"):
            if CONTROL.search(row[key] or ""):
                bad.append(f"{key}: {row[key][:80]!r}")
    return bad


def test_corpus_is_large_and_covers_every_importer(corpus: list[Path]) -> None:
    assert len(corpus) >= 500
    kinds = {p.name.split("-", 1)[0] for p in corpus}
    assert kinds == {"text", "html", "json", "jsonl", "rss", "atom", "jsonfeed", "opml"}


def test_corpus_through_every_importer(corpus: list[Path], tmp_path: Path) -> None:
    conn = open_store(tmp_path / "c.db")
    tried = tracebacks = hangs = errors = 0
    problems: list[str] = []
    for path in corpus:
        tried += 1
        start = time.monotonic()
        try:
            if path.suffix == ".opml":
                subs = read_subscriptions(path.read_bytes(), str(path))
                for spec in subs.feeds:
                    if LINE_UNSAFE.search(spec.url + (spec.title or "") + "".join(spec.tags)):
                        problems.append(f"{path.name}: OPML kept {spec!r}")
                    assert spec.url.startswith(("http://", "https://"))
            else:
                store_drafts(conn, drafts_from_path(path))
        except IngestError as exc:
            errors += 1
            msg = str(exc)
            if "\n" in msg or LINE_UNSAFE.search(msg) or not msg.startswith(str(path)):
                problems.append(f"{path.name}: error line {msg[:120]!r}")
        except Exception as exc:
            tracebacks += 1
            problems.append(f"{path.name}: {type(exc).__name__}: {str(exc)[:120]}")
        if time.monotonic() - start > HANG_SECONDS:
            hangs += 1
            problems.append(f"{path.name}: took {time.monotonic() - start:.0f} s")
    escapes = _stored_escapes(conn)
    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    summary = dict(tried=tried, errors=errors, stored=stored, tracebacks=tracebacks)
    assert tracebacks == 0 and hangs == 0 and not escapes and not problems, (
        summary,
        problems[:20],
        escapes[:20],
    )
    assert stored > 40 and errors < tried // 4, summary
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_corpus_through_the_import_command(corpus: list[Path], tmp_path: Path) -> None:
    """One `newsreader import` of every file: each bad one is one clean line, the rest go in."""
    files = [str(p) for p in corpus if p.suffix != ".opml"]
    res = CliRunner().invoke(
        main, ["--db", str(tmp_path / "cli.db"), "import", "--no-analyse", *files]
    )
    assert res.exit_code == 1  # some inputs are refused, on purpose
    assert ("Traceback" not in res.output and res.exception is None) or isinstance(
        res.exception, SystemExit
    )
    lines = res.output.splitlines()
    assert not _unsafe_lines(res.output)
    errors = [ln for ln in lines if ln.startswith("newsreader: error: ")]
    assert lines[-1].endswith("failed") and f"{len(errors)} inputs failed" in lines[-1]


def test_opml_corpus_through_feed_import(corpus: list[Path], tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "opml.db"
    for path in [p for p in corpus if p.suffix == ".opml"][:40]:
        res = runner.invoke(main, ["--db", str(db), "feed", "import", str(path)])
        assert res.exit_code in (0, 1) and isinstance(res.exception, SystemExit | None)
        assert not _unsafe_lines(res.output), (path.name, res.output)
    listed = runner.invoke(main, ["--db", str(db), "feed", "list"])
    assert listed.exit_code == 0 and not _unsafe_lines(listed.output)
    for (url,) in open_store(db).execute("SELECT url FROM sources"):
        assert not LINE_UNSAFE.search(url) and url.startswith(("http://", "https://"))


def test_corpus_subset_with_analysis(corpus: list[Path], tmp_path: Path, nlp: Any) -> None:
    """A sample with the language analysis on: placeholder and absurd dates, poisoned
    references, long words, surrogates; no traceback, every stored article analysed."""
    wanted = ("date-", "ref-surrogate-body", "surrogate-body", "long-word-body", "zwj-body")
    subset = [
        p
        for p in corpus
        if p.suffix in (".json", ".jsonl", ".txt", ".xml") and any(w in p.name for w in wanted)
    ]
    assert len(subset) >= 20
    analyzer = DraftAnalyzer()
    analyzer.analyzer._nlp = nlp
    conn = open_store(tmp_path / "a.db")
    drafts = []
    for path in subset:
        try:
            drafts.extend(drafts_from_path(path))
        except IngestError:
            continue
    store_drafts(conn, drafts, analyzer=analyzer)
    assert not _stored_escapes(conn)
    unanalysed = conn.execute("SELECT count(*) FROM articles WHERE analysed_at IS NULL")
    assert unanalysed.fetchone()[0] == 0
    dates = [r[0] for r in conn.execute("SELECT published_at FROM articles") if r[0]]
    assert all("1800" <= d[:4] <= "2200" for d in dates), dates


# --- the fault server ----------------------------------------------------------------------

GOOD_FEED = (
    b"<?xml version='1.0'?><rss version='2.0'><channel><title>Good</title><item>"
    b"<title>Still here</title><link>https://e.org/good</link><description>"
    + b"A story that arrives whatever the other servers do. " * 5
    + b"</description></item></channel></rss>"
)
TIMEOUT = 0.5
#: A request may take DEADLINE_FACTOR * TIMEOUT; the rest is slack for a loaded machine.
BOUND = TIMEOUT * DEADLINE_FACTOR + 3.0


@pytest.fixture(scope="module")
def faults() -> Iterator[FeedServer]:
    routes = fault_routes()
    routes["/good"] = static(GOOD_FEED)
    warm_bombs()  # made once, before any client waits on them
    with serve(routes) as srv:
        yield srv


@pytest.mark.parametrize("path", sorted(fault_routes()))
def test_import_of_a_faulty_url_is_bounded_and_one_clean_line(
    faults: FeedServer, path: str
) -> None:
    url = faults.url(path)
    start = time.monotonic()
    with pytest.raises(IngestError) as err:
        drafts_from_path(url, timeout=TIMEOUT)
    assert time.monotonic() - start < BOUND
    msg = str(err.value)
    assert msg.startswith(url) and "\n" not in msg and not LINE_UNSAFE.search(msg), msg
    if path.startswith("/f/reason-"):
        # The phrase shown without its escapes, or the status line refused outright.
        assert "HTTP 500" in msg or "broken HTTP response" in msg
    if "bomb" in path or "endless" in path:
        assert "too large" in msg or "took too long" in msg


def test_refresh_against_every_fault_at_once(faults: FeedServer, tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    conn = open_store(db)
    for path in fault_routes():
        add_source(conn, faults.url(path))
    add_source(conn, faults.url("/good"))
    conn.close()
    start = time.monotonic()
    res = CliRunner().invoke(
        main, ["--db", str(db), "refresh", "--no-analyse", "--timeout", str(TIMEOUT)]
    )
    # Feeds are fetched 8 at a time: two rounds of requests, each within its deadline.
    assert time.monotonic() - start < 3 * BOUND
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit)
    assert not _unsafe_lines(res.output), res.output
    errors = [ln for ln in res.output.splitlines() if ln.startswith("newsreader: error: ")]
    assert len(errors) == len(fault_routes())
    assert "EVIL" in res.output  # the reason is shown, without its escapes
    conn = open_store(db)
    titles = [r[0] for r in conn.execute("SELECT title FROM articles")]
    assert titles == ["Still here"]
    for (error,) in conn.execute("SELECT last_error FROM sources WHERE last_error IS NOT NULL"):
        assert not LINE_UNSAFE.search(error)
    assert len(HOSTILE_REASONS) >= 5
