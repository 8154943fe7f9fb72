"""Feed documents (RSS 0.9x / 1.0 / 2.0, Atom, JSON Feed 1.0 / 1.1) to article drafts.

XML goes through feedparser. feedparser 6 does not read JSON Feed, so JSON Feed is parsed
here with :mod:`json` into the same entry shape. Every item becomes an
:class:`~ingest.draft.ArticleDraft` with ``guid`` and ``url`` set, so the store recognises
an item it already holds (guid, then link, then body hash) before any analysis.

Hostile input, and what is done about it:

- Entity expansion: feedparser drops most ``<!ENTITY>`` declarations, but keeps "safe"
  ones (a value with no ``&``) and its loose parser expands them, so a 60 kB document can
  grow to hundreds of MB (quadratic blowup). :func:`strip_entity_declarations` removes
  every declaration except single character references before feedparser sees it.
- Malformed XML: feedparser sets ``bozo``. With entries recovered the feed is imported
  and the problem is a warning; with none it is an error.
- Markup and escapes in fields: titles and bylines go through ``clean_line`` (control
  characters and ANSI escapes removed); HTML content becomes plain text with paragraphs
  kept, never markup for the terminal.
"""

from __future__ import annotations

import io
import json
import re
import time
from calendar import timegm
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from ingest.dates import parse_date
from ingest.draft import ArticleDraft, IngestError
from ingest.normalise import clean_line, clean_text

#: Entries read from one feed at most (a feed is a window on recent news, not an archive).
MAX_ENTRIES = 2000

_ENTITY_DECL = re.compile(rb"<!ENTITY\s+(%\s*)?[^\s>]+\s+(?:\"[^\"]*\"|'[^']*'|[^>])*>", re.I)
_SAFE_ENTITY = re.compile(rb"<!ENTITY\s+\w+\s+([\"'])&#x?[0-9a-fA-F]+;\1\s*>", re.I)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")


@dataclass
class FeedEntry:
    """One item: its draft, and whether the feed gave only a summary (full text may be
    fetched from ``draft.url``)."""

    draft: ArticleDraft
    summary_only: bool


@dataclass
class ParsedFeed:
    """A parsed feed. ``warning`` is set when the document was malformed but entries were
    still recovered; ``skipped`` counts items with no text at all."""

    origin: str
    version: str  # rss20, atom10, json11, ... as feedparser names them
    title: str | None = None
    link: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)
    warning: str | None = None
    skipped: int = 0
    #: Items in the document (before skipping), for comparing with other parsers.
    item_count: int = 0

    @property
    def drafts(self) -> list[ArticleDraft]:
        return [e.draft for e in self.entries]


# --- text -----------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption"}
    | {"figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main"}
    | {"nav", "ol", "p", "pre", "section", "table", "tr", "ul"}
)
_DROP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math"}
)
#: Whitespace in HTML source (a space where it is not inside ``<pre>``).
_HTML_SPACES = "\t\r\n\f"


def html_to_text(html: str) -> str:
    """HTML (a feed's summary or content) to plain text: block elements become
    paragraphs, ``<br>`` a line break; scripts and styles vanish; entities are decoded.

    lxml rather than trafilatura: a summary is a fragment, and trafilatura's boilerplate
    removal is built for whole pages (it discards short fragments outright).
    """
    if "<" not in html and "&" not in html:
        return _tidy(html)
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(re.sub(r"<[^>]*>", " ", html))
    return _tidy(_walk_text(root))


def _walk_text(root: Any) -> str:
    """The text of an element tree, one node at a time (block elements as paragraphs,
    ``<br>`` as a line break, whitespace kept inside ``<pre>``)."""
    parts: list[str] = []

    def text(value: str | None, pre: bool) -> None:
        # Line breaks in HTML source are spaces, except inside <pre>.
        if value:
            parts.append(value if pre else _fold(value, _HTML_SPACES))

    def walk(el: Any, pre: bool) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower().rsplit("}", 1)[-1]
        if tag in _DROP_TAGS:
            text(el.tail, pre)
            return
        block = tag in _BLOCK_TAGS
        inner_pre = pre or tag == "pre"
        if block:
            parts.append("\n\n")
        if tag == "br":
            parts.append("\n")
        if isinstance(el.tag, str):
            text(el.text, inner_pre)
        for child in el:
            walk(child, inner_pre)
        if block:
            parts.append("\n\n")
        text(el.tail, pre)

    walk(root, False)
    return "".join(parts)


def _fold(text: str, spaces: str) -> str:
    """Every run of ``spaces`` and " " as one space. String methods, not a regex: a
    substitution per space between two words cost ~70 us per article."""
    for ch in spaces:
        if ch in text:
            text = text.replace(ch, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _tidy(text: str) -> str:
    """Cleaned text with spaces folded, every line stripped, at most one empty line
    between paragraphs."""
    text = _fold(clean_text(text), "\t\u00a0")
    text = "\n".join([line.strip() for line in text.split("\n")])
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def _one_line(value: Any, limit: int = 500) -> str | None:
    """A title-like field: HTML tags and entities removed, then ``clean_line``."""
    if not isinstance(value, str) or not value.strip():
        return None
    if "<" in value or "&" in value:
        value = html_to_text(value)
    return clean_line(value, limit)


# --- urls -----------------------------------------------------------------------------

_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.I)


def canonical_url(url: str | None, base: str | None = None) -> str | None:
    """An absolute http(s) URL in one canonical spelling (lower-case scheme and host, no
    default port, no tracking parameters), or None.

    Feeds spell the same link differently between refreshes (``?utm_source=rss``); the
    store matches on this spelling. The fragment stays: blogs link several items to
    anchors of one daily page (``.../2002/09/29#When:6:52:02PM``), and dropping it would
    merge distinct items.
    """
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    if parts.username:
        host = f"{parts.username}@{host}"
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    ]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), parts.fragment))


# --- XML ------------------------------------------------------------------------------


def strip_entity_declarations(data: bytes) -> bytes:
    """Remove ``<!ENTITY>`` declarations from the prolog, except single character
    references (``<!ENTITY nbsp "&#160;">``), which cannot amplify."""
    first = _FIRST_ELEMENT.search(data)
    end = first.start() if first else len(data)
    head = data[:end]
    if b"<!ENTITY" not in head.upper():
        return data

    def keep_safe(m: re.Match[bytes]) -> bytes:
        return m.group(0) if _SAFE_ENTITY.fullmatch(m.group(0)) else b""

    return _ENTITY_DECL.sub(keep_safe, head) + data[end:]


_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


def _xml_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def fix_char_refs(data: bytes) -> bytes:
    """Character references to no XML character (``&#xd800;``, ``&#1114112;``, ``&#0;``,
    ``&#x1b;``) replaced by U+FFFD's. feedparser raises on a surrogate or out-of-range one
    (from ``handle_charref``), lxml rejects the whole document; one poisoned item must not
    cost the feed, let alone the refresh."""
    if b"&#" not in data:
        return data

    def fix(m: re.Match[bytes]) -> bytes:
        digits = m.group(1) or m.group(2)
        if len(digits) <= 8 and _xml_char(int(digits, 16 if m.group(1) else 10)):
            return m.group(0)
        return b"&#xFFFD;"

    return _CHAR_REF.sub(fix, data)


#: Longest author-like text handed to feedparser: its e-mail pattern is quadratic on one
#: long run of letters (a 20,000-character author took 8 s, a longer one hangs; 256 bytes cost ~0.3 ms).
MAX_AUTHOR_BYTES = 256
_AUTHOR_TEXT = re.compile(
    rb"(<(?:[\w.-]+:)?(?:author|creator|managingEditor|webMaster|publisher|contributor|name)"
    rb"\b[^>]*>)([^<]{%d,})" % (MAX_AUTHOR_BYTES + 1)
)


def cap_author_fields(data: bytes) -> bytes:
    """Author-like element text cut to MAX_AUTHOR_BYTES (at a UTF-8 character start)."""

    def cut(m: re.Match[bytes]) -> bytes:
        text = m.group(2)[:MAX_AUTHOR_BYTES]
        while text and 0x80 <= text[-1] <= 0xBF:
            text = text[:-1]
        if text and text[-1] >= 0xC0:  # a lead byte whose continuation was cut off
            text = text[:-1]
        return m.group(1) + text

    return _AUTHOR_TEXT.sub(cut, data)


def _struct_iso(value: Any) -> str | None:
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime.fromtimestamp(timegm(value), UTC).isoformat()
    except (OverflowError, ValueError, OSError):
        return None


def _date(raw: Any, parsed: Any) -> tuple[str | None, str | None]:
    iso, precision = parse_date(raw) if isinstance(raw, str) else (None, None)
    if iso:
        return iso, precision
    iso = _struct_iso(parsed)
    return (iso, "time") if iso else (None, None)


def _cut_warning(warning: str | None, items: int) -> str | None:
    """Say so when a feed holds more items than are read (never cut silently)."""
    if items <= MAX_ENTRIES:
        return warning
    cut = f"only the first {MAX_ENTRIES} of {items} items read"
    return f"{warning}; {cut}" if warning else cut


def _pick_content(entry: Any) -> tuple[str, bool]:
    """(text, summary_only): the fullest body the entry carries."""
    best = ""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        kind = (content.get("type") or "").lower()
        text = html_to_text(value) if "html" in kind or "<" in value else _tidy(value)
        if len(text) > len(best):
            best = text
    summary_raw = entry.get("summary") or ""
    summary = html_to_text(summary_raw) if summary_raw else ""
    if best and len(best) >= len(summary):
        return best, False
    return summary, True


def _error_text(exc: Any) -> str:
    text = str(exc) if exc else "unknown problem"
    return (text.splitlines() or ["unknown problem"])[0][:200]


def _feedparser_parse(data: bytes, base_url: str | None, content_type: str | None) -> Any:
    import feedparser

    # Without a content type feedparser flags every document as bozo; an unexpected
    # one (text/html for a feed) is flagged too, and ignored in _problem.
    headers = {"content-type": content_type or "application/xml"}
    if base_url:
        headers["content-location"] = base_url
    # A stream, never a str or bytes: feedparser treats a str that looks like a URL or a
    # path as something to open itself.
    # No sanitising and no link resolution inside content: html_to_text keeps only the
    # text (scripts, styles and frames dropped) and no link of it, and the two passes
    # re-parse every item's HTML in pure Python: they were half of a refresh's time
    # (bench/refresh_speed.py).
    return feedparser.parse(
        io.BytesIO(cap_author_fields(fix_char_refs(strip_entity_declarations(data)))),
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )


def _problem(doc: Any) -> str | None:
    """The parse problem worth reporting, if any. A wrong or missing content type and an
    encoding declaration overridden by the HTTP charset are not problems of the feed's
    content: feedparser flags them, then parses normally."""
    if not doc.get("bozo"):
        return None
    from feedparser.exceptions import CharacterEncodingOverride, NonXMLContentType

    exc = doc.get("bozo_exception")
    if isinstance(exc, NonXMLContentType | CharacterEncodingOverride):
        return None
    return _error_text(exc)


def _parse_xml(
    data: bytes,
    origin: str,
    base_url: str | None,
    content_type: str | None,
    limit: int = MAX_ENTRIES,
) -> ParsedFeed:
    from ingest.feeds_fast import parse_plain_rss

    # Plain RSS 2.0 through lxml (same answers, a tenth of the time), the rest through
    # feedparser.
    doc = parse_plain_rss(data, content_type) or _feedparser_parse(data, base_url, content_type)
    version = doc.get("version") or ""
    entries = list(doc.get("entries") or [])
    problem = _problem(doc)
    if not entries and (problem or not version):
        if problem:
            raise IngestError(f"{origin}: not a readable feed (malformed XML: {problem})")
        raise IngestError(f"{origin}: not a feed (no RSS, Atom or JSON Feed document)")
    feed = doc.get("feed") or {}
    base = feed.get("link") or base_url
    warning = f"malformed XML, {len(entries)} items recovered ({problem})" if problem else None
    if not version and not warning:
        warning = "not a known feed format; items read as RSS"
    parsed = ParsedFeed(
        origin=origin,
        version=version or "unknown",
        title=_one_line(feed.get("title")),
        link=canonical_url(feed.get("link"), base_url),
        warning=_cut_warning(warning, len(entries)),
        item_count=len(entries),
    )
    for n, entry in enumerate(entries[: min(limit, MAX_ENTRIES)]):
        body, summary_only = _pick_content(entry)
        title = _one_line(entry.get("title"))
        if not body:
            if not title:
                parsed.skipped += 1
                continue
            body, summary_only = title, True
        published, precision = _date(
            entry.get("published") or entry.get("updated") or entry.get("created"),
            entry.get("published_parsed")
            or entry.get("updated_parsed")
            or entry.get("created_parsed"),
        )
        link = canonical_url(entry.get("link"), base)
        guid = clean_line(entry.get("id"), 1000) if isinstance(entry.get("id"), str) else None
        parsed.entries.append(
            FeedEntry(
                ArticleDraft(
                    title=title or clean_line(body.split("\n", 1)[0], 120) or "",
                    body=body,
                    outlet=parsed.title,
                    url=link,
                    guid=guid,
                    byline=_one_line(entry.get("author")),
                    published_at=published,
                    date_precision=precision,
                    origin=f"{origin} item {n + 1}",
                ),
                summary_only,
            )
        )
    return parsed


# --- JSON Feed ------------------------------------------------------------------------


def _json_authors(obj: dict[str, Any]) -> str | None:
    authors = obj.get("authors")
    if not isinstance(authors, list):
        authors = [obj.get("author")] if isinstance(obj.get("author"), dict) else []
    names: list[str] = [
        a["name"] for a in authors if isinstance(a, dict) and isinstance(a.get("name"), str)
    ]
    return _one_line(", ".join(names)) if names else None


def _parse_json_feed(data: bytes, origin: str, base_url: str | None) -> ParsedFeed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except ValueError as exc:  # bad UTF-8, bad JSON, an integer of 4,300+ digits
        raise IngestError(f"{origin}: not a readable JSON Feed ({_error_text(exc)})") from exc
    except RecursionError as exc:
        raise IngestError(f"{origin}: JSON nested too deeply") from exc
    version = doc.get("version") if isinstance(doc, dict) else None
    if not isinstance(version, str) or "jsonfeed.org/version/" not in version:
        raise IngestError(f"{origin}: not a JSON Feed (no jsonfeed.org version)")
    items = doc.get("items")
    if not isinstance(items, list):
        raise IngestError(f"{origin}: not a JSON Feed (no items list)")
    number = version.rstrip("/").rsplit("/", 1)[-1].replace(".", "")
    home = doc.get("home_page_url") if isinstance(doc.get("home_page_url"), str) else None
    base = home or base_url
    parsed = ParsedFeed(
        origin=origin,
        version=f"json{number}",
        title=_one_line(doc.get("title")),
        link=canonical_url(home, base_url),
        warning=_cut_warning(None, len(items)),
        item_count=len(items),
    )
    for n, item in enumerate(items[:MAX_ENTRIES]):
        if not isinstance(item, dict):
            parsed.skipped += 1
            continue
        html = item.get("content_html")
        text = item.get("content_text")
        body = ""
        if isinstance(html, str) and html.strip():
            body = html_to_text(html)
        if isinstance(text, str) and len(_tidy(text)) > len(body):
            body = _tidy(text)
        summary_only = not body
        summary = item.get("summary")
        if not body and isinstance(summary, str):
            body = html_to_text(summary)
        title = _one_line(item.get("title"))
        if not body:
            if not title:
                parsed.skipped += 1
                continue
            body, summary_only = title, True
        raw_date = item.get("date_published") or item.get("date_modified")
        published, precision = parse_date(raw_date) if isinstance(raw_date, str) else (None, None)
        item_id = item.get("id")
        guid = clean_line(str(item_id), 1000) if isinstance(item_id, str | int) else None
        url = item.get("url") if isinstance(item.get("url"), str) else item.get("external_url")
        parsed.entries.append(
            FeedEntry(
                ArticleDraft(
                    title=title or clean_line(body.split("\n", 1)[0], 120) or "",
                    body=body,
                    outlet=parsed.title,
                    url=canonical_url(url if isinstance(url, str) else None, base),
                    guid=guid,
                    byline=_json_authors(item) or _json_authors(doc),
                    published_at=published,
                    date_precision=precision,
                    origin=f"{origin} item {n + 1}",
                ),
                summary_only,
            )
        )
    return parsed


def is_json_feed(data: bytes, content_type: str | None = None) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{"):
        return False
    return b"jsonfeed.org" in head or (content_type or "").endswith(("feed+json", "/json"))


def parse_feed(
    data: bytes,
    origin: str,
    *,
    base_url: str | None = None,
    content_type: str | None = None,
    limit: int = MAX_ENTRIES,
) -> ParsedFeed:
    """Parse a feed document; IngestError (one line, starting with ``origin``) when it is
    not a feed or is too broken to yield any item.

    ``base_url`` (where the document came from) resolves relative links. ``limit``: make
    drafts of the first items only (of an RSS or Atom document; a JSON Feed gives all):
    the head a refresh stores first, so its first articles are readable sooner.
    """
    if not data.strip():
        raise IngestError(f"{origin}: empty document")
    try:
        if is_json_feed(data, content_type):
            return _parse_json_feed(data, origin, base_url)
        return _parse_xml(data, origin, base_url, content_type, limit)
    except IngestError:
        raise
    except RecursionError as exc:
        raise IngestError(f"{origin}: feed nested too deeply") from exc
    except Exception as exc:  # whatever a hostile document makes a parser raise
        raise IngestError(
            f"{origin}: not a readable feed ({type(exc).__name__}: {_error_text(exc)})"
        ) from exc
