"""The senses of "fire" that are no shot: a person fired is dismissed ("The Blazers fired
Cheeks", "Cheeks was fired Saturday", "the fifth NBA head coach fired this season"), and
fans fired up, or a firing squad, fire nothing. :func:`analysis.senses.retype` and
:func:`analysis.triggers.is_trigger` ask them; their switch is set here, where it is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.misreads import time_as_object
from analysis.sense_words import PEOPLE, PEOPLE_PRONOUNS, POST_HOLDERS, of_objects

if TYPE_CHECKING:
    from spacy.tokens import Token


# ------------------------------------------------------------------ dismissal


def _person(tok: Token) -> bool:
    """A person or people as an object: a name, a personal pronoun, a post holder ("the
    coach", "3,000 employees", "12% of its executive officers")."""
    if tok.ent_type_ == "PERSON" or tok.lower_ in PEOPLE_PRONOUNS:
        return True
    if tok.lemma_.lower() in POST_HOLDERS or tok.lower_ in POST_HOLDERS:
        return True
    if tok.like_num or tok.ent_type_ in ("PERCENT", "CARDINAL") or tok.lower_ in ("%", "some"):
        # "fire 12% of its 53 executive officers", "fire some of its staff"
        return any(_person(g) for g in of_objects(tok))
    return False


def dismissal(tok: Token) -> bool:
    """ "The Sixers fired Jim O'Brien", "Ford will fire 12% of its executive officers":
    ``fire`` with a person as its object dismisses them (shots, rounds and missiles are
    fired; people are fired at or on)."""
    if tok.lemma_.lower() != "fire" or tok.pos_ != "VERB":
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if any(_person(o) for o in objs):
        return True
    if PASSIVE_DISMISSAL and fired_one(tok):
        return True  # "Cheeks was fired Saturday", "the fifth NBA head coach fired this season"
    # "After the Blazers fired Cheeks": a name fired by an organisation (the tagger often
    # takes a surname for one more organisation); not a weapon ("fired a Scud", PRODUCT).
    by_org = any(c.dep_ == "nsubj" and c.ent_type_ == "ORG" for c in tok.children)
    return by_org and any(o.pos_ == "PROPN" and o.ent_type_ in ("ORG", "") for o in objs)


#: Switch: a person told as fired, with nothing fired at or on, is dismissed ("Cheeks was
#: fired Saturday"; not "was fired at", "was fired upon").
PASSIVE_DISMISSAL = True


def fired_one(tok: Token) -> bool:
    """Is ``tok`` ("fired") told of a person who undergoes it: the subject of its passive,
    the noun its participle describes ("a coach fired from his job"), or the noun of a
    participle the parse made a clause with a time for its object (see
    :func:`analysis.misreads.time_as_object`)?"""
    if any(
        c.dep_ == "prep"
        and c.lower_ in ("at", "on", "upon", "into")
        and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)  # "on Saturday"
        for c in tok.children
    ):
        return False
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None) if passive else None
    if subj is None and tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD"):
        # (a participle the tagger took for a past tense: "the fifth coach fired this
        # season", ECB+ 5_10ecb)
        subj = tok.head
    if subj is not None and subj.lower_ in ("who", "that") and tok.dep_ == "relcl":
        subj = tok.head  # "Kirkpatrick, who had recently been fired from his job"
    if subj is None:
        subj = time_as_object(tok)
    if subj is None:
        return False
    # (a person's noun too: "a man who was fired last week"; people are fired, not shot)
    return _person(subj) or subj.lower_ in ("he", "she") or subj.lemma_.lower() in PEOPLE


def fired_up(tok: Token) -> bool:
    """ "Fans fired up the crowd", "Echenique seemed fired up": excitement, no shot; "a
    firing squad" is who shoots, not a shot."""
    if tok.lemma_.lower() != "fire":
        return False
    squads = ("squad", "range", "line", "pin")
    if tok.dep_ in ("amod", "compound") and tok.head.lower_ in squads:
        return True  # "executed by firing squad", "in the firing line"
    if any(c.dep_ in ("dobj", "obj") and c.lower_ in squads for c in tok.children):
        return True  # (the same, parsed as a gerund with an object)
    return any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)
