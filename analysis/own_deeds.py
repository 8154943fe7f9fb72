"""Deeds that are a happening of their own, told with their own word, not the deed their
word names: an attempted one ("attempted murder": the man lived) and a killing of
oneself (a suicide). Asked by :mod:`analysis.modality_cues`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Switch: an attempted deed is its own happening, told with its own word ("the attempted
#: murder of another man" joined the deputy's murder; the man lived).
ATTEMPT_IS_ITS_OWN = True


def attempted(tok: Token) -> bool:
    """Is the noun ``tok`` a deed told as attempted ("attempted murder")?"""
    return (
        ATTEMPT_IS_ITS_OWN
        and tok.pos_ == "NOUN"
        and any(c.dep_ == "amod" and c.lower_ == "attempted" for c in tok.children)
    )


#: Switch: a killing whose object is its own subject ("then killed himself") is a suicide,
#: told with that word: not the killings of others the same sentence tells ("shot his
#: co-workers and then killed himself" was one event with them).
SELF_KILLING = True
_REFLEXIVES = frozenset(["himself", "herself", "themselves", "itself", "oneself", "themself"])


def self_killing(tok: Token) -> bool:
    """Is ``tok`` "kill" with a reflexive object ("killed himself", "kill themselves")?"""
    return (
        SELF_KILLING
        and tok.pos_ == "VERB"
        and tok.lemma_.lower() == "kill"
        and any(c.dep_ in ("dobj", "obj") and c.lower_ in _REFLEXIVES for c in tok.children)
    )
