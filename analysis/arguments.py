"""Event arguments: who did it (``actor``), to whom (``target``) and where (``location``).

``actor`` and ``target`` are canonical entities (the ``entity`` dicts of the entity
mentions we are given), found from the parse: active verbs (nsubj / dobj), passives
(nsubjpass / agent "by X"), nominal triggers ("X's attack on Y", "attack by X", "Houthi
attack", "talks between X and Y"), and light verbs ("X launched an attack on Y" makes
*attack* the trigger and X its actor). ``location`` is a place entity in an "in / at /
near / off" phrase of the trigger.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from analysis import entity_index
from analysis.agreement import names_agree
from analysis.canon import family, key_form
from analysis.entity_index import (
    PLACE_LABELS,
    EntityIndex,
    _label_of,
    modifier_place,
)
from analysis.markets import INDEX_WORDS
from analysis.nlp import known_words
from analysis.role_words import (
    DEATH_NOUNS,
    DYING_LEMMAS,
    EMPLOYEES,
    OBJECT_VERBS,
    ONE_PARTY_NOUNS,
    PATIENT_NOUNS,
)
from analysis.subjects import agent as _agent
from analysis.subjects import subject as _subject
from analysis.triggers import LIGHT_VERBS, event_type, is_nominal_trigger

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_LOCATIVE_PREPS = frozenset(
    ["in", "at", "near", "off", "outside", "inside", "across", "throughout", "into"]
)
_TARGET_PREPS = frozenset(["on", "against", "at", "targeting", "upon"])
#: A switch: what a verb's subject goes "into" that is no place is what it is done to:
#: "checked into Morningside Recovery" and "checked into the Betty Ford Center" are two
#: happenings of one day, as "broke into the Watergate offices" names what was broken.
INTO_TARGETS = True


def _target_preps(tok: Token) -> frozenset[str]:
    """The prepositions whose object is the verb ``tok``'s target: "clashed with X",
    "met with X" name a counterpart ("voted with X" an ally)."""
    preps = _TARGET_PREPS | {"into"} if INTO_TARGETS else _TARGET_PREPS
    return preps | {"with"} if event_type(tok.lemma_, "VERB") in _WITH_TYPES else preps


def _not_a_site(obj: Token, m: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """The entity of an "at" or "into" object unless it is a place: "fired at the
    soldiers" names whom, "the shooting at Fort Hood" where."""
    if m is not None and obj.head.lower_ in ("at", "into") and _label_of(m) in PLACE_LABELS:
        return None
    return m


def _prep_objects(tok: Token, preps: frozenset[str]) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _conj_pair(tok: Token) -> tuple[Token, Token | None]:
    conj = next((c for c in tok.children if c.dep_ == "conj"), None)
    return tok, conj


def light_verb(tok: Token) -> Token | None:
    """The light verb governing a nominal trigger ("launched an attack", "filed for
    bankruptcy"), if any."""
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_ in LIGHT_VERBS:
        return head
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.pos_ == "VERB"
        and head.head.lemma_ in FILING_VERBS
    ):
        return head.head
    return None


#: Verbs whose "for X" is the event itself: GM "filed for bankruptcy".
FILING_VERBS = frozenset(["file", "apply", "seek"])
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


def headline_passive(tok: Token, obj: Token | None) -> bool:
    """A past form of an object-taking verb with no object and no auxiliary."""
    return (
        obj is None
        and tok.tag_ in ("VBD", "VBN")
        and tok.lemma_.lower() in OBJECT_VERBS
        and not any(c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for c in tok.children)
        and any(c.dep_ == "nsubj" for c in tok.children)
    )


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
            and not _headline_word(c)
        ):
            return _organisation(c.text, c.idx)
    return None


#: Switch: in a headline written in title case ("Iran Villagers Shelter In Tents After
#: Killer Quake", "FALLOUT CONTINUES AFTER BRAZEN ESCAPE", "Microsoft Rushes Emergency
#: Fix"), a capitalised common word before the event noun is no name the tagger left out
#: (see :func:`_untagged_name`): "Killer" made the quake's doer.
HEADLINE_WORDS_NO_NAMES = True
#: A sentence is a title-case headline when this share of its content words outside
#: names, after its first word (at least two), begin with a capital: "In Tents After
#: Killer Quake", not "Police arrested Peter Smith in London" (a sentence full of names).
HEADLINE_CAPITALS = 0.8
#: Only words this long: "CA", "IR", "UK" are more often abbreviations of names.
HEADLINE_WORD_LETTERS = 4


def title_case(sent: Span) -> bool:
    """Is ``sent`` a headline in title case (see HEADLINE_CAPITALS)?"""
    words = [t for t in sent[1:] if t.is_alpha and not t.is_stop and not t.ent_type_]
    capitals = sum(t.text[0].isupper() for t in words)
    return len(words) >= 2 and capitals >= HEADLINE_CAPITALS * len(words)


def _headline_word(tok: Token) -> bool:
    """Is ``tok`` a common word capitalised by a title-case headline, not a name (see
    HEADLINE_WORDS_NO_NAMES)? Common: a word of the lemmatizer's WordNet index."""
    if not HEADLINE_WORDS_NO_NAMES or len(tok.text) < HEADLINE_WORD_LETTERS:
        return False
    if not title_case(tok.sent):
        return False
    words = known_words()
    return tok.lower_ in words or tok.lemma_.lower() in words


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


#: Switch: who died is the target of "die" / "death" / "dead", as of "kill" ("Horton
#: died" and "the killing of Horton" tell one happening to one person).
DEAD_ARE_TARGETS = True


def dying(tok: Token) -> bool:
    """Is the trigger a word of dying ("died", "death", "dead", "passed away")?"""
    lemma = tok.lemma_.lower()
    if lemma == "pass":
        return any(c.dep_ == "prt" and c.lower_ == "away" for c in tok.children)
    return lemma in DYING_LEMMAS


#: Switch: who died is a person (or a people): a firm, an event or a title the parse made
#: the subject ("Watergate figure Fred LaRue dies", "Mafia 'Oddfather', Vincent 'Chin'
#: Gigante, dies") gives way to the last person named before the word in its sentence.
DEAD_ARE_PEOPLE = True


def _the_dead(tok: Token, target: Mapping[str, Any], ents: EntityIndex) -> Mapping[str, Any]:
    if _label_of(target) in ("PERSON", "NORP"):
        return target
    people = [
        m
        for t in tok.sent
        if t.i < tok.i and (m := ents.by_token.get(t.i)) is not None and _label_of(m) == "PERSON"
    ]
    return people[-1] if people else target


def arguments(
    tok: Token, ents: EntityIndex
) -> tuple[Mapping[str, Any] | None, Mapping[str, Any] | None, Mapping[str, Any] | None]:
    """(actor, target, location) entity mentions of a trigger token."""
    actor = target = None
    anchors = [tok]
    guessed = False  # the actor is a pronoun's antecedent (see EntityIndex.antecedent)
    if tok.pos_ in ("VERB", "AUX"):
        subj, passive = _subject(tok)
        guessed = subj is not None and subj.pos_ == "PRON" and not passive
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        passive = passive or headline_passive(tok, obj)
        if passive:
            target = ents.near(subj)
            actor = ents.near(_agent(tok))
        elif subj is not None and subj.i != tok.i and is_nominal_trigger(subj):
            # "An attack on a ship killed four": the attack's actor, not its target.
            actor = arguments(subj, ents)[0]
            target = ents.near(obj)
        else:
            actor = ents.near(subj)
            target = ents.near(obj)
            if target is None:
                for p in _prep_objects(tok, _target_preps(tok)):
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
            subj, passive = _subject(light)
            if not (entity_index.TELLER_OUTLIVES and tok.lemma_.lower() in DEATH_NOUNS):
                # "announced her death": the one who announced did not die
                actor = actor or ents.near(_agent(light) if passive else subj)
            between += _prep_objects(light, frozenset({"between"}))
            for p in _prep_objects(light, _TARGET_PREPS):
                target = target or ents.near(p)
        for p in between:
            first, second = _conj_pair(p)
            sides = [ents.near(first, depth=1), ents.near(second, depth=1) if second else None]
            if BETWEEN_IN_NAME_ORDER and actor is None and target is None and all(sides):
                # "communications between Europe and the Middle East" and "between the
                # Middle East and Europe": one happening whichever side is told first
                sides.sort(key=lambda m: entity_index.name_of(m or {}).lower())
            actor = actor or sides[0]
            target = target or sides[1]
        if actor is None and not patient:
            actor = _untagged_name(tok)
        if patient and target is None:
            target = _possessor_before(tok, ents)
        elif not patient and actor is None:
            actor = _possessor_before(tok, ents)
    if DEAD_ARE_TARGETS and target is None and dying(tok):
        actor, target = None, actor  # "Gigante died", "her death": it befell Gigante
    if DEAD_ARE_PEOPLE and target is not None and dying(tok):
        target = _the_dead(tok, target, ents)
    if NOT_ITS_OWN_NAME:
        # "Daring Diamond Heist", "Shop Raid": a name the trigger is a word of is the
        # happening's own name (a headline the tagger took for one), not who took part
        actor = None if _covers(actor, tok) else actor
        target = None if _covers(target, tok) else target
    if EMPLOYER_IS_NOT_THE_HAND and actor is not None and _employer(actor, tok):
        actor = None  # "Kraft Foods plant worker executes two": the worker did, not Kraft
    if ONE_OF_A_PEOPLE:
        # "A British climber has fallen", "Muslim woman kills two": one person, unnamed
        actor = None if _one_of_a_people(actor, tok) else actor
        target = None if _one_of_a_people(target, tok) else target
    if actor is not None and target is not None and _one_party(actor, target):
        if guessed:
            actor = None  # "she shot Brown": "she" is not Brown; the guess was wrong
        else:
            target = None  # "intercepted by forces loyal to Yemen['s government]"
    location = None
    for a in anchors:
        for p in _prep_objects(a, _LOCATIVE_PREPS):
            location = ents.place_near(p)
            if location is not None:
                break
        if location is not None:
            break
    return actor, target, location


def _covers(m: Mapping[str, Any] | None, tok: Token) -> bool:
    """Does the entity mention ``m`` span the token ``tok``?"""
    return m is not None and int(m.get("start", -1)) <= tok.idx < int(m.get("end", -1))


#: Switch: a name that holds the trigger word is no participant (see arguments()).
NOT_ITS_OWN_NAME = True


#: A violent act by someone named only by where they work or study is not their
#: employer's or school's ("Kraft Foods plant worker executes two", "a Virginia Tech
#: student shot 32 people"); a fighter's or an officer's group acts through them.
EMPLOYER_IS_NOT_THE_HAND = True
#: Kinds of happening one person's hand does.
HAND_TYPES = frozenset(["kill", "attack"])


def _root_of(m: Mapping[str, Any], tok: Token) -> Token | None:
    """The root token of the entity mention ``m`` in ``tok``'s document (None: no
    offsets, or none that fall on tokens)."""
    if m.get("start") is None or m.get("end") is None:
        return None
    span = tok.doc.char_span(int(m["start"]), int(m["end"]), alignment_mode="expand")
    return None if span is None else span.root


def _employer(actor: Mapping[str, Any], tok: Token) -> bool:
    """Is the actor an organisation that only modifies the noun of the person who acted
    (see EMPLOYER_IS_NOT_THE_HAND)?"""
    if event_type(tok.lemma_, tok.pos_) not in HAND_TYPES or _label_of(actor) != "ORG":
        return False
    head = _root_of(actor, tok)
    if head is None:
        return False
    while head.dep_ in ("compound", "nmod") and head.head.lower_ not in EMPLOYEES:
        if head.head is head or head.head.pos_ not in ("NOUN", "PROPN"):
            return False
        head = head.head
    return head.dep_ in ("compound", "nmod") and head.head.lower_ in EMPLOYEES


#: A nationality or religion that describes one person ("a British climber", "Muslim
#: woman") is not the side that acted or was acted on: the person is (unnamed).
ONE_OF_A_PEOPLE = True


def _one_of_a_people(m: Mapping[str, Any] | None, tok: Token) -> bool:
    """Is ``m`` a NORP word modifying one (singular) thing or person other than the
    trigger ("a British climber"; not "an Israeli strike", not "Palestinian gunmen")?"""
    word = _root_of(m, tok) if m is not None and _label_of(m) == "NORP" else None
    if word is None:
        return False
    if ONE_NATIONAL and _a_national(word):
        return True  # "stopping the 40-year-old American": one man, not the US
    head = word.head
    return (
        word.dep_ in ("amod", "compound", "nmod")
        and head is not tok
        and head.tag_ == "NN"
        and not is_nominal_trigger(head)
    )


#: Switch: a people's name told as one person ("the 40-year-old American", "an
#: Iraqi") is that person, unnamed, not the people.
ONE_NATIONAL = True


def _a_national(word: Token) -> bool:
    """Is the NORP word ``word`` the head of a singular noun phrase with an article ("the
    American", "an Israeli")?"""
    return (
        word.dep_ not in ("amod", "compound", "nmod")
        and word.tag_ in ("NNP", "NN", "JJ")
        and not word.text.endswith("s")
        and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in word.children)
    )


def _one_party(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two mentions of one party (the same mention, entity, or agreeing names: "Yemen" and
    "Yemeni"): an event's actor is never its own target."""
    if a is b or (a.get("entity") is not None and a.get("entity") is b.get("entity")):
        return True
    name_a = (a.get("entity") or {}).get("name") or a.get("text") or ""
    name_b = (b.get("entity") or {}).get("name") or b.get("text") or ""
    return names_agree(name_a, name_b)
