"""Verbs of harm said of things, where no one is harmed: a deal killed, a scene shot; and
things recognised, where nothing is accepted.

"The deal had been killed by the Pentagon" ends a deal, no one dies; "a photographer
she had arranged to shoot her new costumed character" takes pictures, no one is shot;
"We recognize in the short term we will see some loss of sales" admits, it agrees to
nothing (a state, a government, statehood recognised are the agreement kind).
Read from the parse (the object, the passive subject, the noun a clause belongs to),
asked by :func:`analysis.triggers.is_trigger` as the other senses are
(:mod:`analysis.senses`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.clauses import word_set
from analysis.sense_words import PACTS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Switch: see :func:`killed_thing`.
THINGS_KILLED = True
#: What is killed when no one dies: a plan, a bill, a deal (with PACTS), a product, an
#: engine, time, a mood.
KILLED_THINGS = PACTS | word_set(
    "bill proposal plan project idea legislation measure program programme merger bid "
    "offer story rumor rumour engine light lights power time momentum chance hope hopes "
    "mood buzz feature product service app rally"
)

#: Switch: see :func:`filmed`.
SHOOTING_FILMS = True
#: What is shot when a camera shoots: a scene, an episode, a film (not who films it: "the
#: gunman shot the photographer").
FILMED = word_set(
    "footage video videos videotape film films photo photos photograph photographs "
    "picture pictures image images recording scene scenes episode episodes movie movies "
    "commercial commercials documentary sequel pilot portrait portraits"
)


#: Who shoots pictures ("Video of ... Zurana Horton shot and killed": a video is no one
#: who shoots, however the parse hangs it).
FILMERS = word_set("photographer cameraman camerawoman filmmaker paparazzi camera cameras")


def killed_thing(tok: Token) -> bool:
    """ "the deal had been killed by the Pentagon", "killed the bill", "to kill time": what
    is killed (the object or the passive subject) is a thing of KILLED_THINGS."""
    if not THINGS_KILLED or tok.pos_ != "VERB" or tok.lemma_.lower() != "kill":
        return False
    done = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    return bool(done) and all(d.lemma_.lower() in KILLED_THINGS for d in done)


def filmed(tok: Token) -> bool:
    """ "shot a video", "the scene was shot in Paris", "a photographer she had arranged to
    shoot her new costumed character": a camera's shooting. Someone shot ("a photographer
    was shot") is shot: the passive subject is no film."""
    if not SHOOTING_FILMS or tok.pos_ != "VERB" or tok.lemma_.lower() != "shoot":
        return False
    kids = list(tok.children)
    if any(c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() in FILMED for c in kids):
        return True
    if any(c.dep_ == "nsubjpass" for c in kids):
        return False
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in FILMERS for c in kids):
        return True  # "the photographer shot her", "cameras shot the scene"
    head = tok
    for _ in range(3):  # the photographer a clause is about ("... arranged to shoot")
        if head.dep_ not in ("xcomp", "advcl", "relcl", "acl", "ccomp") or head.head.i == head.i:
            return False
        told_of = head.dep_ == "acl"
        head = head.head
        if told_of and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return False  # "Video of ... Zurana Horton shot and killed": she was shot
        if head.pos_ == "NOUN" and head.lemma_.lower() in FILMERS:
            return True
    return False


#: Switch: see :func:`no_recognition`.
RECOGNITION_OF_STATES = True
#: What a recognition (the "agree" kind) accepts, besides an organisation, a place or a
#: people: "plans to recognize Palestinian statehood".
RECOGNISED = word_set(
    "statehood state independence sovereignty government regime republic country nation "
    "union marriage right rights legitimacy genocide massacre"
)


#: Who one is recognised as, when a recognition makes a leader.
LEADERS = word_set("president leader government ruler head king queen minister representative")


def no_recognition(tok: Token) -> bool:
    """ "We recognize in the short term we will see some loss of sales", "how the body
    recognizes invasive worms", "was unable to recognize his assailant", "to see her
    recognized for her work": seen, admitted or honoured; only a state, a government, a
    people, a right or a genocide (RECOGNISED, or an organisation, a place, a people or a
    happening by name) recognised is one party accepting another, or a leader "as" one."""
    if not RECOGNITION_OF_STATES or tok.lemma_.lower() not in ("recognize", "recognise"):
        return False  # (the noun "recognition" is no trigger in the lexicon)
    what = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":
        what.append(tok.head)  # "a right recognized by international law"
    as_leader = any(
        c.dep_ == "prep"
        and c.lower_ == "as"
        and any(g.lemma_.lower() in LEADERS for g in c.subtree)
        for c in tok.children
    )  # "recognized Juan Guaido as interim president"
    return not as_leader and not any(
        w.ent_type_ in ("GPE", "ORG", "NORP", "EVENT") or w.lemma_.lower() in RECOGNISED
        for w in what
    )
