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
outlet and date.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from ingest.dates import count_back, find_date
from ingest.draft import ArticleDraft
from ingest.normalise import clean_line, clean_text

# --- words -------------------------------------------------------------------------------

#: English function words; other languages fall back on "short lowercase word" density.
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "said",
        "says",
        "say",
        "would",
        "may",
        "might",
        "must",
        "shall",
        "since",
        "though",
        "although",
        "yet",
        "still",
        "even",
        "ago",
    ]
)

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SENTENCE_END = re.compile(r"""[.!?。！？…:;]["'”’»)\]]*$""")
_BULLET = re.compile(r"^\s*(?:[•·▪◦□■☆★●○◆◇‣⁃*+\-–]|\d{1,2}[.)])\s+")
_BULLET_ONLY = re.compile(r"^\s*[•·▪◦□■☆★●○◆◇‣⁃*+\-–]?\s*$")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def text_weight(text: str) -> float:
    """How much prose a segment holds, in word-equivalents (CJK counts two chars a word)."""
    cjk = len(_CJK.findall(text))
    return len(words(text)) - 0 + cjk / 2.0 if cjk else float(len(words(text)))


def stop_density(text: str) -> float:
    """Share of function words: prose has many, menus, names and headlines few."""
    ws = words(text)
    if not ws:
        return 0.0
    hits = sum(1 for w in ws if w.lower() in STOP_WORDS or (len(w) <= 3 and w.islower()))
    return hits / len(ws)


def title_case_share(text: str) -> float:
    """Share of words that start with a capital: headline lists and names score high."""
    ws = [w for w in words(text) if len(w) > 3]
    if not ws:
        return 0.0
    return sum(1 for w in ws if w[0].isupper()) / len(ws)


_NON_ALNUM = re.compile(r"[\W_]+")


def lower_share(text: str) -> float:
    """Share of words that start lower-case: running prose in any cased script."""
    ws = words(text)
    return sum(1 for w in ws if w[0].islower()) / len(ws) if ws else 0.0


@lru_cache(maxsize=65536)
def norm_key(text: str) -> str:
    """Repetition key: case, quotes, punctuation and spacing do not matter."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NON_ALNUM.sub(" ", text).strip()


# --- line patterns -----------------------------------------------------------------------

#: Whole-line boilerplate of sites and apps (matched against a normalised short line).
_BOILER_LINE = re.compile(
    r"^(?:logo|menu|search|home|share|share this( story| article)?|tweet|email|print|"
    r"comments?|\d+ comments?|no comments yet|be the first to comment|add a comment|"
    r"leave a (comment|reply)|post a comment|view comments|show comments|"
    r"related( articles| stories| news| content| posts)?|more (stories|news|from .*)|"
    r"recommended( for you)?|read (more|next|also|this next)|see also|also read|you may also like|"
    r"trending( now)?|most (read|popular|viewed)|popular|latest( news)?|top stories|"
    r"advertisement|advertising|sponsored( content)?|ad|skip (to )?(main )?(content|article)|"
    r"continue reading( the main story)?|supported by|subscribe( now)?|sign (in|up)|log ?in|"
    r"log ?out|register|newsletter|sign up for .*|get the app|download (the|our) app|"
    r"get started now.*|try our .*|explore what .*|follow us( on)?|connect with us|"
    r"short link|permalink|copy link|link copied|back to top|next article|previous article|"
    r"load more|show more|view all|see all|all rights reserved|privacy policy|terms of (use|service)|"
    r"cookie (policy|settings)|accept( all)?( cookies)?|i accept|close|toggle navigation|"
    r"open menu|close menu|loading|watch|listen|play video|video|photos?|gallery|image|"
    r"orange background|background|icon|app ?store|google play|play ?store|app-storeplay-store|"
    r"facebook|twitter|instagram|whatsapp|linkedin|telegram|youtube|pinterest|reddit|"
    r"flipboard|pocket|x|copyright.*|©.*|\(c\) .*|filed under|tags?|topics?|"
    r"editor'?s? picks?|don'?t miss|up next|more in .*|more on .*|sections|site search|"
    r"today'?s paper|opinion|news|sports?|business|politics|world|lifestyle)$"
)
_BOILER_PHRASE = re.compile(
    r"(?:all rights reserved|cookies? (to|and)|use of cookies|privacy policy|terms of (use|service)|"
    r"download (the|our) app|sign up for (our|the)|subscribe to (our|the)|newsletter|"
    r"©|\bcopyright\b|javascript|your browser|ad blocker|adblock|"
    r"click here|tap here|follow us on|share this (story|article|on)|whatsapp|"
    r"app store|google play|related articles|you might also like|recommended for you|"
    r"no comments yet|comments are closed|join the (conversation|discussion))",
    re.I,
)
#: Photo credits: "Elyas/AFP/Getty Images", "Houthi Media Center/Reuters", "Photo: X".
_CAP_TOKEN = r"[A-Z][\w.'’&-]*,?"
_CREDIT_SLASH = re.compile(
    rf"^{_CAP_TOKEN}(?:\s+(?:{_CAP_TOKEN}|of|de|la|van|von|al|for|and))*"
    rf"(?:\s*/\s*{_CAP_TOKEN}(?:\s+(?:{_CAP_TOKEN}|of|for|and))*)+$"
)
_CREDIT_AGENCY = re.compile(
    r"(?:^|[\s/(])(?:Getty Images|Getty|Reuters|AFP|AP|EPA|EPA-EFE|Shutterstock|iStock|"
    r"Alamy|Bloomberg|Sipa|Anadolu|Xinhua|ANSA|DPA|PA|NurPhoto|SOPA Images|Zuma Press|"
    r"LightRocket|Corbis|Handout|Courtesy[\w ]*|Wikimedia Commons)\)?\s*$"
)
_CREDIT_PREFIX = re.compile(
    r"^(?:photo|photograph|image|picture|illustration|credit|video|graphic)s?"
    r"(?:\s+(?:by|credit|courtesy(?: of)?))?\s*[:|]\s*\S",
    re.I,
)
_CAPTION_MARK = re.compile(
    r"(?:Credit\s*(?:\.\.\.|…|:)|\((?:Photo|Image|Picture)s?\s*(?:by|:|credit)|"
    r"\b(?:Photo|Image|Picture)s? (?:by|credit:|courtesy of) [A-Z]|\bPhoto:\s*[A-Z])"
)
_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by)\s+[A-Z\w]", re.I)
#: "CNN —", "CNN -", "Reuters --": an outlet dateline on its own line.
_DATELINE_LINE = re.compile(r"^\(?([A-Z][\w.&' ]{1,38}?)\)?\s*(?:—|–|--|-)\s*$")
#: "WASHINGTON (Reuters) -" / "(CNN) —" at the start of a paragraph.
_DATELINE_INLINE = re.compile(
    r"^(?:[A-Z][A-Za-z.,'’ -]{1,40}\s)?\(([A-Z][\w.&' ]{1,30})\)\s*(?:—|–|--|-|:)\s+"
)
#: A source line: "See - Sada Elbalad", "Source: X", "Al-Ahram Weekly".
_SOURCE_PREFIX = re.compile(r"^(?:\w{1,10}\s+[-–—|]\s+|source\s*:\s*|via\s+)", re.I)
#: Trailing lists glued to a body: "... read more Headline Headline ...".
_TRAILER = re.compile(
    r"(?:\s|^)(?:read more|read also|also read|related articles?|related stories|more stories|"
    r"see also|follow us on\s*:?|short link\s*:|share this (?:article|story)|tags\s*:|"
    r"recommended for you|you may also like|more from)\b",
    re.I,
)
#: Credit glued to the next line's text: "Salwan Georges/TheTrump in 'no rush' to talk".
_GLUED_CREDIT = re.compile(
    rf"^({_CAP_TOKEN}(?:\s+{_CAP_TOKEN})*(?:/{_CAP_TOKEN}(?:\s+{_CAP_TOKEN})*)*/[A-Z][a-z]*?)"
    r"([A-Z][a-z'’]+(?:\s+\S+){1,20})$"
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
        return bool(_SENTENCE_END.search(self.text))


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
        if len(ln.split()) >= 4 or len(_CJK.findall(ln)) >= 10
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
        if not line.strip() or (_BULLET_ONLY.match(line) and not line.strip().isalnum()):
            flush()
            blank = True
            prev = ""
            continue
        bullet_m = _BULLET.match(line)
        joins = False
        if cur and width and not bullet_m:
            nxt = line.split()[0]
            fits = _display_width(prev) + 1 + _display_width(nxt) <= width
            same_block = cont_indent < 0 or _indent(line) >= cont_indent - 1
            joins = not fits and same_block
            # w3m breaks CJK text anywhere: long CJK lines continue.
            if not joins and _CJK.search(prev[-1:] or "") and _display_width(prev) >= width - 4:
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
        m = _GLUED_CREDIT.match(seg.text)
        if m and "/" in m.group(1) and len(seg.text.split()) <= 25:
            out.append(Segment(m.group(1), 0, False, seg.blank_before))
            out.append(Segment(m.group(2), 0, False, False))
        else:
            out.append(seg)
    for i, seg in enumerate(out):
        seg.index = i
    return out


# --- labels ------------------------------------------------------------------------------

_RELATIVE = re.compile(
    r"(?<!\d)(\d+|(?<!\w)(?:an?|one|few))\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?|years?)\s+ago\b",
    re.I,
)


def is_credit(text: str) -> bool:
    """A photo credit line: short, no sentence, agency-shaped."""
    n = len(text.split())
    if n > 10 or (text.endswith((".", "?", "!")) and not text.endswith(("Inc.", "Co."))):
        return False
    if _CREDIT_PREFIX.match(text) and n <= 10:
        return True
    if _CREDIT_SLASH.match(text):
        return True
    return bool(_CREDIT_AGENCY.search(text)) and stop_density(text) < 0.2 and n <= 6


_COOKIES = re.compile(
    r"\bcookies?\b.*\b(?:consent|accept|privacy|tracking|browsing|opt[- ]out|partners|"
    r"personali[sz]ed|advertis)|\b(?:consent|accept|privacy|tracking|browsing)\b.*\bcookies?\b",
    re.I,
)
#: Lines that close an article: what follows is other stories.
_END_MARK = re.compile(
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
    if n <= 8 and _BOILER_LINE.match(key):
        return True
    return (n <= 25 and bool(_BOILER_PHRASE.search(text)) and stop_density(text) < 0.45) or (
        n <= 40 and bool(re.search(r"(?:©|\ball rights reserved\b)", text, re.I))
    )


def is_time_line(text: str) -> bool:
    """A date/time line: "time2 hours ago", "Updated 10:04 AM EDT, July 19, 2025"."""
    if len(text.split()) > 14:
        return False
    if _RELATIVE.search(text):
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
        if _CAPTION_MARK.search(t) and n <= 80:
            s.label = "caption"
        elif is_credit(t):
            s.label = "credit"
        elif is_boilerplate(t):
            s.label = "boiler"
        elif n <= 6 and _DATELINE_LINE.match(t):
            s.label = "dateline"
        elif n <= 8 and _BYLINE.match(t):
            s.label = "byline"
        elif is_time_line(t):
            s.label = "time"
        elif _is_prose(s):
            s.label = "good"
        else:
            s.label = "short"


def _is_prose(s: Segment) -> bool:
    cjk = len(_CJK.findall(s.text))
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
    text = _SOURCE_PREFIX.sub("", s.text).strip()
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
        if _END_MARK.match(norm_key(s.text)):
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
    for m in _TRAILER.finditer(text):
        if m.start() < len(text) * 0.2 and m.start() < 200:
            continue
        tail = text[m.end() :]
        # A trailer holds few sentences: headlines, network names, nothing after.
        sentences = len(re.findall(r"[.!?](?:\s|$)", tail))
        if sentences <= max(1, len(tail.split()) // 40) or title_case_share(tail) > 0.55:
            return text[: m.start()].rstrip()
    return text


def _extract_unit(segs: list[Segment], title_idx: int | None) -> PageArticle | None:
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
            outlet = _DATELINE_LINE.match(s.text).group(1).strip()  # type: ignore[union-attr]
        elif s.label == "time" and date_text is None:
            date_text = s.text
        elif s.label == "byline" and byline is None:
            byline = re.sub(r"^(?:by|written by|words by|reporting by)\s+", "", s.text, flags=re.I)
        elif title_idx is not None and outlet is None and _is_source_line(s):
            outlet = _SOURCE_PREFIX.sub("", s.text).strip()

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
                outlet = _DATELINE_LINE.match(s.text).group(1).strip()  # type: ignore[union-attr]
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
        m = _DATELINE_INLINE.match(paragraphs[0][0])
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
            if any(_NO_NAME_WORD.fullmatch(w) for w in words[:name]):
                return None  # "The Prime Minister Israel ...": no one's name
            return " ".join(words[:name]), text.split(" ", name)[name]
    return None


#: Titles of office that are no part of a byline.
_OFFICES = "President|Prime|Minister|King|Queen|Chancellor|Premier|Foreign|Defence|Defense"


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


def _clean_title(title: str) -> str:
    """Section prefixes ("Opinion|Title") and site suffixes ("Title | Site") go: the
    longest part of a "|"-split is the headline."""
    if "|" in title:
        parts = [p.strip() for p in title.split("|") if p.strip()]
        title = max(parts, key=len) if parts else title
    return title.strip()


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
        art = _extract_unit(unit, None if title_at is None else title_at - lo)
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
            art.title = _clean_title(art.title)
            out.append(art)
    return out


def resolve_date(text: str | None, reference: datetime | None) -> tuple[str | None, str | None]:
    """A date line to ``(iso, precision)``; relative dates count back from ``reference``."""
    if not text:
        return None, None
    m = _RELATIVE.search(text)
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


#: Words that open a sentence and are almost never capitalised inside one: one of them,
#: capitalised right after a lowercase word, marks a heading glued to the sentence.
_OPENERS = (
    "On|In|The|A|An|After|Before|But|When|While|As|At|For|Since|Last|This|That|These|"
    "Those|It|He|She|They|We|Its|His|Her|Their|According|During|Despite|Following|Over|"
    "Under|Earlier|Later|Meanwhile|However|Now|Today|Yesterday|By|From|With|Under"
)
#: Words no byline holds: those that open sentences, and offices (see glued_byline).
_NO_NAME_WORD = re.compile(f"{_OPENERS}|{_OFFICES}")
_GLUED_HEADING = re.compile(
    r"(?:^|(?<=[.!?])|(?<=[.!?][\"'”’)]))\s*"
    r"(?P<head>[A-Z][\w'’-]*(?:[ ](?:[\w'’-]+)){0,6}?[ ][a-z][a-z'’-]+)"
    rf"[ ](?=(?:{_OPENERS})[ ])"
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
