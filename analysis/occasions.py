"""Another happening than the one reported, told as such by its own sentence: "a previous
DUI arrest", "the previous day's shooting", "on an earlier occasion", "in a separate
incident", "in other firebomb attacks", "two other buildings besides the bank". With no one
and no time named, no other mention can be known to tell it (see
:func:`analysis.genericity.generic`, whose switch PREVIOUS_IS_ANOTHER covers these).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: "a previous DUI arrest", "an earlier attack": some happening before the one reported.
PREVIOUS = frozenset(["previous", "prior", "earlier"])
#: Switch: "one such attack", "a similar attack" is another of the kind (see one_such).
SUCH_IS_ANOTHER = True
_ONE_MORE = frozenset(["one", "another", "other"])
_THE = frozenset(["the", "this", "that", "these", "those", "its", "his", "her", "their"])


#: Told "on an earlier occasion", "in a separate incident", "in another case", "in other
#: firebomb attacks": the sentence itself says it is not the happening reported.
OCCASIONS = frozenset(["occasion", "incident", "episode", "case", "attack", "raid"])
OTHER_OCCASION = PREVIOUS | {"separate", "different", "unrelated", "another", "other"}


def on_another_occasion(tok: Token) -> bool:
    """Is ``tok`` told as happening on another occasion than the one reported ("was shot
    in the foot by rivals on an earlier occasion", "in a separate incident")?"""
    held = [tok]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        held.append(tok.head.head)  # "on suspicion of attempted murder in another case"
    verb = _verb_of(tok)
    if verb is not None:
        held.append(verb)  # "caught [fire] in other firebomb attacks"
        if OTHER_BESIDES and _others_besides(verb):
            return True  # "Two other buildings besides the bank were set on [fire]"
    if SIMILAR_CASE and _similar_case_told(tok):
        return True  # "A similar case three decades ago had put the blame for [the fire]"
    return any(
        g.lemma_.lower() in OCCASIONS
        and any(c.dep_ in ("amod", "det") and c.lower_ in OTHER_OCCASION for c in g.children)
        for t in held
        for p in t.children
        if p.dep_ == "prep" and p.lower_ in ("on", "in", "during")
        for g in p.children
        if g.dep_ == "pobj"
    )


#: Switch: a happening told of "other" parties "besides" or "than" the one reported ("Two
#: other buildings besides the bank were set on fire") is another happening.
OTHER_BESIDES = True
_CONTRASTS = frozenset(["besides", "than"])


def _verb_of(tok: Token) -> Token | None:
    """The verb a noun trigger is the object of ("caught [fire]", "set on [fire]")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif tok.dep_ not in ("dobj", "obj"):
        return None
    return head if head.pos_ in ("VERB", "AUX") else None


def _others_besides(verb: Token) -> bool:
    """Is a party of ``verb`` told as "other" ones "besides" or "than" another?"""
    return any(
        any(m.dep_ == "amod" and m.lower_ == "other" for m in c.children)
        and any(m.dep_ == "prep" and m.lower_ in _CONTRASTS for m in c.children)
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass", "dobj")
    )


#: Switch: what a clause whose subject is "a similar case" (or "another incident") tells
#: is another happening than the one reported (see _similar_case_told).
SIMILAR_CASE = True
_LIKE_ANOTHER = OTHER_OCCASION | {"similar"}


def _similar_case_told(tok: Token) -> bool:
    """Is ``tok`` inside a clause whose subject is another or a similar occasion: "A
    similar case three decades ago had put the blame for the fire at Kappa-Marousi
    building, leading to the death of several people inside, to anarchists" (the deaths
    of then, not those of the bank fire the article reports)?"""
    for t in (tok, *tok.ancestors):
        for c in t.children:
            if (
                c.dep_ in ("nsubj", "nsubjpass")
                and c.lemma_.lower() in OCCASIONS
                and any(m.dep_ == "amod" and m.lower_ in _LIKE_ANOTHER for m in c.children)
                and not any(
                    m.dep_ in ("det", "poss") and m.lower_ not in ("a", "an", "another")
                    for m in c.children
                )
            ):
                return True
        if t.dep_ in ("ccomp", "parataxis"):
            return False  # a clause said by another subject's verb
    return False


#: Switch: a verb done "of" or "with" additional ones ("convicted of additional assault
#: charges") is another happening than the one reported, whoever it names (see
#: additional; analysis.genericity.generic).
ADDITIONAL = True
_MORE = frozenset(["additional", "further"])


def additional(tok: Token) -> bool:
    """Is the verb ``tok`` told of additional or further ones: "Comeaux was convicted of
    additional assault charges" (for a stabbing in prison), not of the crime the article
    reports him convicted of?"""
    return tok.pos_ == "VERB" and any(
        any(m.dep_ == "amod" and m.lower_ in _MORE for m in g.children)
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in ("of", "with", "on")
        for g in p.children
        if g.dep_ == "pobj"
    )


_SPANS = frozenset(["day", "night", "week", "month", "year"])


def one_such(tok: Token) -> bool:
    """Is the noun ``tok`` "one such" or "a similar" one, whoever it names ("Verisign has
    even spotted one such iFrame attack on a legitimate financial institution's Web
    site": one of the kind, not the attack on CBS reported)?"""
    if not SUCH_IS_ANOTHER or tok.pos_ != "NOUN":
        return False
    words = {c.lower_ for c in tok.children}
    if words & _THE:
        return False
    # "such a shooting" is the one told; "one such", "another such" is another
    return ("such" in words and bool(words & _ONE_MORE)) or "similar" in words


def previous(tok: Token) -> bool:
    """Is the noun ``tok`` told as "a previous" / "an earlier" one (indefinite), or as
    the previous day's ("the suspect in the previous day's shooting")?"""
    if tok.pos_ != "NOUN":
        return False
    if any(
        c.dep_ == "poss"
        and c.lemma_.lower() in _SPANS
        and any(g.dep_ == "amod" and g.lower_ in PREVIOUS for g in c.children)
        for c in tok.children
    ):
        return True
    if not any(c.dep_ == "amod" and c.lower_ in PREVIOUS for c in tok.children):
        return False
    return not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children)
