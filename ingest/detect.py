"""Which importer a piece of input needs, decided from its content (the name only breaks
ties)."""

from __future__ import annotations

import re

_HTML = re.compile(
    rb"<\s*(!doctype\s+html|html|head|body|article|div|p|meta|title|section|main|script)\b", re.I
)
_FEED = re.compile(rb"<\s*(rss|feed|rdf:RDF)\b", re.I)
#: What may follow "[" in a JSON array (a page dump often starts with "[logo]" or "[ ]").
_JSON_ARRAY_NEXT = re.compile(rb"^\[\s*(?:[{\[\"\-0-9]|true\b|false\b|null\b|\]$)")


def is_url(value: str) -> bool:
    """True for an http(s) URL given where a path could be."""
    return value[:8].lower().startswith(("http://", "https://"))


def sniff(data: bytes, name: str = "") -> str:
    """One of ``json``, ``feed``, ``html``, ``text``."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = name.lower()
    if head[:1] == b"{" or (head[:1] == b"[" and _JSON_ARRAY_NEXT.match(head[:200])):
        if b'"version"' in head and b"jsonfeed.org" in head:
            return "feed"
        return "json"
    if (head.startswith(b"<?xml") or _FEED.search(head[:1024])) and _FEED.search(head):
        return "feed"
    # Markup near the start: a page dump may quote a tag deep inside, a page starts with one.
    if (_HTML.search(head[:1024]) and head[:1] == b"<") or (
        _HTML.search(head) and head.count(b"<") > 5
    ):
        return "html"
    if lower.endswith((".html", ".htm", ".xhtml")) and b"<" in head:
        return "html"
    return "text"
