"""The opening of what a saying quotes, for a title that names only who said it: 'Scott
Morrison says: “We are profoundly pleased and relieved”' (the switch is
analysis.titles.SAYS_WHAT, which asks these).
"""

from __future__ import annotations

import re

#: The verbs of a title that names only who said (see analysis.titles.SAYS_WHAT).
_SAYING_WORDS = frozenset(["says", "say", "announces", "announce", "states", "state"])
#: Words of the quote a title shows.
QUOTE_WORDS = 8
_QUOTE = re.compile(r"[“\"]([^”\"]+)")


def bare_saying(draft: str) -> bool:
    """Is the title only who said ("Tottenham says", "Scott Morrison says")?"""
    words = draft.split()
    return 1 < len(words) <= 4 and words[-1].lower() in _SAYING_WORDS


def quote_after(sentence: str, start: int) -> str | None:
    """The opening words of the first quotation after ``start`` in the sentence (at most
    QUOTE_WORDS, an ellipsis when cut), or None."""
    m = _QUOTE.search(sentence, start)
    if m is None:
        return None
    words = m.group(1).split()
    if len(words) < 2:
        return None
    text = " ".join(words[:QUOTE_WORDS]).rstrip(",.;:")
    return text + ("…" if len(words) > QUOTE_WORDS else "")
