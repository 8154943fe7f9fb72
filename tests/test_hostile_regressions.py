"""Each failure seen when newsreader was attacked (issue 15), kept as a test.

A poisoned feed item or file stops nothing else; absurd relative dates are no date, in
constant time; nothing from a server or a file reaches the terminal or an export raw; a
store that refuses writes is one line in a command and a notification in the app.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.dates import count_back, parse_date
from ingest.feeds import parse_feed
from ingest.html import parse_html
from ingest.pagedump import resolve_date
from ingest.pipeline import import_paths
from ingest.refresh import refresh_all
from store import open_store
from store.sources import add_source
from tests.feeds_http import FeedServer, send, serve, static
from tui.cli import main

ESC = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
WORDS = "Ordinary words of a story about the council meeting in the town hall. " * 8


def rss(items: list[tuple[str, str, str]], title: str = "Feed") -> bytes:
    """An RSS 2.0 document; ``items`` are (title, link, description) already escaped."""
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><description>{d}</description></item>"
        for t, link, d in items
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>{title}</title>"
        f"{body}</channel></rss>"
    ).encode()


# --- 1. one poisoned item or file stops nothing else -----------------------------------


@pytest.mark.parametrize("ref", ["&#xd800;", "&#1114112;", "&#0;", "&#x1b;", "&#99999999999;"])
def test_poisoned_character_reference_costs_nothing(ref: str) -> None:
    doc = rss(
        [
            (f"a {ref} b", "https://e.org/1", f"{WORDS} {ref}"),
            ("Second item", "https://e.org/2", WORDS),
        ]
    )
    parsed = parse_feed(doc, "poisoned.xml")
    assert [d.url for d in parsed.drafts] == ["https://e.org/1", "https://e.org/2"]
    for d in parsed.drafts:
        assert not ESC.search(d.title + d.body)


@pytest.mark.parametrize("as_text", [False, True])
def test_escape_sequences_in_html_leave_no_residue(as_text: bool) -> None:
    """An HTML parser drops ESC and BEL themselves and keeps what follows them: the
    sequences go whole, before the page is parsed, from bytes and from decoded text."""
    page = (
        "<html><head><title>\x1b[31mEvil\x1b[0m title\x1b]0;new window title\x07</title>"
        "</head><body><article><p>The army \x1b[1mattacked\x1b[0m the town on Monday, "
        "officials said, and the mayor \x1b]8;;https://evil.example\x07asked\x1b]8;;\x07 "
        f"for help. {WORDS}</p></article></body></html>"
    )
    (draft,) = parse_html(page if as_text else page.encode("utf-8"), "evil.html")
    assert draft.title == "Evil title"
    assert "The army attacked the town on Monday" in draft.body
    assert "the mayor asked for help" in draft.body
    assert not re.search(r"\[\d+m|\]\d;|\]8;;", draft.title + draft.body)


def _poison_route(h: BaseHTTPRequestHandler) -> None:
    send(h, rss([("a &#xd800; b", "https://e.org/p1", "Poisoned " + WORDS)]))


@pytest.fixture
def server() -> Iterator[FeedServer]:
    routes = {
        "/poisoned": _poison_route,
        "/good": static(rss([("Good item", "https://e.org/g1", "Good " + WORDS)], title="Good")),
        "/always-304": _not_modified,
        "/big": static(rss([("Big item", "https://e.org/b1", "Big " + WORDS * 300)])),
        "/evil-reason": lambda h: _reason(h, "\x1b[31mEVIL\x1b]0;T\x07 \u202egpj.exe"),
        "/escape-links": static(
            rss(
                [("Linked", "https://e.org/a\x1b[31m?\u202e=x", "Linked " + WORDS)],
                title="Evil \u202e title \x1b]0;T\x07",
            )
        ),
    }
    with serve(routes) as srv:
        yield srv


def _not_modified(h: BaseHTTPRequestHandler) -> None:
    h.send_response(304)
    h.send_header("Content-Length", "0")
    h.end_headers()


def _reason(h: BaseHTTPRequestHandler, phrase: str) -> None:
    body = b"no"
    h.wfile.write(f"HTTP/1.1 500 {phrase}\r\n".encode("latin-1", "replace"))
    h.send_header("Content-Type", "text/plain")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def test_a_poisoned_feed_stops_no_other(db_path: Path, server: FeedServer) -> None:
    conn = open_store(db_path)
    bad, _ = add_source(conn, server.url("/poisoned"))
    good, _ = add_source(conn, server.url("/good"))
    report = refresh_all(conn, timeout=5)
    by_id = {f.source_id: f for f in report.feeds}
    assert by_id[good].added == 1 and by_id[good].error is None
    # The poisoned item itself is stored too: the bad reference became U+FFFD.
    assert by_id[bad].added == 1 and by_id[bad].error is None
    titles = [r[0] for r in conn.execute("SELECT title FROM articles ORDER BY id")]
    assert "a \ufffd b" in titles and "Good item" in titles


def test_each_bad_file_is_one_line_the_rest_go_in(tmp_path: Path, db_path: Path) -> None:
    files = {
        "surrogate.json": b'{"title": "T \\ud800", "body": "'
        + WORDS.encode()
        + b' \\udc00 end", "url": "https://e.org/\\ud800"}',
        "bigint.json": b'{"title": "T", "body": "x", "date": ' + b"9" * 5000 + b"}",
        "bigint-lines.jsonl": b'{"title": "T", "body": "x"}\n{"n": ' + b"9" * 5000 + b"}\n",
        "charref.xml": rss([("a &#xd800; b", "https://e.org/c1", "More " + WORDS)]),
        "good.txt": ("A good headline\n\nGood " + WORDS).encode(),
    }
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    conn = open_store(db_path)
    results = {Path(r.origin).name: r for r in import_paths(conn, paths)}
    assert results["good.txt"].added == 1
    assert results["surrogate.json"].added == 1 and results["charref.xml"].added == 1
    for name in ("bigint.json", "bigint-lines.jsonl"):
        err = results[name].error
        assert err and "\n" not in err and err.startswith(str(tmp_path / name)), err
    for row in conn.execute("SELECT title, body, url FROM articles"):
        assert not any(ESC.search(v or "") for v in row), row


def test_placeholder_dates_are_no_date_and_analysis_survives_them(
    tmp_path: Path, db_path: Path, nlp: object
) -> None:
    from ingest.pipeline import DraftAnalyzer

    assert parse_date("9999-12-31") == (None, None)
    assert parse_date("0001-01-01T00:00:00+05:00") == (None, None)
    assert parse_date("2024-13-45") == (None, None)
    assert parse_date("2025-07-18") == ("2025-07-18", "day")
    body = "The mayor will meet the council tomorrow and next year. It began 99999999999 days ago."
    paths = []
    for i, date in enumerate(["9999-12-31T23:59:59-05:00", "0001-01-01", "2025-07-18"]):
        p = tmp_path / f"d{i}.json"
        p.write_text(json.dumps({"title": f"T{i}", "body": f"{i} {body}", "date": date}))
        paths.append(p)
    analyzer = DraftAnalyzer()
    analyzer.analyzer._nlp = nlp  # type: ignore[assignment]
    conn = open_store(db_path)
    results = import_paths(conn, paths, analyzer=analyzer)
    assert [r.added for r in results] == [1, 1, 1] and not any(r.error for r in results)
    rows = conn.execute("SELECT published_at, analysed_at FROM articles ORDER BY id").fetchall()
    assert [r[0] for r in rows] == [None, None, "2025-07-18"]
    assert all(r[1] for r in rows)


# --- 2. relative dates: bounded, constant time ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "99999999999 months ago",
        "99999999999 hours ago",
        "1000000 months ago",
        "9999999 days ago",
        "5000 years ago",
        "9" * 5000 + " weeks ago",
    ],
    ids=lambda text: text[:24],
)
def test_absurd_relative_dates_are_no_date_at_once(text: str) -> None:
    start = time.monotonic()
    assert resolve_date(text, datetime(2025, 8, 2, 14, 0)) == (None, None)
    assert time.monotonic() - start < 0.1


def test_sane_relative_dates_still_count_back() -> None:
    ref = datetime(2025, 8, 2, 14, 0)
    assert resolve_date("2 hours ago", ref) == ("2025-08-02T12:00:00", "hour")
    assert resolve_date("14 months ago", ref) == ("2024-06", "month")
    assert resolve_date("3 weeks ago", ref) == ("2025-07-12", "week")
    assert count_back(ref, 99, "year") == ("1926", "year")
    assert count_back(datetime(1, 1, 1), 1, "day") == (None, None)


# --- 4. nothing reaches the terminal or an export raw ----------------------------------


def test_hostile_reason_phrase_never_reaches_the_terminal(
    db_path: Path, server: FeedServer
) -> None:
    conn = open_store(db_path)
    add_source(conn, server.url("/evil-reason"))
    add_source(conn, server.url("/good"))
    conn.close()
    result = CliRunner().invoke(main, ["--db", str(db_path), "refresh", "--no-analyse"])
    assert result.exit_code == 1
    assert "EVIL" in result.output and "HTTP 500" in result.output
    assert not ESC.search(result.output), repr(result.output)
    stored = open_store(db_path).execute("SELECT last_error FROM sources").fetchall()
    assert not any(ESC.search(r[0] or "") for r in stored)


def test_urls_titles_and_tags_are_clean_in_store_list_and_export(
    db_path: Path, server: FeedServer, tmp_path: Path
) -> None:
    conn = open_store(db_path)
    add_source(conn, server.url("/escape-links"))
    refresh_all(conn, timeout=5)
    url, article_id = conn.execute("SELECT url, id FROM articles").fetchone()
    assert url.startswith("https://e.org/a") and not ESC.search(url), url
    # A tag written by another tool, straight into the store.
    conn.execute("INSERT INTO tags(name) VALUES (?)", ("red\x1b[31m\u202e",))
    conn.execute(
        "INSERT INTO article_tags(article_id, tag_id) VALUES (?, last_insert_rowid())",
        (article_id,),
    )
    conn.execute("UPDATE articles SET url = ? WHERE id = ?", (url + "\x1b]0;T\x07", article_id))
    conn.close()
    runner = CliRunner()
    listed = runner.invoke(main, ["--db", str(db_path), "feed", "list"])
    assert listed.exit_code == 0 and "Evil" in listed.output
    assert not ESC.search(listed.output), repr(listed.output)
    for fmt in ("md", "csv"):
        out = tmp_path / f"export.{fmt}"
        res = runner.invoke(main, ["--db", str(db_path), "export", "--format", fmt, "-o", str(out)])
        assert res.exit_code == 0, res.output
        text = out.read_text()
        assert "e.org/a" in text and not ESC.search(text.replace("\r\n", "\n")), repr(text)


def test_opml_import_applies_the_feed_add_url_checks(tmp_path: Path, db_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="ok &#xd800;" xmlUrl="https://e.org/ok.xml"/>'
        '<outline text="space" xmlUrl="https://e.org/a b.xml"/>'
        '<outline text="bidi" xmlUrl="https://e.org/\u202elmx.xml"/>'
        '<outline text="tab" xmlUrl="https://e.org/&#9;x.xml"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    res = CliRunner().invoke(main, ["--db", str(db_path), "feed", "import", str(opml)])
    assert res.exit_code == 0, res.output
    urls = [r[0] for r in open_store(db_path).execute("SELECT url FROM sources")]
    assert urls == ["https://e.org/ok.xml"]
    assert "3 skipped" in res.output and not ESC.search(res.output)


# --- 5. write failures: one line, or a notification ------------------------------------


def _full(conn: sqlite3.Connection) -> sqlite3.Connection:
    """The store's file may not grow by one page: SQLite's own "database or disk is full"."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    return conn


def test_full_disk_import_is_one_line_and_exit_1(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.cli

    open_store(db_path).close()
    real_open = tui.cli._open
    monkeypatch.setattr(tui.cli, "_open", lambda db: _full(real_open(db)))
    page = tmp_path / "page.txt"
    page.write_text("A headline\n\n" + WORDS * 200)
    res = CliRunner().invoke(main, ["--db", str(db_path), "import", "--no-analyse", str(page)])
    assert res.exit_code == 1, res.output
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert lines == [
        "newsreader: error: the disk is full (the store could not grow): "
        "the write in progress was not saved"
    ]
    assert "Traceback" not in res.output


def test_full_disk_refresh_stops_instead_of_blaming_each_feed(
    db_path: Path, server: FeedServer
) -> None:
    conn = open_store(db_path)
    add_source(conn, server.url("/big"))
    add_source(conn, server.url("/good"))
    with pytest.raises(sqlite3.OperationalError, match="full"):
        refresh_all(_full(conn), timeout=5)
    # Nothing half-written: the big item is not there, the store is whole.
    assert conn.execute("SELECT count(*) FROM articles WHERE title = 'Big item'").fetchone()[0] == 0
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_app_survives_a_read_only_and_a_locked_store(sample_db: Path) -> None:
    from tui.app import make_app
    from tui.widgets.article_list import ArticleList

    app = make_app(sample_db, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        lst = app.screen.query_one(ArticleList)
        app.conn.execute("PRAGMA query_only = 1")  # SQLite refuses every write
        await pilot.press("enter")  # opening marks read
        await pilot.press("s")  # star
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("read-only" in m for m in said), said
        assert lst.current is not None and lst.current.unread
        app.conn.execute("PRAGMA query_only = 0")
        other = sqlite3.connect(sample_db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process holds the writer lock
        try:
            await pilot.press("escape", "j")  # Enter put the cursor in the reader: back
            locked_id = lst.current.id if lst.current else None
            start = time.monotonic()
            await pilot.press("enter")
            await pilot.pause()
            assert time.monotonic() - start < 3
            said = [n.message for n in app._notifications]
            assert any("locked" in m for m in said), said
        finally:
            other.execute("ROLLBACK")
            other.close()
        # The write was retried in a worker once the lock was gone.
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(n.message == "Saved." for n in app._notifications)
        read_at = sqlite3.connect(sample_db).execute(
            "SELECT read_at FROM articles WHERE id = ?", (locked_id,)
        )
        assert read_at.fetchone()[0] is not None
        assert app.is_running
        await pilot.press("escape", "j", "enter")  # the lock is gone: writes work again
        await pilot.pause()
        assert lst.current is not None and not lst.current.unread


async def test_app_refresh_and_import_survive_poisoned_input(
    sample_db: Path, server: FeedServer, tmp_path: Path
) -> None:
    """`R` with a poisoned feed and `i` with poisoned files: before, a traceback ended the
    app (the worker's error exits it); now each is one notification and the rest go in."""
    from tui.app import make_app

    conn = open_store(sample_db)
    add_source(conn, server.url("/poisoned"))
    add_source(conn, server.url("/evil-reason"))
    add_source(conn, server.url("/good"))
    conn.close()
    bad = tmp_path / "bigint.json"
    bad.write_bytes(b'{"title": "T", "body": "x", "n": ' + b"9" * 5000 + b"}")
    good = tmp_path / "good.txt"
    good.write_text("Imported in the app\n\nFresh " + WORDS)
    app = make_app(sample_db, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("R")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.import_files([bad, good])
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert app.is_running
        assert any("2 new articles from feeds" in m for m in said), said
        assert any("HTTP 500" in m for m in said) and any("bigint.json" in m for m in said)
        assert any("Imported 1 new article." in m for m in said), said
        assert not any(ESC.search(m) for m in said), said
    titles = {r[0] for r in open_store(sample_db).execute("SELECT title FROM articles")}
    assert {"a \ufffd b", "Good item", "Imported in the app"} <= titles


def test_doctor_on_a_read_only_store_does_not_call_the_index_inconsistent(db_path: Path) -> None:
    from store.queries import health

    conn = open_store(db_path)
    conn.execute("PRAGMA query_only = 1")
    report = health(conn)
    assert report["integrity"] == "ok"
    assert report["fts"] == "not checked (the store is read-only)"


def test_a_304_to_an_unconditional_request_is_an_error(db_path: Path, server: FeedServer) -> None:
    conn = open_store(db_path)
    add_source(conn, server.url("/always-304"))
    report = refresh_all(conn, timeout=5)
    (res,) = report.feeds
    assert not res.not_modified and res.error and "304" in res.error


def test_a_feed_over_the_item_limit_says_it_was_cut() -> None:
    from ingest.feeds import MAX_ENTRIES

    items = [
        (f"Item {k}", f"https://e.org/{k}", f"Body {k} {WORDS}") for k in range(MAX_ENTRIES + 5)
    ]
    parsed = parse_feed(rss(items), "many.xml")
    assert len(parsed.drafts) == MAX_ENTRIES
    assert parsed.warning == f"only the first {MAX_ENTRIES} of {MAX_ENTRIES + 5} items read"
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "items": [{"id": str(k), "content_text": f"x {k}"} for k in range(MAX_ENTRIES + 1)],
    }
    parsed = parse_feed(json.dumps(doc).encode(), "many.json")
    assert parsed.warning and "of 2001 items" in parsed.warning


@pytest.mark.parametrize(
    "title",
    [
        "Family \U0001f468\u200d\U0001f469\u200d\U0001f467 news",
        "Heart \u2764\ufe0f and star \u2b50\ufe0f",
        "Tag chars \U000e0041\U000e0042 flag \U0001f3f4\U000e0067\U000e0062\U000e007f",
        "\u65e5\u672c\u8a9e\u306e\u898b\u51fa\u3057 wide",
        "x" * 300,
    ],
    ids=["zwj", "fe0f", "tag-chars", "cjk", "long"],
)
async def test_list_columns_hold_whatever_the_title(sample_db: Path, title: str) -> None:
    """Cells counted by Rich's own width function: the outlet column starts at the same
    cell in every row, and no row is wider than the list."""
    from rich.cells import cell_len

    from store.queries import ArticleRow
    from tui.app import make_app
    from tui.widgets.article_list import ArticleList

    app = make_app(sample_db, analyse=False)
    async with app.run_test(size=(160, 45)):
        lst = app.screen.query_one(ArticleList)

        def outlet_cell(row_title: str) -> int:
            row = ArticleRow(
                1, row_title, "Outlet", "2025-07-18", "day", True, False, ["t\u2764\ufe0f"]
            )
            plain = lst.row_text(row, 100).plain
            assert cell_len(plain) <= 100
            return cell_len(plain[: plain.rindex(" Outlet")])

        assert outlet_cell(title) == outlet_cell("A plain title")


def _rollback_journal_db(path: Path, sql: list[str]) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    ("sql", "said"),
    [
        (
            [
                "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)",
                "INSERT INTO meta VALUES ('schema_version', '99')",
            ],
            "newer newsreader",
        ),
        (["CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT)"], "not a newsreader database"),
        (
            [
                "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)",
                "INSERT INTO meta VALUES ('schema_version', 'five')",
            ],
            "schema_version is not a number",
        ),
    ],
    ids=["newer", "foreign", "non-integer"],
)
def test_a_refused_store_is_left_untouched(tmp_path: Path, sql: list[str], said: str) -> None:
    from store import StoreError

    path = tmp_path / "other.db"
    before = _rollback_journal_db(path, sql)
    assert before[18:20] == b"\x01\x01"  # rollback journal, not WAL
    with pytest.raises(StoreError, match=said) as err:
        open_store(path)
    assert "\n" not in str(err.value)
    assert path.read_bytes() == before
    assert not (tmp_path / "other.db-wal").exists()
    res = CliRunner().invoke(main, ["--db", str(path), "stats"])
    assert res.exit_code == 1 and said in res.output and "Traceback" not in res.output
    assert path.read_bytes() == before
