"""Very long texts cut into pieces the pipeline can take one at a time.

spaCy's parser and NER need about 1 GB of temporary memory per 100,000 characters of one
Doc, and refuse a text over ``nlp.max_length`` (1,000,000) outright. A body that long is
analysed piece by piece (:meth:`analysis.analyzer.Analyzer.analyse_texts`): each piece is
a span ``[start, end)`` of the original string, cut at a paragraph break when there is
one, else at a sentence end, else at a space, so offsets found in a piece map back to the
body by adding ``start``, and a sentence is rarely cut in two.
"""

from __future__ import annotations

import re

#: Characters per piece at most. A 20,000-character Doc with the full pipeline stays near
#: 100 MB; a news article is rarely longer, so almost every body is one piece.
PIECE_CHARS = 20_000

_PARAGRAPH = re.compile(r"\n\s*\n")
_LINE = re.compile(r"\n")
_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece starting at ``start`` ends: the last good break within ``limit``
    characters (but past the first half, so pieces are not tiny)."""
    end = start + limit
    if end >= len(text):
        return len(text)
    floor = start + limit // 2
    for pattern in (_PARAGRAPH, _LINE, _SENTENCE, _SPACE):
        best = -1
        for m in pattern.finditer(text, floor, end):
            best = m.end()
        if best > floor:
            return best
    return end  # one unbroken run of characters: cut it anyway


def split_pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``[(start, end), ...]`` covering ``text`` in order, each at most ``limit`` long;
    ``[(0, len(text))]`` for a text that fits."""
    if limit <= 0:
        raise ValueError("limit must be positive")
    if len(text) <= limit:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = _cut(text, start, limit)
        out.append((start, end))
        start = end
    return out
