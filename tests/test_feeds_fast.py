"""The fast RSS reader gives the drafts feedparser gives, on every feed it accepts."""

from __future__ import annotations

import contextlib
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from bench.refresh_speed import make_feed, sample_articles
from ingest import feeds
from ingest.feeds_fast import parse_plain_rss

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"

RICH = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Rich feed</title><link>https://example.org/</link>
<description>d</description><language>en</language>
<atom:link xmlns:atom="http://www.w3.org/2005/Atom" href="https://example.org/feed" rel="self"/>
<lastBuildDate>Tue, 03 Jun 2025 10:00:00 +0200</lastBuildDate>
<item><title>One</title><link>https://example.org/1?utm_source=rss</link>
<guid isPermaLink="false">  one-1 </guid><pubDate>Tue, 03 Jun 2025 10:00:00 +0200</pubDate>
<dc:creator>Ann Writer</dc:creator><category>World</category><category>Gaza</category>
<enclosure url="https://example.org/1.jpg" length="1" type="image/jpeg"/>
<comments>https://example.org/1#comments</comments>
<description><![CDATA[<p>Short <b>summary</b> &amp; more.</p>]]></description>
<content:encoded><![CDATA[<p>The full text, with <a href="/x">a link</a>.</p>
<p>Second paragraph &mdash; here.</p><script>alert(1)</script>]]></content:encoded></item>
<item><title>Two</title><link>https://example.org/2</link>
<description>&lt;p&gt;Escaped &amp;amp; HTML&lt;/p&gt;&lt;br/&gt;line</description></item>
<item><title>Three: no body</title><link>https://example.org/3</link></item>
</channel></rss>
"""


def _drafts(parsed: Any) -> list[dict[str, Any]]:
    return [{**asdict(e.draft), "summary_only": e.summary_only} for e in parsed.entries]


def _both(data: bytes, content_type: str | None = "application/rss+xml") -> tuple[Any, Any]:
    fast = feeds.parse_feed(
        data, "feed", base_url="https://example.org/feed", content_type=content_type
    )
    real = feeds._parse_xml.__wrapped__ if hasattr(feeds._parse_xml, "__wrapped__") else None
    assert real is None
    import ingest.feeds_fast as ff

    saved = ff.parse_plain_rss
    ff.parse_plain_rss = lambda *a, **k: None  # type: ignore[assignment]
    try:
        slow = feeds.parse_feed(
            data, "feed", base_url="https://example.org/feed", content_type=content_type
        )
    finally:
        ff.parse_plain_rss = saved
    return fast, slow


def _same(data: bytes, content_type: str | None = "application/rss+xml") -> bool:
    """Assert both readers agree; returns whether the fast one took the document."""
    fast, slow = _both(data, content_type)
    assert _drafts(fast) == _drafts(slow)
    assert (fast.title, fast.link, fast.version, fast.item_count, fast.skipped) == (
        slow.title,
        slow.link,
        slow.version,
        slow.item_count,
        slow.skipped,
    )
    return parse_plain_rss(data, content_type) is not None


def test_a_rich_plain_feed_reads_as_feedparser_reads_it() -> None:
    assert _same(RICH)


def test_the_generated_bench_feeds_take_the_fast_path() -> None:
    assert _same(make_feed(3, 20, sample_articles()))


@pytest.mark.parametrize(
    "path", sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".xml", ".rss", ".atom"))
)
def test_every_fixture_feed_reads_the_same(path: Path) -> None:
    data = path.read_bytes()
    with contextlib.suppress(feeds.IngestError):  # not a feed: both refuse it
        _same(data)


@pytest.mark.parametrize(
    "change",
    [
        (b"<title>One</title>", b"<title>One &amp; two</title>"),
        (b"<link>https://example.org/2</link>", b"<link>/2</link>"),
        (b'rel="self"', b'rel="alternate"'),
        (
            b"<language>en</language>",
            b"<itunes:summary xmlns:itunes='http://i/'>s</itunes:summary>",
        ),
        (b"<comments>", b"<media:title xmlns:media='http://m/'>m</media:title><comments>"),
        (b"<dc:creator>Ann Writer</dc:creator>", b"<author>ann@example.org (Ann)</author>"),
        (b"Tue, 03 Jun 2025 10:00:00 +0200", b"sometime last week"),
        (b'<rss version="2.0"', b'<rss version="0.91"'),
        (b"</channel></rss>", b"</channel>"),
        (b'encoding="UTF-8"', b'encoding="ISO-8859-1"'),
    ],
)
def test_what_the_fast_reader_is_unsure_of_goes_to_feedparser(change: tuple[bytes, bytes]) -> None:
    data = RICH.replace(*change)
    assert data != RICH
    assert parse_plain_rss(data, "application/rss+xml") is None
    with contextlib.suppress(feeds.IngestError):
        _same(data)
