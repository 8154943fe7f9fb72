"""Saved HTML pages: the main text with trafilatura, its metadata, captions kept apart.

trafilatura finds the article (about 0.96 F1 on the article-extraction benchmark, see
bench/extraction.py) and its metadata (title, author, date, site name, canonical URL).
Its output keeps headings as ``<head>`` elements, which become heading offsets here;
photo captions (``<figcaption>``, elements whose class says caption) are taken out of the
body and kept apart, because a caption read as prose poisons the entities and events.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.dates import parse_date
from ingest.draft import ArticleDraft, IngestError
from ingest.feeds import canonical_url
from ingest.files import looks_binary
from ingest.normalise import clean_line, clean_text, strip_ansi, strip_escapes
from ingest.page_words import norm_key
from ingest.pagedump import assemble_body

#: Pages larger than this are cut before parsing (trafilatura's own tree limit is larger;
#: no article needs more than this many bytes of markup).
MAX_HTML_BYTES = 20 * 1024 * 1024

_CAPTION_XPATH = (
    "//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
    " | //*[contains(@class, 'caption') and not(descendant::p[string-length() > 400])]"
)


def _captions(tree: Any) -> list[str]:
    """Texts of caption elements, in page order, deduplicated."""
    seen: set[str] = set()
    out: list[str] = []
    try:
        nodes = tree.xpath(_CAPTION_XPATH)
    except Exception:  # pragma: no cover - malformed trees
        return []
    for node in nodes:
        text = clean_line(" ".join(node.itertext()), 2000)
        if not text or len(text) < 3:
            continue
        key = norm_key(text)
        if key and key not in seen:
            seen.add(key)
            out.append(text)
    return out


def _paragraphs(body: Any) -> list[tuple[str, bool]]:
    """trafilatura's XML body -> (text, is_heading) paragraphs; list items one per line."""
    out: list[tuple[str, bool]] = []
    if body is None:
        return out
    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "list":
            for item in el.iter("item"):
                text = clean_line(" ".join(item.itertext()), 100_000)
                if text:
                    out.append((text, False))
            continue
        if tag == "table":
            for row in el.iter("row"):
                cells = [clean_line(" ".join(c.itertext()), 10_000) for c in row]
                line = " ".join(c for c in cells if c)
                if line:
                    out.append((line, False))
            continue
        text = clean_line(" ".join(el.itertext()), 100_000)
        if text:
            out.append((text, tag == "head"))
    return out


def _is_caption(text: str, caption_keys: list[str]) -> bool:
    key = norm_key(text)
    if not key:
        return False
    for cap in caption_keys:
        if key == cap or (
            len(key) >= 20 and (key in cap or (cap in key and len(cap) > 0.6 * len(key)))
        ):
            return True
    return False


def parse_html(
    data: bytes | str,
    origin: str = "input",
    *,
    url: str | None = None,
    charset: str | None = None,
) -> list[ArticleDraft]:
    """One HTML page -> one draft (the page's main article).

    ``charset`` (from an HTTP Content-Type) wins over what the page itself declares.
    """
    import trafilatura
    from trafilatura.utils import load_html

    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not raw.strip():
        raise IngestError(f"{origin}: empty file")
    if looks_binary(raw):
        raise IngestError(f"{origin}: binary data, not HTML")
    raw = strip_escapes(raw[:MAX_HTML_BYTES])
    source: bytes | str = raw
    if isinstance(data, str):
        source = strip_ansi(data[:MAX_HTML_BYTES])
    elif charset:
        try:
            source = raw.decode(charset, errors="replace")
        except LookupError:
            source = raw
    # trafilatura's loader honours the page's declared charset (lxml alone guesses Latin-1).
    tree = load_html(source)
    if tree is None:
        raise IngestError(f"{origin}: cannot parse HTML")
    # Captions are read before extraction: trafilatura prunes the tree it is given.
    captions = _captions(tree)
    article_caps: list[str] = []
    for node in tree.xpath("//article")[:1]:
        article_caps = _captions(node)
    doc = trafilatura.bare_extraction(
        source,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
    )
    if doc is None or isinstance(doc, dict) or getattr(doc, "body", None) is None:
        raise IngestError(f"{origin}: no article text found in the HTML")
    caption_keys = [norm_key(c) for c in captions]
    paragraphs = []
    used_captions: list[str] = []
    for text, heading in _paragraphs(doc.body):
        text = clean_text(text)
        if not heading and captions and _is_caption(text, caption_keys):
            used_captions.append(text)
            continue
        paragraphs.append((text, heading))
    while paragraphs and paragraphs[-1][1]:
        paragraphs.pop()
    title = clean_line(getattr(doc, "title", None)) or ""
    title = _strip_site(title, getattr(doc, "sitename", None)) if title else ""
    # The page's own headline, kept by trafilatura as the first heading, is the title.
    while paragraphs and paragraphs[0][1] and _same_headline(paragraphs[0][0], title):
        title = title or paragraphs[0][0]
        paragraphs.pop(0)
    body, headings = assemble_body(paragraphs)
    if not body.strip():
        raise IngestError(f"{origin}: no article text found in the HTML")
    # Captions: those taken out of the body, then the article's own figures.
    kept = used_captions + [
        c for c in article_caps if not _is_caption(c, [norm_key(u) for u in used_captions])
    ]
    published, precision = parse_date(getattr(doc, "date", None))
    page_url = canonical_url(url or getattr(doc, "url", None))
    title = title or clean_line(body.split("\n", 1)[0][:120]) or ""
    return [
        ArticleDraft(
            title=title,
            body=body,
            outlet=clean_line(getattr(doc, "sitename", None))
            or clean_line(getattr(doc, "hostname", None)),
            url=page_url,
            byline=clean_line(getattr(doc, "author", None)),
            published_at=published,
            date_precision=precision,
            captions=kept,
            headings=headings,
            origin=origin,
        )
    ]


def _same_headline(heading: str, title: str) -> bool:
    """Is this heading the page's headline (the title, give or take a site name)?"""
    if not title:
        return True
    h, t = norm_key(heading), norm_key(title)
    return h == t or (len(h.split()) >= 4 and (h in t or t in h))


def _strip_site(title: str, site: str | None) -> str:
    """ "Headline | Site" and "Opinion | Headline" -> "Headline"."""
    if site:
        title = re.sub(rf"\s*[|\-–—:]\s*{re.escape(site)}\s*$", "", title, flags=re.I) or title
    if " | " in title:
        parts = [p.strip() for p in title.split(" | ") if p.strip()]
        title = max(parts, key=len)
    return title
