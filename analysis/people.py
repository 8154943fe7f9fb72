"""People across an article and its story: a person is named by surname after the first
mention, and the tagger gives one person several entities ("Bettie Page", "Ms Page").
:mod:`analysis.stories` weighs an article's people (its protagonists) with these.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "lord",
        "lady",
        "gen",
        "col",
        "capt",
        "sgt",
        "lt",
        "rev",
        "st",
        "jr",
        "sr",
        "ii",
        "iii",
    ]
)
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def surname(name: str) -> str | None:
    """Who a person's name stands for across an article and its story: the last word of
    the name that is neither a title nor an initial, lower case ("Ms Page", "Bettie
    Page" and "Betty Mae Page" are all Page; "Regina M" is Regina). The tagger gives one
    person several entities; news names people by surname after the first mention."""
    words = [w.lower() for w in _NAME_WORD.findall(name)]
    words = [w for w in words if len(w) > 1 and w not in _TITLES]
    return words[-1] if words else None


def who(names: Iterable[tuple[str, str, int]]) -> tuple[dict[str, int], frozenset[str]]:
    """An article's ``people`` (surname -> PERSON mentions) and ``names`` (every word of
    every name, any label) from its entities as (label, name, mentions)."""
    people: Counter[str] = Counter()
    words: set[str] = set()
    for label, name, n in names:
        words.update(w.lower() for w in _NAME_WORD.findall(name) if len(w) > 1)
        if label == "PERSON":
            key = surname(name)
            if key:
                people[key] += n
    return dict(people), frozenset(words)
