"""Words of the events' vocabulary used for something else, which :mod:`analysis.triggers`
keeps out: a blow that is a mark reached or a deal made ("hit a record", "struck a
deal"), a machine powered or charged, information released, a status declared ("listed
as threatened"), a ship stationed where it is, a noun that is the source of a report
("the release said"), a danger posed ("posed a threat").

:func:`analysis.triggers.is_trigger` and :func:`analysis.triggers.is_nominal_trigger` ask
these; their switches are read there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.clauses import word_set
from analysis.modality_words import REPORTING
from analysis.sense_words import of_objects

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Verbs of a blow that news also uses for reaching a mark or making a deal.
BLOW_VERBS = frozenset(["hit", "strike"])
#: What is hit or struck when no one is: a mark reached ("hit a record", "hit another
#: snag", "struck a chord"), a car's pedal pressed ("The moment he hit that gas, I went,
#: that woman just died", ECB+ 21, 21_7ecb: in the hit-and-run's event), not a target.
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
        "gas",
        "brake",
        "brakes",
        "accelerator",
        "pedal",
        "throttle",
        # where a product arrives: "ready to hit showrooms and streets worldwide"
        "shelf",
        "shelves",
        "showroom",
        "theater",
        "theatre",
        "cinema",
        "airwave",
        "airwaves",
        "newsstand",
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
    from analysis.triggers import is_nominal_trigger  # (which asks this module)

    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if any(o.lemma_.lower() in MARKS or is_nominal_trigger(o) for o in objs):
        return True
    if any(c.lower_ == "rich" for c in tok.children):
        return True  # "struck it rich"
    if SEEMING and _struck_as(tok, objs):
        return True  # "That struck me as different than other calls"
    if HIT_BY_HAPPENINGS and _hit_by_happening(tok):
        return True  # "the city's bourse, which has been hit by months of protests"
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "expl")]
    return any(s.lower_ == "it" for s in subj) and any(c.dep_ == "ccomp" for c in tok.children)


#: Switch: what "strikes" someone "as" something seems so to them (see _struck_as).
SEEMING = True


def _struck_as(tok: Token, objs: list[Token]) -> bool:
    """ "That struck me as different", "It struck him as odd": a pronoun struck "as" a
    quality (an adjective within two words) is how a thing seemed, not a blow."""
    if tok.lemma_.lower() != "strike" or len(objs) != 1 or objs[0].pos_ != "PRON":
        return False
    after = tok.doc[objs[0].i + 1 : objs[0].i + 4]
    return len(after) > 1 and after[0].lower_ == "as" and any(t.pos_ == "ADJ" for t in after[1:])


#: Switch: what is hit by a happening that is no blow (protests, a downturn, a vote) is
#: hurt by it, not struck (see _hit_by_happening).
HIT_BY_HAPPENINGS = True
#: The kinds of happening that hit only so; an attack or a disaster hits ("hit by a
#: drone attack", "hit by a powerful earthquake").
_UNARMED_TYPES = frozenset(["protest", "economic", "market", "election", "statement", "meet"])


def _hit_by_happening(tok: Token) -> bool:
    """ "which has been hit by months of anti-government protests" (the extraction pages'
    Alibaba listing): the agent of the passive, or the "of" noun after a span of time, is
    a happening of _UNARMED_TYPES."""
    from analysis.triggers import event_type, is_nominal_trigger  # (which asks this module)

    agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    agents += [n for g in agents for n in of_objects(g)]
    return any(is_nominal_trigger(g) and event_type(g.lemma_) in _UNARMED_TYPES for g in agents)


#: Switch: "life-threatening injuries", "non-life threatening injuries", "it can be life
#: threatening": how grave a wound or an illness is, no one threatened.
LIFE_THREATENING = True
_HYPHENS = frozenset(["-", "‐", "–"])


def how_grave(tok: Token) -> bool:
    """Is ``tok`` the "threatening" of "life-threatening" (with or without the hyphen)?"""
    if not LIFE_THREATENING or tok.lower_ != "threatening" or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    if prev.text in _HYPHENS and tok.i >= 2:
        prev = tok.doc[tok.i - 2]
    return prev.lower_ in ("life", "non-life")


#: Switch: "a do-or-die moment", "a life-or-death decision", "a matter of life and death":
#: what is at stake, no one dying.
STAKES = True


def at_stake(tok: Token) -> bool:
    """Is ``tok`` the "die" or "death" of "do-or-die", "life-or-death", "life and death"?"""
    if not STAKES or tok.lemma_.lower() not in ("die", "death") or tok.i < 2:
        return False
    words = [t.lower_ for t in tok.doc[max(0, tok.i - 4) : tok.i] if t.text not in _HYPHENS]
    return len(words) >= 2 and words[-1] in ("or", "and") and words[-2] in ("do", "life")


#: Switch: a capitalised word with a score after it is a team in a results line:
#: "Hurricanes 4, Blackhawks 2: Nino Niederreiter had a goal" (the extraction pages).
SCORE_LINES = True


def team_in_score(tok: Token) -> bool:
    """Is ``tok`` a capitalised word followed by a number and a comma, a colon or a dash?"""
    doc = tok.doc
    if not SCORE_LINES or not tok.text[:1].isupper() or tok.i + 2 >= len(doc):
        return False
    return doc[tok.i + 1].like_num and doc[tok.i + 2].text in (",", ":", "-", "–")


#: Switch: to deny oneself something is to go without it, no denial said (see
#: self_denial).
SELF_DENIAL = True
_REFLEXIVES = frozenset(
    ["myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"]
)


def self_denial(tok: Token) -> bool:
    """ "you don't have to deny yourself a cheesy treat": "deny" with a reflexive object."""
    return (
        SELF_DENIAL
        and tok.lemma_.lower() == "deny"
        and any(
            c.dep_ in ("dobj", "dative", "obj") and c.lower_ in _REFLEXIVES for c in tok.children
        )
    )


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


_STATIONED_VERBS = frozenset(["deploy", "station", "base", "post"])
_NOW = frozenset(["currently", "presently", "now", "still"])


def stationed(tok: Token) -> bool:
    """Is ``tok`` a participle telling where something is: describing a noun ("warships of
    other countries deployed on anti-piracy patrols") or with "currently", with no date or
    time under it?"""
    if tok.lemma_.lower() not in _STATIONED_VERBS or tok.tag_ != "VBN":
        return False
    now = any(c.dep_ == "advmod" and c.lower_ in _NOW for c in tok.children)
    if not (tok.dep_ == "acl" or now):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)


def status(tok: Token) -> bool:
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


def speaks(tok: Token) -> bool:
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


#: Switch: a participle that describes a way of doing ("attacking style", "fighting
#: spirit", "a killing instinct") tells no happening: "England started the match with
#: attacking style" (the bundled Wikinews report of the 2018 World Cup) was the event
#: "Style attacks". A participle on any other noun still tells one ("the fleeing
#: vehicle" flees, "the attacking army" attacks).
MANNER_MODIFIER = True
MANNER_NOUNS = word_set(
    "style approach mentality mindset philosophy instinct instincts spirit flair manner "
    "fashion mode tactic tactics intent intention"
)


def manner(tok: Token) -> bool:
    """Is ``tok`` a participle describing a way of doing (see MANNER_MODIFIER)?"""
    return (
        MANNER_MODIFIER
        and tok.dep_ == "amod"
        and tok.tag_ == "VBG"
        and tok.head.lemma_.lower() in MANNER_NOUNS
    )
