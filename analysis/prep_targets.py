"""Which prepositions' objects are what a verb does its deed to: "on", "against", "at",
"into" a thing that is no place (INTO_TARGETS), "with" for the types whose verbs take a
counterpart so; not where a saying was told ("announced on Twitter"), nor a site beside the
verb's own object ("hit another vehicle at the intersection of ..."). Asked by
:func:`analysis.arguments.arguments`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from analysis.mentions import label_of
from analysis.role_words import PLACE_LABELS
from analysis.triggers import event_type

if TYPE_CHECKING:
    from spacy.tokens import Token


TARGET_PREPS = frozenset(["on", "against", "at", "targeting", "upon"])
#: A switch: what a verb's subject goes "into" that is no place is what it is done to:
#: "checked into Morningside Recovery" and "checked into the Betty Ford Center" are two
#: happenings of one day, as "broke into the Watergate offices" names what was broken.
INTO_TARGETS = True


#: Switch: what a saying is told "on" or "at" is where it was said, not what it was done
#: to ("Ellen DeGeneres announced on Twitter": not "Ellen DeGeneres announces Twitter").
SAID_ON_IS_A_MEDIUM = True
#: Verbs of telling whose "on" / "at" is a medium or an occasion ("blamed the attacks on
#: the militia" names whom, and stays).
_TELLING = frozenset(
    ["say", "announce", "tell", "state", "report", "declare", "confirm", "reveal", "tweet"]
)


def target_preps_of(tok: Token) -> frozenset[str]:
    """The prepositions whose object is the verb ``tok``'s target: "clashed with X",
    "met with X" name a counterpart ("voted with X" an ally)."""
    preps = TARGET_PREPS | {"into"} if INTO_TARGETS else TARGET_PREPS
    kind = event_type(tok.lemma_, "VERB")
    if SAID_ON_IS_A_MEDIUM and tok.lemma_.lower() in _TELLING:
        preps = preps - {"on", "at"}  # "announced on Twitter", "said at a news conference"
    return preps | {"with"} if kind in _WITH_TYPES else preps


def not_a_site(obj: Token, m: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """The entity of an "at" or "into" object unless it is a place: "fired at the
    soldiers" names whom, "the shooting at Fort Hood" where."""
    if m is not None and obj.head.lower_ in ("at", "into") and label_of(m) in PLACE_LABELS:
        return None
    return m


#: Switch: a verb that has its object does not take a second one from "at", "on" or
#: "into" a site ("the intersection of X", "the corner of X"): "he hit another vehicle at
#: the intersection of American Boulevard and Lyndale Avenue" (ECB+ 21, a Bloomington
#: report; the tagger makes the street an organisation) hit the vehicle, there; "fired
#: rockets at Israel" keeps its target (no site word).
SITE_IS_WHERE = True
#: Nouns of a spot on the ground, named by what they are "of".
SITE_NOUNS = frozenset(
    [
        "intersection",
        "corner",
        "junction",
        "crossroads",
        "crossing",
        "entrance",
        "exit",
        "scene",
        "site",
        "spot",
        "outskirts",
        "border",
        "edge",
        "block",
    ]
)


def site_beside_object(obj: Token | None, p: Token) -> bool:
    """Is ``p`` (the object of a target preposition) a site while the verb has its own
    object ``obj``?"""
    return SITE_IS_WHERE and obj is not None and p.pos_ == "NOUN" and p.lemma_.lower() in SITE_NOUNS


#: Types whose verbs take their counterpart with "with": clashed with, met with, agreed with.
_WITH_TYPES = frozenset(["attack", "meet", "agree", "threaten"])
