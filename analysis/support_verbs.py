"""Verbs that carry a nominal happening: who did it, and to whom, is the verb's.

"launched an attack" and "released a statement" (light verbs: the verb adds no event of
its own), GM "filed for bankruptcy" (the "for" is the happening), "the Saints placed
Reggie Bush on injured reserve" (who was put into the happening is its target).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.onsets import onset_verb
from analysis.triggers import LIGHT_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token


def light_verb(tok: Token) -> Token | None:
    """The light verb governing a nominal trigger ("launched an attack", "filed for
    bankruptcy", "clashes erupted"), if any."""
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_ in LIGHT_VERBS:
        return head
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.pos_ == "VERB"
        and head.head.lemma_ in FILING_VERBS
    ):
        return head.head
    return onset_verb(tok)  # "clashes [erupted] outside the building"


#: Verbs whose "for X" is the event itself: GM "filed for bankruptcy".
FILING_VERBS = frozenset(["file", "apply", "seek"])

#: Switch: a happening someone is put into is the putting's: "the Saints placed Reggie
#: Bush on injured reserve", "police placed him under arrest", "was taken into custody":
#: who put is its actor, who was put its target (two players placed on injured reserve in
#: one team's story were one placing: neither had a party).
PLACED_INTO = True
PLACING_VERBS = frozenset(["place", "put", "take", "send", "bring"])
_PLACING_PREPS = frozenset(["on", "under", "into", "in", "to"])


def placing_verb(tok: Token) -> Token | None:
    """The verb that put someone into the nominal trigger ("placed Bush on [injured
    reserve]", "placed him under [arrest]"), when it has that someone as its object or
    passive subject."""
    prep = tok.head
    if not PLACED_INTO or tok.dep_ != "pobj" or prep.lower_ not in _PLACING_PREPS:
        return None
    verb = prep.head
    if prep.dep_ != "prep" or verb.pos_ != "VERB" or verb.lemma_.lower() not in PLACING_VERBS:
        return None
    if any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in verb.children):
        return verb
    return None
