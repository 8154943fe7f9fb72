"""A fast reader for plain RSS 2.0 documents, with feedparser's answers.

feedparser reads every feed in pure Python (a SAX parser feeding a state machine): about
1 ms per item, most of a refresh's time (bench/refresh_speed.py). Most feeds are plain
RSS 2.0: a channel of items with a title, a link, a guid, a date and an HTML description.
For those, :func:`parse_plain_rss` reads the document with lxml (C) and returns what
:func:`feedparser.parse` would return for the fields :mod:`ingest.feeds` uses, in the
same shape (a dict with ``version``, ``feed``, ``entries``).

Anything it is not sure to read exactly as feedparser does (another format, a DOCTYPE,
malformed XML, a relative link, an item element outside the known few, a title with
markup, a date our parser cannot read, a declared charset other than UTF-8) returns None,
and the caller uses feedparser. tests/test_feeds_fast.py checks that both give the same
drafts on every feed fixture this reader accepts.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.dates import parse_date

_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
#: Item elements read (the first four) or known to change nothing feedparser returns for
#: the fields used.
_ITEM_TAGS = frozenset(
    {
        "title",
        "link",
        "guid",
        "pubDate",
        "description",
        _CONTENT,
        _DC_CREATOR,
        "category",
        "comments",
        "enclosure",
    }
)
_ATOM_LINK = "{http://www.w3.org/2005/Atom}link"
#: Channel elements that change nothing feedparser returns for the fields used.
_CHANNEL_META = frozenset(
    {
        "description", "language", "copyright", "lastBuildDate", "pubDate", "generator",
        "docs", "ttl", "managingEditor", "webMaster", "category", "rating", "skipHours",
        "skipDays",
    }
)  # fmt: skip
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")
_ABSOLUTE = re.compile(r"^https?://[^\s/]+", re.I)


def _text(el: Any) -> str:
    """An element's text, as feedparser gives it (stripped)."""
    return (el.text or "").strip() if len(el) == 0 else ""


def parse_plain_rss(data: bytes, content_type: str | None) -> dict[str, Any] | None:
    """feedparser's result for a plain RSS 2.0 document, or None (use feedparser)."""
    if b"<!DOCTYPE" in data[:2048].upper() or b"<!ENTITY" in data[:2048].upper():
        return None
    if content_type and "charset" in content_type.lower():
        charset = content_type.lower().split("charset=", 1)[1].strip(" \"';")
        if charset not in ("utf-8", "utf8"):
            return None
    declared = _DECLARED.match(data[:200])
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return None
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root.tag != "rss" or root.get("version") != "2.0" or root.nsmap.get(None):
        return None
    channels = [c for c in root if c.tag == "channel"]
    if len(channels) != 1 or len(root) != 1:
        return None
    channel = channels[0]
    feed: dict[str, Any] = {}
    entries: list[dict[str, Any]] = []
    for el in channel:
        tag = el.tag
        if not isinstance(tag, str):
            return None  # a processing instruction
        if tag == "title":
            if "title" in feed or len(el):
                return None
            value = _text(el)
            if "<" in value or "&" in value:
                return None
            feed["title"] = value
        elif tag == "link":
            value = _text(el)
            if "link" in feed or not _ABSOLUTE.match(value):
                return None
            feed["link"] = value
        elif tag == "item":
            entry = _item(el)
            if entry is None:
                return None
            entries.append(entry)
        elif tag == _ATOM_LINK:
            if el.get("rel") != "self":
                return None  # another link may be the feed's link for feedparser
        elif tag not in _CHANNEL_META:
            return None  # namespaced or structured channel data: feedparser may use it
    if "title" not in feed or not entries:
        return None
    return {"version": "rss20", "bozo": False, "feed": feed, "entries": entries}


def _item(item: Any) -> dict[str, Any] | None:
    entry: dict[str, Any] = {}
    seen: set[str] = set()
    for el in item:
        tag = el.tag
        if not isinstance(tag, str) or tag not in _ITEM_TAGS or len(el):
            return None
        if el.attrib and tag not in ("guid", "category", "enclosure"):
            return None
        if tag in seen and tag not in ("category", "enclosure"):
            return None
        seen.add(tag)
        value = _text(el)
        if tag == "title":
            if "<" in value or "&" in value:
                return None
            entry["title"] = value
        elif tag == "link":
            if not _ABSOLUTE.match(value):
                return None
            entry["link"] = value
        elif tag == "guid":
            if not value or set(el.attrib) - {"isPermaLink"}:
                return None
            entry["id"] = value
        elif tag == "pubDate":
            if parse_date(value)[0] is None:
                return None
            entry["published"] = value
        elif tag == "description":
            entry["summary"] = value
        elif tag == _CONTENT:
            entry["content"] = [{"value": value, "type": "text/html"}]
        elif tag == _DC_CREATOR:
            if "<" in value or "&" in value:
                return None
            entry["author"] = value
    if "link" not in entry or "title" not in entry:
        return None
    return entry
