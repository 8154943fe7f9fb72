"""Verbs that say their subject happens ("the first flight will take off", "the vote could
take place", "the sale was completed"): a nominal trigger that is their subject takes its
modality and time from them. Asked by :mod:`analysis.events`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Verbs that say their subject happens: "the first flight will take off", "the vote
#: could take place", "talks will begin": the happening is as sure as the verb.
OCCURRENCE = frozenset(
    ["take", "happen", "occur", "begin", "start", "resume", "proceed", "come", "go", "open"]
)
#: Of those, the verbs that say nothing but that it happened: a title tells where or after
#: what instead ("Fire occurs": see :func:`analysis.gist_object.occurrence`).
ONLY_OCCURS = frozenset(["occur", "happen", "come"])
#: Switch: a verb that completes a nominal trigger says it happens as well: "reluctant to
#: commit to a meeting until a deal that includes tariff reductions is finalized" (the
#: extraction benchmark's nytimes.com page on the trade war) tells a deal still to come,
#: not "Deal finalized"; "the sale was completed on Friday" is the sale's day.
COMPLETES_IT = True
COMPLETION = frozenset(["finalize", "complete", "conclude", "close", "seal"])


def occurrence_verb(tok: Token) -> Token | None:
    """The verb that says a nominal trigger happens ("the first flight will take off"):
    the trigger's modality and time are that verb's."""
    if (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.dep_ in ("nsubj", "nsubjpass")
        and (
            tok.head.lemma_.lower() in OCCURRENCE
            or (COMPLETES_IT and tok.head.lemma_.lower() in COMPLETION)
        )
    ):
        return tok.head
    return None
