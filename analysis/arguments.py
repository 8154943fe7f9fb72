"""Event arguments: who did it (``actor``), to whom (``target``) and where (``location``).

``actor`` and ``target`` are canonical entities (the ``entity`` dicts of the entity
mentions we are given), found from the parse: active verbs (nsubj / dobj), passives
(nsubjpass / agent "by X"), nominal triggers ("X's attack on Y", "attack by X", "Houthi
attack", "talks between X and Y"), and light verbs ("X launched an attack on Y" makes
*attack* the trigger and X its actor). ``location`` is a place entity in an "in / at /
near / off" phrase of the trigger.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from analysis.agreement import names_agree
from analysis.canon import family, key_form
from analysis.gazetteer import country
from analysis.markets import INDEX_WORDS
from analysis.role_words import (
    NON_ARGUMENT_LABELS,
    OBJECT_VERBS,
    ONE_PARTY_NOUNS,
    PATIENT_NOUNS,
)
from analysis.subjects import agent as _agent
from analysis.subjects import subject as _subject
from analysis.triggers import LIGHT_VERBS, event_type, is_nominal_trigger

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
_LOCATIVE_PREPS = frozenset(
    ["in", "at", "near", "off", "outside", "inside", "across", "throughout", "into"]
)
_TARGET_PREPS = frozenset(["on", "against", "at", "targeting", "upon"])
_ARG_PREPS = frozenset(["of", "to", "from", "for"])
_ARG_DEPS = frozenset(
    ["compound", "poss", "amod", "nmod", "appos", "npadvmod", "pobj", "prep", "nummod"]
)


#: Tokens from a phrase's head to its apposition's head, at most ("a bulk carrier, the
#: Magic Seas": 4; "Fritz Henderson, the Chief Executive Officer of General Motors": 5;
#: 8 lost ECB+ links of longer titles; the CNN page's stray one is 14 away).
APPOS_SPAN = 12
#: Pronouns that stand for one person (see :meth:`EntityIndex.antecedent`).
PERSONAL_PRONOUNS = frozenset(["he", "she", "him", "her", "his"])


#: Double quotation marks: what stands on two sides of one is a quote and its speaker.
QUOTE_MARKS = frozenset('"“”')


def across_quote(between: str) -> bool:
    """Does the text ``between`` two places hold an odd number of quotation marks (one
    place inside a quote, the other outside: '“... she only shot ...,” says Fairman')?"""
    return sum(ch in QUOTE_MARKS for ch in between) % 2 == 1


def _label_of(m: Mapping[str, Any]) -> str | None:
    return m.get("label") or (m.get("entity") or {}).get("label")


def _name_of(m: Mapping[str, Any]) -> str:
    ent = m.get("entity") or {}
    return str(ent.get("name") or m.get("text") or "")


#: A person's "his" / "her" names another than the noun it owns ("his mother").
OWNER_IS_ANOTHER = True
#: Switch for EntityIndex._bound (an object pronoun is not its verb's subject).
OBJECT_NOT_SUBJECT = True


class EntityIndex:
    """Token index -> entity mention, over one Doc."""

    def __init__(self, doc: Doc, mentions: Iterable[Mapping[str, Any]]) -> None:
        self.by_token: dict[int, Mapping[str, Any]] = {}
        for m in mentions:
            ent = m.get("entity")
            if not ent or (m.get("label") or ent.get("label")) in NON_ARGUMENT_LABELS:
                continue
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.by_token.setdefault(t.i, m)
        #: Token index where each person is named, in text order (for "he" / "she").
        self.people: list[tuple[int, Mapping[str, Any]]] = []
        seen: set[int] = set()
        for i in sorted(self.by_token):
            m = self.by_token[i]
            if id(m) not in seen:
                seen.add(id(m))
                if _label_of(m) == "PERSON":
                    self.people.append((i, m))

    def at(self, tok: Token) -> Mapping[str, Any] | None:
        m = self.by_token.get(tok.i)
        if m is None and tok.lower_ in PERSONAL_PRONOUNS:
            return self.antecedent(tok)
        return m

    def antecedent(self, tok: Token) -> Mapping[str, Any] | None:
        """The person "he" / "she" stands for, when the text leaves no doubt: the last
        person named before it in its sentence, else the only person named in the
        sentence before ("When Apple CEO Steve Jobs introduced iPhone 4, he praised
        the antenna"). Two people in the previous sentence: no guess."""
        sent = tok.sent
        here = [(i, m) for i, m in self.people if sent.start <= i < tok.i]
        bound = self._bound(tok)
        if bound is not None:
            # "him" is never the subject of its own verb: "Ortiz was hoping to arrest him"
            here = [(i, m) for i, m in here if m is not bound]
        if here:
            # the speaker of a quote is not the "she" inside it: '"... and she only shot
            # the ones she held responsible," says ADA Fairman' (no guess then)
            outside = [m for i, m in here if not across_quote(tok.doc[i + 1 : tok.i].text)]
            return outside[-1] if outside else None
        if sent.start == 0:
            return None
        if any(
            t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass")
            for t in tok.doc[sent.start : tok.i]
        ):
            # "Once Trump released the transcript of his call": a name the tagger left
            # untagged is the likelier antecedent than the last sentence's person.
            return None
        before = tok.doc[sent.start - 1].sent
        names = {_name_of(m): m for i, m in self.people if before.start <= i < before.end}
        return next(iter(names.values())) if len(names) == 1 else None

    def _bound(self, tok: Token) -> Mapping[str, Any] | None:
        """The person an object pronoun cannot stand for: its own verb's subject ("Ortiz
        hoped to arrest him": not Ortiz; he would have said "himself")."""
        if not OBJECT_NOT_SUBJECT or tok.lower_ not in ("him", "her", "them"):
            return None
        if tok.dep_ not in ("dobj", "dative") or tok.head.pos_ not in ("VERB", "AUX"):
            return None
        who, passive = _subject(tok.head)
        if who is None or passive:
            return None
        return self.by_token.get(who.i)

    def near(
        self, tok: Token | None, depth: int = 4, *, places: bool = False
    ) -> Mapping[str, Any] | None:
        """The entity that ``tok`` names, or the closest one in its noun phrase.

        Breadth-first down the modifiers ("Hamas fighters", "forces loyal to Yemen's
        government", "a bulk carrier, the Magic Seas"), never into clauses. A place that
        only modifies a noun ("a Detroit firm", see :func:`modifier_place`) is the
        phrase's entity only when looking for ``places``.
        """
        if tok is None:
            return None
        frontier = [tok]
        for level in range(depth + 1):
            nxt = []
            for t in frontier:
                m = self.at(t)
                if m is not None and level > 0 and not places and modifier_place(t, m):
                    continue  # "a suburban Detroit accounting firm" is not Detroit
                if m is not None and level > 0 and origin_place(t, m):
                    continue  # "the man, from Hampton East, fell": he is not the town
                if m is not None:
                    return m
                # An apposition names the phrase's head itself ("the primary UK index,
                # the FTSE 100"); its other modifiers are places, kinds, owners: first.
                for c in sorted(t.children, key=lambda c: c.dep_ != "appos"):
                    if c.dep_ not in _ARG_DEPS:
                        continue
                    if c.dep_ == "appos" and (level > 0 or abs(c.i - t.i) > APPOS_SPAN):
                        # only the phrase's own apposition, not one deeper, and one right
                        # after it ("a bulk carrier, the Magic Seas"), not one the parser
                        # hung on it from the far end of the sentence ("killed four crew
                        # members, injured others ..., the European Union naval operation
                        # Aspides told CNN")
                        continue
                    if c.dep_ == "prep" and c.lower_ not in _ARG_PREPS:
                        continue  # "the Houthis in Yemen" are not Yemen
                    if c.dep_ == "poss" and c.lower_ in ("his", "her") and OWNER_IS_ANOTHER:
                        continue  # "the murder of his mother": she is not he
                    nxt.append(c)
            frontier = nxt
        return None

    def place_near(self, tok: Token) -> Mapping[str, Any] | None:
        m = self.near(tok, depth=2, places=True)
        if m is not None and _label_of(m) in PLACE_LABELS:
            return m
        return None


def modifier_place(tok: Token, m: Mapping[str, Any]) -> bool:
    """Is ``tok`` (naming ``m``) a place below the level of a country that modifies the
    noun it hangs on ("a suburban Detroit accounting firm", "the Michigan office
    shooting")? Such a place says where, not who: the firm is not Detroit. A country
    modifying a noun is a side ("US forces", "Iran talks") and stays."""
    if tok.dep_ not in ("compound", "amod", "nmod") or _label_of(m) not in PLACE_LABELS:
        return False
    return country(_name_of(m), codes=True) is None


def origin_place(tok: Token, m: Mapping[str, Any]) -> bool:
    """Is ``tok`` (naming ``m``) a place a noun comes from ("a man from Ohio", "the
    climber, from Hampton East")? It tells where someone is from, not who they are, nor
    where the event happened."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "from" and _label_of(m) in PLACE_LABELS


def _not_a_site(obj: Token, m: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """The entity of an "at" object unless it is a place: "fired at the soldiers" names
    whom, "the shooting at Fort Hood" where."""
    if m is not None and obj.head.lower_ == "at" and _label_of(m) in PLACE_LABELS:
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
                # "clashed with X", "met with X" name a counterpart; "voted with X" an ally
                preps = (
                    _TARGET_PREPS | {"with"}
                    if event_type(tok.lemma_, "VERB") in (_WITH_TYPES)
                    else _TARGET_PREPS
                )
                for p in _prep_objects(tok, preps):
                    target = _not_a_site(p, ents.near(p))
                    if target is not None:
                        break
    else:
        patient = tok.lemma_.lower() in PATIENT_NOUNS
        for c in tok.children:
            if c.dep_ == "poss" and patient:
                target = target or ents.near(c, depth=1)
            elif c.dep_ == "poss" and actor is None:
                actor = ents.near(c, depth=1)
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
            actor = actor or ents.near(_agent(light) if passive else subj)
            between += _prep_objects(light, frozenset({"between"}))
            for p in _prep_objects(light, _TARGET_PREPS):
                target = target or ents.near(p)
        for p in between:
            first, second = _conj_pair(p)
            actor = actor or ents.near(first, depth=1)
            if second is not None:
                target = target or ents.near(second, depth=1)
        if actor is None and not patient:
            actor = _untagged_name(tok)
        if patient and target is None:
            target = _possessor_before(tok, ents)
        elif not patient and actor is None:
            actor = _possessor_before(tok, ents)
    if NOT_ITS_OWN_NAME:
        # "Daring Diamond Heist", "Shop Raid": a name the trigger is a word of is the
        # happening's own name (a headline the tagger took for one), not who took part
        actor = None if _covers(actor, tok) else actor
        target = None if _covers(target, tok) else target
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


def _one_party(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two mentions of one party (the same mention, entity, or agreeing names: "Yemen" and
    "Yemeni"): an event's actor is never its own target."""
    if a is b or (a.get("entity") is not None and a.get("entity") is b.get("entity")):
        return True
    name_a = (a.get("entity") or {}).get("name") or a.get("text") or ""
    name_b = (b.get("entity") or {}).get("name") or b.get("text") or ""
    return names_agree(name_a, name_b)
