"""A document's text and the tokens a search finds in it, without reading every token of
a long article: :mod:`analysis.entities`, :mod:`analysis.entity_labels`,
:mod:`analysis.people`, :mod:`analysis.analyzer` and :mod:`analysis.events` ask.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def tokens_written(doc: Doc, word: str, flags: int = 0) -> Iterable[Token]:
    """The tokens that may be ``word`` (a word of letters: found in the text first, not
    by reading every token); every token for another kind of word."""
    if not word.isalpha():
        return doc
    return tokens_matching(doc, re.compile(r"\b" + re.escape(word) + r"\b", flags))


_last_text: tuple[Doc | None, str] = (None, "")


def text_of(doc: Doc) -> str:
    """``doc.text``, kept for the last document asked about: spaCy joins every token's
    text again at each reading, and one article's entities are looked up many times."""
    global _last_text
    last = _last_text  # (one read: another thread's analysis may replace it meanwhile)
    if last[0] is doc:
        return last[1]
    text = doc.text
    _last_text = (doc, text)
    return text


def tokens_matching(doc: Doc, pattern: re.Pattern[str]) -> list[Token]:
    """The tokens whose text a match of ``pattern`` in the document's text is, whole: the
    few tokens a search is about, without reading every token of a long article."""
    out = []
    for found in pattern.finditer(text_of(doc)):
        span = doc.char_span(found.start(), found.end())
        if span is not None and len(span) == 1:
            out.append(span[0])
    return out
