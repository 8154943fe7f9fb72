"""``newsreader import https://...``: fetch a page and extract its article(s).

Fetching goes through :mod:`ingest.fetch` (http/https only, timeouts and a deadline,
a size cap enforced while streaming, a redirect limit, no cookies). What comes back is
judged by its Content-Type first and its bytes second (servers mislabel: HTML served as
``text/plain`` or ``application/octet-stream``), then parsed like a file of that kind.
The article's URL is the canonical spelling of the final URL, which is what dedup
matches on, so importing the same page twice adds nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ingest.detect import sniff
from ingest.draft import ArticleDraft, IngestError
from ingest.feeds import canonical_url
from ingest.fetch import DEFAULT_MAX_BYTES, fetch_url

#: Seconds per network operation for an interactive import.
URL_TIMEOUT = 15.0
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,application/json;q=0.8,text/plain;q=0.7,*/*;q=0.1"
_TEXT_TYPES = (
    "text/",
    "application/xhtml",
    "application/json",
    "application/ld+json",
    "application/x-ndjson",
    "application/jsonl",
    "application/xml",
    "application/rss",
    "application/atom",
    "application/feed+json",
)
_GENERIC_TYPES = (
    None,
    "",
    "application/octet-stream",
    "binary/octet-stream",
    "application/x-unknown",
    "unknown/unknown",
)


def kind_of_response(content_type: str | None, data: bytes, url: str) -> str:
    """json / feed / html / text, from the declared type checked against the bytes."""
    sniffed = sniff(data, url)
    if not content_type or content_type in _GENERIC_TYPES or content_type == "text/plain":
        return sniffed
    if not content_type.startswith(_TEXT_TYPES):
        raise IngestError(f"{url}: not an article page (content type {content_type})")
    if "html" in content_type:
        return "html" if sniffed in ("html", "text") else sniffed
    if "json" in content_type:
        return "feed" if sniffed == "feed" else "json"
    if any(t in content_type for t in ("rss", "atom", "xml")):
        return "feed" if sniffed == "feed" else sniffed
    return sniffed


def drafts_from_url(
    url: str,
    *,
    captured: datetime | None = None,
    timeout: float = URL_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    **options: Any,
) -> list[ArticleDraft]:
    """Fetch ``url`` and extract its article(s); IngestError (one line) on any failure."""
    from ingest.pipeline import parse_input

    result = fetch_url(url, timeout=timeout, max_bytes=max_bytes, accept=_ACCEPT)
    if not result.content.strip():
        raise IngestError(f"{url}: the server sent an empty page")
    final = canonical_url(result.final_url) or canonical_url(url)
    kind = kind_of_response(result.content_type, result.content, url)
    drafts = parse_input(
        result.content,
        url,
        kind=kind,
        url=final,
        charset=result.charset,
        captured=captured or datetime.now().astimezone(),
        **options,
    )
    if not drafts:
        raise IngestError(f"{url}: no article found")
    main = [d for d in drafts if d.role in (None, "main")]
    for d in main[:1]:
        d.url = d.url or final
    return drafts
