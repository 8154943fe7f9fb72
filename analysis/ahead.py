"""What is yet to come: a happening told as scheduled, and times that look forward.

News mostly reports the past, so a time without its year ("in October", "on Sunday")
is read as the latest past one (:mod:`analysis.timex`). A happening the text puts ahead
takes the next one instead: "the leaders will meet on Friday", and told in the present,
"the vote is scheduled for Sunday", "the delivery is due in October", "the summit is
expected in February", "talks are set for Monday", "the election is on Sunday". Such a
happening has not happened yet: its modality is hypothetical, as "plans to" makes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Switch: a happening whose subject is scheduled in the present is ahead (see
#: :func:`scheduled`).
SCHEDULED_AHEAD = True
#: Predicates that put their subject ahead: "is scheduled for", "is slated for", "is
#: planned for", "is expected in", "is set for" / "is set to begin", "is due in".
SCHEDULING = frozenset(["schedule", "slate", "plan", "expect", "set", "due", "timetable"])
#: "set" says a plan only with what it is set for or to: "the fire was set" is arson.
_NEEDS_FOR = frozenset(["set"])
_PRESENT = frozenset(["VBZ", "VBP"])
_WILL = frozenset(["will", "'ll", "shall", "’ll"])


def is_future(anchors: Sequence[Token]) -> bool:
    """Does the trigger look forward ("will meet on Friday": Friday is the next one)?"""
    return any(
        c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall")
        for a in anchors
        for c in a.children
    )


def _now_or_later(verb: Token, auxes: Sequence[Token]) -> bool:
    """Is ``verb`` (with its auxiliaries) told in the present or the future ("is", "are",
    "will be"), not the past ("was scheduled for Sunday" may have happened since)?"""
    if any(a.lower_ in _WILL for a in auxes):
        return True
    tensed = [a for a in auxes if a.tag_ in ("VBZ", "VBP", "VBD", "MD")]
    if tensed:
        return all(a.tag_ in _PRESENT for a in tensed)
    return verb.tag_ in _PRESENT


def _for_or_to(pred: Token) -> bool:
    """Does a predicate say what its subject is set for or to ("set for Monday", "set to
    begin", "due to arrive"), not a cause ("due to the events")?"""
    return any(
        (c.dep_ == "prep" and c.lower_ == "for")
        or (c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"))
        for c in pred.children
    )


def scheduled(tok: Token) -> Token | None:
    """The predicate that schedules a nominal trigger told in the present or future, or
    None: "the vote is scheduled for Sunday" (scheduled), "deliveries are not due until
    October" (due), "the election is on Sunday" (is, with a date). The predicate joins the
    trigger's anchors: its time and how sure it is are the trigger's."""
    if not SCHEDULED_AHEAD or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    head = tok.head
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if head.lemma_.lower() == "be":
        if not _now_or_later(head, auxes):
            return None
        comp = next((c for c in head.children if c.dep_ == "acomp"), None)
        if comp is not None:
            if comp.lemma_.lower() not in SCHEDULING:
                return None
            cause = any(c.dep_ == "prep" and c.lower_ == "to" for c in comp.children)
            return None if cause else comp  # "is due to the events" is a cause
        dated = any(
            c.dep_ == "prep" and any(g.ent_type_ == "DATE" for g in c.children)
            for c in head.children
        )
        return head if dated else None  # "the election is on Sunday"
    if head.tag_ != "VBN" or head.lemma_.lower() not in SCHEDULING:
        return None
    if tok.dep_ != "nsubjpass" or not _now_or_later(head, auxes):
        return None
    if head.lemma_.lower() in _NEEDS_FOR and not _for_or_to(head):
        return None
    return head
