"""What is yet to come: a happening told as scheduled, and times that look forward.

News mostly reports the past, so a time without its year ("in October", "on Sunday")
is read as the latest past one (:mod:`analysis.timex`). A happening the text puts ahead
takes the next one instead: "the leaders will meet on Friday", and told in the present,
"the vote is scheduled for Sunday", "the delivery is due in October", "the summit is
expected in February", "talks are set for Monday", "the election is on Sunday". Such a
happening has not happened yet: its modality is hypothetical, as "plans to" makes it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from analysis.infinitives import to_infinitive
from analysis.modality_clauses import PRESENT_TAGS
from analysis.modality_cues import going_to
from analysis.modality_words import PLANNING
from analysis.verb_forms import FUTURE_AUXES

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


def is_future(anchors: Sequence[Token]) -> bool:
    """Does the trigger look forward ("will meet on Friday", "are going to vote on
    Sunday": the next Friday, the next Sunday)?"""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXES for a in anchors for c in a.children):
        return True
    return any(
        going_to(a) and _now_or_later(a.head, [c for c in a.head.children if c.dep_ == "aux"])
        for a in anchors
    )


def _now_or_later(verb: Token, auxes: Sequence[Token]) -> bool:
    """Is ``verb`` (with its auxiliaries) told in the present or the future ("is", "are",
    "will be"), not the past ("was scheduled for Sunday" may have happened since)?"""
    if any(a.lower_ in FUTURE_AUXES for a in auxes):
        return True
    tensed = [a for a in auxes if a.tag_ in ("VBZ", "VBP", "VBD", "MD")]
    if tensed:
        return all(a.tag_ in PRESENT_TAGS for a in tensed)
    return verb.tag_ in PRESENT_TAGS


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


#: Switch: a plan told in the present looks forward (see :func:`planning_verb`,
#: :func:`to_come`).
PLANS_AHEAD = True
#: Heads whose infinitive is still to come: "the leaders are to meet", "are due to meet",
#: "is set to launch", "is poised to win".
TO_COME_HEADS = frozenset(["be", "due", "set", "slate", "poise"])
#: Verbs (and "due") whose complement lies ahead.
FORWARD_HEADS = PLANNING | TO_COME_HEADS | SCHEDULING
#: How the trigger's clause reaches the verb that tells it ("plans to [release]", "hopes
#: to emerge from [bankruptcy]").
_CLIMB = frozenset(["xcomp", "dobj", "pobj", "prep", "acomp", "nsubj", "nsubjpass", "advcl"])


def _chain(tok: Token) -> list[Token]:
    """The trigger and the tokens above it in its clause, up to six."""
    out = [tok]
    t = tok
    while t.dep_ in _CLIMB and t.head.i != t.i and len(out) < 7:
        t = t.head
        out.append(t)
    return out


def to_come(tok: Token) -> bool:
    """Is the trigger an infinitive (or in one) that a "be" or "due" puts ahead: "the
    leaders are to meet on Friday", "are due to meet", "is set to launch"?"""
    return PLANS_AHEAD and any(
        t.dep_ == "xcomp" and to_infinitive(t) and t.head.lemma_.lower() in TO_COME_HEADS
        for t in _chain(tok)
    )


def planning_verb(tok: Token) -> Token | None:
    """The verb of planning, scheduling or "be to" above the trigger, told in the present
    or the future ("Apple plans to release the software in July": "plans"; "the leaders
    are to meet"), else None ("planned to" tells a past plan; "we know about Trump's
    visit on Saturday" plans nothing). Its clause's times look forward."""
    if not PLANS_AHEAD:
        return None
    for t in _chain(tok)[1:]:
        if t.lemma_.lower() in FORWARD_HEADS:
            told = t.head if t.dep_ == "acomp" else t  # "are due to meet": the copula's tense
            auxes = [c for c in told.children if c.dep_ in ("aux", "auxpass")]
            if told.tag_ in ("VBZ", "VBP", "VBN") or auxes:
                return t if _now_or_later(told, auxes) else None
            return None
    return None


#: "will" or "shall" right before a trigger, an adverb or two and a "be" between at most:
#: "will likely die in prison", "will be sentenced", "he'll host".
_WILL_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?:will|shall)|[’']ll)\s+(?:(?:not|never|likely|probably|also|soon|then|"
    r"still|only|certainly|almost|\w+ly)\s+){0,2}(?:be\s+)?$",
    re.IGNORECASE,
)


#: Switch: what one is threatened with lies ahead too: "their next witness had been
#: threatened with death by the alleged shooter's brother" (ECB+ 33, 33_2ecbplus, 33_7ecbplus)
#: sat in the article's own killing of Zurana Horton (dated store, seed 807).
THREATENED_AHEAD = True
_THREATENED_BEFORE = re.compile(r"\bthreaten(?:s|ed|ing)?\s+with\s+(?:\w+\s+){0,2}$", re.I)


def told_ahead(sentence: str, start: int, end: int, lemma: str | None) -> bool:
    """Is the trigger at ``start:end`` told with "will", or as what one is threatened
    with: a happening ahead of its report?

    >>> told_ahead("He will likely die in prison.", 15, 18, "die")
    True
    >>> told_ahead("Orozco will be sentenced on Friday.", 15, 24, "sentence")
    True
    >>> told_ahead("He died in prison.", 3, 7, "die")
    False
    >>> told_ahead("He will face murder charges.", 13, 19, "murder")
    False
    >>> told_ahead("He was threatened with death.", 23, 28, "death")
    True
    """
    before = sentence[max(0, start - 40) : start]
    if THREATENED_AHEAD and _THREATENED_BEFORE.search(before):
        return True
    return _WILL_BEFORE.search(before) is not None
