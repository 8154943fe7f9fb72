"""A person named with a nickname between first name and surname: "Deputy Luis Gerardo
(Jerry) Ortiz", 'Vincent "Chin" Gigante', "Vincent 'Chin' Gigante". The tagger cuts such
a name in two ("Luis Gerardo"; "Vincent '" and "Chin' Gigante"), and the cut person rivals
the "Jerry Ortiz" of the other reports of the same killing. Joined, the name holds the
nickname as a middle word, so "Jerry Ortiz" and "Ortiz" agree with it
(:func:`analysis.agreement.names_agree`: every word of the shorter name in the longer).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.entities import Mention

#: Switch: join a person's nickname and surname to the first name the tagger cut off.
JOIN_NICKNAMES = True
#: After a first name: a nickname in brackets or quotes, then the surname (one
#: capitalised word).
_AFTER = re.compile(
    r"""[ \t]*(?:\([ \t]?[A-Z][a-z]+[ \t]?\)|["“'‘][A-Z][a-z]+["”'’])[ \t]+[A-Z][\w'’-]+\b"""
)


def join_nicknames(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` (sorted by start, not overlapping) with each person's first name
    extended over a nickname and surname that follow it, and the mentions inside that
    stretch (the cut-off half) dropped."""
    if not JOIN_NICKNAMES:
        return list(mentions)
    out: list[Mention] = []
    skip_until = -1
    for k, m in enumerate(mentions):
        if m.start < skip_until:
            continue
        found = _AFTER.match(text, m.end) if m.label == "PERSON" else None
        if found is not None and _clear(mentions[k + 1 :], found.end()):
            end = found.end()
            out.append(dataclasses.replace(m, end=end, text=text[m.start : end]))
            skip_until = end
            continue
        out.append(m)
    return out


def _clear(following: Sequence[Mention], end: int) -> bool:
    """Do the mentions inside the nickname and surname hold only a person's words (the
    half the tagger cut off), none of another kind ("(Reuters) Tehran")?"""
    return all(n.label == "PERSON" for n in following if n.start < end)
