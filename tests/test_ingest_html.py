"""Saved HTML pages: body, metadata, captions apart, headings, charset, dedup by URL."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pytest

from bench.extraction import page_counts
from ingest.html import parse_html
from ingest.pipeline import import_paths, parse_input

FIX = Path(__file__).parent / "fixtures" / "ingest"
TRUTH = json.loads((FIX / "extraction-truth.json").read_text(encoding="utf-8"))

PARAS = [
    "The harbour authority said on Tuesday that the new breakwater would be finished before "
    "the winter storms, after two years of delays caused by a dispute over the contract.",
    "Engineers from three companies have worked on the project, which cost more than the "
    "city had planned, and the mayor promised an inquiry into how the money was spent.",
    "Fishermen who use the harbour said they were relieved, because the old wall had "
    "cracked in several places and boats had been damaged during the last storm season.",
]


def page(charset: str = "utf-8", extra_head: str = "") -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="{charset}">
<title>Harbour wall to be finished before winter | Coast Gazette</title>
<meta property="og:site_name" content="Coast Gazette">
<meta property="og:url" content="https://gazette.example/news/harbour-wall?utm_source=rss">
<meta name="author" content="Ana Pérez">
<meta property="article:published_time" content="2025-07-19T08:30:00Z">
{extra_head}</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour wall to be finished before winter</h1>
<p>{PARAS[0]}</p>
<figure><img src="wall.jpg"><figcaption>Workers on the breakwater at dawn, July 2025.
Photo: Coast Gazette</figcaption></figure>
<p>{PARAS[1]}</p>
<h2>Relief at the quay</h2>
<p>{PARAS[2]}</p>
</article>
<footer>© 2025 Coast Gazette. All rights reserved.</footer>
</body></html>"""


def test_body_metadata_and_headings() -> None:
    (d,) = parse_html(page().encode(), "harbour.html")
    assert d.title == "Harbour wall to be finished before winter"
    assert d.outlet == "Coast Gazette"
    assert d.byline == "Ana Pérez"
    assert (d.published_at, d.date_precision) == ("2025-07-19", "day")
    assert d.url == "https://gazette.example/news/harbour-wall"  # canonical: no tracking query
    paragraphs = d.body.split("\n\n")
    for p in PARAS:
        assert p in paragraphs
    assert [d.body[a:b] for a, b in d.headings] == ["Relief at the quay"]
    for junk in ("Home", "Sport", "All rights reserved"):
        assert junk not in d.body


def test_captions_are_kept_apart() -> None:
    (d,) = parse_html(page().encode(), "harbour.html")
    assert "Workers on the breakwater" not in d.body
    assert any(c.startswith("Workers on the breakwater at dawn") for c in d.captions)


def test_declared_charset_is_honoured() -> None:
    raw = page(charset="iso-8859-1").encode("latin-1")
    (d,) = parse_input(raw, "latin1.html")
    assert d.byline == "Ana Pérez"


def test_http_charset_wins_over_the_page() -> None:
    raw = page(charset="utf-8").encode("latin-1")  # the page lies, the server knows
    (d,) = parse_html(raw, "x", charset="latin-1")
    assert d.byline == "Ana Pérez"


def test_html_is_told_from_content_not_name(tmp_path: Path, conn: sqlite3.Connection) -> None:
    a = tmp_path / "saved-page.txt"  # an HTML page with a misleading name
    a.write_text(page())
    (res,) = import_paths(conn, [a])
    assert res.error is None and res.added == 1
    title = conn.execute("SELECT title FROM articles").fetchone()[0]
    assert title == "Harbour wall to be finished before winter"


def test_same_url_twice_adds_nothing(tmp_path: Path, conn: sqlite3.Connection) -> None:
    a = tmp_path / "one.html"
    b = tmp_path / "two.html"
    a.write_text(page())
    # Same canonical URL, slightly different markup and one extra sentence.
    b.write_text(
        page(extra_head="<meta name='x' content='y'>").replace(
            "before the winter storms", "before the first winter storms"
        )
    )
    r1, r2 = import_paths(conn, [a, b])
    assert (r1.added, r2.added, r2.skipped) == (1, 0, 1)


@pytest.mark.parametrize("page_id", sorted(TRUTH))
def test_benchmark_pages_body(page_id: str) -> None:
    html = gzip.decompress((FIX / f"page-{page_id}.html.gz").read_bytes())
    (d,) = parse_html(html, page_id)
    tp, fp, fn = page_counts(TRUTH[page_id]["articleBody"], d.body)
    assert 2 * tp / (2 * tp + fp + fn) >= 0.9
    assert d.title and d.outlet
