"""Where a happening is when its own phrases do not say: the place of the clause it hangs
on, of what caused it, or of a "where" clause.

News tells the place once per sentence, on the first verb or on the cause, and the
happening that follows takes it: "A bomb exploded in Kabul on Monday, [killing] 10
people"; "A powerful earthquake has hit southern Iran, [killing] at least 10 people";
"more than a dozen people were [killed] by a quake in eastern China"; "A car bomb in
Baghdad [killed] 12 people". Without the place two quakes' deaths a day apart (Iran's and
China's, told in one report) are one happening.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from analysis.subjects import agent, prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from analysis.entity_index import EntityIndex

#: Prepositions whose object is where a happening is ("in Kabul", "off the coast").
LOCATIVE_PREPS = frozenset(
    ["in", "at", "near", "off", "outside", "inside", "across", "throughout", "into", "through"]
)
#: Switch: a relative clause opened by "where" happens at the place it hangs on.
WHERE_PLACE = True
#: Switch: a participle that goes on its verb's clause ("exploded in Kabul, [killing] 10";
#: "hit southern Iran, [killing] 10") happens where that verb does.
CLAUSE_PLACE = True
#: Switch: a happening caused by a thing told with its place ("[killed] by a quake in
#: eastern China", "A car bomb in Baghdad [killed] 12") happens there.
CAUSE_PLACE = True


def told_place(anchors: list[Token], ents: EntityIndex) -> Mapping[str, Any] | None:
    """The place of the trigger (``anchors[0]``) told by its "where" clause, the clause
    its participle goes on, or its cause; None when none says."""
    tok = anchors[0]
    if WHERE_PLACE and (place := _where(anchors, ents)) is not None:
        return place
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    if CLAUSE_PLACE and (place := _clause_place(tok, ents)) is not None:
        return place
    if CONJ_PLACE and (place := _fronted_place(tok, ents)) is not None:
        return place
    if OBJECT_PLACE and (place := _object_place(tok, ents)) is not None:
        return place
    if CAUSE_PLACE:
        return _cause_place(tok, ents)
    return None


#: Switch: a verb joined by "and" to a verb whose place opens the sentence is there too:
#: "In Oman and the United Arab Emirates, buildings were evacuated and people [fled] into
#: the streets" (ECB+ 20, 20_7ecbplus; it joined 20_1ecbplus's "people fleeing buildings in
#: Bandar Abbas").
CONJ_PLACE = True
#: Switch: what is done to a thing in a place is done there: "people [fleeing] buildings
#: in the larger city of Bandar Abbas".
OBJECT_PLACE = True


def _fronted_place(tok: Token, ents: EntityIndex) -> Mapping[str, Any] | None:
    """The place told before the verb ``tok`` is joined to, for a verb with no place."""
    if tok.dep_ != "conj":
        return None
    head = tok.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    for p in prep_objects(head, LOCATIVE_PREPS):
        if p.i < head.i and (place := ents.place_near(p)) is not None:
            return place
    return None


def _object_place(tok: Token, ents: EntityIndex) -> Mapping[str, Any] | None:
    """The place the verb's object is told "in" ("fleeing buildings in Bandar Abbas")."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return None
    for p in prep_objects(obj, LOCATIVE_PREPS):
        if (place := ents.place_near(p)) is not None:
            return place
    return None


def _where(anchors: list[Token], ents: EntityIndex) -> Mapping[str, Any] | None:
    """The place a clause opened by "where" tells of: the noun it hangs on ("Salonika,
    where [they marched]"), or the place its head verb names when the parse hangs the
    clause on the verb ("broke out in Salonika where [people marched]")."""
    for a in anchors:
        if not any(c.dep_ == "advmod" and c.lower_ == "where" for c in a.children):
            continue
        if a.dep_ == "relcl":
            return ents.place_near(a.head)
        if a.dep_ == "advcl":
            before = [p for p in prep_objects(a.head, LOCATIVE_PREPS) if p.i < a.i]
            return ents.place_near(before[-1]) if before else None
    return None


#: Switch: what people are "reported as" doing ("In Heraklion, 10,000 people are
#: reported as [marching]") happens where the report places them.
REPORTED_AS = True
_SEEN_AS = frozenset(["report", "see", "describe", "show", "film", "photograph"])


def _clause_place(tok: Token, ents: EntityIndex) -> Mapping[str, Any] | None:
    """The place of the verb a participle after it goes on, with no subject or mark of
    its own: told "in" a place, or the place that verb hit ("has hit southern Iran,
    killing")."""
    head = tok.head
    if REPORTED_AS and tok.dep_ == "pcomp" and head.lower_ == "as":
        verb = head.head
        if verb.lemma_.lower() in _SEEN_AS and any(c.dep_ == "auxpass" for c in verb.children):
            before = [p for p in prep_objects(verb, LOCATIVE_PREPS) if p.i < tok.i]
            return ents.place_near(before[-1]) if before else None
    if (
        tok.dep_ != "advcl"
        or tok.tag_ != "VBG"
        or head.i > tok.i
        or head.pos_ not in ("VERB", "AUX")
        or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)
    ):
        return None
    for p in prep_objects(head, LOCATIVE_PREPS):
        if p.i < tok.i and (place := ents.place_near(p)) is not None:
            return place
    obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
    return ents.place_near(obj) if obj is not None else None


def _cause_place(tok: Token, ents: EntityIndex) -> Mapping[str, Any] | None:
    """The place told of the thing that caused the happening: its passive's "by" noun or
    its active subject, a common noun ("a quake in eastern China", "A car bomb in
    Baghdad"), not someone named (whose "in" may be where they live)."""
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    cause = (
        agent(tok)
        if passive
        else next((c for c in tok.children if c.dep_ in ("nsubj", "csubj")), None)
    )
    if cause is None or cause.pos_ != "NOUN":
        return None
    for p in prep_objects(cause, LOCATIVE_PREPS):
        if (place := ents.place_near(p)) is not None:
            return place
    return None
