"""Page dumps, line by line: the words of a line (stop-word density, capitals, weight)
and the shapes of lines that are no prose (boilerplate, credits, bylines, datelines,
source lines, trailers). See :mod:`ingest.pagedump`."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
SENTENCE_END = re.compile(r"""[.!?。！？…:;]["'”’»)\]]*$""")
BULLET = re.compile(r"^\s*(?:[•·▪◦□■☆★●○◆◇‣⁃*+\-–]|\d{1,2}[.)])\s+")
BULLET_ONLY = re.compile(r"^\s*[•·▪◦□■☆★●○◆◇‣⁃*+\-–]?\s*$")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def text_weight(text: str) -> float:
    """How much prose a segment holds, in word-equivalents (CJK counts two chars a word)."""
    cjk = len(CJK.findall(text))
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
BOILER_LINE = re.compile(
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
BOILER_PHRASE = re.compile(
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
CREDIT_SLASH = re.compile(
    rf"^{_CAP_TOKEN}(?:\s+(?:{_CAP_TOKEN}|of|de|la|van|von|al|for|and))*"
    rf"(?:\s*/\s*{_CAP_TOKEN}(?:\s+(?:{_CAP_TOKEN}|of|for|and))*)+$"
)
CREDIT_AGENCY = re.compile(
    r"(?:^|[\s/(])(?:Getty Images|Getty|Reuters|AFP|AP|EPA|EPA-EFE|Shutterstock|iStock|"
    r"Alamy|Bloomberg|Sipa|Anadolu|Xinhua|ANSA|DPA|PA|NurPhoto|SOPA Images|Zuma Press|"
    r"LightRocket|Corbis|Handout|Courtesy[\w ]*|Wikimedia Commons)\)?\s*$"
)
CREDIT_PREFIX = re.compile(
    r"^(?:photo|photograph|image|picture|illustration|credit|video|graphic)s?"
    r"(?:\s+(?:by|credit|courtesy(?: of)?))?\s*[:|]\s*\S",
    re.I,
)
CAPTION_MARK = re.compile(
    r"(?:Credit\s*(?:\.\.\.|…|:)|\((?:Photo|Image|Picture)s?\s*(?:by|:|credit)|"
    r"\b(?:Photo|Image|Picture)s? (?:by|credit:|courtesy of) [A-Z]|\bPhoto:\s*[A-Z])"
)
BYLINE = re.compile(r"^(?:by|written by|words by|reporting by)\s+[A-Z\w]", re.I)
#: "CNN —", "CNN -", "Reuters --": an outlet dateline on its own line.
DATELINE_LINE = re.compile(r"^\(?([A-Z][\w.&' ]{1,38}?)\)?\s*(?:—|–|--|-)\s*$")
#: "WASHINGTON (Reuters) -" / "(CNN) —" at the start of a paragraph.
DATELINE_INLINE = re.compile(
    r"^(?:[A-Z][A-Za-z.,'’ -]{1,40}\s)?\(([A-Z][\w.&' ]{1,30})\)\s*(?:—|–|--|-|:)\s+"
)
#: A source line: "See - Sada Elbalad", "Source: X", "Al-Ahram Weekly".
SOURCE_PREFIX = re.compile(r"^(?:\w{1,10}\s+[-–—|]\s+|source\s*:\s*|via\s+)", re.I)
#: Trailing lists glued to a body: "... read more Headline Headline ...".
TRAILER = re.compile(
    r"(?:\s|^)(?:read more|read also|also read|related articles?|related stories|more stories|"
    r"see also|follow us on\s*:?|short link\s*:|share this (?:article|story)|tags\s*:|"
    r"recommended for you|you may also like|more from)\b",
    re.I,
)
#: Credit glued to the next line's text: "Salwan Georges/TheTrump in 'no rush' to talk".
GLUED_CREDIT = re.compile(
    rf"^({_CAP_TOKEN}(?:\s+{_CAP_TOKEN})*(?:/{_CAP_TOKEN}(?:\s+{_CAP_TOKEN})*)*/[A-Z][a-z]*?)"
    r"([A-Z][a-z'’]+(?:\s+\S+){1,20})$"
)
