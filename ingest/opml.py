"""Subscriptions in and out: OPML import and export, and newsboat's ``urls`` file.

Folders become tags: a feed inside the outline folders "News" / "World" gets the tags
``news`` and ``world``, plus any OPML ``category`` attribute ("a,b,/c/d"). Export writes a
flat OPML 2.0 list with each feed's tags in ``category``, which this importer (and
newsboat's) reads back into the same tags.

Only http(s) URLs are subscribed; newsboat's ``exec:``, ``filter:``, ``query:`` and
``|command`` entries run programs or are virtual, so they are reported as skipped.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ingest.draft import IngestError
from ingest.files import decode_text
from ingest.normalise import clean_line, url_problem


@dataclass
class FeedSpec:
    """One subscription read from a file."""

    url: str
    title: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass
class SubscriptionList:
    feeds: list[FeedSpec] = field(default_factory=list)
    #: (where, why) for each entry not imported.
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _http_url(url: str) -> bool:
    """The same rule as ``newsreader feed add`` (:func:`ingest.normalise.url_problem`)."""
    return url_problem(url) is None


def _add_tag(tags: list[str], tag: str | None) -> None:
    tag = clean_line(tag, 64) if tag else None
    if tag and tag not in tags:
        tags.append(tag)


def parse_opml(data: bytes, origin: str) -> SubscriptionList:
    """Subscriptions from an OPML document; IngestError if it is not OPML.

    An OPML file is as untrusted as a feed: entity declarations are stripped first
    (libxml2 expands internal entities in attribute values even with
    ``resolve_entities=False``), and the network is off.
    """
    from lxml import etree

    from ingest.feeds import fix_char_refs, strip_entity_declarations

    # One bad character reference (&#xd800;) would make the whole file unreadable.
    data = fix_char_refs(strip_entity_declarations(data))
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        recover=False,
        dtd_validation=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise IngestError(f"{origin}: not readable OPML ({str(exc).splitlines()[0]})") from exc
    if not isinstance(root.tag, str) or root.tag.lower().rsplit("}", 1)[-1] != "opml":
        raise IngestError(f"{origin}: not an OPML document (the root is not <opml>)")
    body = next((el for el in root if isinstance(el.tag, str) and el.tag.lower() == "body"), None)
    if body is None:
        raise IngestError(f"{origin}: OPML without a <body>")
    out = SubscriptionList()
    seen: set[str] = set()

    def walk(el: object, folders: list[str]) -> None:
        for child in el:  # type: ignore[attr-defined]
            if not isinstance(child.tag, str) or child.tag.lower() != "outline":
                continue
            attrs = {k.lower(): v for k, v in child.attrib.items()}
            url = (attrs.get("xmlurl") or "").strip()
            label = attrs.get("text") or attrs.get("title")
            if not url:
                # A folder: its name tags everything inside it.
                walk(child, [*folders, label] if label and label.strip() else folders)
                continue
            where = f"{origin}: outline {clean_line(label) or url!r}"
            if not _http_url(url):
                out.skipped.append((where, f"not an http(s) URL ({url[:80]})"))
                continue
            if url in seen:
                out.skipped.append((where, "listed twice"))
                continue
            seen.add(url)
            tags: list[str] = []
            for folder in folders:
                _add_tag(tags, folder)
            for cat in (attrs.get("category") or "").split(","):
                _add_tag(tags, cat.strip().strip("/"))
            title = clean_line(attrs.get("title") or attrs.get("text"))
            out.feeds.append(FeedSpec(url=url, title=title, tags=tags))
            walk(child, folders)  # outlines nested under a feed are rare but legal

    walk(body, [])
    return out


def parse_newsboat_urls(text: str, origin: str) -> SubscriptionList:
    """newsboat's ``urls`` file: one feed per line, ``URL tag "tag two" "~Title"``;
    ``#`` starts a comment line; a tag starting with ``!`` hides the feed in newsboat
    (ignored here)."""
    out = SubscriptionList()
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        where = f"{origin}: line {n}"
        try:
            lexer = shlex.shlex(stripped, posix=True)
            lexer.whitespace_split = True
            lexer.commenters = ""
            words = list(lexer)
        except ValueError as exc:
            out.skipped.append((where, f"cannot read the line ({exc})"))
            continue
        if not words:
            continue
        url, rest = words[0], words[1:]
        if not _http_url(url):
            kind = url.split(":", 1)[0] if ":" in url else url[:20]
            out.skipped.append((where, f"not an http(s) feed ({kind})"))
            continue
        if url in seen:
            out.skipped.append((where, "listed twice"))
            continue
        seen.add(url)
        spec = FeedSpec(url=url)
        for word in rest:
            if word.startswith("~"):
                spec.title = clean_line(word[1:])
            elif word.startswith("!"):
                continue
            else:
                _add_tag(spec.tags, word)
        out.feeds.append(spec)
    return out


def read_subscriptions(data: bytes, origin: str) -> SubscriptionList:
    """OPML or a newsboat ``urls`` file, told apart by content."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        return parse_opml(data, origin)
    return parse_newsboat_urls(decode_text(data, origin), origin)


def export_opml(
    feeds: Iterable[tuple[str, str | None, list[str]]], title: str = "newsreader feeds"
) -> str:
    """An OPML 2.0 document for ``(url, title, tags)`` triples: flat, tags in ``category``."""
    from xml.sax.saxutils import quoteattr

    def attr(value: str) -> str:
        # quoteattr escapes &, <, > and quotes; newlines and tabs would be normalised
        # away by XML readers, so they go as character references.
        return quoteattr(value).replace("\n", "&#10;").replace("\t", "&#9;")

    stamp = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        f"    <title>{attr(title)[1:-1]}</title>",
        f"    <dateCreated>{stamp}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for url, name, tags in feeds:
        text = name or url
        parts = [f"text={attr(text)}", f"title={attr(text)}", 'type="rss"', f"xmlUrl={attr(url)}"]
        if tags:
            parts.append(f"category={attr(','.join(tags))}")
        lines.append(f"    <outline {' '.join(parts)}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)
