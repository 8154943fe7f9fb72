"""What the clauses above a trigger tell of how sure it is, as
:func:`analysis.modality.modality` walks up to them: a modal that governs a verb, a time
clause of what may not be, a verb told in the present, "has yet to", what a modal verb of
outcome may lead to, a noun of intent's infinitive, what a verb or a "for" owes, "rule
out" and the verbs that keep one from doing. The switches that turn these on are
:mod:`analysis.modality`'s; :mod:`analysis.ahead` reads PRESENT_TAGS.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.infinitives import to_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Verbs whose object is owed ("require consultation"); narrower than DEONTIC: one
#: "directs" a sequel, and "calls" an announcement something.
_OWING_VERBS = frozenset(["require", "need", "mandate", "demand"])
#: Words whose "for" names what is owed ("the requirement for consultation", "calls for
#: talks").
_OWED_FOR = _OWING_VERBS | {"requirement", "call"}
#: Verbs that keep their object from what "from" tells (the switch is
#: analysis.modality.KEPT_FROM).
KEEPING_FROM = frozenset(
    [
        "bar",
        "ban",
        "prohibit",
        "forbid",
        "discourage",
        "deter",
        "dissuade",
        "preclude",
        "refrain",
        "abstain",
        "desist",
    ]
)


def keeps_from(verb: Token) -> bool:
    """Is ``verb`` one that keeps its object from what "from" tells?"""
    return verb.lemma_.lower() in KEEPING_FROM


#: The marks of a time clause, and the modals of the past it may be told under (the
#: switch is analysis.modality.WHEN_IT_MAY_BE).
_TIME_MARKS = frozenset(["after", "before", "until", "once", "when", "upon"])
_PAST_MODALS = frozenset(["would", "could", "might", "should"])
MODALS = frozenset(
    ["will", "would", "could", "may", "might", "should", "can", "must", "shall", "'ll", "wo", "ca"]
)
#: Tags of a verb told in the present.
PRESENT_TAGS = frozenset(["VBZ", "VBP"])


def told_in_present(verb: Token) -> bool:
    """Is ``verb`` told in the present, itself or by its auxiliary ("approves", "is
    finalized", "has been approved")?"""
    return verb.tag_ in PRESENT_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT_TAGS for c in verb.children
    )


def has_yet(head: Token) -> bool:
    """Is ``head`` a "have" / "be" modified by "yet" ("has yet to", "are yet to")?"""
    return head.lemma_.lower() in ("have", "be") and any(
        c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children
    )


#: Verbs of outcome, and the things sought that lead to one (the switch is
#: analysis.modality.MODAL_OUTCOME).
OUTCOME_VERBS = frozenset(["result", "lead"])
_SOUGHT = frozenset(["information", "tip", "evidence", "detail", "clue"])


def possible_outcome(tok: Token) -> bool:
    """Is the noun ``tok`` what a modal verb of outcome leads to ("could result in
    [tariffs]"), or what a thing sought would ("information leading to an [arrest]")?"""
    prep = tok.head
    verb = prep.head
    sought = verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_ in _SOUGHT
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ == "pobj"
        and prep.lower_ in ("in", "to")
        and verb.lemma_.lower() in OUTCOME_VERBS
        and (modal_governs(verb) or sought)
    )


#: Nouns of intent (the switch is analysis.modality.PLAN_NOUNS_UNSURE).
PLAN_NOUNS = frozenset(
    [
        "intent",
        "intention",
        "plan",
        "plot",
        # "found Gigante guilty of conspiracy to murder other organized crime figures"
        "conspiracy",
        "scheme",
        "bid",
        "threat",
        "promise",
        "pledge",
        "vow",
        "proposal",
        "offer",
        "attempt",
        # "the two sides have lost a source of external pressure to get the deal done" (the
        # extraction benchmark's nytimes.com page on the trade war: "Deal done"); not
        # "efforts to evacuate the population", which tell the evacuation under way
        "pressure",
        "incentive",
        "chance",
        "opportunity",
        "deadline",
        "ultimatum",
        "demand",
    ]
)


def intended(tok: Token, t: Token, head_lemma: str) -> bool:
    """Is ``t`` (the trigger ``tok``, or the verb it is the object of) the to-infinitive
    of a noun of intent ("intent to [murder]", "a plan to [launch] an attack")? Not what
    lies deeper ("a plan to relieve Ford after a loss in sales": the loss was)."""
    near = t.i == tok.i or (t.i == tok.head.i and tok.dep_ in ("dobj", "nsubjpass"))
    if not near and tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp" and tok.head.tag_ == "VBN":
        near = t.i == tok.head.head.i  # "pressure to get [the deal] done"
    return near and t.dep_ == "acl" and head_lemma in PLAN_NOUNS and to_infinitive(t)


def owed(t: Token) -> bool:
    """Is ``t`` (a noun trigger) the object of a verb that owes it ("require consultation")
    or of "for" after a word that does ("the requirement for consultation", "calls for
    talks")? Not every DEONTIC word: one "directs" a sequel."""
    head = t.head
    if t.dep_ == "dobj":
        return head.pos_ == "VERB" and head.lemma_.lower() in _OWING_VERBS
    return (
        t.dep_ == "pobj"
        and head.lower_ == "for"
        and head.dep_ == "prep"
        and head.head.lemma_.lower() in _OWED_FOR
    )


def time_clause(t: Token) -> bool:
    """Is ``t`` a time clause of its head ("after the source died") or the object of a
    time preposition on it ("after his death")?"""
    if t.dep_ == "advcl":
        # told in the present ("will reveal it after he dies"), or in the past under a
        # past modal ("would reveal it after the source died"); "will question him after
        # he was arrested" tells an arrest that was
        told = t.tag_ in PRESENT_TAGS or (
            t.tag_ in ("VBD", "VBN")
            and any(c.dep_ == "aux" and c.lower_ in _PAST_MODALS for c in t.head.children)
        )
        return told and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in t.children)
    # a noun ("after his death"), not a gerund, whose tense is not told: "It will be her
    # second stint, after hosting the 2007 ceremony"
    return (
        t.dep_ == "prep"
        and t.lower_ in _TIME_MARKS
        and not any(c.dep_ == "pcomp" for c in t.children)
    )


def modal_governs(verb: Token) -> bool:
    """Does a modal ("will", "could", ...) govern ``verb``?"""
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def rules_out(verb: Token) -> bool:
    """Is ``verb`` "rule out" (its particle "out")?"""
    return verb.lemma_.lower() == "rule" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in verb.children
    )
