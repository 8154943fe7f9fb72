"""Page dumps: lines -> segments (hard-wrapped paragraphs re-joined, glued debris split)
and their context-free labels (boilerplate, credit, time line, prose). See
:mod:`ingest.pagedump`."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ingest.dates import find_date
from ingest.normalise import clean_text
from ingest.page_words import (
    BOILER_LINE,
    BOILER_PHRASE,
    BULLET,
    BULLET_ONLY,
    BYLINE,
    CAPTION_MARK,
    CJK,
    CREDIT_AGENCY,
    CREDIT_PREFIX,
    CREDIT_SLASH,
    DATELINE_LINE,
    GLUED_CREDIT,
    SENTENCE_END,
    lower_share,
    norm_key,
    stop_density,
    text_weight,
    title_case_share,
    words,
)

# --- segments ----------------------------------------------------------------------------


@dataclass
class Segment:
    """One paragraph-like piece of the page, with the features its label comes from."""

    text: str
    index: int
    bullet: bool = False
    blank_before: bool = False
    label: str = ""
    weight: float = 0.0
    stops: float = 0.0
    repeat: int = 1

    @property
    def sentence(self) -> bool:
        return bool(SENTENCE_END.search(self.text))


def _display_width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapping dumper (w3m, lynx, fmt) broke lines at, or None.

    Wrapped text shows many lines ending within a few columns of one maximum; copied
    browser text has one line per paragraph, thousands of columns wide.
    """
    widths = sorted(
        _display_width(ln.rstrip())
        for ln in lines
        if len(ln.split()) >= 4 or len(CJK.findall(ln)) >= 10
    )
    if len(widths) < 6:
        return None
    cap = widths[int(len(widths) * 0.97) - 1] if len(widths) > 30 else widths[-1]
    if cap > 160 or cap < 30:
        return None
    near = sum(1 for w in widths if cap - 12 <= w <= cap)
    return cap if near >= max(3, 0.1 * len(widths)) else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def segments_from_text(text: str) -> list[Segment]:
    """Lines to paragraph segments: wrapped lines re-joined, bullets marked, blanks noted."""
    lines = clean_text(text).expandtabs(8).split("\n")
    width = wrap_width(lines)
    segs: list[Segment] = []
    cur: list[str] = []
    cur_bullet = False
    cur_blank = False
    cont_indent = -1
    blank = True

    def flush() -> None:
        nonlocal cur
        if cur:
            joined = " ".join(part.strip() for part in cur)
            joined = re.sub(r"\s+", " ", joined).strip()
            if joined:
                segs.append(Segment(joined, len(segs), cur_bullet, cur_blank))
        cur = []

    prev = ""
    for raw in lines:
        line = raw.rstrip()
        if not line.strip() or (BULLET_ONLY.match(line) and not line.strip().isalnum()):
            flush()
            blank = True
            prev = ""
            continue
        bullet_m = BULLET.match(line)
        joins = False
        if cur and width and not bullet_m:
            nxt = line.split()[0]
            fits = _display_width(prev) + 1 + _display_width(nxt) <= width
            same_block = cont_indent < 0 or _indent(line) >= cont_indent - 1
            joins = not fits and same_block
            # w3m breaks CJK text anywhere: long CJK lines continue.
            if not joins and CJK.search(prev[-1:] or "") and _display_width(prev) >= width - 4:
                joins = True
        if joins:
            cur.append(line)
        else:
            flush()
            cur = [line[bullet_m.end() :] if bullet_m else line]
            cur_bullet = bool(bullet_m)
            cur_blank = blank
            cont_indent = bullet_m.end() if bullet_m else _indent(line)
        prev = line
        blank = False
    flush()
    return _split_glued(segs)


def _split_glued(segs: list[Segment]) -> list[Segment]:
    """Split scraping debris: a photo credit glued to the heading after it."""
    out: list[Segment] = []
    for seg in segs:
        m = GLUED_CREDIT.match(seg.text)
        if m and "/" in m.group(1) and len(seg.text.split()) <= 25:
            out.append(Segment(m.group(1), 0, False, seg.blank_before))
            out.append(Segment(m.group(2), 0, False, False))
        else:
            out.append(seg)
    for i, seg in enumerate(out):
        seg.index = i
    return out


# --- labels ------------------------------------------------------------------------------

RELATIVE = re.compile(
    r"(?<!\d)(\d+|(?<!\w)(?:an?|one|few))\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?|years?)\s+ago\b",
    re.I,
)


def is_credit(text: str) -> bool:
    """A photo credit line: short, no sentence, agency-shaped."""
    n = len(text.split())
    if n > 10 or (text.endswith((".", "?", "!")) and not text.endswith(("Inc.", "Co."))):
        return False
    if CREDIT_PREFIX.match(text) and n <= 10:
        return True
    if CREDIT_SLASH.match(text):
        return True
    return bool(CREDIT_AGENCY.search(text)) and stop_density(text) < 0.2 and n <= 6


_COOKIES = re.compile(
    r"\bcookies?\b.*\b(?:consent|accept|privacy|tracking|browsing|opt[- ]out|partners|"
    r"personali[sz]ed|advertis)|\b(?:consent|accept|privacy|tracking|browsing)\b.*\bcookies?\b",
    re.I,
)
#: Lines that close an article: what follows is other stories.
END_MARK = re.compile(
    r"^(?:related|more (?:from|in|on|stories|news|articles)|most (?:read|popular|viewed|shared)|"
    r"recommended|trending|you (?:may|might) (?:also )?like|read next|up next|top stories|"
    r"editor s picks|don t miss|also read|see also|latest (?:news|stories)|what to read next)\b"
)


def is_boilerplate(text: str) -> bool:
    key = norm_key(text)
    if not key:
        return True
    if len(key.split()) <= 150 and _COOKIES.search(text):
        return True
    n = len(key.split())
    if n <= 8 and BOILER_LINE.match(key):
        return True
    return (n <= 25 and bool(BOILER_PHRASE.search(text)) and stop_density(text) < 0.45) or (
        n <= 40 and bool(re.search(r"(?:©|\ball rights reserved\b)", text, re.I))
    )


def is_time_line(text: str) -> bool:
    """A date/time line: "time2 hours ago", "Updated 10:04 AM EDT, July 19, 2025"."""
    if len(text.split()) > 14:
        return False
    if RELATIVE.search(text):
        return True
    found = find_date(text)
    if not found:
        return False
    rest = text.replace(found[2], " ")
    return len(words(rest)) <= (3 if text.rstrip().endswith(".") else 6)


def label_segments(segs: list[Segment]) -> None:
    """Context-free labels from each segment's own shape and its repetition on the page."""
    counts = Counter(norm_key(s.text) for s in segs)
    for s in segs:
        s.weight = text_weight(s.text)
        s.stops = stop_density(s.text)
        s.repeat = counts[norm_key(s.text)]
        t = s.text
        n = len(t.split())
        if CAPTION_MARK.search(t) and n <= 80:
            s.label = "caption"
        elif is_credit(t):
            s.label = "credit"
        elif is_boilerplate(t):
            s.label = "boiler"
        elif n <= 6 and DATELINE_LINE.match(t):
            s.label = "dateline"
        elif n <= 8 and BYLINE.match(t):
            s.label = "byline"
        elif is_time_line(t):
            s.label = "time"
        elif _is_prose(s):
            s.label = "good"
        else:
            s.label = "short"


def _is_prose(s: Segment) -> bool:
    cjk = len(CJK.findall(s.text))
    if cjk >= 20:
        return cjk >= 30 or s.sentence
    if s.weight >= 20 and s.stops >= 0.18:
        return True
    if s.weight >= 10 and s.stops >= 0.25 and s.sentence:
        return not (s.bullet and title_case_share(s.text) > 0.7)
    # Languages without our stop words: long, punctuated, mostly lower-case words.
    if s.weight >= 15 and s.sentence and lower_share(s.text) >= 0.6 and not s.bullet:
        return True
    return s.weight >= 7 and s.stops >= 0.3 and s.sentence and not s.bullet
