"""Event triggers: the words that report an event, and the type each one reports.

A small, well-known vocabulary signals the events an analyst follows, so a lexicon of
verbs and nouns per type (see the taxonomy in :mod:`analysis.events`) finds the triggers;
the parse only rules out words used as modifiers ("attack drones") and light verbs whose
object is the event ("launched an attack": the attack is the trigger, not the launch).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis import misreads
from analysis.lexicon import EVENT_TYPES, NOUN_TYPES, VERB_TYPES  # noqa: F401
from analysis.markets import INDEX_WORDS, MARKET_VERBS, MARKET_WORDS, market_move, rallies_back  # noqa: F401
from analysis.modality_words import REPORTING
from analysis.senses import (
    a_play,
    ballot_paper,
    fired_one,
    fired_up,
    no_execution,
    recorded,
    under_fire,
    web_sense,
)
from analysis.strikes import carried_fight, died_down
from analysis.verb_forms import onset_acl, onset_verb

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
        if misreads.ROLE_BEFORE_NAME and misreads.role_before_name(tok):
            return False
        # "listed as threatened", "species listed as endangered or threatened": a status
        if STATUS_AS and _status(tok):
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
        if died_down(tok):
            return False  # "a fight ... that had seemed to die down": no one died
        if STATIONED and _stationed(tok):
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


#: Verbs of a blow that news also uses for reaching a mark or making a deal.
BLOW_VERBS = frozenset(["hit", "strike"])
#: What is hit or struck when no one is: a mark reached ("hit a record", "hit another
#: snag", "struck a chord"), not a target.
MARKS = frozenset(
    [
        "record",
        "high",
        "low",
        "peak",
        "bottom",
        "snag",
        "roadblock",
        "wall",
        "milestone",
        "mark",
        "jackpot",
        "chord",
        "note",
        "nerve",
        "balance",
        "tone",
        "oil",
        "gold",
    ]
)
#: What is met when no one is: a goal reached ("meeting this challenge", "met the
#: deadline"). Demands and conditions are left: meeting them is an act ("refused to meet
#: the demands").
MET_GOALS = frozenset(
    [
        "challenge",
        "deadline",
        "goal",
        "target",
        "expectation",
        "requirement",
        "standard",
        "criterion",
        "criteria",
        "obligation",
        "threshold",
        "quota",
        "cost",
        "budget",
    ]
)
#: Objects of "charge" that are charged with power, not with a crime.
POWERED = frozenset(
    ["battery", "phone", "device", "car", "vehicle", "laptop", "case", "headphone", "earbud"]
)
#: "iPhone", "iPad", "eBook": a product's name, never someone charged.
_CAMEL = re.compile(r"^[a-z]{1,2}[A-Z]")
#: Words that are never the one charged: devices, and "charges" itself ("Charges quickly
#: in the case").
_NOT_CHARGED = POWERED | {"charge"}
#: Pronouns of someone charged with a crime.
_ACCUSED_PRONOUNS = frozenset(
    ["he", "she", "they", "him", "her", "them", "we", "us", "i", "me", "you", "who"]
)


def _charged_party(tok: Token) -> bool:
    """Someone a charge can be brought against: a pronoun, a person or a people, a name
    the tagger left untagged, or a common noun ("the driver"); not a named thing ("any
    Apple Watch", tagged ORG; "an iPhone") or a device ("the case", "the battery")."""
    if tok.lower_ in _ACCUSED_PRONOUNS or tok.ent_type_ in ("PERSON", "NORP"):
        return True
    if tok.lemma_.lower() in _NOT_CHARGED or _CAMEL.match(tok.text) or tok.ent_type_:
        return False
    return tok.pos_ in ("NOUN", "PROPN")


def not_a_blow(tok: Token) -> bool:
    """A blow verb used for something else: "hit another snag", "struck a deal" (the deal
    is the event), or "it's striking that ..." (an opinion, with an expletive subject)."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if any(o.lemma_.lower() in MARKS or is_nominal_trigger(o) for o in objs):
        return True
    if any(c.lower_ == "rich" for c in tok.children):
        return True  # "struck it rich"
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "expl")]
    return any(s.lower_ == "it" for s in subj) and any(c.dep_ == "ccomp" for c in tok.children)


def powered(tok: Token) -> bool:
    """'charge an iPhone', 'charging the battery': power, not a criminal charge.

    A charge brought is told with what ("charged with manslaughter") or against whom (a
    pronoun, a person, a people, a common noun: "charged the driver", "he was charged",
    "a man charged Monday"); a "charge" with neither charges a thing."""
    if tok.lemma_.lower() != "charge":
        return False
    if tok.lower_ == "charging" and tok.dep_ in ("compound", "amod"):
        return True  # "a wireless charging pad", "the AirPower charging mat"
    if tok.pos_ != "VERB":
        return False
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    if tok.tag_ == "VBG" and nxt is not None and nxt.pos_ == "NOUN" and nxt.dep_ == "compound":
        return True  # "its failed AirPower charging mat project", parsed as a verb
    passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        passive.append(tok.head)  # "two officers charged with falsifying records"
    if passive:
        return not any(_charged_party(p) for p in passive)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if any(o.lower_ in _ACCUSED_PRONOUNS or o.ent_type_ in ("PERSON", "NORP") for o in objs):
        return False  # "charged Jackson", "charging him"
    # "charged the driver with manslaughter", not "charging laptops with portable batteries"
    with_what = any(c.lower_ == "with" for c in tok.children)
    return not (with_what and any(_charged_party(o) for o in objs))


#: What is released when nobody is freed: information, not prisoners.
RELEASED_WORDS = frozenset(
    [
        "information",
        "detail",
        "statement",
        "data",
        "report",
        "figure",
        "name",
        "video",
        "photo",
        "image",
        "footage",
        "result",
        "record",
        "document",
        "list",
        "album",
        "film",
        "song",
    ]
)


#: Switch: a person told as fired ("Cheeks was fired Saturday", "the coach fired from
#: his job") is a trigger, of a dismissal (see :func:`analysis.senses.fired_one`); the
#: other passives and participles of "fire" tell no shooter ("rockets were fired") and
#: stay out, as before.
PASSIVE_DISMISSAL_TOLD = True


#: Switch: a ship or a force told as deployed, with no time of its own, is where it is,
#: not a deployment: "Warship Sukanya, currently deployed on anti-piracy patrols" (ECB+ 12,
#: 12_1ecbplus and 12_3ecbplus; three ships' deployments, years apart, were one event in
#: the undated store, seed 493), "warships of other countries deployed on anti-piracy
#: patrols". "Rescue teams were deployed to the affected area" stays a deployment.
STATIONED = True
_STATIONED_VERBS = frozenset(["deploy", "station", "base", "post"])
_NOW = frozenset(["currently", "presently", "now", "still"])


def _stationed(tok: Token) -> bool:
    """Is ``tok`` a participle telling where something is: describing a noun ("warships of
    other countries deployed on anti-piracy patrols") or with "currently", with no date or
    time under it?"""
    if tok.lemma_.lower() not in _STATIONED_VERBS or tok.tag_ != "VBN":
        return False
    now = any(c.dep_ == "advmod" and c.lower_ in _NOW for c in tok.children)
    if not (tok.dep_ == "acl" or now):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)


#: Switch: a participle after "as" names a status, not a happening ("listed the polar
#: bear as threatened", "classified as injured"), and so does one joined to it.
STATUS_AS = True


def _status(tok: Token) -> bool:
    """Is the participle ``tok`` told right after "as" (or joined to one that is, "as
    endangered or threatened")?"""
    if tok.tag_ != "VBN" or any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children
    ):
        return False
    first = tok.head if tok.dep_ == "conj" and tok.head.tag_ in ("VBN", "JJ") else tok
    before = first.i - 1
    while STATUS_QUOTED and before > 0 and tok.doc[before].is_quote:
        before -= 1  # 'declared as "threatened"'
    return before >= 0 and tok.doc[before].lower_ == "as"


#: Switch: ... with quotation marks around it too: 'the polar bear, which last year was
#: declared as "threatened" under the Endangered Species Act' (ECB+ 9, 9_6ecbplus) joined
#: "the melting of sea ice is threatening the polar bear with extinction" in another report.
STATUS_QUOTED = True


def released_words(tok: Token) -> bool:
    """Is what the verb ``tok`` releases information ("released a statement", "the
    figures were released", "in a statement released through the team")?"""
    if any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in RELEASED_WORDS for c in tok.children
    ):
        return True
    return tok.dep_ == "acl" and tok.head.lemma_.lower() in RELEASED_WORDS


#: Modifiers that make an "arrest" medical.
MEDICAL_MODIFIERS = frozenset(
    ["cardiac", "traumatic", "respiratory", "heart", "cardiopulmonary", "epileptic", "panic"]
)
#: Adverbs that make an attack verb a figure of speech ("hard hit", "hit hardest").
FIGURATIVE_ADVERBS = frozenset(["hard", "harder", "hardest"])
#: Compounds that make an event noun a document or a thing ("a press release", "a news
#: release", "supply chain" is already a modifier).
DOCUMENT_COMPOUNDS = frozenset(["press", "news", "media"])


#: A switch: a noun that speaks is the source of a report, not a happening: "a Defence
#: Ministry release said" is a press release, not the release of a ship; "the report said".
SPEAKER_IS_NO_ACT = True


def _speaks(tok: Token) -> bool:
    """Is ``tok`` the subject of a verb that reports what it says ("a release said
    [that ...]", "the statement added, '...'")? Not "the delivery adds a dimension"."""
    verb = tok.head
    return (
        tok.dep_ == "nsubj"
        and verb.lemma_.lower() in REPORTING
        and (
            verb.lemma_.lower() == "say"
            or any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
        )
    )


#: A switch: what something is like is no happening ("spreading like wildfire", "went
#: down like a bomb").
SIMILE = True


#: A switch: a danger posed is no event (see :func:`a_danger`).
DANGER_IS_NO_ACT = True
#: Nouns that name a danger as well as an act: "a threat" posed or been is the danger.
DANGER_NOUNS = frozenset(["threat"])
#: Verbs whose object is a danger someone or something is, not an act: "posed a threat",
#: "represents a threat", "constitutes a threat".
DANGER_VERBS = frozenset(["pose", "represent", "constitute"])
#: Verbs whose complement is what the subject is: "Iran is a threat", "remains a threat".
_BEING_VERBS = frozenset(["be", "remain", "become"])


def a_danger(tok: Token) -> bool:
    """Does the noun ``tok`` name a danger rather than an act: the object of "pose",
    "represent" or "constitute" (or what they modify: "the threat posed by"), or what
    its subject is ("remains a threat")?"""
    head = tok.head
    lemma = head.lemma_.lower()
    if tok.dep_ in ("dobj", "nsubjpass") and lemma in DANGER_VERBS:
        return True
    if any(c.dep_ == "acl" and c.lemma_.lower() in DANGER_VERBS for c in tok.children):
        return True  # "the threat posed by Quinn"
    return tok.dep_ in ("attr", "acomp") and lemma in _BEING_VERBS


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
    if SPEAKER_IS_NO_ACT and _speaks(tok):
        return False  # "a Defence Ministry release said": the source of the report
    if SIMILE and tok.dep_ == "pobj" and tok.head.lower_ == "like":
        return False  # "attacks were spreading like wildfire": a figure of speech
    if DANGER_IS_NO_ACT and tok.lemma_.lower() in DANGER_NOUNS and a_danger(tok):
        return False  # "the Chiefs posed a serious threat to the Colts": no one threatened
    if under_fire(tok) or no_execution(tok) or ballot_paper(tok) or carried_fight(tok):
        return False  # "had been under fire all season", "remote code execution"
    if tok.lemma_.lower() in ("arrest", "attack", "failure", "seizure", "stroke") and any(
        c.dep_ in ("amod", "compound") and c.lower_ in MEDICAL_MODIFIERS for c in tok.children
    ):
        return False  # "cardiac arrest", "a heart attack": no arrest, no attack
    # "talk" (a speech) vs "talks" (negotiations)
    return not (tok.lemma_.lower() == "talk" and tok.tag_ != "NNS")
