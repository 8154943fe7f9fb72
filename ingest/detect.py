"""Which importer a piece of input needs, decided from its content (the name only breaks
ties)."""

from __future__ import annotations

import re

_HTML = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|div|p)\b", re.I)
_FEED = re.compile(rb"<\s*(rss|feed|rdf:RDF)\b", re.I)


def sniff(data: bytes, name: str = "") -> str:
    """One of ``json``, ``feed``, ``html``, ``text``."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = name.lower()
    if head[:1] in (b"{", b"["):
        if b'"version"' in head and b"jsonfeed.org" in head:
            return "feed"
        return "json"
    if head.startswith(b"<?xml") or _FEED.search(head[:1024]):
        if _FEED.search(head):
            return "feed"
    if _HTML.search(head) or lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    return "text"
