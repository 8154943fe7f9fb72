"""What of a span the tagger found is the name: cut at a line break, without leading
determiners, quotes and bullets, ``pro-`` / ``anti-`` prefixes, trailing possessives,
quotes and a stray full stop, nor an alias's open bracket; a title alone ("Dr") is no
name. :func:`analysis.entities.extract_mentions` asks it of every entity.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.entity_words import HONORIFICS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_DETERMINERS = frozenset({"the", "a", "an"})
_QUOTES = "\"'`‘’“”«»"
_TRAIL_PUNCT = _QUOTES + ",;:!?)]}-–—"
_LEAD_PUNCT = _QUOTES + "([{-–—•*"
_PREFIX = re.compile(r"(?:[Pp]ro|[Aa]nti|[Nn]on|[Ee]x|[Pp]ost|[Pp]re)-(?=[A-Z])")


#: Switch for :func:`trim_name`: a name the tagger ended inside an open bracket ends before
#: the bracket.
OPEN_BRACKET_CUT = True


def trim_name(span: Span, doc_text: str, base: int) -> tuple[int, int] | None:
    """Character bounds (absolute, with ``base`` added to the span's offsets in its own
    doc) of the name inside ``span``, or None when nothing name-like is left."""
    tokens = list(span)
    # Cut at a line break: keep the first piece that holds a word.
    if "\n" in span.text:
        pieces: list[list[Token]] = [[]]
        for t in tokens:
            if "\n" in t.text:
                pieces.append([])
            else:
                pieces[-1].append(t)
        tokens = next((p for p in pieces if any(c.isalnum() for t in p for c in t.text)), [])
    # Leading determiners, quotes, bullets; trailing possessives, punctuation, "X." at a line end.
    while tokens and (
        tokens[0].lower_ in _DETERMINERS or all(c in _LEAD_PUNCT for c in tokens[0].text)
    ):
        tokens = tokens[1:]
    if OPEN_BRACKET_CUT and tokens:
        # "Ministry of Trade, Industry and Energy (MOTIE": the tagger stopped inside the
        # brackets of an alias; the name is what stands before them.
        opened = [i for i, t in enumerate(tokens) if t.text == "("]
        if opened and not any(t.text == ")" for t in tokens[opened[-1] :]) and opened[-1] > 0:
            tokens = tokens[: opened[-1]]
    while tokens:
        last = tokens[-1]
        if (
            last.tag_ == "POS"
            or last.lower_ in ("'s", "’s")
            or all(c in _TRAIL_PUNCT + "." for c in last.text)
        ):
            tokens = tokens[:-1]
        else:
            break
    if not tokens or all(t.lower_.rstrip(".") in HONORIFICS for t in tokens):
        return None  # "Dr", "Mr.": a title without its name names no one
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    # Characters glued to a token: "'Iran", "weeks'", "X." closing a line.
    while start < end and doc_text[start] in _LEAD_PUNCT:
        start += 1
    while end > start and doc_text[end - 1] in _TRAIL_PUNCT:
        end -= 1
    if end - start >= 2 and doc_text[end - 1] == "." and doc_text[end - 2].isupper():
        after = doc_text[end : end + 1]
        before = doc_text[start : end - 1]
        if (after in ("", "\n")) and "." not in before:
            end -= 1
    if doc_text.endswith("'s", start, end) or doc_text.endswith("’s", start, end):
        end -= 2
    m = _PREFIX.match(doc_text, start, end)
    if m:
        start = m.end()
    if end <= start or not any(c.isalnum() for c in doc_text[start:end]):
        return None
    return base + start, base + end
