"""The sense of a trigger word, decided from its arguments: a type the lexicon gives a
word is its commonest news sense, and the words around it tell when it is another.

"The Blazers fired Cheeks" dismisses a coach (``fire`` with a person as its object);
"Luck hit his last 6 passes" and "Teixeira hit 26 homers" are plays, not blows; "a
powerful earthquake hit Iran" is a disaster; "the boat sank" (with no one sinking it) is
a shipwreck; "opened fire on his bosses" is gunfire, not a blaze; "striking workers" and
"broke the strike" stop work. The rules read the parse only (no word sense model): the
object, the subject, a modifier, the verb a noun is the object of.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.fire_senses import dismissal
from analysis.markets import market_crash
from analysis.sense_words import (
    CAPTURED_THINGS,
    FIRMS,
    GUNFIRE_MARKS,
    GUNFIRE_VERBS,
    HOSTED,
    LEVELS,
    MARKETS,
    NATURAL_FORCES,
    PACTS,
    PEOPLE,
    PLACES_REACHED,
    PLAY_VERBS,
    PLAYS,
    POST_HOLDERS,
    RECORDINGS,
    THINGS_DONE,
    VEHICLES,
    WHO,
    of_objects,
)
from analysis.strikes import (
    labour_strike,
    peaceful_fight,
    spoken_attack,
    stoppage,
    unarmed_war,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


# ------------------------------------------------------------------ executions


def _someone(tok: Token) -> bool:
    """Someone who can be put to death: a name or a people, a personal pronoun, a count
    ("Iran executed 3"), a person's noun."""
    if tok.ent_type_ in ("PERSON", "NORP") or tok.lower_ in WHO:
        return True
    if tok.like_num and tok.lower_ != "one":
        return True  # ("one that is executed quickly" is a process)
    return tok.lemma_.lower() in PEOPLE | POST_HOLDERS or tok.lower_ in PEOPLE


def no_execution(tok: Token) -> bool:
    """ "executing the exciting plans", "remote code execution", "the process would be one
    that is executed quickly", "a writer to execute": a plan, code or an order carried
    out, no one put to death. Only someone as what is executed makes it a killing."""
    if tok.lemma_.lower() not in ("execute", "execution"):
        return False
    if tok.pos_ == "VERB":
        done = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        if tok.dep_ == "relcl" and any(d.lower_ in ("that", "which") for d in done):
            done.append(tok.head)  # "one that is executed quickly"
        if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":
            done.append(tok.head)  # "well-executed", "a boarding action executed by"
        return not any(_someone(d) for d in done)
    whose = [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in ("of", "for")
        for g in p.children
        if g.dep_ == "pobj"
    ]
    if whose:
        return not any(_someone(w) for w in whose)  # "execution of orders"
    return any(c.dep_ in ("compound", "amod") and c.lower_ in THINGS_DONE for c in tok.children)


# ------------------------------------------------------------------ showing


#: Switch: see :func:`shows`.
DEMONSTRATE_SHOWS = True


def shows(tok: Token) -> bool:
    """ "this case demonstrates that free speech does not protect people", "awarded for
    demonstrating commitment", "Officials are keen to demonstrate that these elections
    are part of ...": to demonstrate something (an object, a clause) is to show it; people
    who protest "demonstrate" with no object ("another 1,000 demonstrated in the northern
    city of Thessaloniki")."""
    if not DEMONSTRATE_SHOWS or tok.pos_ != "VERB" or tok.lemma_.lower() != "demonstrate":
        return False
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
        return True  # "the features demonstrated at the event": a thing shown
    return any(
        c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "attr", "oprd", "nsubjpass")
        for c in tok.children
    )


# ------------------------------------------------------------------ the web


def web_sense(tok: Token) -> bool:
    """ "Sign up for the free daily newsletter", "I was signed off work", "visit
    www.djreprints.com", "a website hosting malware": a form, a web page, content; no
    deal signed, no one visited or hosted."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in ("sign", "visit", "host"):
        return False
    if lemma == "sign":
        if any(c.dep_ == "prep" and c.lower_ == "on" for c in tok.children):
            return False  # "signed off on the facility": approved it
        return any(c.dep_ == "prt" and c.lower_ in ("up", "off", "in", "out") for c in tok.children)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "npadvmod", "pobj")]
    if lemma == "visit":
        return any(o.like_url or "www." in o.lower_ or o.lower_.startswith("http") for o in objs)
    return any(o.lemma_.lower() in HOSTED or o.lower_ in HOSTED for o in objs)


# ------------------------------------------------------------------ recordings


def recorded(tok: Token) -> bool:
    """ "Surveillance footage captures the horrific event", "the moment was captured on
    camera", "captured the title": a recording or a win, no one seized. A captor holds
    someone or something ("captured 23 pirates", "captured the town")."""
    if tok.lemma_.lower() != "capture" or tok.pos_ != "VERB":
        return False
    said = [c for c in tok.children if c.dep_ in ("nsubj", "dobj", "obj", "nsubjpass")]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        said.append(tok.head)  # "the moment captured by a passer-by"
    mediums = [
        g
        for p in tok.children
        if p.dep_ in ("prep", "agent") and p.lower_ in ("on", "in", "by")
        for g in p.children
        if g.dep_ == "pobj"
    ]
    if any(_recording(m) for m in [*mediums, *(s for s in said if s.dep_ == "nsubj")]):
        return True
    return any(s.dep_ != "nsubj" and s.lemma_.lower() in CAPTURED_THINGS for s in said)


def _recording(tok: Token) -> bool:
    """A recording or its maker: "footage", "surveillance video", "a camera"."""
    return tok.lemma_.lower() in RECORDINGS or tok.lower_ in RECORDINGS


# ------------------------------------------------------------------ plays and numbers


def a_play(tok: Token) -> bool:
    """ "Luck hit his last 6 passes", "Teixeira hit 26 homers", "the Jays shot 46.0",
    "shooting 51 percent", "hit it off", "a film shot in Rome": a play, a figure, or a
    film, not a blow. Objects that are people, places or things hit by a blow stay."""
    if tok.lemma_.lower() not in PLAY_VERBS or tok.pos_ != "VERB":
        return False
    if any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children) and any(
        c.lower_ == "it" for c in tok.children
    ):
        return True  # "we just kind of hit it off"
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if any(c.dep_ == "npadvmod" and _figure(c) for c in tok.children):
        return True  # "The Jays shot 46. 0 percent" (46 parsed as an adverb)
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        objs.append(tok.head)  # "the scenes shot in Rome"
    objs += [c for c in tok.children if c.dep_ == "nsubjpass"]
    return any(
        o.lemma_.lower() in PLAYS or o.lower_ in PLAYS or _reached(o) or _figure(o) for o in objs
    )


def _reached(obj: Token) -> bool:
    """ "the market", "the road", "the shelves", bare: a place reached."""
    if obj.lower_ not in PLACES_REACHED:
        return False
    kids = list(obj.children)
    return [c.lower_ for c in kids] == ["the"] or (not kids and obj.lower_ == "headlines")


def _figure(obj: Token) -> bool:
    """A figure as an object: a percentage ("shooting 51 percent", "hit 40%"), a decimal
    ("shot 46.0", also when spaced "46. 0"), not a count of people ("shot two")."""
    if obj.ent_type_ == "PERCENT" or any(c.lower_ in ("percent", "%") for c in obj.children):
        return True
    if obj.lower_ in LEVELS or any(
        c.dep_ == "amod" and c.lower_ in LEVELS and c.nbor(1).tag_ != "HYPH" for c in obj.children
    ):
        return True  # "hit a record", "hit a low 32 million viewers" (not "a high-rise")
    if not obj.like_num:
        return False
    if "." in obj.text:
        return True
    doc = obj.doc
    nxt = doc[obj.i + 1 : obj.i + 3]
    return len(nxt) == 2 and nxt[0].text == "." and nxt[1].like_num


# ------------------------------------------------------------------ disasters


def _doers(tok: Token) -> list[Token]:
    """Who or what does a verb: its subject (through "which" to its noun and "and" to
    the others), a passive's agent."""
    out = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    if not out and tok.dep_ == "relcl":
        out = [tok.head]  # "the quake, which struck on Sunday"
    out = [tok.head if c.lower_ in ("which", "that") and tok.dep_ == "relcl" else c for c in out]
    out += [g for a in tok.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    out += [c for d in list(out) for c in d.children if c.dep_ == "conj"]
    return out


def natural_blow(tok: Token) -> bool:
    """ "A powerful earthquake hit southern Iran", "Iran is regularly struck by damaging
    quakes", "a community hit by Hurricanes Katrina and George", "a lightning strike":
    nature's blow."""
    if tok.lemma_.lower() not in ("hit", "strike"):
        return False
    if tok.pos_ in ("NOUN", "PROPN"):  # "there was no lightning strike"
        doers = [c for c in tok.children if c.dep_ == "compound"]
    elif tok.pos_ == "VERB":
        doers = _doers(tok)
        doers += [c for d in list(doers) for c in d.children if c.dep_ == "compound"]
    else:
        return False
    return any(d.lemma_.lower() in NATURAL_FORCES or d.lower_ in NATURAL_FORCES for d in doers)


def road_accident(tok: Token) -> bool:
    """ "She was hit by a car", "a drunken driver struck her with his car", "somebody hit
    another car and ran away", "a hit-and-run driver": a road accident."""
    if tok.lemma_.lower() not in ("hit", "strike") or tok.pos_ != "VERB":
        return False
    if any(c.dep_ == "conj" and c.lemma_.lower() == "run" for c in tok.children):
        return True  # "hit - and - run"
    near = _doers(tok)  # (not what is hit: an airstrike hits a bus)
    near += [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "with"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    return any(n.lemma_.lower() in VEHICLES or n.lower_ in VEHICLES for n in near)


def shipwreck(tok: Token) -> bool:
    """ "Asylum seekers whose boat sank": a ship sinks with no one sinking it (a
    disaster); "the attacks sank two vessels", "was sunk by a torpedo" are attacks."""
    if tok.lemma_.lower() != "sink" or tok.pos_ != "VERB":
        return False
    return not any(
        c.dep_ in ("dobj", "obj", "nsubjpass", "auxpass", "agent") for c in tok.children
    ) and not (tok.dep_ == "acl" and tok.tag_ == "VBN")


# ------------------------------------------------------------------ failures


def _failing(tok: Token) -> list[Token]:
    """What collapses or crashes: the verb's subject (or the noun a participle modifies),
    the noun's "of" and its modifiers."""
    if tok.pos_ == "VERB":
        out = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if tok.dep_ in ("amod", "acl") or (tok.dep_ == "pcomp" and tok.tag_ == "VBG"):
            out.append(tok.head)  # "collapsing banks" (also parsed as a gerund with an object)
            out += [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        if not out and tok.dep_ == "relcl":
            out.append(tok.head)
    else:
        out = of_objects(tok)
    out += [c for c in tok.children if c.dep_ in ("amod", "compound", "poss")]
    out += [m for o in list(out) for m in o.children if m.dep_ in ("compound", "amod")]
    return out


def failure(tok: Token) -> str | None:
    """The type of a collapse or crash that is no disaster: a business's or a market's
    ("the collapse of Lehman Brothers", "the 1987 stock market crash": economic; "the
    Dow crashed": market), talks' or a state's ("the Soviet Union collapsed": other)."""
    lemma = tok.lemma_.lower()
    if lemma not in ("collapse", "crash"):
        return None
    what = _failing(tok)
    if any(w.lemma_.lower() in PACTS or w.lower_ in PACTS for w in what):
        return "other"
    if lemma == "crash" and any(w.lower_ in MARKETS for w in what):
        return "market"  # "the October 1987 stock market crash", "the Dow crashed"
    if any(w.lower_ in FIRMS or w.lemma_.lower() in FIRMS for w in what):
        return "economic"
    if lemma == "collapse" and any(w.ent_type_ == "ORG" for w in what):
        return "economic"  # "the collapse of Yamato Life Insurance Company"
    if lemma == "collapse" and any(w.ent_type_ in ("GPE", "NORP") for w in what):
        return "other"  # "when the Soviet Union collapsed"
    return None


# ------------------------------------------------------------------ gunfire


def gunfire(tok: Token) -> bool:
    """ "She returned ... and opened fire", "exchanged artillery fire": shots (an attack),
    not a blaze."""
    if tok.lemma_.lower() != "fire" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(
        c.dep_ in ("amod", "compound") and (c.lower_ in GUNFIRE_MARKS or c.ent_type_ == "NORP")
        for c in tok.children
    ):
        return True  # "artillery fire", "enemy fire", "Israeli fire"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        return tok.head.head.lemma_.lower() in GUNFIRE_VERBS  # "the exchange of fire"
    return tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in GUNFIRE_VERBS


def under_fire(tok: Token) -> bool:
    """ "O'Brien had been under fire all season": criticised, no blaze and no shot."""
    return (
        tok.lemma_.lower() == "fire"
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "under"
    )


def retype(tok: Token, etype: str) -> str:
    """The type of the event ``tok`` reports, when its arguments tell another sense of
    the word than the lexicon's ``etype``; else ``etype``."""
    if etype != "attack" and etype != "disaster":
        return etype
    if etype == "attack":
        if peaceful_fight(tok):
            return "other"  # "fighting pancreatic cancer" attacks no one
        if labour_strike(tok):
            return "protest"  # "a nationwide strike" stops work, it strikes no one
        if (unarmed := unarmed_war(tok)) is not None:
            return unarmed  # "the trade war" is fought with tariffs
        if dismissal(tok):
            return "other"  # a dismissal ("fire_" in the lexicon's "other")
        if natural_blow(tok) or shipwreck(tok) or road_accident(tok):
            return "disaster"
        if stoppage(tok):
            return "protest"
        if spoken_attack(tok):
            return "statement"  # "attacking human life by all means possible"
        return etype
    if gunfire(tok):
        return "attack"
    if market_crash(tok):
        return "market"  # "The crash sent the market tumbling down 508 points"
    return failure(tok) or etype


# ------------------------------------------------------------------ ballots


def ballot_paper(tok: Token) -> bool:
    """ "not a single Uzbek name on the ballots", "by secret ballot": a paper or a way of
    voting, no vote held or cast ("cast their ballots" is the voting)."""
    if tok.lemma_.lower() != "ballot" or tok.pos_ != "NOUN":
        return False
    if any(c.dep_ == "amod" and c.lower_ == "secret" for c in tok.children):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("on", "off", "by", "with")
