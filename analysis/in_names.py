"""Trigger words inside names: a word of happening inside a name tells no event, whether
the tagger found the name ("Kool Aid", "the Strike Group") or missed it ("President
Nixon's Committee to Re-elect the President", a capitalised verb mid-sentence between
capitalised words). :func:`analysis.events.extract_events` asks them; its switch
``UNTAGGED_NAMES`` is set there, where it is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Names a trigger word inside of is no event: "Kool Aid", "Counter-Strike: Global
#: Offensive", "the Strike Group" (named events such as "the Iran-Iraq War" stay events).
NAME_LABELS = frozenset(["PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "FAC", "LAW"])


def in_untagged_name(tok: Token) -> bool:
    """Is the verb ``tok`` capitalised (or its "Re-" prefix) mid-sentence, between
    capitalised words, in a sentence most of whose words are lower case?"""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    doc = tok.doc
    first = tok.i
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].text[:1].isupper():
        first = tok.i - 2  # "Re-elect"
    elif not tok.text[:1].isupper():
        return False
    sent = tok.sent  # (only for the rare capitalised verb: finding it walks the doc)
    if first <= sent.start or not doc[first - 1].is_alpha:
        return False  # the sentence's or a quote's first word
    words = [t for t in sent if t.is_alpha]
    if sum(t.text[:1].isupper() for t in words) * 2 >= len(words):
        return False  # a headline in title case
    before = next((t for t in reversed(doc[sent.start : first]) if not t.is_stop), None)
    after = next((t for t in doc[tok.i + 1 : sent.end] if t.is_alpha and not t.is_stop), None)
    return all(t is not None and t.text[:1].isupper() for t in (before, after))


def inside_names(mentions: Iterable[Mapping[str, Any]]) -> list[tuple[int, int]]:
    return [
        (int(m["start"]), int(m["end"]))
        for m in mentions
        if (m.get("label") or (m.get("entity") or {}).get("label")) in NAME_LABELS
    ]
