"""`newsreader feed ...` and `newsreader refresh` through click, on a real store and a
real 127.0.0.1 server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from feeds_http import FeedServer, file_routes, serve, static

from tui.cli import main

REAL = Path(__file__).parent / "fixtures" / "feeds" / "real"
NEWSBOAT = Path(__file__).parent / "fixtures" / "feeds" / "newsboat"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    routes = file_routes(REAL, "/feeds/")
    routes["/500"] = static(b"no", status=500)
    with serve(routes) as srv:
        yield srv


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_add_list_remove(db_path: Path) -> None:
    code, out, _ = run(db_path, "feed", "add", "https://news.example/rss", "-t", "World", "--full")
    assert code == 0 and out.startswith("subscribed: https://news.example/rss (feed 1) [world]")
    code, out, _ = run(db_path, "feed", "add", "https://news.example/rss", "-t", "extra")
    assert code == 0 and "already subscribed" in out and "[world, extra]" in out
    code, out, _ = run(db_path, "feed", "list")
    assert "https://news.example/rss" in out and "full" in out and "never fetched" in out
    code, out, _ = run(db_path, "feed", "remove", "1")
    assert code == 0 and "removed: https://news.example/rss (0 articles kept)" in out
    code, _, err = run(db_path, "feed", "remove", "1")
    assert code == 1 and err.strip() == "newsreader: error: no such feed: 1"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://x.example/feed", "not a url"])
def test_add_refuses_non_http(db_path: Path, url: str) -> None:
    code, _, err = run(db_path, "feed", "add", url)
    assert code == 1 and err.startswith("newsreader: error: ") and err.count("\n") == 1


def _undated(opml: str) -> str:
    return re.sub(r"<dateCreated>[^<]*</dateCreated>", "<dateCreated/>", opml)


def test_import_export(db_path: Path, tmp_path: Path) -> None:
    code, _, err = run(db_path, "feed", "import", str(NEWSBOAT / "piped.opml"), "-t", "imported")
    assert code == 0
    assert "skipped" in err and "1 feed added, 0 already subscribed, 1 skipped" in err
    urls = tmp_path / "urls"
    urls.write_text('https://a.example/f "my tag" "~Named"\nhttps://example.com/feed.atom\n')
    code, _, err = run(db_path, "feed", "import", str(urls))
    assert code == 0 and "1 feed added, 1 already subscribed" in err
    code, out, _ = run(db_path, "feed", "export")
    assert code == 0 and out.startswith('<?xml version="1.0"')
    assert 'category="tagged,imported"' in out and 'text="Named"' in out
    target = tmp_path / "out.opml"
    code, _, err = run(db_path, "feed", "export", str(target))
    assert code == 0 and "2 feeds written" in err
    # the same OPML as printed, but for the second it was made in (the two runs may
    # straddle a second: the test must not depend on the clock)
    assert _undated(target.read_text()) == _undated(out)


def test_import_bad_file_is_one_line(db_path: Path) -> None:
    code, _, err = run(db_path, "feed", "import", str(NEWSBOAT / "body-element-missing.opml"))
    assert code == 1 and "OPML without a <body>" in err and err.count("\n") == 1


def test_refresh_reports_errors_and_counts(db_path: Path, server: FeedServer) -> None:
    run(db_path, "feed", "add", server.url("/feeds/rss2/rss_2.0_spec_1.xml"))
    run(db_path, "feed", "add", server.url("/feeds/atom/atom_example_6.xml"))
    run(db_path, "feed", "add", server.url("/500"))
    code, _, err = run(db_path, "refresh", "--no-analyse")
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[0] == f"newsreader: error: {server.url('/500')}: HTTP 500 Internal Server Error"
    assert lines[-1].startswith("6 new articles from 3 feeds (0 unchanged, 1 failed)")
    code, _, err = run(db_path, "refresh", "--no-analyse")
    assert (
        err.strip()
        .splitlines()[-1]
        .startswith("0 new articles from 3 feeds (2 unchanged, 1 failed)")
    )
    code, out, _ = run(db_path, "feed", "list")
    assert "error: " in out and "HTTP 500" in out and "(2 articles;" in out


def test_refresh_without_feeds(db_path: Path) -> None:
    code, _, err = run(db_path, "refresh")
    assert code == 0 and "no feeds to refresh" in err
