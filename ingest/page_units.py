"""Page dumps: article units (a title line marked by repetition or by the outlet and date
lines under it) and, per unit, the body window (the densest run of prose) with its
title, byline, captions and headings. See :mod:`ingest.pagedump`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.page_segments import END_MARK, Segment, is_credit
from ingest.page_words import (
    DATELINE_INLINE,
    DATELINE_LINE,
    SOURCE_PREFIX,
    TRAILER,
    norm_key,
    title_case_share,
)

# --- article units -----------------------------------------------------------------------


def _title_like(s: Segment) -> bool:
    n = len(s.text.split())
    return (
        s.label in ("short", "good")
        and 3 <= n <= 30
        and not _COMMENTS.match(norm_key(s.text))
        and not s.text.endswith((".", ":", ";", ","))
        and not s.bullet
    )


def _body_good(s: Segment) -> bool:
    return s.label == "good" and s.repeat == 1


def unit_starts(segs: list[Segment]) -> list[int]:
    """Indexes of segments that open an article.

    An opening is a title-shaped line shown twice in a row (an aggregator's heading and
    its link) or followed by a byline, dateline or date, with the article's prose right
    under it. A repeated line sitting between two paragraphs of prose is an inline link to
    another story, not an opening.
    """
    starts: list[int] = []
    seen: set[str] = set()
    comments_from = comments_start(segs)
    i = 0
    while i < len(segs):
        s = segs[i]
        if not _title_like(s):
            i += 1
            continue
        key = norm_key(s.text)
        repeated = i + 1 < len(segs) and norm_key(segs[i + 1].text) == key
        strong = 0
        gap = 0
        j = i + 1
        while j < len(segs) and gap <= 2:
            t = segs[j]
            if _body_good(t):
                break
            if norm_key(t.text) == key or t.label in ("caption", "credit"):
                pass
            elif t.label in ("time", "dateline", "byline"):
                strong += 1
            elif not _is_source_line(t):
                gap += 1
            j += 1
        has_body = j < len(segs) and _body_good(segs[j]) and gap <= 2
        inline = False
        if repeated and not strong:
            before = [
                t
                for t in segs[max(0, i - 3) : i]
                if t.label not in ("caption", "credit") and norm_key(t.text) != key
            ]
            inline = bool(before) and _body_good(before[-1])
        if i >= comments_from and not repeated:
            has_body = False  # in a comment thread only an aggregator's repeated title opens
        if has_body and not inline and (repeated or strong) and key not in seen:
            starts.append(i)
            seen.add(key)
        i += 1
        while i < len(segs) and norm_key(segs[i].text) == key:
            i += 1
    return starts


_COMMENTS = re.compile(
    r"^(?:(?:\d+\s+)?(?:comments?|responses?|replies|reactions|reader comments|discussion)"
    r"(?:\s+to\b.*)?|(?:leave|post|add|write|submit) a (?:comment|reply|response).*|"
    r"comments? (?:are|is) closed.*|no comments yet.*|join the (?:conversation|discussion).*|"
    r"(?:show|view|load|read|see) (?:all )?(?:\d+ )?comments.*|.*\b\d+ (?:comments|responses|replies)\b.*)$"
)


def comments_start(segs: list[Segment]) -> int:
    """Where a comment thread begins: the first comments heading after real prose, or
    the end of the page. Comments are prose too, so the body window must stop there."""
    prose = 0.0
    for s in segs:
        if _body_good(s):
            prose += s.weight
        elif prose >= 50 and len(s.text.split()) <= 12 and _COMMENTS.match(norm_key(s.text)):
            return s.index
    return len(segs)


def _is_source_line(s: Segment) -> bool:
    """ "See - Sada Elbalad", "Al-Ahram Weekly": a short run of capitalised words."""
    if s.label not in ("short", "boiler", "credit") or s.sentence:
        return False
    text = SOURCE_PREFIX.sub("", s.text).strip()
    ws = text.split()
    return 1 <= len(ws) <= 5 and all(w[0].isupper() or w in ("of", "the", "al", "el") for w in ws)


# --- the body window ---------------------------------------------------------------------


def _score(s: Segment) -> float:
    """A segment's contribution to the body window: prose counts by its length; menus,
    boilerplate and link lists cost more the longer they are."""
    if s.label == "good":
        return s.weight if s.repeat == 1 else -2.0
    if s.label in ("caption", "credit"):
        return -1.0
    if s.label in ("time", "byline", "dateline"):
        return -3.0
    if s.label == "boiler":
        if END_MARK.match(norm_key(s.text)):
            return -25.0
        return -6.0 - 0.5 * s.weight
    # short: a heading or a short sentence costs little; a bulleted link costs more.
    if s.bullet:
        return -2.0 - 0.3 * s.weight
    if s.sentence and s.stops >= 0.2:
        return 0.5 * s.weight
    return -1.5 - 0.2 * s.weight


def body_window(segs: list[Segment]) -> tuple[int, int] | None:
    """The [start, end) run of segments with the largest total score (Kadane)."""
    best = 0.0
    best_span: tuple[int, int] | None = None
    total = 0.0
    start = 0
    for i, s in enumerate(segs):
        if total <= 0:
            total, start = 0.0, i
        total += _score(s)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


@dataclass
class PageArticle:
    """One article as found in a dump, before it becomes a draft."""

    title: str
    paragraphs: list[tuple[str, bool]]  # (text, is_heading)
    captions: list[str]
    outlet: str | None
    date_text: str | None
    byline: str | None
    start: int


def _cut_trailer(text: str) -> str:
    """Drop a trailing "read more <headlines>" / "Follow us on: ..." tail from a paragraph."""
    for m in TRAILER.finditer(text):
        if m.start() < len(text) * 0.2 and m.start() < 200:
            continue
        tail = text[m.end() :]
        # A trailer holds few sentences: headlines, network names, nothing after.
        sentences = len(re.findall(r"[.!?](?:\s|$)", tail))
        if sentences <= max(1, len(tail.split()) // 40) or title_case_share(tail) > 0.55:
            return text[: m.start()].rstrip()
    return text


def extract_unit(segs: list[Segment], title_idx: int | None) -> PageArticle | None:
    """The article of one unit: its body window, with headings, captions and metadata."""
    body_from = title_idx + 1 if title_idx is not None else 0
    window = body_window(segs[body_from:])
    if window is None:
        return None
    lo, hi = window[0] + body_from, window[1] + body_from
    # Widen to take the captions, credits and headings touching the window's edges.
    paragraphs: list[tuple[str, bool]] = []
    captions: list[str] = []
    outlet = date_text = byline = None
    title_key = norm_key(segs[title_idx].text) if title_idx is not None else None

    # Metadata: between the title and the window (or just before the window).
    head_from = title_idx + 1 if title_idx is not None else max(0, lo - 8)
    for s in segs[head_from:lo]:
        if title_key and norm_key(s.text) == title_key:
            continue
        if s.label == "dateline" and outlet is None:
            outlet = DATELINE_LINE.match(s.text).group(1).strip()  # type: ignore[union-attr]
        elif s.label == "time" and date_text is None:
            date_text = s.text
        elif s.label == "byline" and byline is None:
            byline = re.sub(r"^(?:by|written by|words by|reporting by)\s+", "", s.text, flags=re.I)
        elif title_idx is not None and outlet is None and _is_source_line(s):
            outlet = SOURCE_PREFIX.sub("", s.text).strip()

    i = lo
    while i < hi:
        s = segs[i]
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        if title_key and norm_key(s.text) == title_key:
            i += 1
            continue
        if s.label == "caption":
            captions.append(s.text)
        elif s.label == "credit":
            if captions and paragraphs and paragraphs[-1][0] == "":
                pass
            captions.append(s.text)
        elif (
            nxt is not None
            and nxt.label == "credit"
            and s.label in ("good", "short", "time")
            and s.weight <= 60
        ):
            # A line right above a credit is the photo's caption.
            captions.append(f"{s.text} ({nxt.text})")
            i += 2
            continue
        elif s.label == "dateline":
            if outlet is None:
                outlet = DATELINE_LINE.match(s.text).group(1).strip()  # type: ignore[union-attr]
        elif s.label == "good" or (s.label == "short" and s.sentence and s.stops >= 0.2):
            if s.repeat == 1 or not paragraphs or paragraphs[-1][0] != s.text:
                paragraphs.append((_cut_trailer(s.text), False))
        elif s.label == "short" and _heading_like(segs, i, hi):
            paragraphs.append((s.text, True))
        i += 1
    # A caption's credit line already joined above; drop lone credits that follow it.
    captions = _merge_credits(captions)
    while paragraphs and paragraphs[-1][1]:
        paragraphs.pop()
    if not paragraphs:
        return None
    if outlet is None:
        m = DATELINE_INLINE.match(paragraphs[0][0])
        if m:
            outlet = m.group(1).strip()
    if byline is None and not paragraphs[0][1]:
        glued = glued_byline(paragraphs[0][0])
        if glued is not None:
            byline, first = glued
            paragraphs[0] = (first, False)
    title = segs[title_idx].text if title_idx is not None else _guess_title(segs, lo)
    return PageArticle(title, paragraphs, captions, outlet, date_text, byline, lo)


#: Switch: an author's name glued to the first sentence by the scrape, before the
#: country that sentence opens with, is the byline (see :func:`glued_byline`).
GLUED_BYLINE = True
_CAPITALISED = re.compile(r"[A-Z][a-z'’-]+$")


def glued_byline(text: str) -> tuple[str, str] | None:
    """(byline, text) when ``text`` opens with two or three capitalised words, then a
    country's name and a word in small letters: "Rana Atef Portugal declared a state of
    emergency ..." is Rana Atef's report that Portugal declared one (the page's markup
    kept them apart; the dump did not). None otherwise ("Steve Israel said": one word
    before the country is a first name)."""
    from analysis.gazetteer import country  # (the table loads on first use)

    if not GLUED_BYLINE:
        return None
    words = text.split(" ", 8)
    caps = 0
    while caps < len(words) - 1 and _CAPITALISED.match(words[caps]):
        caps += 1
    if caps >= len(words) - 1 or not words[caps][:1].islower():
        return None
    for size in (1, 2):  # "Portugal", "South Korea"
        name = caps - size
        if 2 <= name <= 3 and country(" ".join(words[name:caps])) is not None:
            if any(NO_NAME_WORD.fullmatch(w) for w in words[:name]):
                return None  # "The Prime Minister Israel ...": no one's name
            return " ".join(words[:name]), text.split(" ", name)[name]
    return None


#: Titles of office that are no part of a byline.
OFFICES = "President|Prime|Minister|King|Queen|Chancellor|Premier|Foreign|Defence|Defense"

#: Words that open a sentence and are almost never capitalised inside one: one of them,
#: capitalised right after a lowercase word, marks a heading glued to the sentence.
OPENERS = (
    "On|In|The|A|An|After|Before|But|When|While|As|At|For|Since|Last|This|That|These|"
    "Those|It|He|She|They|We|Its|His|Her|Their|According|During|Despite|Following|Over|"
    "Under|Earlier|Later|Meanwhile|However|Now|Today|Yesterday|By|From|With|Under"
)
#: Words no byline holds: those that open sentences, and offices (see glued_byline).
NO_NAME_WORD = re.compile(f"{OPENERS}|{OFFICES}")


def _merge_credits(captions: list[str]) -> list[str]:
    out: list[str] = []
    for c in captions:
        if out and is_credit(c) and not out[-1].endswith(")"):
            out[-1] = f"{out[-1]} ({c})"
        else:
            out.append(c)
    return out


def _heading_like(segs: list[Segment], i: int, hi: int) -> bool:
    """A short line inside the body, followed by prose and seen once: a section heading."""
    s = segs[i]
    if s.repeat > 1 or s.bullet or len(s.text.split()) > 16 or s.text.endswith((",", ";")):
        return False
    for t in segs[i + 1 : hi]:
        if t.label in ("caption", "credit"):
            continue
        return t.label == "good" or (t.label == "short" and t.sentence and t.stops >= 0.2)
    return False


def _guess_title(segs: list[Segment], lo: int) -> str:
    """The headline above a body: a nearby title-shaped line, repeated ones first."""
    best: tuple[float, str] | None = None
    for j in range(max(0, lo - 25), lo):
        s = segs[j]
        if not _title_like(s) or (s.label == "good" and s.sentence):
            continue
        score = (
            -(lo - j) * 0.2 + (3.0 if s.repeat > 1 else 0.0) + min(len(s.text.split()), 12) * 0.3
        )
        if best is None or score > best[0]:
            best = (score, s.text)
    if best:
        return best[1]
    first = segs[lo].text
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "..."


def clean_title(title: str) -> str:
    """Section prefixes ("Opinion|Title") and site suffixes ("Title | Site") go: the
    longest part of a "|"-split is the headline."""
    if "|" in title:
        parts = [p.strip() for p in title.split("|") if p.strip()]
        title = max(parts, key=len) if parts else title
    return title.strip()
