"""Noun phrases of a sentence, short as a headline writes them, read from the parse.

Used by :mod:`analysis.gist` for the subjects and objects of its clauses, and for noun
triggers outside any clause ("the bailout of large insurance firm AIG by the Federal
Reserve" -> "Bailout of AIG by Federal Reserve"). A name reads as the entity step found
it; a pronoun reads as the person the text names, or not at all. The tokens a phrase
keeps are chosen by :mod:`analysis.phrase_tokens` and written back as text by
:mod:`analysis.phrase_text`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from analysis.clauses import capital, word_set
from analysis.entity_index import EntityIndex, speaker_after
from analysis.mentions import name_of
from analysis.nlp import known_words
from analysis.phrase_text import PHRASE_PARTS, render_tokens
from analysis.phrase_tokens import gather_tokens
from analysis.referents import (
    PRONOUNS,
    PRONOUNS_POSS,
    group_before,
    named_above,
    named_first,
    owner_above,
    pronoun,
)
from analysis.verb_agreement import is_plural
from analysis.verb_agreement import team as is_team

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Prepositions that tell who or what a noun is about ("bailout of AIG", "attack on Iran").
NOUN_PREPS = word_set("of on against with between by to for over")
#: Labels of names a phrase reads as the entity step wrote them.
_NAMED = word_set("PERSON ORG GPE NORP LOC FAC PRODUCT EVENT")
#: Most words a noun trigger's own phrase keeps ("Purchase of 22 new Boeing 787 Dreamliners").
NOUN_WORDS = 7
#: How a phrase too long is cut, in turn: (prepositions?, adjectives?, adjectives of
#: the prepositions' objects?).
_LEVELS = (
    (True, True, True),
    (True, True, False),
    (True, False, False),
    (False, True, False),
    (False, False, False),
)


#: Switch: a capitalised word the tagger took for a plural noun that is the last word of
#: a person the text names ("Jobs" after "Steve Jobs") is that one person.
SURNAME_IS_ONE = True
#: Switch: a common plural the tagger took for a name, lower-case ("hosted by U.S.
#: comedians", tagged NNPS) or capitalised only by opening its sentence ("Pamphlets
#: announced rallies", NNP), and no entity's, is plural: they were titled "U.S. comedians
#: hosts the program" and "Pamphlets announces rallies".
COMMON_PLURAL_IS_PLURAL = True


def _common_plural(head: Token) -> bool:
    """Is ``head``, tagged as a name, a common noun's plural ("comedians", a sentence's
    first "Pamphlets")? Its word without "-s" is a common word."""
    word = head.text
    if not COMMON_PLURAL_IS_PLURAL or head.tag_ not in ("NNP", "NNPS"):
        return False
    if not (word.islower() or (head.i == head.sent.start and word[1:].islower())):
        return False
    low = word.lower()
    return low.endswith("s") and not low.endswith(("ss", "us", "is")) and low[:-1] in known_words()


#: Switch: an organisation tagged plural and written with "the" ("the New Orleans
#: Saints") is a team and takes a plural verb (see analysis.verb_agreement.team).
THE_TEAM = True


def _named_person(tok: Token, ents: EntityIndex) -> bool:
    """Is ``tok`` (capitalised, no entity of its own) a named person's last word?"""
    if not tok.text[:1].isupper():
        return False
    return any(name_of(p).split()[-1:] == [tok.text] for _, p in ents.people)


#: Switch: with ``unowned``, a noun trigger's possessive pronoun is left out of its
#: phrase when a preposition right after the noun names what it is about: "its acquisition
#: of free agent Elton Brand" is "Acquisition of free agent Elton Brand" (the clause
#: around it was the title: "Lineup seems to be become"). The gist asks for it only when
#: no clause holds the noun ("groups increased their attacks on allies" says more).
OWNER_DROPPED = True


def noun_phrase(
    tok: Token, ents: EntityIndex, *, bare: bool = False, unowned: bool = False
) -> str | None:
    """A noun trigger's own phrase, when it names someone or something it is about
    ("Hamas' statement", "the bailout of AIG"), or with ``bare`` when it only says what
    kind ("a new nuclear deal"); None for a lone word and for a phrase that would show a
    pronoun ("a threat to their deterrent")."""
    text, _ = phrase(tok, ents, NOUN_WORDS, preps=NOUN_PREPS, partners=not TRIGGER_ALONE)
    if TRIGGER_ALONE and len((text or "").split()) < 2:
        text, _ = phrase(tok, ents, NOUN_WORDS, preps=NOUN_PREPS)  # "attacks and threats"
    words = (text or "").split()
    if unowned and OWNER_DROPPED and len(words) > 2 and words[0].lower() in PRONOUNS_POSS:
        # "its acquisition of free agent Elton Brand": whose, the "of" tells without it
        text = " ".join(words[1:]) if words[2].lower() in NOUN_PREPS else text
    if not text or any(w.lower() in PRONOUNS | PRONOUNS_POSS for w in text.split()):
        return None
    told = any(
        (c.dep_ == "poss" and c.lower_ not in PRONOUNS_POSS)
        or (
            c.dep_ == "prep"
            and c.lower_ in NOUN_PREPS
            and any(g.dep_ == "pobj" for g in c.children)
        )
        or (c.dep_ == "compound" and c.pos_ == "PROPN")
        for c in tok.children
    )
    return capital(text) if (told or bare) and len(text.split()) > 1 else None


def phrase(
    head: Token | None,
    ents: EntityIndex,
    budget: int,
    *,
    preps: frozenset[str],
    subject: bool = False,
    lead: bool = True,
    partners: bool = True,
) -> tuple[str | None, bool]:
    """(text, plural?) of the noun phrase headed by ``head`` (``lead``: it opens the title,
    without its article), short: its determiners,
    adjectives, compounds, possessors and numbers, its "and" partners, the prepositions
    ``preps`` with their objects; cut down to ``budget`` words (the adjectives of the
    prepositions' objects go first, then the prepositions, then the adjectives). A name
    reads as the entity step found it ("General Motors", not "United States automobile
    company General Motors"); a pronoun reads as its person, or is None; so does a
    ``subject`` that is someone's ("their stocks": whose?). Without ``partners`` the
    head's "and" partners are left out (see TRIGGER_ALONE)."""
    if head is None:
        return None, False
    if head.lower_ in PHRASE_PARTS and head.pos_ in ("PRON", "DET", "NOUN", "ADJ"):
        part = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((g for g in part.children if g.dep_ == "pobj"), None) if part else None
        if whole is not None:
            return phrase(whole, ents, budget, preps=preps, subject=subject)
    if DEMONSTRATIVE_TOLD and head.lower_ in ("those", "these"):
        told = _demonstrative(head, budget)
        if told:
            return told, True
    if pronoun(head):
        if head.lower_ in ("they", "them"):
            group = group_before(head)
            if group is not None:  # "The two companies have ..., but Congress required them"
                return phrase(group, ents, budget, preps=frozenset(), subject=subject)[0], True
        first = named_first(head, ents) or named_above(head, ents)
        if first is not None:  # "Even as Iran reels from ..., it has persisted in arming"
            return phrase(first, ents, budget, preps=frozenset(), subject=subject)
        m = ents.antecedent(head) if head.lower_ in ("he", "she", "him", "her") else None
        if m is None:
            return None, head.lower_ in ("they", "we", "them", "us")
        name = str((m.get("entity") or {}).get("name") or m.get("text") or "")
        return (name or None), False
    joined = partners and any(c.dep_ == "conj" for c in head.children)
    plural = joined or (
        head.tag_ == "NNS" or (head.tag_ == "NNPS" and is_plural(head.text))  # not "Jobs"
    )
    m = ents.by_token.get(head.i)
    plural = plural or (m is None and _common_plural(head))
    if THE_TEAM and head.tag_ == "NNPS" and is_team(head.text, head.sent.text):
        # "The Colts ... defeating the Jags", no entity: a team, unless the writer makes
        # it one ("The Grammy Awards spiced up its nominations")
        verb = head.head
        plural = plural or not (verb.tag_ == "VBZ" or any(t.lower_ == "its" for t in verb.subtree))
    if SURNAME_IS_ONE and plural and m is None and _named_person(head, ents):
        plural = False  # "Jobs then moved on" after "Steve Jobs": the tagger's NNS
    if m is not None and not joined:
        start, end = int(m["start"]), int(m["end"])
        name = _written(head, m) if start <= head.idx < end else ""
        if name.lower().startswith("the "):
            name = name[4:]
        label = m.get("label") or (m.get("entity") or {}).get("label")
        count = [
            head.doc[c.left_edge.i : c.right_edge.i + 1].text
            for c in head.children
            if c.dep_ == "nummod" and c.idx < start and c.ent_type_ not in ("DATE", "TIME")
        ]
        if count and label != "PERSON":
            # "[Three] Democrats", "[thirty-one] Republicans"; a person is not counted
            # ("Mother of [13] Zurana Horton": the mother's children)
            name = " ".join([*count, name])
        if name and len(name.split()) <= budget and label in _NAMED:
            said_in = head.sent.text if label in ("PERSON", "ORG", "NORP") else ""  # "the Houthis"
            # A plural tag is trusted on a common noun ("Wireless routers") and on a name
            # that reads as a group ("Houthis"), not on one man's name ("Jobs").
            tagged = head.tag_ == "NNS" or (head.tag_ == "NNPS" and is_plural(name))
            grouped = label == "PERSON" and is_plural(name) and _with_article(head, name)
            team = THE_TEAM and label == "ORG" and head.tag_ == "NNPS" and is_team(name, said_in)
            many = (
                is_plural(name, label, sentence=said_in) or tagged or grouped or bool(count) or team
            )
            return name, many
    named = next(
        (
            c
            for c in head.children
            if c.dep_ == "appos" and c.i in ents.by_token and not speaker_after(c)
        ),
        None,
    )
    if named is not None and head.i not in ents.by_token and head.pos_ == "NOUN":
        # "Iran's key ally in Lebanon, Hezbollah": the name says who.
        return phrase(named, ents, budget, preps=frozenset(), subject=subject)
    said: dict[int, str] = {}
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in PRONOUNS_POSS), None)
    # (in a reported clause "its" stays: "Boeing confirms its approach", see clause())
    party = owner_above(owner, ents) if owner is not None and subject else None
    if party is not None and owner is not None:
        # "Ford Motor Company said that [its] sales rose": the party named above owns it
        whose = phrase(party, ents, budget, preps=frozenset())[0]
        if whose:
            said[owner.i] = whose + "'s"
    if subject and owner is not None and not said.get(owner.i):
        person = ents.antecedent(owner) if owner.lower_ in ("his", "her") else None
        who = str((person.get("entity") or {}).get("name") or "") if person else ""
        if not who:
            return None, plural
        said[owner.i] = who + "'s"  # "her parents" -> "Gloria's parents"
    for with_preps, adjectives, inner in _LEVELS:
        toks = gather_tokens(
            head, ents, preps if with_preps else frozenset(), adjectives, inner, partners
        )
        if POSSESSOR_ALONE and head.dep_ == "poss":
            toks = [t for t in toks if not (t.dep_ == "case" and t.head.i == head.i)]
        words = render_tokens(toks, said, subject=subject, lead=lead)
        if words and len(words.split()) <= budget:
            return words, plural
    if m is not None:  # "International Monetary Fund and the World Bank": the first name
        name = _written(head, m)
        name = name[4:] if name.lower().startswith("the ") else name
        return name + " and others" * plural, plural
    counted = [c for c in head.children if c.dep_ in ("nummod", "quantmod") or c.lower_ == "per"]
    if AMOUNT_WHOLE and counted and not subject:
        # "up to an additional 15 per cent" cut down is "15 per cent", never "cent"
        kept = {t.i: t for c in counted for t in c.subtree} | {head.i: head}
        words = " ".join(kept[i].text for i in sorted(kept))
        if len(words.split()) <= budget + 2:
            return words, plural
    return head.text, plural


#: Switch for :func:`noun_phrase`: a noun trigger's phrase leaves out its "and"
#: partners: "He was in prison after being convicted of aggravated sexual assault of a
#: child and aggravated assault with a deadly weapon" (ECB+ 3_9ecbplus) titled its first
#: assault "Assault of a child and assault"; another told "Assault and two counts".
#: A word alone keeps its partners ("these attacks and threats": "Attacks and threats").
TRIGGER_ALONE = True


#: Switch for :func:`phrase`: a possessor told on its own is told without its "'s": "the
#: firm's practice after acquiring a newspaper" (the extraction benchmark's
#: washingtonpost.com page on Gannett and GateHouse) was titled "Firm's acquires a
#: newspaper".
POSSESSOR_ALONE = True


#: Switch for :func:`phrase`: a counted noun that is no subject ("15 per cent", "750
#: tons"), cut down to its head, keeps its number (a subject cut so far is told another
#: way: "Two United States service members killed", not "Two members killed").
AMOUNT_WHOLE = True


#: Switch: "those" or "these" with an adjective after it that says who they are ("those
#: responsible") are told as written (ECB+ 8, 8_8ecbplus: "Papandreou vowed to bring those
#: responsible to justice" was titled "Papandreou vows to bring"). (Not a participle:
#: "those involved in the attack" is a clause, told by whoever tells the clause.)
DEMONSTRATIVE_TOLD = True


def _demonstrative(head: Token, budget: int) -> str:
    """ "those responsible for the deaths", cut to ``budget`` words ("those responsible"),
    for a demonstrative pronoun with an adjective after it; else ""."""
    said = next((c for c in head.children if c.dep_ == "amod" and c.i > head.i), None)
    if said is None or said.tag_ not in ("JJ", "JJR", "JJS"):
        return ""
    words = [head, *said.subtree]
    if len(words) > budget:
        words = [head, said]
    return " ".join(t.text for t in words) if len(words) <= budget else ""


def _with_article(tok: Token, name: str) -> bool:
    """Does the text write this one-word name with "the" somewhere ("the Houthis"): a
    group the tagger took for a person, though this sentence says "by Houthis"."""
    if " " in name:
        return False
    doc = tok.doc
    return any(t.text == name and t.i and doc[t.i - 1].lower_ == "the" for t in doc)


def _written(tok: Token, mention: Mapping[str, Any]) -> str:
    """A mention's words as the text writes them (``Doc.text`` would join the whole
    document on every call)."""
    span = tok.doc.char_span(int(mention["start"]), int(mention["end"]), alignment_mode="expand")
    return span.text if span is not None else str(mention.get("text") or "")
