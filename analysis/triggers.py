"""Event triggers: the words that report an event, and the type each one reports.

A small, well-known vocabulary signals the events an analyst follows, so a lexicon of
verbs and nouns per type (see the taxonomy in :mod:`analysis.events`) finds the triggers;
the parse only rules out words used as modifiers ("attack drones") and light verbs whose
object is the event ("launched an attack": the attack is the trigger, not the launch).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis import misreads
from analysis.fire_senses import fired_one, fired_up
from analysis.lexicon import EVENT_TYPES, NOUN_TYPES, VERB_TYPES  # noqa: F401
from analysis.markets import INDEX_WORDS, MARKET_VERBS, MARKET_WORDS, market_move, rallies_back  # noqa: F401
from analysis.not_events import (
    BLOW_VERBS,
    DANGER_NOUNS,
    DOCUMENT_COMPOUNDS,
    FIGURATIVE_ADVERBS,
    MEDICAL_MODIFIERS,
    MET_GOALS,
    a_danger,
    at_stake,
    how_grave,
    manner,
    not_a_blow,
    powered,
    released_words,
    self_denial,
    speaks,
    stationed,
    status,
    team_in_score,
)
from analysis.onsets import onset_acl, onset_verb
from analysis.senses import (
    a_play,
    ballot_paper,
    no_execution,
    recorded,
    shows,
    under_fire,
    web_sense,
)
from analysis.strikes import carried_fight, died_down
from analysis.thing_senses import filmed, killed_thing, no_recognition

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Verbs that carry no event of their own when their object is an eventive noun.
LIGHT_VERBS = frozenset(
    [
        "launch",
        "carry",
        "conduct",
        "stage",
        "mount",
        "declare",
        "hold",
        "begin",
        "start",
        "resume",
        "continue",
        "make",
        "wage",
        "announce",
        "order",
        "step",
        "escalate",
        "unleash",
        "initiate",
        "perform",
        "execute",
        "issue",  # "issued a statement", "issued a warning": the issuer's
        "release",  # "released a statement"
        "return",  # "returned fire", "returned an interception": the returner fired, intercepted
    ]
)

#: How much each type counts towards an event mention's salience (violence first).
TYPE_WEIGHT = {
    "attack": 0.9,
    "kill": 0.9,
    "seize": 0.8,
    "disaster": 0.8,
    "agree": 0.7,
    "threaten": 0.55,
    "protest": 0.6,
    "meet": 0.6,
    "election": 0.6,
    "aid": 0.5,
    "economic": 0.5,
    "market": 0.45,
    "statement": 0.35,
    "other": 0.3,
}


def event_type(lemma: str, pos: str = "NOUN") -> str:
    """The taxonomy type of a trigger lemma (``other`` when the lexicon does not know it)."""
    lemma = lemma.lower()
    if pos in ("VERB", "AUX"):
        return VERB_TYPES.get(lemma) or NOUN_TYPES.get(lemma) or "other"
    return NOUN_TYPES.get(lemma) or VERB_TYPES.get(lemma) or "other"


def is_trigger(tok: Token) -> bool:
    """Is this token an event trigger we report (a known eventive verb or noun)?"""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and market_move(tok):
        return True
    if tok.pos_ == "VERB":
        if lemma not in VERB_TYPES:
            return False
        # "targeted dealer cuts", "armed groups": a participle describing a noun
        if tok.dep_ == "amod" and tok.tag_ == "VBN":
            return False
        if manner(tok):
            return False  # "with attacking style": a way of playing, no attack
        if how_grave(tok) or at_stake(tok) or self_denial(tok):
            return False  # "non-life threatening injuries", "a do-or-die moment"
        if misreads.ROLE_BEFORE_NAME and misreads.role_before_name(tok):
            return False
        # "listed as threatened", "species listed as endangered or threatened": a status
        if STATUS_AS and status(tok):
            return False
        # "hard hit by the downturn", "hit hardest": a figure of speech, not a blow.
        if any(c.lower_ in FIGURATIVE_ADVERBS for c in tok.children if c.dep_ == "advmod"):
            return False
        if (lemma in BLOW_VERBS and not_a_blow(tok)) or powered(tok):
            return False
        # "hit his last 6 passes", "shooting 51 percent", "fired up the crowd": no blow;
        # "footage captures the moment": no one seized
        if a_play(tok) or fired_up(tok) or no_execution(tok) or web_sense(tok) or recorded(tok):
            return False
        if shows(tok):
            return False  # "this case demonstrates that ...": shown, no protest
        if killed_thing(tok) or filmed(tok) or no_recognition(tok):
            return False  # "the deal had been killed", "arranged to shoot her costume"
        if died_down(tok):
            return False  # "a fight ... that had seemed to die down": no one died
        if STATIONED and stationed(tok):
            return False  # "Warship Sukanya, currently deployed on anti-piracy patrols"
        # "rockets were fired", "fired from": no shooter told; "he was fired last
        # week", "a coach fired from his job": a dismissal (typed so by the senses)
        if (
            lemma == "fire"
            and (
                any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
                or any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)
                or (tok.dep_ == "acl" and tok.tag_ == "VBN")
            )
            and not (PASSIVE_DISMISSAL_TOLD and fired_one(tok))
        ):
            return False
        # "the Sixers rallied from a deficit", "markets rallied": a comeback, not a protest
        if lemma == "rally" and rallies_back(tok):
            return False
        # "releasing any information", "released a statement": words, not a release
        if lemma == "release" and released_words(tok):
            return False
        # "meeting this challenge", "met the deadline": a goal reached, not a meeting
        if lemma == "meet" and any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in MET_GOALS for c in tok.children
        ):
            return False
        # "clashes erupted", "the first clashes erupting": the clashes are the event,
        # their start is not
        if any(c.dep_ == "nsubj" and is_nominal_trigger(c) and onset_verb(c) for c in tok.children):
            return False
        if onset_acl(tok) and is_nominal_trigger(tok.head):
            return False
        # "launched an attack": the attack is the event, the launch is not.
        return not (
            lemma in LIGHT_VERBS
            and any(c.dep_ in ("dobj", "nsubjpass") and is_nominal_trigger(c) for c in tok.children)
        )
    return is_nominal_trigger(tok)


#: Switch: a person told as fired ("Cheeks was fired Saturday", "the coach fired from
#: his job") is a trigger, of a dismissal (see :func:`analysis.fire_senses.fired_one`); the
#: other passives and participles of "fire" tell no shooter ("rockets were fired") and
#: stay out, as before.
PASSIVE_DISMISSAL_TOLD = True

#: Switch: a ship or a force told as deployed, with no time of its own, is where it is,
#: not a deployment: "Warship Sukanya, currently deployed on anti-piracy patrols" (ECB+ 12,
#: 12_1ecbplus and 12_3ecbplus; three ships' deployments, years apart, were one event in
#: the undated store, seed 493), "warships of other countries deployed on anti-piracy
#: patrols". "Rescue teams were deployed to the affected area" stays a deployment.
STATIONED = True

#: Switch: a participle after "as" names a status, not a happening ("listed the polar
#: bear as threatened", "classified as injured"), and so does one joined to it.
STATUS_AS = True

#: A switch: a noun that speaks is the source of a report, not a happening: "a Defence
#: Ministry release said" is a press release, not the release of a ship; "the report said".
SPEAKER_IS_NO_ACT = True

#: A switch: what something is like is no happening ("spreading like wildfire", "went
#: down like a bomb").
SIMILE = True

#: A switch: a danger posed is no event (see :func:`a_danger`).
DANGER_IS_NO_ACT = True


def is_nominal_trigger(tok: Token) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in NOUN_TYPES:
        return False
    if tok.pos_ == "PROPN" and not tok.is_title:
        return False
    # "attack drones", "Strike Group", "Fire and police units", "Palmer Fire and Rescue
    # Chief John McNutt": a modifier, not an event.
    if (
        tok.dep_ in ("compound", "amod", "nmod")
        and tok.head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ == "case" for c in tok.children)  # "the protest's progress"
    ):
        return False
    if any(c.dep_ == "compound" and c.lower_ in DOCUMENT_COMPOUNDS for c in tok.children):
        return False  # "a press release" is a document, not a release
    if tok.lemma_.lower() == "rally" and rallies_back(tok):
        return False  # "stocks staged a rally"
    if SPEAKER_IS_NO_ACT and speaks(tok):
        return False  # "a Defence Ministry release said": the source of the report
    if SIMILE and tok.dep_ == "pobj" and tok.head.lower_ == "like":
        return False  # "attacks were spreading like wildfire": a figure of speech
    if DANGER_IS_NO_ACT and tok.lemma_.lower() in DANGER_NOUNS and a_danger(tok):
        return False  # "the Chiefs posed a serious threat to the Colts": no one threatened
    if at_stake(tok) or team_in_score(tok):
        return False  # "a life-or-death decision", "Hurricanes 4, Blackhawks 2"
    if under_fire(tok) or no_execution(tok) or ballot_paper(tok) or carried_fight(tok):
        return False  # "had been under fire all season", "remote code execution"
    if tok.lemma_.lower() in ("arrest", "attack", "failure", "seizure", "stroke") and any(
        c.dep_ in ("amod", "compound") and c.lower_ in MEDICAL_MODIFIERS for c in tok.children
    ):
        return False  # "cardiac arrest", "a heart attack": no arrest, no attack
    # "talk" (a speech) vs "talks" (negotiations)
    return not (tok.lemma_.lower() == "talk" and tok.tag_ != "NNS")
