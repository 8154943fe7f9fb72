"""Event arguments: who did it (``actor``), to whom (``target``) and where (``location``).

``actor`` and ``target`` are canonical entities (the ``entity`` dicts of the entity
mentions we are given), found from the parse: active verbs (nsubj / dobj), passives
(nsubjpass / agent "by X"), nominal triggers ("X's attack on Y", "attack by X", "Houthi
attack", "talks between X and Y"), and light verbs ("X launched an attack on Y" makes
*attack* the trigger and X its actor). ``location`` is a place entity in an "in / at /
near / off" phrase of the trigger. :mod:`analysis.participants` holds the rules that
correct what the parse gives (a headline's common word, who died, the accused, one of a
people, an employer).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from analysis import antecedents, misreads
from analysis.ahead import SCHEDULING, TO_COME_HEADS
from analysis.canon import family, key_form
from analysis.clause_place import LOCATIVE_PREPS, told_place
from analysis.control import CHOOSING_VERBS
from analysis.entity_index import (
    PLACE_LABELS,
    EntityIndex,
    modifier_place,
)
from analysis.infinitives import to_infinitive
from analysis.markets import INDEX_WORDS
from analysis.mentions import label_of, name_of
from analysis.participants import (
    employer,
    headline_word,
    one_of_a_people,
    one_of_the_accused,
    one_party,
    the_dying,
)
from analysis.role_words import (
    CHARGING_VERBS,
    DEATH_NOUNS,
    JUDGING_VERBS,
    OBJECT_VERBS,
    ONE_PARTY_NOUNS,
    PATIENT_NOUNS,
)
from analysis.shared_subjects import gerund_noun
from analysis.subjects import agent as _agent
from analysis.subjects import prep_objects as _prep_objects
from analysis.subjects import subject as _subject
from analysis.support_verbs import light_verb, placing_verb
from analysis.triggers import event_type, is_nominal_trigger
from analysis.verb_forms import particle

if TYPE_CHECKING:
    from spacy.tokens import Token


_TARGET_PREPS = frozenset(["on", "against", "at", "targeting", "upon"])
#: A switch: what a verb's subject goes "into" that is no place is what it is done to:
#: "checked into Morningside Recovery" and "checked into the Betty Ford Center" are two
#: happenings of one day, as "broke into the Watergate offices" names what was broken.
INTO_TARGETS = True


#: Switch: what a saying is told "on" or "at" is where it was said, not what it was done
#: to ("Ellen DeGeneres announced on Twitter": not "Ellen DeGeneres announces Twitter").
SAID_ON_IS_A_MEDIUM = True
#: Verbs of telling whose "on" / "at" is a medium or an occasion ("blamed the attacks on
#: the militia" names whom, and stays).
_TELLING = frozenset(
    ["say", "announce", "tell", "state", "report", "declare", "confirm", "reveal", "tweet"]
)


def _target_preps(tok: Token) -> frozenset[str]:
    """The prepositions whose object is the verb ``tok``'s target: "clashed with X",
    "met with X" name a counterpart ("voted with X" an ally)."""
    preps = _TARGET_PREPS | {"into"} if INTO_TARGETS else _TARGET_PREPS
    kind = event_type(tok.lemma_, "VERB")
    if SAID_ON_IS_A_MEDIUM and tok.lemma_.lower() in _TELLING:
        preps = preps - {"on", "at"}  # "announced on Twitter", "said at a news conference"
    return preps | {"with"} if kind in _WITH_TYPES else preps


def _not_a_site(obj: Token, m: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """The entity of an "at" or "into" object unless it is a place: "fired at the
    soldiers" names whom, "the shooting at Fort Hood" where."""
    if m is not None and obj.head.lower_ in ("at", "into") and label_of(m) in PLACE_LABELS:
        return None
    return m


#: Switch: a verb that has its object does not take a second one from "at", "on" or
#: "into" a site ("the intersection of X", "the corner of X"): "he hit another vehicle at
#: the intersection of American Boulevard and Lyndale Avenue" (ECB+ 21, a Bloomington
#: report; the tagger makes the street an organisation) hit the vehicle, there; "fired
#: rockets at Israel" keeps its target (no site word).
SITE_IS_WHERE = True
#: Nouns of a spot on the ground, named by what they are "of".
SITE_NOUNS = frozenset(
    [
        "intersection",
        "corner",
        "junction",
        "crossroads",
        "crossing",
        "entrance",
        "exit",
        "scene",
        "site",
        "spot",
        "outskirts",
        "border",
        "edge",
        "block",
    ]
)


def _a_site_beside_object(obj: Token | None, p: Token) -> bool:
    """Is ``p`` (the object of a target preposition) a site while the verb has its own
    object ``obj``?"""
    return SITE_IS_WHERE and obj is not None and p.pos_ == "NOUN" and p.lemma_.lower() in SITE_NOUNS


def _conj_pair(tok: Token) -> tuple[Token, Token | None]:
    conj = next((c for c in tok.children if c.dep_ == "conj"), None)
    return tok, conj


#: Types whose verbs take their counterpart with "with": clashed with, met with, agreed with.
_WITH_TYPES = frozenset(["attack", "meet", "agree", "threaten"])


def _possessor_before(tok: Token, ents: EntityIndex) -> Mapping[str, Any] | None:
    """ "Hamas' October 7, 2023 attack": a possessive entity just before the noun.

    The parser often hangs a date-laden noun phrase wrongly; reading left over dates,
    numbers, adjectives and commas to a possessive is a safe fallback.
    """
    doc = tok.doc
    i = tok.i - 1
    steps = 0
    while i >= tok.sent.start and steps < 8:
        t = doc[i]
        if t.tag_ == "POS" or t.dep_ == "case":
            owner = doc[i - 1] if i > tok.sent.start else None
            return ents.at(owner) if owner is not None else None
        if t.pos_ in ("NUM", "ADJ", "PUNCT", "ADV") or t.ent_type_ in ("DATE", "TIME"):
            i -= 1
            steps += 1
            continue
        if t.dep_ == "poss":
            return ents.at(t)
        return None
    return None


#: Switch: a participle (tagged VBN) with a subject and no auxiliary is a headline passive
#: whatever the verb ("Hong Kong threatened with Chinese military intervention",
#: "Helicopter destroyed in Logar"), and so is one joined to a verb with no auxiliary
#: ("helicopter shot down and completely destroyed"): the subject underwent it.
PARTICIPLE_PASSIVE = True


#: Switch: a phrasal past tense with a subject and no object, joined to a bare
#: participle, is that participle's passive too (see :func:`headline_passive`).
PAST_WITH_PARTICIPLE = True


def _bare_participle(tok: Token) -> bool:
    """A participle joined to a verb with nothing of its own but adverbs and places:
    "[shot down and completely] destroyed", not "shot and killed two people"."""
    return (
        tok.dep_ == "conj"
        and tok.tag_ == "VBN"
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "obj", "ccomp", "xcomp")
            for c in tok.children
        )
    )


#: Switch: a participle of being bound for something, with its subject and an infinitive
#: and no auxiliary, is a headline's passive: "Alibaba poised to launch record-breaking
#: $13.4bn Hong Kong listing" (the extraction benchmark's cityam.com page) is Alibaba
#: poised, not poising; "expected to", "set to", "scheduled to" alike.
BOUND_FOR = True
#: (the words analysis.ahead reads as scheduled or to come, but "plan" and "timetable",
#: which are active: "Alibaba planned to launch"; and "tipped to")
_BOUND_FOR = (SCHEDULING | TO_COME_HEADS | {"tip"}) - {"be", "plan", "timetable"}


#: Switch: a participle on a noun that is what a copula's subject is ("Today, Maurice Cheeks
#: became the fifth coach fired within the first quarter of the season", 5_6ecb)
#: tells of that subject: the firing was Cheeks' (it had no one fired, or the NBA of
#: "the fifth NBA coach fired this season").
ATTRIBUTE_IS_WHO = True
_COPULAS = frozenset(["be", "become", "remain"])


def _attribute_of(noun: Token | None, ents: EntityIndex) -> Mapping[str, Any] | None:
    """The named subject of the copula whose attribute ``noun`` is ("Cheeks [became] the
    fifth coach"), or None."""
    if noun is None:
        return None
    copula = noun.head
    if noun.dep_ == "nsubj" and copula.dep_ == "ccomp":
        copula = copula.head  # "Cheeks became the fifth NBA coach [fired] this season":
        # the parse's clause (misreads.time_as_object) under the copula
    elif noun.dep_ != "attr":
        return None
    if copula.lemma_.lower() not in _COPULAS:
        return None
    who = next((c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return ents.near(who) if who is not None and who.i != noun.i else None


def headline_passive(tok: Token, obj: Token | None) -> bool:
    """A past form of an object-taking verb with no object and no auxiliary, or a bare
    participle with a subject (see PARTICIPLE_PASSIVE), or a participle of being bound
    for something (see BOUND_FOR)."""
    if (
        BOUND_FOR
        and obj is None
        and tok.tag_ in ("VBD", "VBN")
        and tok.lemma_.lower() in _BOUND_FOR
        and any(c.dep_ == "nsubj" for c in tok.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        and any(c.dep_ == "xcomp" and to_infinitive(c) for c in tok.children)
    ):
        return True
    if obj is not None or any(
        c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for c in tok.children
    ):
        return False
    subject = any(c.dep_ == "nsubj" for c in tok.children)
    lemma = tok.lemma_.lower()
    if (
        tok.tag_ in ("VBD", "VBN")
        and (lemma in OBJECT_VERBS or lemma in CHARGING_VERBS or lemma in JUDGING_VERBS)
        and subject
    ):
        return True
    if not PARTICIPLE_PASSIVE:
        return False
    if (
        PAST_WITH_PARTICIPLE
        and tok.tag_ == "VBD"
        and subject
        and particle(tok)
        and any(_bare_participle(c) for c in tok.children)
    ):
        # "US Chinook helicopter shot down and completely destroyed": the tagger reads
        # "shot" as a past tense; a phrasal verb with no object, joined to a bare
        # participle, is one too ("The car crashed and overturned" is no passive)
        return True
    if tok.tag_ != "VBN":
        return False
    if subject:
        return True
    head = tok.head
    return (
        tok.dep_ == "conj"
        and head.pos_ == "VERB"
        and any(c.dep_ == "nsubj" for c in head.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
        and not (ACTIVE_WITH_OBJECT and any(c.dep_ in ("dobj", "obj") for c in head.children))
    )


#: Switch: a participle joined to a verb that has an object is in that verb's active
#: voice ("whom Fred LaRue shot and killed in a Canadian duck-hunting accident", ECB+ 28,
#: 28_3ecbplus: the tagger's "killed" VBN made LaRue the one killed and the accident his
#: death); with none it is a headline passive ("shot down and completely destroyed").
ACTIVE_WITH_OBJECT = True


def _untagged_name(tok: Token) -> Mapping[str, Any] | None:
    """A proper name right before an event noun that the tagger left out ("the Eurogroup
    meeting"): the event's own participant, as an organisation. Without it "the Eurogroup
    meeting" is any meeting of its article."""
    for c in tok.children:
        if (
            c.dep_ == "compound"
            and c.i == tok.i - 1
            and c.pos_ == "PROPN"
            and not c.ent_type_
            and not c.is_sent_start
            and c.text[:1].isupper()
            and any(ch.isalpha() for ch in c.text)
            and not headline_word(c)
        ):
            return _organisation(c.text, c.idx)
    return None


def _organisation(name: str, start: int) -> Mapping[str, Any]:
    """An entity mention for a name the tagger left out, as an organisation."""
    key = f"{family('ORG')}:{key_form(name, 'ORG')}"  # the entity step's own keys
    entity = {"key": key, "label": "ORG", "name": name, "aliases": []}
    return {"entity": entity, "label": "ORG", "start": start, "end": start + len(name)}


def untagged_index(verb: Token) -> Mapping[str, Any] | None:
    """The stock index a market verb's subject names when the tagger left it out ("with
    the Dow Jones Industrial Average falling below 8,000"): its proper-noun words, as an
    organisation. Without it the move has no market and links nowhere."""
    for subj in verb.children:
        if subj.dep_ not in ("nsubj", "nsubjpass") or subj.pos_ != "PROPN":
            continue
        # "Dow" hangs on "Jones", "Jones" on "Average": the name is the run of compounds
        left = [t for t in subj.subtree if t.dep_ == "compound" and t.i < subj.i]
        first = min(left, key=lambda t: t.i) if left else subj
        span = subj.doc[first.i : subj.i + 1]
        if first.lower_ in INDEX_WORDS and all(t.pos_ == "PROPN" for t in span):
            return _organisation(span.text, span.start_char)
    return None


#: Switch: the two sides of "between X and Y" are actor and target in the order of their
#: names, not of the text (the happening is the same either way round).
BETWEEN_IN_NAME_ORDER = True


def arguments(
    tok: Token, ents: EntityIndex
) -> tuple[Mapping[str, Any] | None, Mapping[str, Any] | None, Mapping[str, Any] | None]:
    """(actor, target, location) entity mentions of a trigger token."""
    actor = target = None
    anchors = [tok]
    guessed = False  # the actor is a pronoun's antecedent (see EntityIndex.antecedent)
    if tok.pos_ in ("VERB", "AUX") and not gerund_noun(tok):
        subj, passive = _subject(tok)
        guessed = subj is not None and subj.pos_ == "PRON" and not passive
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None and misreads.SHARED_OBJECT:
            obj = misreads.shared_object(tok)  # "shot and killed federal agent David Wilhelm"
        passive = passive or headline_passive(tok, obj)
        if passive:
            # a participle after its noun ("Warship Sukanya, deployed on patrols"): the
            # noun itself, not a people or place that modifies it ("British climber
            # killed in fall": one climber, not the British)
            reduced = tok.dep_ == "acl" and subj is not None and subj.i == tok.head.i
            target = ents.at(subj) if reduced and subj is not None else ents.near(subj)
            if reduced and target is not None and label_of(target) == "NORP":
                target = None
            misread = tok.dep_ == "ccomp" and subj is not None and subj.head.i == tok.i
            if (
                ATTRIBUTE_IS_WHO
                and (reduced or misread)
                and (who := _attribute_of(subj, ents)) is not None
            ):
                target = who  # "Maurice Cheeks became the fifth coach fired": Cheeks was
            actor = ents.near(_agent(tok))
        elif subj is not None and subj.i != tok.i and is_nominal_trigger(subj):
            # "An attack on a ship killed four": the attack's actor, not its target.
            actor = arguments(subj, ents)[0]
            target = ents.near(obj)
        else:
            actor = ents.near(subj)
            target = ents.near(obj)
            if CHOSEN_NAMED_AFTER and tok.lemma_.lower() in CHOOSING_VERBS:
                target = _named_after(obj, ents) or target
            if target is None:
                for p in _prep_objects(tok, _target_preps(tok)):
                    if _a_site_beside_object(obj, p):
                        continue  # "hit another vehicle at the intersection of ..."
                    target = _not_a_site(p, ents.near(p))
                    if target is not None:
                        break
    else:
        patient = tok.lemma_.lower() in PATIENT_NOUNS
        for c in tok.children:
            if c.dep_ == "poss" and patient:
                target = target or ents.near(c, depth=1) or ents.owner(c)
            elif c.dep_ == "poss" and actor is None:
                actor = ents.near(c, depth=1) or ents.owner(c)
            elif c.dep_ in ("compound", "amod", "nmod") and actor is None and not patient:
                actor = ents.at(c)  # of a "DUI arrest", a "murder trial": the charge
                if actor is not None and modifier_place(c, actor):
                    actor = None  # "Michigan office shooting": where, not who
        for p in _prep_objects(tok, frozenset({"by"})):
            actor = actor or ents.near(p)
        if tok.lemma_.lower() in ONE_PARTY_NOUNS:
            for p in _prep_objects(tok, frozenset({"of"})):
                actor = actor or ents.near(p)
        for p in _prep_objects(tok, _TARGET_PREPS | frozenset({"of", "with"})):
            target = target or _not_a_site(p, ents.near(p))
        light = light_verb(tok)
        between = _prep_objects(tok, frozenset({"between"}))
        if light is not None:
            anchors.append(light)
            doer, _ = _doer(light)
            itself = doer is not None and doer.i == tok.i  # "clashes [erupted]"
            dying = antecedents.TELLER_OUTLIVES and tok.lemma_.lower() in DEATH_NOUNS
            if not itself and not dying:
                # "announced her death": the one who announced did not die
                actor = actor or ents.near(doer)
            between += _prep_objects(light, frozenset({"between"}))
            for p in _prep_objects(light, _TARGET_PREPS):
                target = target or ents.near(p)
        placing = placing_verb(tok) if light is None else None
        if placing is not None:
            anchors.append(placing)
            doer, put = _doer(placing)
            actor = actor or ents.near(doer)
            target = target or ents.near(put)
        for p in between:
            first, second = _conj_pair(p)
            sides = [ents.near(first, depth=1), ents.near(second, depth=1) if second else None]
            if BETWEEN_IN_NAME_ORDER and actor is None and target is None and all(sides):
                # "communications between Europe and the Middle East" and "between the
                # Middle East and Europe": one happening whichever side is told first
                sides.sort(key=lambda m: name_of(m or {}).lower())
            actor = actor or sides[0]
            target = target or sides[1]
        if actor is None and not patient:
            actor = _untagged_name(tok)
        if patient and target is None:
            target = _possessor_before(tok, ents)
        elif not patient and actor is None:
            actor = _possessor_before(tok, ents)
    if target is not None and one_of_the_accused(tok, target, ents):
        target = None  # "charged Lopez and Carrasquillo with her murder": "her" is neither
    actor, target = the_dying(tok, actor, target, ents)
    if NOT_ITS_OWN_NAME:
        # "Daring Diamond Heist", "Shop Raid": a name the trigger is a word of is the
        # happening's own name (a headline the tagger took for one), not who took part
        actor = None if _covers(actor, tok) else actor
        target = None if _covers(target, tok) else target
    if actor is not None and employer(actor, tok):
        actor = None  # "Kraft Foods plant worker executes two": the worker did, not Kraft
    if target is not None and employer(target, tok, victim=True):
        target = None  # "killed a U.S. Customs agent": the agent, unnamed
    # "A British climber has fallen", "Muslim woman kills two": one person, unnamed
    actor = None if one_of_a_people(actor, tok) else actor
    target = None if one_of_a_people(target, tok) else target
    if actor is not None and target is not None and one_party(actor, target):
        if guessed:
            actor = None  # "she shot Brown": "she" is not Brown; the guess was wrong
        else:
            target = None  # "intercepted by forces loyal to Yemen['s government]"
    location = None
    for a in anchors:
        for p in _prep_objects(a, LOCATIVE_PREPS):
            location = ents.place_near(p)
            if location is not None:
                break
        if location is not None:
            break
    if location is None:
        # "broke out in Salonika where 50,000 marched", "exploded in Kabul, killing 10"
        location = told_place(anchors, ents)
    return actor, target, location


#: Switch: whom a verb of choosing (CHOOSING_VERBS) takes is the person named right after
#: its common-noun object: "Nixon appointed an FBI outsider and confidante, L. Patrick
#: Gray, to lead the FBI" (ECB+ 28, 28_3ecb; the parse hangs "Gray" elsewhere) had the
#: FBI appointed.
CHOSEN_NAMED_AFTER = True


def _named_after(obj: Token | None, ents: EntityIndex) -> Mapping[str, Any] | None:
    """A person named between commas (or a comma and the sentence's end) right after the
    common-noun phrase ``obj`` heads, when the parse left the name outside it."""
    if obj is None or obj.pos_ != "NOUN" or ents.at(obj) is not None:
        return None
    doc = obj.doc
    end = obj.right_edge.i
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return None
    named = ents.by_token.get(end + 2)
    if named is None or label_of(named) != "PERSON":
        return None
    last = end + 2
    while last + 1 < len(doc) and ents.by_token.get(last + 1) is named:
        last += 1  # (the name's own words, looked up: no pronoun is resolved here)
    closing = doc[last + 1] if last + 1 < len(doc) else None
    if closing is not None and closing.text not in (",", ".", ";"):
        return None
    return named


def _doer(verb: Token) -> tuple[Token | None, Token | None]:
    """Who does what ``verb`` tells and what it is done to: its subject and object, or,
    passive, its "by" noun and its subject ("was placed on injured reserve by the Saints")."""
    subj, passive = _subject(verb)
    if passive:
        return _agent(verb), subj
    return subj, next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)


def _covers(m: Mapping[str, Any] | None, tok: Token) -> bool:
    """Does the entity mention ``m`` span the token ``tok``?"""
    return m is not None and int(m.get("start", -1)) <= tok.idx < int(m.get("end", -1))


#: Switch: a name that holds the trigger word is no participant (see arguments()).
NOT_ITS_OWN_NAME = True
