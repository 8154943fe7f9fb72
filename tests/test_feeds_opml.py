"""OPML and newsboat urls import, OPML export (fixtures from newsboat's test suite)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.draft import IngestError
from ingest.opml import export_opml, parse_newsboat_urls, parse_opml, read_subscriptions

NEWSBOAT = Path(__file__).parent / "fixtures" / "feeds" / "newsboat"


def _read(name: str) -> bytes:
    return (NEWSBOAT / name).read_bytes()


def test_fixtures_carry_their_licence() -> None:
    assert "MIT License" in (NEWSBOAT / "LICENSE").read_text()


def test_folders_become_tags() -> None:
    subs = parse_opml(_read("example.opml"), "example.opml")
    by_url = {f.url: f for f in subs.feeds}
    assert len(subs.feeds) == 7 and not subs.skipped
    assert by_url["https://example.com/feed.xml"].tags == []
    # A folder's text wins over its title (as in newsboat).
    assert by_url["https://blogs.example.com/~john/posts.rss"].tags == ["Blogs"]
    mike = by_url["https://blogs.example.com/~mike/.rss"]
    assert mike.tags == ["Blogs", "friends"] and mike.title == "Notes by Mike"
    assert by_url["https://fred.example.com/writing/index.php?type=rss"].tags == ["eloquent"]


def test_repeated_folders_and_text_titles() -> None:
    subs = parse_opml(_read("test-urls+.opml"), "t")
    assert [(f.url, f.tags) for f in subs.feeds if f.tags] == [
        ("http://test1.url.cc/feed.xml", ["tag1", "tag2"]),
        ("http://onemorefeed.at/feed/", ["tag1", "tag3"]),
    ]
    subs2 = parse_opml(_read("example2.opml"), "t")
    assert {f.title for f in subs2.feeds} >= {"another title", "Really?"}


def test_category_attribute_becomes_tags() -> None:
    (feed,) = parse_opml(_read("category.opml"), "c").feeds
    assert feed.tags == ["tag one", "tag_two", "tag/three"]


def test_commands_are_skipped_with_a_reason() -> None:
    subs = parse_opml(_read("piped.opml"), "piped.opml")
    assert [f.url for f in subs.feeds] == ["https://example.com/feed.atom"]
    ((where, why),) = subs.skipped
    assert "Birdsite search" in where and "not an http(s) URL" in why


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("body-element-missing.opml", "without a <body>"),
        ("opml-element-missing.opml", "not an OPML document"),
    ],
)
def test_broken_opml_is_one_line_error(name: str, message: str) -> None:
    with pytest.raises(IngestError, match=message) as info:
        parse_opml(_read(name), name)
    assert str(info.value).startswith(name)


def test_opml_entities_are_not_expanded() -> None:
    doc = (
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "' + b"x" * 1000 + b'">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b'<opml version="1.0"><body><outline text="&c;">'
        b'<outline xmlUrl="https://x.example/f" text="&c;&c;"/></outline></body></opml>'
    )
    # The declarations are dropped, so the references are undefined: refused, not expanded.
    with pytest.raises(IngestError, match=r"^evil: not readable OPML"):
        parse_opml(doc, "evil")


def test_newsboat_urls_file() -> None:
    text = (
        "# my feeds\n"
        'https://a.example/feed news "world news" "~A Title" !hidden\n'
        "\n"
        "https://b.example/rss?x=1#frag\n"
        'exec:~/bin/script.sh "scripts"\n'
        'query:Unread Articles:unread = "yes"\n'
        "https://a.example/feed again\n"
        '"https://c.example/unterminated\n'
    )
    subs = parse_newsboat_urls(text, "urls")
    assert [(f.url, f.title, f.tags) for f in subs.feeds] == [
        ("https://a.example/feed", "A Title", ["news", "world news"]),
        ("https://b.example/rss?x=1#frag", None, []),
    ]
    assert [w for w, _ in subs.skipped] == [
        "urls: line 5",
        "urls: line 6",
        "urls: line 7",
        "urls: line 8",
    ]


def test_read_subscriptions_tells_formats_apart() -> None:
    assert len(read_subscriptions(_read("example.opml"), "x").feeds) == 7
    assert read_subscriptions(b"https://a.example/f tag\n", "urls").feeds[0].tags == ["tag"]


def test_export_round_trips_urls_titles_and_tags() -> None:
    feeds = [
        ("https://a.example/f?x=1&y=<2>", 'Quotes " and <angles>', ["world-news", "tech"]),
        ("https://b.example/g", None, []),
    ]
    text = export_opml(feeds)
    back = parse_opml(text.encode(), "export")
    assert [(f.url, f.title, f.tags) for f in back.feeds] == [
        ("https://a.example/f?x=1&y=<2>", 'Quotes " and <angles>', ["world-news", "tech"]),
        ("https://b.example/g", "https://b.example/g", []),
    ]
