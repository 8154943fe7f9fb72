"""Lines in capitals (headlines, datelines), re-cased so the model can read their names.

In "BOEING UNVEILS NEW JET IN SEATTLE" every word looks like a name to the small model.
Each word takes the spelling the same article uses for it elsewhere, keeping the line's
length so offsets stay valid; the analyser tags the re-cased lines again and their
entities replace the model's (see :func:`analysis.entities.extract_mentions`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence


def _is_caps_line(line: str) -> bool:
    # counted with str methods mapped over the line (every line of every article passes)
    letters = sum(map(str.isalpha, line))
    if letters < 3:
        return False
    upper = sum(map(str.isupper, line))
    return upper / letters >= 0.9 and any(len(w) > 1 and w.isupper() for w in line.split())


def caps_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines written in capitals (headlines, datelines), whose words the
    model cannot tell apart by case."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if _is_caps_line(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "by",
        "with",
        "from",
        "as",
        "into",
        "over",
        "after",
        "before",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "his",
        "her",
        "their",
        "they",
        "he",
        "she",
        "we",
        "you",
        "i",
        "not",
        "no",
    ]
)


def recase_line(line: str, casing: dict[str, str]) -> str:
    """Re-case a line written in capitals, keeping its length (offsets stay valid).

    Each word takes the spelling the same article uses for it elsewhere (``casing``: the
    most common non-capital form of each case-folded word): the names of a headline are
    nearly always in the story too. A word the article never spells otherwise is most
    likely a common word ("UNVEILS", "PLUNGE") and is lower-cased, except the line's first
    word (capitalised, as a sentence starts) and abbreviations with dots ("U.S.").
    """
    first = True

    def fix(m: re.Match[str]) -> str:
        nonlocal first
        word = m.group(0)
        was_first, first = first, False
        known = casing.get(word.casefold())
        if known is not None and len(known) == len(word):
            return known
        if "." in word:
            return word
        if was_first and word.casefold() not in _FUNCTION_WORDS:
            return word[:1] + word[1:].lower()
        return word.lower()

    out = _WORD.sub(fix, line)
    return out if len(out) == len(line) else line


def _opens_sentence(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and text[j] in " \t\"'‘“’”()":
        j -= 1
    return j < 0 or text[j] in ".!?:\n"


def word_casing(text: str, skip: Sequence[tuple[int, int]]) -> dict[str, str]:
    """The most common spelling of each word outside the ``skip`` ranges, by case-folded
    form, for words not written in capitals."""
    counts: dict[str, Counter[str]] = {}
    for m in _WORD.finditer(text):
        if any(s <= m.start() < e for s, e in skip):
            continue
        w = m.group(0)
        if len(w) > 1 and w.isupper():
            continue
        if w[:1].isupper() and _opens_sentence(text, m.start()):
            continue  # capitalised because it opens a sentence: says nothing
        counts.setdefault(w.casefold(), Counter())[w] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}
