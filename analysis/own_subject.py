"""Which of the subjects the parse gives one verb is its own: the nearest before it, not
the second side of a "between" the parse lost, nor a town that ends a person's address;
and an office joined by "and" to a person's name is that person ("Philadelphia 76ers
President and General Manager Billy King"). Read by :func:`analysis.subjects.subject` and
:mod:`analysis.clause_subject`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.clauses import word_set
from analysis.entity_words import PERSON_TITLES

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Switch: of two subjects the parse gives one verb, the one nearest before it: "The
#: co-founder and former chief executive officer of Apple Inc. Steve Jobs has died" gives
#: both "co" and "Jobs" as subjects of "died"; Jobs died.
NEAREST_SUBJECT = True


def subject_child(v: Token) -> Token | None:
    """The verb's own subject (nsubj, nsubjpass or csubj child); of several, the nearest
    before it (NEAREST_SUBJECT), else the first."""
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if not subjects:
        return None
    before = [c for c in subjects if c.i < v.i and not c.is_punct]  # ("Felt Sr [.]")
    if BETWEEN_PARTNER and len(before) > 1 and _between_left_open(before[-2]):
        # "Negotiations between the London side and Mourinho's representatives
        # intensified": the second side is no subject, the parse lost it from "between"
        return before[-2]
    if ADDRESS_NOT_SUBJECT and len(before) > 1 and _address_end(before[-1]):
        # "John Jenkin, 23, of Newton Street, Millom was arrested": the town ends the
        # person's address; the person is the subject
        people = [c for c in before[:-1] if c.ent_type_ == "PERSON"]
        if people:
            return people[-1]
    found = before[-1] if NEAREST_SUBJECT and before else subjects[0]
    return _titled_person(found) or found


#: Switch: a subject that is an office joined by "and" to more offices and a person's name
#: is that person ("Philadelphia 76ers President and General Manager Billy King announced",
#: ECB+ 5; "GM Chairman and CEO Rick Wagoner announced"): the parse makes the first office
#: the head and the person its conjunct, and the title read "President announce ...".
TITLES_AND_NAME = True
#: Offices written before a name, beside PERSON_TITLES' ranks: a firm's or a team's.
_OFFICES = PERSON_TITLES | word_set(
    "chairman chairwoman chair ceo cfo coo cto executive manager director founder "
    "co-founder owner vice head editor publisher treasurer partner principal"
)


def _titled_person(subj: Token) -> Token | None:
    """The person conjunct of an office subject ("President and General Manager Billy
    King"): every word from the "and" to the name is an office, the subject too."""
    if not TITLES_AND_NAME or subj.ent_type_ or subj.lower_.rstrip(".") not in _OFFICES:
        return None
    cc = next((c for c in subj.children if c.dep_ == "cc" and c.lower_ == "and"), None)
    conj = next((c for c in subj.children if c.dep_ == "conj" and c.i > subj.i), None)
    if cc is None or conj is None or conj.ent_type_ != "PERSON":
        return None
    start = conj.i
    while start > cc.i + 1 and subj.doc[start - 1].ent_type_ == "PERSON":
        start -= 1
    between = subj.doc[cc.i + 1 : start]
    if not len(between) or any(t.lower_.rstrip(".") not in _OFFICES for t in between):
        return None
    return conj


#: Switch: of two subjects, the nearest is the second side of the first one's "between
#: X and" when the parse hung it on the verb (the extraction benchmark's
#: news.sky.com page on Mourinho: "Mourinho's representatives intensify" was the
#: title of the negotiations).
BETWEEN_PARTNER = True


def _between_left_open(subject: Token) -> bool:
    """Does ``subject`` have a "between" whose object has its "and" but no partner, or a
    "between" and an "and" of its own with no partner ("communications between Europe,
    the Middle East, and Asia have been disrupted": the parse hangs the "and" on
    "communications" and makes "Asia" a second subject)?"""
    betweens = [c for c in subject.children if c.dep_ == "prep" and c.lower_ == "between"]
    if not betweens:
        return False
    return _and_alone(subject) or any(
        g.dep_ == "pobj" and _and_alone(g) for c in betweens for g in c.children
    )


def _and_alone(tok: Token) -> bool:
    """Has ``tok`` an "and" (cc) of its own but no partner (conj)?"""
    deps = {c.dep_ for c in tok.children}
    return "cc" in deps and "conj" not in deps


#: Switch: of two subjects, a name nearest the verb after a comma, no person's, is the
#: end of the other's address when the other is a person (ECB+ 32, 32_10ecbplus: "Millom
#: arrested" was the title, the town tagged an organisation and taken for the one
#: arrested).
ADDRESS_NOT_SUBJECT = True


def _address_end(tok: Token) -> bool:
    """Is ``tok`` a name, not a person's, right after a comma ("..., Millom")?"""
    first = tok.left_edge
    return (
        tok.pos_ == "PROPN"
        and tok.ent_type_ != "PERSON"
        and first.i > 0
        and tok.doc[first.i - 1].text == ","
    )
