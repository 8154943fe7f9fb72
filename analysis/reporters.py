"""Who says a clause: the subject of the verb of saying that reports it ("Chrysler ...
saying that it plans to fire"), or the "by X" / "X's" of a statement noun ("the
announcement by General Motors that it had filed"). Used to read "it" / "they" as the
party that speaks of itself (:mod:`analysis.antecedents`, :mod:`analysis.gist_clause`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.modality_words import REPORTS
from analysis.pronoun_cues import across_quote
from analysis.subjects import agent, prep_objects, subject

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Switch: the one who says a clause is found as a verb's subject is (through "saying",
#: conjuncts, infinitives: :func:`subject`), and as a statement noun's "by X" or "X's"
#: (:func:`reporter`); off, only a verb of saying's own subject is.
REPORTER_INHERITS = True
#: Nouns of saying whose "by X" or "X's" is the one who says ("the announcement by
#: General Motors that it had filed").
STATEMENT_NOUNS = frozenset(
    ["announcement", "statement", "claim", "declaration", "confirmation", "admission", "warning"]
)


_BY = frozenset(["by"])
#: Switch: an "I" that opens a quoted clause is the one who says it: '"I am so excited
#: to be hosting the Oscars for the second time," DeGeneres said' (ECB+ 2, 2_5ecbplus).
QUOTED_I = True
_SPEAKING = frozenset(["it", "they", "i"])


#: Switch: an "it" / "they" is the party that says its clause only when the party is
#: named first ("Chrysler announced it will close"); told before its reporter, it points
#: back ("It hit at 1:53 p.m. local time ..., IRNA reported": the quake, ECB+ 20, was
#: titled "IRNA hits"). A quote's "I" comes first as often as not.
SPEAKER_BEFORE_IT = True


#: Switch: the "it" of "it appears", "it seems" stands for no one (see :data:`SEEMING`).
EMPTY_IT = True
#: Verbs whose "it" is empty: "it appears to be a good shooting", "it seems that".
SEEMING = frozenset(["appear", "seem"])


def _seeming(verb: Token) -> bool:
    """Is ``verb`` "appear" / "seem" with a clause ("it seems that ...") or with "to be" a
    thing ("it appears to be a good shooting"), not with a state ("GM said it appears
    ready to file": GM is)?"""
    if verb.lemma_.lower() not in SEEMING:
        return False
    kids = list(verb.children)
    if any(c.dep_ == "ccomp" for c in kids):
        return True
    return any(
        c.dep_ == "xcomp" and c.lemma_ == "be" and any(g.dep_ == "attr" for g in c.children)
        for c in kids
    )


def _quoted(pron: Token, head: Token) -> bool:
    """Does a quote open or close between ``pron`` and the verb of saying ``head``?"""
    low, high = sorted((pron.i, head.i))
    return across_quote(pron.doc[low:high].text)


def reporter(verb: Token, pron: Token) -> Token | None:
    """Who says the clause of ``verb`` whose subject is the pronoun ``pron`` ("it" /
    "they"), when it tells what that party did or will do: the subject of a verb of
    saying the clause reports ("Chrysler ... saying that it plans to fire", "Fiat
    announced that it intends"), or the "by X" / "X's" of a statement noun ("the
    announcement by General Motors that it had filed"). None for a pronoun reporter or
    several reporters ("the Bank of Canada, the Bank of England, ... announced that
    they": all of them)."""
    if pron.lower_ not in _SPEAKING or pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if pron.lower_ == "i" and not (QUOTED_I and _quoted(pron, verb.head)):
        return None
    if EMPTY_IT and pron.lower_ == "it" and _seeming(verb):
        return None  # "Cerar said 'it appears to be a good shooting'": "it" is no one
    if verb.dep_ not in ("ccomp", "xcomp", "acl") or verb.i == verb.head.i:
        return None
    head = verb.head
    if not REPORTER_INHERITS:
        own = next((c for c in head.children if c.dep_ == "nsubj"), None)
        ok = verb.dep_ != "acl" and head.lemma_.lower() in REPORTS
        return own if ok and own is not None and own.pos_ != "PRON" else None
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in REPORTS:
        who, passive = subject(head)
        parties = [] if who is None or passive else [who]
    elif head.lemma_.lower() in STATEMENT_NOUNS:
        by = agent(head)
        parties = [c for c in head.children if c.dep_ == "poss"]
        parties += [by] if by is not None else prep_objects(head, _BY)
    else:
        return None
    for party in parties:
        if party.sent != pron.sent or party.pos_ == "PRON":
            continue
        if SPEAKER_BEFORE_IT and pron.lower_ != "i" and party.i > pron.i:
            return None  # "It hit at 1:53 p.m. ..., IRNA reported": "it" is the quake
        heads = [party, *(c for c in party.children if c.dep_ == "appos")]
        if any(c.dep_ == "conj" for h in heads for c in h.children):
            return None  # (the parse may hang the list on an apposition of the first)
        return party
    return None
