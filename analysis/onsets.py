"""Verbs that only say a happening began ("clashes erupted", "fighting broke out", "violence
flared up"): the happening is their subject, not the verb. Asked by
:mod:`analysis.triggers` and :mod:`analysis.support_verbs`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Switch: a verb that only says a happening began ("clashes erupted outside the
#: building", "fighting broke out", "violence flared up") is no happening of its own: its
#: subject is, and takes its time, place and how sure it is ("erupted" was a disaster,
#: titled "Disaster in Stadiou"). A bare plural that erupted stays a kind ("extended
#: clashes broke out in Salonika", one article's aside, would join its Athens clashes).
ONSET_IS_THE_HAPPENING = True
#: ... those verbs, with the particle they need ("" for none).
ONSET_VERBS = {"erupt": "", "break": "out", "flare": ""}


def onset_verb(tok: Token) -> Token | None:
    """The onset verb ``tok`` (a noun) is the subject of ("clashes [erupted]", "a fire
    [broke out]"), if any."""
    verb = tok.head
    if not ONSET_IS_THE_HAPPENING or tok.dep_ != "nsubj" or verb.pos_ != "VERB":
        return None
    particle_needed = ONSET_VERBS.get(verb.lemma_.lower())
    if particle_needed is None:
        return None
    if particle_needed and not any(
        c.dep_ == "prt" and c.lower_ == particle_needed for c in verb.children
    ):
        return None
    return verb


def onset_acl(verb: Token) -> bool:
    """Is ``verb`` an onset verb told as a participle on its noun ("the first clashes
    [erupting] at the end of Stadiou street")?"""
    return (
        ONSET_IS_THE_HAPPENING
        and verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and ONSET_VERBS.get(verb.lemma_.lower()) == ""
    )
