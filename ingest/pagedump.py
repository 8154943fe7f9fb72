"""Page dumps: a web page copied or scraped as text, split into clean articles.

A dump (a browser's "select all, copy", ``w3m -dump``, ``lynx -dump``, a scraper's text)
holds the article among menus, share buttons, captions, comment prompts, app adverts and
lists of other headlines; an aggregator page may hold several articles (main + related).
Nothing here knows a site: every line is classified from its shape (length, stop-word
density, punctuation, capitalisation, bullets), its repetition on the page and its position,
and the body is the densest run of prose (a maximum-sum window, as in Finn et al.'s Body
Text Extraction), so the rules carry to pages never seen.

Steps: lines -> segments (hard-wrapped paragraphs re-joined, glued debris split) ->
context-free labels -> article units (a title line marked by repetition or by the
outlet/date lines under it) -> per unit, the body window -> headings, captions, title,
outlet and date. The words and shapes of lines are :mod:`ingest.page_words`'s, segments
and labels :mod:`ingest.page_segments`'s, units and body windows
:mod:`ingest.page_units`'s; this module splits a page into articles and drafts them.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime

from ingest.dates import count_back, find_date
from ingest.draft import ArticleDraft
from ingest.normalise import clean_line
from ingest.page_segments import RELATIVE, label_segments, segments_from_text
from ingest.page_units import (
    OPENERS,
    PageArticle,
    clean_title,
    comments_start,
    extract_unit,
    unit_starts,
)
from ingest.page_words import norm_key

# --- the page ------------------------------------------------------------------------------

#: A related article is kept only with this much body (a teaser is not an article).
MIN_RELATED_WORDS = 50


def split_articles(text: str) -> list[PageArticle]:
    """Every article a page dump holds, in page order; the main one has the largest body."""
    segs = segments_from_text(text)
    if not segs:
        return []
    label_segments(segs)
    starts = unit_starts(segs)
    cut = comments_start(segs)
    bounds: list[tuple[int, int, int | None]] = []
    if not starts or starts[0] > 0:
        bounds.append((0, starts[0] if starts else len(segs), None))
    for k, st in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(segs)
        bounds.append((st, end, st))
    found: list[tuple[PageArticle, bool]] = []
    for lo, hi, title_at in bounds:
        if lo >= cut and title_at is None:
            continue
        if lo < cut < hi:
            hi = cut
        unit = segs[lo:hi]
        art = extract_unit(unit, None if title_at is None else title_at - lo)
        if art is not None:
            found.append((art, title_at is not None))
    if not found:
        return []
    sizes = [sum(len(p.split()) for p, h in a.paragraphs if not h) for a, _ in found]
    main = max(range(len(found)), key=lambda k: sizes[k])
    out = []
    main_key = norm_key(found[main][0].title)
    for k, (art, marked) in enumerate(found):
        if k != main and norm_key(art.title) == main_key:
            continue  # the main headline shown again further down (share box, breadcrumb)
        if k == main or (marked and sizes[k] >= MIN_RELATED_WORDS):
            art.title = clean_title(art.title)
            out.append(art)
    return out


def resolve_date(text: str | None, reference: datetime | None) -> tuple[str | None, str | None]:
    """A date line to ``(iso, precision)``; relative dates count back from ``reference``."""
    if not text:
        return None, None
    m = RELATIVE.search(text)
    if m:
        if reference is None:
            return None, None
        amount = m.group(1).lower()
        if len(amount) > 9:  # "99999999999 hours ago": no date, and no big arithmetic
            return None, None
        n = 1 if amount in ("a", "an", "one") else 3 if amount == "few" else int(amount)
        unit = m.group(2).lower().rstrip("s")
        unit = {"sec": "second", "min": "minute", "hr": "hour"}.get(unit, unit)
        return count_back(reference, n, unit)
    found = find_date(text)
    if found:
        return found[0], found[1]
    return None, None


def page_id(text: str) -> str:
    return hashlib.sha256(norm_key(text[:20000]).encode()).hexdigest()[:16]


def parse_page_dump(
    text: str,
    origin: str = "input",
    *,
    captured: datetime | None = None,
    mtime: datetime | None = None,
) -> list[ArticleDraft]:
    """A page dump -> drafts (main first in page order, related after); [] if none found.

    Relative dates ("2 hours ago") count back from ``captured`` (when the user saved the
    page), else from the file's modification time.
    """
    arts = split_articles(text)
    if not arts:
        return []
    pid = page_id(text) if len(arts) > 1 else None
    sizes = [sum(len(p.split()) for p, h in a.paragraphs if not h) for a in arts]
    main = max(range(len(arts)), key=lambda k: sizes[k])
    when = captured or mtime
    drafts = []
    for k, art in enumerate(arts):
        body, headings = assemble_body(art.paragraphs)
        published, precision = resolve_date(art.date_text, captured or mtime)
        drafts.append(
            ArticleDraft(
                title=clean_line(art.title) or "",
                body=body,
                outlet=clean_line(art.outlet),
                byline=clean_line(art.byline),
                published_at=published,
                date_precision=precision,
                captions=[c for c in (clean_line(c, 2000) for c in art.captions) if c],
                headings=headings,
                page_id=pid,
                role=("main" if k == main else "related") if pid else None,
                origin=origin,
                fetched_at=when.isoformat(timespec="seconds") if when else None,
            )
        )
    return drafts


_GLUED_HEADING = re.compile(
    r"(?:^|(?<=[.!?])|(?<=[.!?][\"'”’)]))\s*"
    r"(?P<head>[A-Z][\w'’-]*(?:[ ](?:[\w'’-]+)){0,6}?[ ][a-z][a-z'’-]+)"
    rf"[ ](?=(?:{OPENERS})[ ])"
)


def split_glued_headings(text: str) -> list[tuple[str, bool]]:
    """A paragraph whose section headings lost their line breaks ("...in September. War
    and resistance On 7 October 2023, Hamas...") -> its prose and headings apart, as
    (text, is_heading). Only a short run of words between a sentence's end (or the
    paragraph's start) and a capitalised sentence opener ("On", "The", "After"...) right
    after a lowercase word counts: ordinary prose does not look like that."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _GLUED_HEADING.finditer(text):
        head_start = m.start("head")
        if text[pos:head_start].strip():
            out.append((text[pos:head_start].strip(), False))
        out.append((m.group("head"), True))
        pos = m.end()
    if text[pos:].strip():
        out.append((text[pos:].strip(), False))
    return out or [(text, False)]


def assemble_body(paragraphs: list[tuple[str, bool]]) -> tuple[str, list[tuple[int, int]]]:
    """Paragraphs joined by blank lines; headings are their own paragraphs, by offset
    (headings glued into a paragraph are cut out first: :func:`split_glued_headings`)."""
    parts: list[str] = []
    headings: list[tuple[int, int]] = []
    pos = 0
    pieces: list[tuple[str, bool]] = []
    for text, heading in paragraphs:
        pieces.extend([(text, True)] if heading else split_glued_headings(text.strip()))
    for text, heading in pieces:
        text = text.strip()
        if not text:
            continue
        if parts:
            pos += 2
        if heading:
            headings.append((pos, pos + len(text)))
        parts.append(text)
        pos += len(text)
    return "\n\n".join(parts), headings


def looks_like_page_dump(text: str) -> bool:
    """True when the text shows a web page's furniture: boilerplate, credits, captions,
    datelines, bullets or repeated title lines; plain articles stay plain text."""
    segs = segments_from_text(text[:100_000])
    if len(segs) < 3:
        return False
    label_segments(segs)
    furniture = sum(
        1 for s in segs if s.label in ("boiler", "credit", "caption", "dateline", "time")
    )
    bullets = sum(1 for s in segs if s.bullet)
    return furniture >= 1 or bullets >= 3 or bool(unit_starts(segs))
