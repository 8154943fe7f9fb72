"""Event arguments: who did it (``actor``), to whom (``target``) and where (``location``).

``actor`` and ``target`` are canonical entities (the ``entity`` dicts of the entity
mentions we are given), found from the parse: active verbs (nsubj / dobj), passives
(nsubjpass / agent "by X"), nominal triggers ("X's attack on Y", "attack by X", "Houthi
attack", "talks between X and Y"), and light verbs ("X launched an attack on Y" makes
*attack* the trigger and X its actor). ``location`` is a place entity in an "in / at /
near / off" phrase of the trigger. :mod:`analysis.participants` holds the rules that
correct what the parse gives (a headline's common word, who died, the accused, one of a
people, an employer).

The prepositions that name a target are :mod:`analysis.prep_targets`, the passives a
headline writes without an auxiliary :mod:`analysis.passives`, and the names the tagger
left out :mod:`analysis.untagged_names`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from analysis import antecedents, misreads
from analysis.clause_place import LOCATIVE_PREPS, told_place
from analysis.control import CHOOSING_VERBS
from analysis.entity_index import (
    EntityIndex,
    modifier_place,
)
from analysis.mentions import label_of, name_of
from analysis.occurrence_verbs import occurrence_verb
from analysis.participants import (
    employer,
    one_of_a_people,
    one_of_the_accused,
    one_party,
    the_dying,
)
from analysis.passives import headline_passive
from analysis.prep_targets import TARGET_PREPS, not_a_site, site_beside_object, target_preps_of
from analysis.role_words import (
    DEATH_NOUNS,
    ONE_PARTY_NOUNS,
    PATIENT_NOUNS,
)
from analysis.shared_subjects import gerund_noun
from analysis.subjects import agent as _agent
from analysis.subjects import prep_objects as _prep_objects
from analysis.subjects import subject as _subject
from analysis.support_verbs import light_verb, placing_verb
from analysis.triggers import is_nominal_trigger
from analysis.untagged_names import untagged_name

if TYPE_CHECKING:
    from spacy.tokens import Token


def _conj_pair(tok: Token) -> tuple[Token, Token | None]:
    conj = next((c for c in tok.children if c.dep_ == "conj"), None)
    return tok, conj


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


#: Switch: the two sides of "between X and Y" are actor and target in the order of their
#: names, not of the text (the happening is the same either way round).
BETWEEN_IN_NAME_ORDER = True


#: Switch: where the verb that says a nominal trigger happens puts it is the trigger's
#: place: "The shooting occurred about 3:10 p.m. in the 12200 block of 223rd Street in
#: Hawaiian Gardens" (ECB+ 16, 16_5ecbplus), "The explosion occurred Friday afternoon at a
#: West Coast Bank branch in Woodburn" (8_1ecb) (see
#: :func:`analysis.occurrence_verbs.occurrence_verb`).
OCCURRENCE_PLACE = True


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
                for p in _prep_objects(tok, target_preps_of(tok)):
                    if site_beside_object(obj, p):
                        continue  # "hit another vehicle at the intersection of ..."
                    target = not_a_site(p, ents.near(p))
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
        for p in _prep_objects(tok, TARGET_PREPS | frozenset({"of", "with"})):
            target = target or not_a_site(p, ents.near(p))
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
            for p in _prep_objects(light, TARGET_PREPS):
                target = target or ents.near(p)
        placing = placing_verb(tok) if light is None else None
        if placing is not None:
            anchors.append(placing)
            doer, put = _doer(placing)
            actor = actor or ents.near(doer)
            target = target or ents.near(put)
        elif light is None and OCCURRENCE_PLACE and (occurs := occurrence_verb(tok)) is not None:
            anchors.append(occurs)  # "The shooting occurred in Philadelphia": its place
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
            actor = untagged_name(tok)
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
