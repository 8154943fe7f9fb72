"""refresh_all against a real HTTP server on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import io
import socket
import sqlite3
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import feedparser
import pytest
from feeds_http import (
    FeedServer,
    conditional,
    endless,
    file_routes,
    redirect,
    send,
    serve,
    slow,
    static,
)

from ingest.refresh import refresh_all
from store import open_store
from store.sources import add_source, get_source, list_sources

REAL = Path(__file__).parent / "fixtures" / "feeds" / "real"
GOOD = [
    "rss2/rss_2.0_bbc.xml",
    "rss2/rss_2.0_spec_1.xml",
    "rss2/rss_2.0_relurl_1.xml",
    "atom/atom_example_6.xml",
    "atom/atom_mediarss_reddit_1.xml",
    "rss1/rss_1.0_example_1.xml",
    "rss0/rss_0.91_spec_1.xml",
    "rss0/rss_0.92_spec_1.xml",
    "jsonfeed/jsonfeed_example_1.json",
    "jsonfeed/jsonfeed_spec_1.json",
]
BROKEN = ["rss2/rss_2.0_invalid_1.xml", "xml/xml_sample_1.xml"]


def _bomb(h: BaseHTTPRequestHandler) -> None:
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    data = b"".join(comp.compress(b"\0" * (1 << 20)) for _ in range(30)) + comp.flush()
    send(h, data, headers={"Content-Encoding": "gzip"})


HOSTILE_ROUTES = {
    "/h/500": static(b"oops", status=500),
    "/h/slow": slow(5.0),
    "/h/loop-a": redirect("/h/loop-b"),
    "/h/loop-b": redirect("/h/loop-a"),
    "/h/huge": endless(),
    "/h/bomb": _bomb,
    "/h/laughs": static(
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">'
        b'<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>'
        b'<rss version="2.0"><channel><title>laughs</title><item><guid>l1</guid>'
        b"<title>t &g;</title><description>body &g;</description></item></channel></rss>"
    ),
}


@pytest.fixture
def server() -> Iterator[FeedServer]:
    routes = file_routes(REAL, "/feeds/")
    routes.update(HOSTILE_ROUTES)
    with serve(routes) as srv:
        yield srv


def _subscribe(conn: sqlite3.Connection, server: FeedServer, paths: list[str]) -> dict[str, int]:
    ids = {}
    for p in paths:
        ids[p], _ = add_source(conn, server.url(p if p.startswith("/") else "/feeds/" + p))
    return ids


def _stored(conn: sqlite3.Connection, source_id: int) -> int:
    return conn.execute(
        "SELECT count(*) FROM articles WHERE source_id = ?", (source_id,)
    ).fetchone()[0]


def test_refresh_imports_every_item_then_only_asks_conditionally(
    conn: sqlite3.Connection, server: FeedServer
) -> None:
    ids = _subscribe(conn, server, GOOD + BROKEN)
    progress: list[tuple[str, int, int, int, str | None]] = []
    report = refresh_all(conn, on_progress=lambda *a: progress.append(a))

    # One progress call per feed, counting up to the total.
    assert [p[1] for p in progress] == list(range(1, len(ids) + 1))
    assert {p[2] for p in progress} == {len(ids)}

    for path in GOOD:
        data = (REAL / path).read_bytes()
        expected = len(feedparser.parse(io.BytesIO(data)).entries)
        if path.endswith(".json"):  # feedparser 6 reads no JSON Feed
            import json

            expected = len(json.loads(data)["items"])
        res = next(r for r in report.feeds if r.source_id == ids[path])
        assert res.error is None, res.error
        assert _stored(conn, ids[path]) + res.duplicates + res.empty == expected, path
        assert res.added == _stored(conn, ids[path])
    errors = {r.source_id: r.error for r in report.feeds if r.error}
    assert set(errors) == {ids[p] for p in BROKEN}
    assert "malformed XML" in errors[ids[BROKEN[0]]] and "not a feed" in errors[ids[BROKEN[1]]]
    for p in BROKEN:
        src = get_source(conn, ids[p])
        assert src and src.last_error == errors[ids[p]]
    first_added = report.added
    assert first_added == conn.execute("SELECT count(*) FROM articles").fetchone()[0] > 40

    with server.lock:
        server.seen.clear()
    again = refresh_all(conn)
    assert again.added == 0 and again.not_modified == len(ids)
    with server.lock:
        seen = list(server.seen)
    assert len(seen) == len(ids)
    for request in seen:
        assert "If-None-Match" in request.headers and "If-Modified-Since" in request.headers
    # A broken document that has not changed is still reported broken.
    assert {r.source_id for r in again.errors} == {ids[p] for p in BROKEN}


def test_feed_items_get_source_tags_and_identity(
    conn: sqlite3.Connection, server: FeedServer
) -> None:
    sid, _ = add_source(
        conn, server.url("/feeds/rss2/rss_2.0_spec_1.xml"), tags=["World News", "tech"]
    )
    refresh_all(conn)
    rows = conn.execute(
        "SELECT id, guid, url, outlet, analysed_at FROM articles WHERE source_id = ?", (sid,)
    ).fetchall()
    assert len(rows) == 2
    for row in rows:
        assert row["guid"] and row["url"] and row["outlet"] == "Scripting News"
        assert row["analysed_at"] is None  # no analyzer given
        tags = {
            r[0]
            for r in conn.execute(
                "SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id "
                "WHERE at.article_id = ?",
                (row["id"],),
            )
        }
        assert tags == {"world-news", "tech"}
    assert get_source(conn, sid).title == "Scripting News"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/h/500", "HTTP 500"),
        ("/h/slow", "timed out"),
        ("/h/loop-a", "redirect loop"),
        ("/h/huge", "too large"),
        ("/h/bomb", "too large"),
        ("/h/missing", "HTTP 404"),
    ],
)
def test_hostile_servers_fail_one_feed_only(
    conn: sqlite3.Connection, server: FeedServer, path: str, message: str
) -> None:
    ids = _subscribe(conn, server, [path, "rss2/rss_2.0_bbc.xml"])
    t0 = time.perf_counter()
    report = refresh_all(conn, timeout=0.5, max_bytes=2_000_000)
    assert time.perf_counter() - t0 < 4
    bad = next(r for r in report.feeds if r.source_id == ids[path])
    good = next(r for r in report.feeds if r.source_id != ids[path])
    assert bad.error and message in bad.error and bad.error.startswith(server.url(path))
    assert "\n" not in bad.error
    assert good.error is None and good.added == 1
    src = get_source(conn, ids[path])
    assert src and src.last_error == bad.error and src.etag is None


def test_entity_expansion_feed_is_stored_unexpanded(
    conn: sqlite3.Connection, server: FeedServer
) -> None:
    (sid,) = _subscribe(conn, server, ["/h/laughs"]).values()
    report = refresh_all(conn)
    assert report.feeds[0].error is None
    body = conn.execute("SELECT body FROM articles WHERE source_id = ?", (sid,)).fetchone()[0]
    assert len(body) < 100 and "aaaaaaaaaa" not in body


def test_total_timeout_bounds_the_refresh(conn: sqlite3.Connection, server: FeedServer) -> None:
    ids = _subscribe(conn, server, ["/h/slow", "rss2/rss_2.0_bbc.xml"])
    t0 = time.perf_counter()
    report = refresh_all(conn, timeout=10, total_timeout=0.7)
    assert time.perf_counter() - t0 < 3
    slow_res = next(r for r in report.feeds if r.source_id == ids["/h/slow"])
    assert slow_res.error and "refresh took over" in slow_res.error
    assert report.added == 1


def test_fetches_wait_for_the_store_and_every_feed_lands(
    conn: sqlite3.Connection, server: FeedServer
) -> None:
    """One fetch at a time holds at most two documents in memory (the buffer); ten
    feeds still all arrive, none cut as late, through the parser processes."""
    ids = _subscribe(conn, server, GOOD)
    report = refresh_all(conn, concurrency=1)
    assert len(report.feeds) == len(ids) and not report.errors
    assert report.added == conn.execute("SELECT count(*) FROM articles").fetchone()[0] > 40


def test_cancel_stops_between_feeds(conn: sqlite3.Connection, server: FeedServer) -> None:
    """A worker's cancel flag stops the refresh after the feed in hand, without waiting
    for a hung server and without raising."""
    _subscribe(conn, server, ["rss2/rss_2.0_bbc.xml", "/h/slow", "/h/slow?2"])
    done: list[str] = []
    t0 = time.perf_counter()
    report = refresh_all(
        conn,
        timeout=10,
        on_progress=lambda url, *_: done.append(url),
        is_cancelled=lambda: bool(done),
    )
    assert time.perf_counter() - t0 < 3
    assert len(report.feeds) == 1 and report.feeds[0].added == 1


def test_server_down_reports_every_feed_quickly(db_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    conn = open_store(db_path)
    for i in range(5):
        add_source(conn, f"http://127.0.0.1:{port}/feed{i}.xml")
    conn.close()
    t0 = time.perf_counter()
    report = refresh_all(db_path)  # a path: refresh_all opens and closes its own connection
    assert time.perf_counter() - t0 < 3
    assert len(report.errors) == 5
    assert all("connection refused" in (r.error or "") for r in report.feeds)


ARTICLE_PAGE = b"""<!DOCTYPE html><html><head><title>Page</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Storm reaches the coast</h1>
<p>The storm reached the northern coast on Tuesday morning, forcing the evacuation of
several villages and closing the main harbour for the rest of the week.</p>
<p>Officials in the regional capital said that emergency shelters had been opened in three
schools and that more than two thousand people had spent the night there.</p>
<p>Forecasters expect the wind to ease by Thursday, although heavy rain is likely to
continue across the region until the weekend.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""


def _summary_feed(base: str) -> bytes:
    return f"""<rss version="2.0"><channel><title>Teasers</title>
<item><guid>{base}/a1</guid><title>Storm reaches the coast</title><link>{base}/a1</link>
<description>The storm reached the coast.</description></item>
<item><guid>{base}/gone</guid><title>Gone</title><link>{base}/gone</link>
<description>A page that no longer exists.</description></item>
</channel></rss>""".encode()


@pytest.mark.parametrize("per_feed", [True, False])
def test_full_article_is_fetched_for_summary_only_items(
    conn: sqlite3.Connection, per_feed: bool
) -> None:
    routes = {"/a1": static(ARTICLE_PAGE, "text/html; charset=utf-8")}
    with serve(routes) as srv:
        srv.routes["/teasers.xml"] = conditional(_summary_feed(srv.url("")))
        sid, _ = add_source(conn, srv.url("/teasers.xml"), fetch_full=per_feed)
        report = refresh_all(conn, full=not per_feed)
    res = report.feeds[0]
    assert res.error is None and res.added == 2
    assert (res.full_fetched, res.full_failed) == (1, 1)
    bodies = dict(
        conn.execute("SELECT title, body FROM articles WHERE source_id = ?", (sid,)).fetchall()
    )
    assert "two thousand people" in bodies["Storm reaches the coast"]
    assert "\n\n" in bodies["Storm reaches the coast"]
    assert "Copyright" not in bodies["Storm reaches the coast"]
    assert bodies["Gone"] == "A page that no longer exists."  # the page failed: summary kept


def test_without_full_the_summary_is_stored(conn: sqlite3.Connection) -> None:
    with serve({"/a1": static(ARTICLE_PAGE, "text/html")}) as srv:
        srv.routes["/teasers.xml"] = conditional(_summary_feed(srv.url("")))
        add_source(conn, srv.url("/teasers.xml"))
        report = refresh_all(conn)
        assert srv.requests_to("/a1") == []
    assert report.feeds[0].full_fetched == 0
    body = conn.execute("SELECT body FROM articles WHERE title LIKE 'Storm%'").fetchone()[0]
    assert body == "The storm reached the coast."


def test_plain_guids_are_scoped_to_their_feed(conn: sqlite3.Connection) -> None:
    """Two feeds both numbering items "1": different items, both stored."""

    def feed(name: str) -> bytes:
        return (
            f'<rss version="2.0"><channel><title>{name}</title><item><guid isPermaLink="false">1'
            f"</guid><title>{name} item</title><description>Text of {name}.</description>"
            f"</item></channel></rss>"
        ).encode()

    with serve({"/a.xml": static(feed("A")), "/b.xml": static(feed("B"))}) as srv:
        add_source(conn, srv.url("/a.xml"))
        add_source(conn, srv.url("/b.xml"))
        report = refresh_all(conn)
    assert report.added == 2


def test_only_selected_feeds_refresh(conn: sqlite3.Connection, server: FeedServer) -> None:
    ids = _subscribe(conn, server, ["rss2/rss_2.0_bbc.xml", "atom/atom_example_6.xml"])
    report = refresh_all(conn, source_ids=[ids["rss2/rss_2.0_bbc.xml"]])
    assert [r.source_id for r in report.feeds] == [ids["rss2/rss_2.0_bbc.xml"]]
    never = [s for s in list_sources(conn) if s.last_fetched_at is None]
    assert [s.id for s in never] == [ids["atom/atom_example_6.xml"]]


def test_no_feeds_is_an_empty_report(conn: sqlite3.Connection) -> None:
    report = refresh_all(conn)
    assert report.feeds == [] and report.added == 0


def test_first_feed_head_then_rest_counts_every_item_once(conn: sqlite3.Connection) -> None:
    """The first feed's first items are stored before the rest is parsed; twins across
    that cut (same guid, same text) and items already stored are still counted once."""
    from ingest.refresh import FIRST_BATCH
    from store.writes import save_article

    writes_body = "An article stored before the refresh."
    save_article(conn, {"title": "old", "body": writes_body})
    items = []
    for i in range(FIRST_BATCH + 30):
        guid = f"g{i}" if i != FIRST_BATCH + 5 else "g3"  # a twin of a head item
        body = f"Text of item {i}." if i != FIRST_BATCH + 9 else writes_body
        if i == 7:  # no title, no text: skipped
            items.append(f'<item><guid isPermaLink="false">{guid}</guid></item>')
            continue
        items.append(
            f'<item><guid isPermaLink="false">{guid}</guid><title>Item {i}</title>'
            f"<description>{body}</description></item>"
        )
    doc = f'<rss version="2.0"><channel><title>F</title>{"".join(items)}</channel></rss>'
    with serve({"/f.xml": static(doc.encode())}) as srv:
        add_source(conn, srv.url("/f.xml"))
        report = refresh_all(conn)
    res = report.feeds[0]
    assert res.error is None and res.items == FIRST_BATCH + 30
    assert res.duplicates == 2  # the twin of g3, the text stored before
    assert res.added + res.duplicates + res.empty == res.items
    assert res.added == FIRST_BATCH + 30 - 3
    titles = [r[0] for r in conn.execute("SELECT title FROM articles ORDER BY id")]
    assert titles[0] == "old" and titles[1:] == [
        f"Item {i}"
        for i in range(FIRST_BATCH + 30)
        if i not in (7, FIRST_BATCH + 5, FIRST_BATCH + 9)
    ]
    assert res.article_ids == sorted(res.article_ids)
