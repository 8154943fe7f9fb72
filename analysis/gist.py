"""The gist of an event mention: its sentence's clause as a headline, read from the parse.

Why at analysis time: the store keeps a mention's sentence and offsets, not its parse,
and a title made later from the bare words loses the subject whenever it sits outside
the trigger's stretch of text: in a relative clause ("Daniel Akerson, who was appointed
by the government" -> "Government appoints Daniel Akerson"), an xcomp or conj chain
("Officials urged GM to produce viability plans" -> "GM to produce viability plans"), a
passive with its agent ("was rejected by the Home Office"). The dependency tree has them,
so the clause is put together here, once, and stored beside the mention.

A gist reads as a headline: subject, verb in the present tense agreeing with the subject
("Houthi rebels attacked" -> "Houthi rebels attack"), its object; the future as "to"
("GM will cut" -> "GM to cut"); a passive without agent as "X appointed". Places and dates
are left out (the reader shows them beside the title). A pronoun is never shown: "he" /
"she" become the person the text names (:meth:`EntityIndex.antecedent`), "it" / "they"
the subject of the clause that reports them ("GM said it would cut"); otherwise the
clause has no subject and there is no gist (None), unless its object can lead a passive
("Them hit the area" -> "Area near the posts hit").

Noun triggers: "The talks collapsed" -> "Talks collapse" (the noun is the subject);
"Israel launched an attack on Iran" -> "Israel launches attack on Iran" (a light verb);
else the noun's own phrase when it names someone ("Bailout of AIG by the Federal
Reserve").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.clause_subject import governing
from analysis.clauses import capital
from analysis.entity_index import EntityIndex
from analysis.gist_clause import clause
from analysis.gist_fallback import circumstance_participle, dangles, fallback, quote
from analysis.gist_object import OBJECT_WORDS, VERB_PREPS, occurrence
from analysis.lexicon import VERB_TYPES
from analysis.mentions import label_of, name_of
from analysis.misreads import charge_kind, contact_clause
from analysis.modality_cues import no_sign_of
from analysis.phrase_text import join
from analysis.phrases import NOUN_PREPS, noun_phrase, phrase
from analysis.recase import house_caps, house_style
from analysis.role_words import INTRANSITIVE_VERBS, OBJECT_VERBS
from analysis.shared_subjects import gerund_noun
from analysis.support_verbs import FILING_VERBS
from analysis.title_words import HOW_IT_GOES, MAX_WORDS
from analysis.triggers import LIGHT_VERBS, is_nominal_trigger, is_trigger
from analysis.verb_agreement import agree

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Prepositions after a verb that tell what a noun in its phrase is about; "in" places the
#: happening the clause tells of ("get Ukraine to investigate Democrats in the 2016
#: election": the clause is not the election's).
_NOUN_ARG_PREPS = VERB_PREPS - {"in"}


#: A switch: a shorter title of a clause a verb trigger is the infinitive of keeps the
#: trigger (see :func:`gist`).
TRIGGER_KEPT = True


def gist(tok: Token, ents: EntityIndex) -> str:
    """The headline clause of the event the trigger ``tok`` reports, in at most MAX_WORDS
    words where it can be; else what its sentence says in other words
    (:mod:`analysis.gist_fallback`: a phrase, or a quote); "" only for a sentence of one
    word."""
    if no_sign_of(tok, subject=True):
        return quote(tok)  # "no evidence that the fire was an attack": quoted, not told
    first = _gist(tok, ents, 0)
    # a verb's own clause tells it whatever is cut; a clause it is the infinitive of
    # must keep it: not "Syrian interior ministry foils an attempt" for "to smuggle"
    own = tok.pos_ in ("VERB", "AUX") and not (TRIGGER_KEPT and governing(tok).i != tok.i)
    full = _shortest(tok, ents, first, own)
    if SURNAME_LEADS and (not full or dangles(full, tok) or len(full.split()) > MAX_WORDS):
        # "Sergei Ignatiev announces mandatory reserve requirements will be slashed" is
        # one word too long, and cut to "Sergei Ignatiev announces" it says nothing: a
        # headline names a person it opens with by the surname
        person = _person_first(first, tok, ents)
        if person:
            told = _shortest(tok, ents, first, own, person)
            if told and not dangles(told, tok) and len(told.split()) <= MAX_WORDS:
                full = told
    if not full or dangles(full, tok):
        return _house_style(fallback(tok, ents) or full, tok)
    return _house_style(_without_dateline(full, tok), tok)


#: Switch: words the article writes in capitals for its house style only (a headline, a
#: paragraph's opening words: "A FIRE has badly damaged") are told as the analysis reads
#: them ("Fire damages the Waitrose supermarket", not "FIRE damages ...").
HOUSE_STYLE_CASE = True


def _house_style(told: str, tok: Token) -> str:
    """``told`` with the words its article writes in capitals for its house style
    re-cased (see :func:`analysis.recase.house_caps`, once per Doc)."""
    if not HOUSE_STYLE_CASE or not any(len(w) > 1 and w.isupper() for w in told.split()):
        return told
    doc = tok.doc
    style = doc.user_data.get(_HOUSE_STYLE)
    if style is None:
        style = doc.user_data[_HOUSE_STYLE] = house_style(doc.text)
    start, end = tok.sent.start_char, tok.sent.end_char
    if not any(s < end and start < e for s, e in style.spans):
        return told  # only a sentence written in the house style: "The US condemned"
    caps = doc.user_data.get(_HOUSE_CAPS)
    if caps is None:
        caps = doc.user_data[_HOUSE_CAPS] = house_caps(doc.text, style)
    out = _CAPS_WORD.sub(lambda m: caps.get(m.group(0), m.group(0)), told)
    if out == told:
        return told
    lead = 1 if out[:1] in "“\"'‘" else 0
    return out[:lead] + capital(out[lead:])


_HOUSE_STYLE = "newsreader.house_style"
_HOUSE_CAPS = "newsreader.house_caps"
_CAPS_WORD = re.compile(r"\b(?:[A-Z][A-Z'’-]*[A-Z]|A)\b")  # ("A" of "IN A BLAZE")


#: Switch: a clause too long or cut to nothing, opening with a person's full name, is
#: told again with the surname (see :func:`gist`).
SURNAME_LEADS = True


def _shortest(tok: Token, ents: EntityIndex, full: str, own: bool, person: str = "") -> str:
    """The clause at the least room that fits MAX_WORDS (``full`` at no room), with the
    opening ``person``'s full name told by the surname when given."""
    surname = person.split()[-1] if person else ""

    def said(text: str) -> str:
        return surname + text[len(person) :] if person and text.startswith(person) else text

    full = said(full)
    for room in range(1, len(OBJECT_WORDS)):
        if len(full.split()) <= MAX_WORDS:
            break
        told = said(_gist(tok, ents, room))
        kept = own or tok.text in told.split()
        same = told.split()[:1] == full.split()[:1] or told.split()[:1] == full.split()[1:2]
        # (who acts is not cut to its last word: not "Index strikes high")
        if len(told.split()) <= MAX_WORDS and kept and same:
            full = told  # shorter, and still telling the trigger itself
            break
    return full


def _person_first(told: str, tok: Token, ents: EntityIndex) -> str:
    """The full name (two words or more) of a person the sentence names, when the told
    clause opens with it and the person acts alone; "" otherwise."""
    for t in tok.sent:
        m = ents.by_token.get(t.i)
        if m is None or label_of(m) != "PERSON":
            continue
        name = name_of(m)
        head = t if t.head.i == t.i or ents.by_token.get(t.head.i) is not m else t.head
        if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
            continue  # "Trump and ... Robert Lighthizer recognize": not one of them alone
        if len(name.split()) >= 2 and told.startswith(name + " "):
            return name
    return ""


#: Switch: a dateline opening the sentence is no part of its clause (see
#: :func:`_without_dateline`).
DATELINE_OUT = True
_DATELINE_MARKS = frozenset([",", "(", "-", "--", "—", "–"])


def _without_dateline(told: str, tok: Token) -> str:
    """The gist without the dateline its sentence opens with: "HONOLULU, Hawaii
    (HawaiiNewsNow) - NASA scientists ... have confirmed the presence of water" is told
    by NASA's scientists, not "HONOLULU, NASA scientists". A dateline: a word written in
    capitals first in the sentence, then a comma, a parenthesis or a dash, and a
    parenthesis or a dash within eight words ("WASHINGTON (Reuters) -", "HONOLULU,
    Hawaii -")."""
    sent = tok.sent
    first = sent[0]
    if not DATELINE_OUT or len(sent) < 3 or first.i == tok.i:
        return told
    if not (first.is_alpha and first.is_upper and len(first) >= 3):
        return told
    # the tagger reads a capitalised place as anything ("HONOLULU" an organisation): the
    # mark after it tells, and a dash or an outlet's parenthesis soon after ("NASA, the
    # agency, said" is no dateline)
    if sent[1].text not in _DATELINE_MARKS:
        return told
    if not any(t.text in _DATELINE_MARKS - {","} for t in sent[1:9]):
        return told
    words = told.split()
    if len(words) < 3 or words[0] != first.text + ",":
        return told  # the gist opens with the dateline's word and its comma only
    return capital(" ".join(words[1:]))


def _gist(tok: Token, ents: EntityIndex, room: int) -> str:
    if tok.dep_ == "amod" and tok.tag_ in ("VBG", "VBN") and tok.head.pos_ in ("NOUN", "PROPN"):
        return _participle(tok, ents, tok.head)
    held = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if held is not None and tok.tag_ == "VBG" and tok.lemma_.lower() in INTRANSITIVE_VERBS:
        return _participle(tok, ents, held)  # (a gerund given an object)
    if tok.pos_ in ("VERB", "AUX") and not gerund_noun(tok):
        outer = governing(tok)
        return (
            (clause(outer, ents, room=room) if outer is not tok else None)
            or clause(tok, ents, room=room)
            or _gerund_of(tok, ents, room)
        )
    told_with = contact_clause(tok)
    if told_with:  # "the worst riots Greece has seen in decades"
        return capital(" ".join(t.text for t in told_with))
    noun = _phrase_head(tok)
    head = noun.head
    verb = head if head.pos_ in ("VERB", "AUX") and head.i != noun.i else None
    if (
        CIRCUMSTANCE_PARTICIPLE
        and verb is not None
        and noun.dep_ in ("dobj", "obj")
        and circumstance_participle(verb)
    ):
        return _participle(verb, ents, noun)  # "amid worsening protests": "Protests worsen"
    if (
        NOUN_OWN_PHRASE
        and verb is not None
        and (noun.dep_ == "nsubj" or (PASSIVE_OWN_PHRASE and noun.dep_ == "nsubjpass"))
        and noun.i == tok.i
        and is_trigger(verb)
        and any(c.dep_ == "prep" and c.lower_ in _DONE_TO_PREPS for c in tok.children)
    ):
        # "An attack on a Greek-owned ship last week killed four crew members": the
        # clause is the killing's title; the attack is "Attack on a Greek-owned ship".
        own = noun_phrase(tok, ents)
        if own:
            return capital(own)
    # the verb whose subject (or passive's agent) the noun is
    told = verb if noun.dep_ in ("nsubj", "nsubjpass") else None
    if noun.dep_ == "pobj" and head.dep_ == "agent" and head.head.pos_ in ("VERB", "AUX"):
        told = head.head
    leads = NAMED_OVER_PREDICATE and told is not None and not _says_how_it_goes(told)
    named = noun_phrase(tok, ents) if leads and noun.i == tok.i else None
    if named:
        # "The announcement of DeGeneres as host comes just days after ...", "devastated by
        # the death of Madeline Kafoury": the noun's phrase names it ("Death of Madeline
        # Kafoury"), the clause tells what it led to ("Death devastates")
        return capital(named)
    occurred = occurrence(tok, ents) if noun.i == tok.i else ""
    if occurred:
        return occurred  # "the fire occurred at the Matanuska Maid Creamery"
    if verb is not None and noun.dep_ in ("nsubj", "nsubjpass"):
        return clause(verb, ents, room=room) or ""  # "The talks collapsed"
    if verb is not None and noun.dep_ == "dobj" and verb.lemma_.lower() in LIGHT_VERBS:
        return clause(verb, ents, room=room) or ""  # "launched an attack on Iran"
    held = head.head if noun.dep_ == "pobj" and head.dep_ in ("prep", "agent") else None
    verbal = held is not None and held.pos_ in ("VERB", "AUX")
    if (
        held is not None
        and verbal
        and (held.lemma_.lower() in FILING_VERBS or head.dep_ == "agent")
    ):
        return clause(held, ents, room=room) or ""  # "filed for bankruptcy", "consumed by fires"
    # The noun's own phrase when it names someone ("the bailout of AIG"), else the
    # clause its phrase belongs to ("A sixth round of negotiations was scheduled").
    holder = _outer_verb(tok)
    # "[its] acquisition of Elton Brand", before the clause when the noun is in a
    # preposition's phrase ("With its acquisition of ..., the lineup seemed"), after it
    # when the clause's subject or object ("groups increased their attacks on allies")
    in_prep = _phrase_head(tok).dep_ == "pobj"
    return (
        noun_phrase(tok, ents)
        or (noun_phrase(tok, ents, unowned=True) if in_prep else None)
        or (clause(holder, ents, room=room) if holder is not None else None)
        or (None if in_prep else noun_phrase(tok, ents, unowned=True))
        or noun_phrase(tok, ents, bare=True)  # "a new nuclear deal"
        or ""
    )


#: Switch: a noun trigger whose own phrase names someone ("the death of Madeline Kafoury")
#: is told by that phrase when the clause around it tells only what it led to or when
#: ("comes", "devastated", "sparked"); a verb that says how the happening itself goes
#: ("The talks collapsed", "the strike spread") or one that is a happening keeps the
#: clause.
NAMED_OVER_PREDICATE = True


def _says_how_it_goes(verb: Token) -> bool:
    """Is ``verb`` (the verb a noun trigger is the subject or agent of) one that tells how
    the happening goes, or a happening itself?"""
    return verb.lemma_.lower() in HOW_IT_GOES or is_trigger(verb)


#: A switch: a gerund done to someone, with no one the title can name doing it, is told
#: as a noun ("two men accused of killing Zurana Horton": "Killing of Zurana Horton"),
#: not quoted.
GERUND_OF = True
#: The verbs it is told for: what they are done to is who undergoes them.
GERUND_VERBS = OBJECT_VERBS | {"shoot", "stab", "attack", "target"}


def _gerund_of(tok: Token, ents: EntityIndex, room: int) -> str:
    """ "Killing of Zurana Horton" for a gerund trigger of GERUND_VERBS with an object;
    "" otherwise."""
    if not GERUND_OF or tok.tag_ != "VBG" or tok.lemma_.lower() not in GERUND_VERBS:
        return ""
    if (charges := charge_kind(tok)) is not None:
        return capital(f"{tok.lower_} {charges.lower_}")  # "murder and kidnapping charges"
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return ""
    thing, _ = phrase(obj, ents, OBJECT_WORDS[room] or MAX_WORDS - 2, preps=NOUN_PREPS)
    return join(capital(tok.lower_), "of", thing) if thing else ""


#: Switch: a noun trigger whose phrase names what it was done to, the subject of a verb
#: that is itself a trigger, is told by its own phrase: the clause tells the verb's event
#: (two events of one sentence do not share one title).
NOUN_OWN_PHRASE = True
#: ... and so is one a trigger verb's passive tells of: "shipments of hundreds of rockets
#: bound for Hezbollah have been intercepted by Syrian forces" are "Shipments of hundreds
#: of rockets", the clause the interception's title.
PASSIVE_OWN_PHRASE = True
_DONE_TO_PREPS = frozenset(["on", "against", "of", "between"])


#: Switch: after "amid", "despite", "during" or "over", an "-ing" word before a noun
#: says what the noun does ("amid worsening protests", "despite mounting criticism"),
#: not what the clause's subject does to it (the parse makes it a gerund with an object:
#: "Index worsens protests"; see gist_fallback.circumstance_participle).
CIRCUMSTANCE_PARTICIPLE = True


#: Switch: a gerund that is a happening itself, before a noun that is one too, names its
#: kind ("shooting death", "stabbing attack"), not what the noun does.
KIND_OF_HAPPENING = True


def _participle(tok: Token, ents: EntityIndex, noun: Token) -> str:
    """A participle before its ``noun`` tells what the noun does or undergoes, whoever
    the clause around it is about: "lost their funds in collapsing banks" -> "Banks
    collapse" (not "Charities collapse banks"); "the damaged houses" -> "Houses damaged"."""
    if (
        KIND_OF_HAPPENING
        and tok.tag_ == "VBG"
        and tok.lemma_.lower() in VERB_TYPES
        and is_nominal_trigger(noun)
    ):
        # "the shooting death of Kimani": how he died, not "Death shoots" ("worsening
        # protests" do worsen: "worsen" is no happening of its own)
        return ""
    words, plural = phrase(noun, ents, MAX_WORDS - 1, preps=frozenset(["of"]), subject=True)
    kept = [w for w in (words or "").split() if w.lower() != tok.lower_]
    if not kept:
        return ""
    verb = agree(tok.lemma_.lower(), plural) if tok.tag_ == "VBG" else tok.lower_
    return capital(" ".join([*kept, verb]))


def _phrase_head(tok: Token) -> Token:
    """The first word of the "and" list a noun is in ("the earthquake and [tsunami]")."""
    noun = tok
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def _outer_verb(tok: Token) -> Token | None:
    """The verb whose subject, object or preposition holds the noun phrase a noun is in,
    up through at most three "of" links ("[sparked] thousands of fires", "a sixth round of
    negotiations [was scheduled]")."""
    noun = _phrase_head(tok)
    for _ in range(3):
        head = noun.head
        if head.pos_ in ("VERB", "AUX") and head.i != noun.i:
            return governing(head) if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") else None
        if noun.dep_ != "pobj" or head.dep_ not in ("prep", "agent"):
            return None
        if head.head.pos_ in ("VERB", "AUX"):
            # "withdrew from the round of negotiations", not "since the start of the war"
            argument = head.dep_ == "agent" or head.lower_ in _NOUN_ARG_PREPS
            return governing(head.head) if argument else None
        if head.lower_ != "of":
            return None  # "the run-up to the election", "gain from the sale": another thing
        noun = _phrase_head(head.head)
    return None
