"""Strikes, wars and fights that are no attack: a strike that stops work ("a nationwide
strike", "striking workers", "broke the strike"; in an article about one, "the strike" is
that one), a war fought with no weapons ("the trade war", "a legal battle"), a fight with
no enemy ("fighting pancreatic cancer"), words against an idea ("attacking human life"),
a thing that "died down" (no death). Read from the parse by
:mod:`analysis.senses` and :mod:`analysis.triggers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.clauses import word_set
from analysis.infinitives import to_infinitive
from analysis.sense_words import (
    LABOUR_MARKS,
    MILITARY_MARKS,
    PROTEST_NOUNS,
    STOPPAGE_VERBS,
    STRIKERS,
    UNARMED_WARS,
    of_objects,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def labour_strike(tok: Token) -> bool:
    """ "a 24-hour nationwide strike", "workers went on strike": a stoppage of work (a
    protest), not a blow."""
    if tok.lemma_.lower() != "strike" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if _marked_stoppage(tok):
        return True
    # One sense per article: "the strike", "Wednesday's strike" in a report of a general
    # strike are that strike, unless they are marked as blows ("air strikes", "Israeli
    # strikes", "strikes on two ships").
    return not _military(tok) and any(
        t.i != tok.i and (_marked_stoppage(t) or stoppage(t))
        for t in tok.doc
        if t.lemma_.lower() == "strike"
    )


def _marked_stoppage(tok: Token) -> bool:
    """A strike the words next to it make a stoppage of work ("a general strike",
    "workers went on strike")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(
        c.dep_ in ("amod", "compound", "nmod", "poss") and c.lemma_.lower() in LABOUR_MARKS
        for c in tok.children
    ):
        return True
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "on"
        and not any(c.dep_ == "det" for c in tok.children)
    )


def _military(tok: Token) -> bool:
    """A strike marked as a blow: by a people or an army ("Israeli strikes"), by its
    weapon ("air strike", "drone strikes"), on a target ("strikes on two ships")."""
    if any(
        c.dep_ in ("amod", "compound", "nmod", "poss")
        and (c.ent_type_ in ("NORP", "GPE") or c.lemma_.lower() in MILITARY_MARKS)
        for c in tok.children
    ):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in tok.children)


def unarmed_war(tok: Token) -> str | None:
    """The kind of a war or battle fought with no weapons ("the US-China trade war":
    economic; "a legal battle": other), None for an armed one."""
    if tok.lemma_.lower() not in ("war", "battle") or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    marks = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
    marks += of_objects(tok)
    for c in marks:
        kind = UNARMED_WARS.get(c.lemma_.lower()) or UNARMED_WARS.get(c.lower_)
        if kind is not None:
            return kind
    return None


def stoppage(tok: Token) -> bool:
    """A strike that stops work, told by who strikes or what is done with it: "striking
    workers", "the unions struck", "broke the strike", "strikes and protests"."""
    if tok.lemma_.lower() != "strike":
        return False
    if tok.pos_ == "VERB":
        if tok.dep_ == "amod" and tok.head.lemma_.lower() in STRIKERS:
            return True
        return any(
            c.dep_ == "nsubj" and (c.lower_ in STRIKERS or c.lemma_.lower() in STRIKERS)
            for c in tok.children
        ) and not any(c.dep_ in ("dobj", "obj") for c in tok.children)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in STOPPAGE_VERBS:
        return True
    related = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj":
        related.append(tok.head)
    return any(r.lemma_.lower() in PROTEST_NOUNS for r in related)


#: What one fights without an attack: an illness, a fire, a charge, a habit.
NON_ENEMIES = frozenset(
    [
        "cancer",
        "disease",
        "illness",
        "tumour",
        "tumor",
        "leukemia",
        "leukaemia",
        "addiction",
        "obesity",
        "fire",
        "blaze",
        "wildfire",
        "flames",
        "charge",
        "charges",
        "allegation",
        "allegations",
        "ban",
        "ruling",
        "fine",
        "lawsuit",
        "suit",
        "extradition",
        "deportation",
        "eviction",
        "inflation",
        "poverty",
        "corruption",
    ]
)


def peaceful_fight(tok: Token) -> bool:
    """ "fighting pancreatic cancer", "battling the blaze", "fight the charges": a fight
    (or battle, combat) whose opponent is no one, so no attack."""
    if tok.lemma_.lower() not in ("fight", "battle", "combat"):
        return False
    opponents = _opponents(tok, ("against", "with"))
    if FIGHT_TO_DO and not opponents and tok.pos_ == "VERB" and _to_do(tok):
        return True  # "Obama said he would fight to maintain the protections"
    return any(
        o.lemma_.lower() in NON_ENEMIES or o.lower_ in NON_ENEMIES or unarmed_war(o)
        for o in opponents
    )  # ... or "fought a long legal battle"


#: Switch: fighting "to" do something, with no opponent, strives for it: no attack.
FIGHT_TO_DO = True


def _to_do(tok: Token) -> bool:
    """Does the verb ``tok`` take an infinitive of purpose ("fight to maintain"), neither
    done by armed men nor itself an armed act ("forces fought to retake the town")?"""
    from analysis.triggers import event_type  # (which asks this module)

    if any(c.dep_ == "nsubj" and c.lemma_.lower() in ARMED for c in tok.children):
        return False
    return any(
        c.dep_ in ("xcomp", "advcl")
        and c.pos_ == "VERB"
        and to_infinitive(c)
        and event_type(c.lemma_, "VERB") not in ("attack", "seize", "kill")
        for c in tok.children
    )


#: Who fights armed, whatever for.
ARMED = word_set(
    "force troop soldier army rebel fighter militant militia insurgent police guerrilla"
)


def _opponents(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """What ``tok`` is done to: its objects and the objects of its ``preps``."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    for p in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps):
        objs += [g for g in p.children if g.dep_ == "pobj"]
    return objs


def carried_fight(tok: Token) -> bool:
    """ "it is the Indian Navy which has taken the battle to the pirates", "took the fight
    to the Taliban": a way of fighting on, not one battle another report could tell."""
    return (
        tok.lemma_.lower() in ("battle", "fight", "war")
        and tok.dep_ == "dobj"
        and tok.head.lemma_.lower() == "take"
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.head.children)
    )


#: Switch: see :func:`spoken_attack`.
SPOKEN_ATTACK = True
#: What one attacks with words: an idea, a rule, a record, a way of life ("it has been
#: attacking human life by all means possible", "attacked the government's handling").
IDEAS = frozenset(
    [
        "life",
        "right",
        "freedom",
        "liberty",
        "democracy",
        "policy",
        "plan",
        "decision",
        "record",
        "proposal",
        "idea",
        "credibility",
        "reputation",
        "character",
        "integrity",
        "remark",
        "comment",
        "statement",
        "claim",
        "report",
        "bill",
        "law",
        "legislation",
        "budget",
        "reform",
        "stance",
        "position",
        "handling",
        "approach",
        "strategy",
        "leadership",
    ]
)


def spoken_attack(tok: Token) -> bool:
    """ "attacking human life", "an attack on the budget": words against an idea, a rule
    or a record, no blow struck (a statement, not an attack another report's raid
    could be)."""
    if not SPOKEN_ATTACK or tok.lemma_.lower() != "attack":
        return False
    return any(o.lemma_.lower() in IDEAS for o in _opponents(tok, ("on",)))


#: Switch: a thing that "died down", "died out" or "died off" ended; no one died ("a
#: fight over so-called midnight regulation that had seemed to die down" was a killing).
#: Not "away": "passed away", read as "die away", is a death.
DIED_DOWN = True


def died_down(tok: Token) -> bool:
    """Is ``tok`` "die" with a particle that makes it an ending ("die down", "died out")?"""
    return (
        DIED_DOWN
        and tok.lemma_.lower() == "die"
        and any(c.dep_ == "prt" and c.lower_ in ("down", "out", "off") for c in tok.children)
    )
