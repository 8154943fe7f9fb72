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

from typing import TYPE_CHECKING, Any

from analysis.arguments import FILING_VERBS, EntityIndex, headline_passive
from analysis.clauses import _set, agree
from analysis.modality import REPORTING
from analysis.phrases import (
    AMOUNT_LABELS,
    NOUN_PREPS,
    TIME_LABELS,
    join,
    noun_phrase,
    phrase,
    pronoun,
)
from analysis.title_words import MAX_WORDS
from analysis.triggers import LIGHT_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs whose object also does the xcomp ("urged GM to produce": GM produces).
_OBJECT_CONTROL = _set(
    "urge ask tell force order allow persuade require encourage invite call push "
    "pressure enable help lead expect want instruct direct authorize permit"
)
#: Prepositions after a verb that tell what it acts on ("fired at", "agreed with").
_VERB_PREPS = _set("to at on in with against for from into over about of")
#: The same, for a noun in a verb's prepositional phrase: "in" places the happening the
#: clause tells of ("get Ukraine to investigate Democrats in the 2016 election": the clause
#: is not the election's).
_NOUN_ARG_PREPS = _VERB_PREPS - {"in"}
#: Nouns of time: "agreed on by that time" names no agent.
_TIME_NOUNS = _set("time date day week month year end deadline")
_PLACE = _set("GPE LOC FAC")
_FUTURE = frozenset(["will", "'ll", "wo", "shall", "’ll"])
#: Most words a subject or an object keeps.
#: Most words a subject and an object keep, by how much room a title has left: a clause
#: too long for a headline is told again shorter (its object's modifiers go first, then
#: what a reported clause says, then the object).
SUBJECT_WORDS = (6, 6, 4, 3)
OBJECT_WORDS = (6, 4, 3, 0)


def gist(tok: Token, ents: EntityIndex) -> str:
    """The headline clause of the event the trigger ``tok`` reports, in at most MAX_WORDS
    words where it can be; "" when its sentence tells no more than the trigger, or only
    through someone it cannot name ("we hit a home run")."""
    full = _gist(tok, ents, 0)
    for room in range(1, len(OBJECT_WORDS)):
        if len(full.split()) <= MAX_WORDS:
            break
        told = _gist(tok, ents, room)
        kept = tok.pos_ in ("VERB", "AUX") or tok.text in told.split()
        same = told.split()[:1] == full.split()[:1] or told.split()[:1] == full.split()[1:2]
        # (who acts is not cut to its last word: not "Index strikes high")
        if len(told.split()) <= MAX_WORDS and kept and same:
            return told  # shorter, and still telling the trigger itself
    return full


def _gist(tok: Token, ents: EntityIndex, room: int) -> str:
    if tok.pos_ in ("VERB", "AUX"):
        outer = _governing(tok)
        return (
            (_clause(outer, ents, room=room) if outer is not tok else None)
            or _clause(tok, ents, room=room)
            or ""
        )
    noun = _phrase_head(tok)
    head = noun.head
    verb = head if head.pos_ in ("VERB", "AUX") and head.i != noun.i else None
    if verb is not None and noun.dep_ in ("nsubj", "nsubjpass"):
        return _clause(verb, ents, room=room) or ""  # "The talks collapsed"
    if verb is not None and noun.dep_ == "dobj" and verb.lemma_.lower() in LIGHT_VERBS:
        return _clause(verb, ents, room=room) or ""  # "launched an attack on Iran"
    held = head.head if noun.dep_ == "pobj" and head.dep_ in ("prep", "agent") else None
    verbal = held is not None and held.pos_ in ("VERB", "AUX")
    if (
        held is not None
        and verbal
        and (held.lemma_.lower() in FILING_VERBS or head.dep_ == "agent")
    ):
        return _clause(held, ents, room=room) or ""  # "filed for bankruptcy", "consumed by fires"
    # The noun's own phrase when it names someone ("the bailout of AIG"), else the
    # clause its phrase belongs to ("A sixth round of negotiations was scheduled").
    holder = _outer_verb(tok)
    return (
        noun_phrase(tok, ents)
        or (_clause(holder, ents, room=room) if holder is not None else None)
        or noun_phrase(tok, ents, bare=True)  # "a new nuclear deal"
        or ""
    )


def _governing(verb: Token) -> Token:
    """The verb whose object an infinitive tells of: "Apple has plans to [import] ...",
    "mediated talks to [reach] a ceasefire", "urged GM to [produce]": that clause tells
    who; else ``verb``."""
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "dobj" and any(a.lower_ == "to" for a in verb.children):
        return head.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in _OBJECT_CONTROL:
        return head  # "Congress required them to [produce] viability plans"
    return verb


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
            return _governing(head) if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") else None
        if noun.dep_ != "pobj" or head.dep_ not in ("prep", "agent"):
            return None
        if head.head.pos_ in ("VERB", "AUX"):
            # "withdrew from the round of negotiations", not "since the start of the war"
            argument = head.dep_ == "agent" or head.lower_ in _NOUN_ARG_PREPS
            return _governing(head.head) if argument else None
        if head.lower_ != "of":
            return None  # "the run-up to the election", "gain from the sale": another thing
        noun = _phrase_head(head.head)
    return None


# ------------------------------------------------------------------ clauses


def _subject(verb: Token) -> tuple[Token | None, bool, Token]:
    """(subject token, passive?, the verb it is the subject of) of a verb, through the
    clauses that share it: a relative clause's head noun, the object of "urged X to",
    the subject of the verb a conj, xcomp, participle or "by doing" hangs on."""
    # Passive is the trigger's own voice ("is intended to launch": launch is active); a
    # bare participle hanging on a clause is one too ("testified when [nominated]").
    bare = not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children)
    passive = any(c.dep_ == "auxpass" for c in verb.children) or (
        bare and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl")
    )
    v = verb
    for _ in range(4):
        own = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if own is not None:
            passive = passive or (own.dep_ == "nsubjpass" and v is verb)
            if own.lower_ in ("that", "which", "who") and v.dep_ == "relcl":
                return _antecedent(v.head, own), passive, v
            return own, passive, v
        if v.dep_ == "relcl":
            return v.head, passive, v
        if v.dep_ == "acl" and v.tag_ == "VBN":
            return v.head, v is verb or passive, v  # "a vessel intercepted by ..."
        head = v.head
        if v.dep_ == "xcomp" and head.lemma_.lower() in _OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj, passive, v
        if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            v = head.head  # "Hezbollah sought to support Hamas by [firing] rockets"
            continue
        if v.dep_ in ("conj", "xcomp", "advcl") and head.pos_ in ("VERB", "AUX") and head != v:
            v = head
            continue
        return None, passive, v
    return None, False, v


def _antecedent(head: Token, pronoun: Token) -> Token:
    """What a relative pronoun stands for: "which" names a thing, so when the parse hangs
    it on a person ("Fritz Henderson, the chief executive of General Motors, which filed
    for bankruptcy"), it is the nearest noun before it that is no person."""
    if pronoun.lower_ != "which" or head.ent_type_ != "PERSON" or pronoun.i <= head.i:
        return head
    for tok in reversed(pronoun.doc[head.i + 1 : pronoun.i]):
        if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ != "PERSON":
            return tok
    return head


def _clause(
    verb: Token, ents: EntityIndex, *, reported: str | None = None, room: int = 0
) -> str | None:
    """The clause of ``verb`` as a headline; ``reported`` is the subject of the verb that
    reports it ("GM said [it would cut jobs]"): a pronoun standing for it stays, its
    referent being in the title, and the clause keeps its tense ("denies it sent arms")."""
    subj, passive, owner = _subject(verb)
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    passive = passive or headline_passive(verb, obj)
    agent = next(
        (g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
        None,
    )
    if agent is not None and (
        agent.ent_type_ in TIME_LABELS or agent.like_num or agent.lemma_.lower() in _TIME_NOUNS
    ):
        agent = None  # "delivered by 2011": a date, no one delivers
    if passive and agent is not None:
        doer, doer_plural = phrase(agent, ents, SUBJECT_WORDS[room], preps=frozenset())
        if doer:
            done = (
                phrase(subj, ents, SUBJECT_WORDS[room], preps=frozenset(["of"]), lead=False)[0]
                if subj
                else None
            )
            verb_text = _verb(verb, doer_plural, passive=False, reported=reported is not None)
            return join(doer, verb_text, done or _object(verb, ents, skip=agent, room=room))
    name, plural = (None, False)
    if subj is not None:
        # In a reported clause "its" / "their" stand for the reporting subject, named first.
        name, plural = phrase(
            subj, ents, SUBJECT_WORDS[room], preps=frozenset(["of"]), subject=reported is None
        )
        if name is None and reported and subj.lower_ in ("it", "they"):
            name, plural = subj.lower_, subj.lower_ == "they"  # bound to ``reported``
        elif name is None:
            name = _bound(owner, subj, ents)
            plural = subj.lower_ == "they"
    if name is None:
        # No subject at all: the object leads a headline passive ("Budget cuts approved").
        # A subject the title cannot show ("we bombed the hell out of ...", "my husband
        # has met ...") is no one to leave out: no gist.
        if subj is not None:
            return None
        if passive or obj is None or verb.tag_ not in ("VBD", "VBN"):
            return None
        thing, _ = phrase(obj, ents, SUBJECT_WORDS[room], preps=NOUN_PREPS)
        return join(thing, verb.lower_) if thing else None
    verb_text = _verb(verb, plural, passive=passive, reported=reported is not None)
    said = _object(verb, ents, passive=passive, subject=name, room=room)
    if verb.lemma_.lower() == "be" and not said:
        return None  # "the deal is a good one": a "be" with nothing after it says nothing
    return join(name, verb_text, said)


#: Pronouns of those who speak or are spoken to.
_SPEAKERS = frozenset(["i", "we", "you", "me", "us"])


def _bound(verb: Token, pron: Token, ents: EntityIndex) -> str | None:
    """ "GM announced [it] would cut jobs": "it" / "they" as the subject of a clause that a
    reporting verb governs is that verb's subject (when the number fits)."""
    if pron.lower_ not in ("it", "they") or verb.dep_ not in ("ccomp", "xcomp"):
        return None
    head = verb.head
    if head.lemma_.lower() not in REPORTING | _REPORTED:
        return None
    outer = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if outer is None or pronoun(outer):
        return None
    name, plural = phrase(outer, ents, SUBJECT_WORDS[-1], preps=frozenset())
    return name if name and plural == (pron.lower_ == "they") else None


_REPORTED = frozenset(
    [
        "announce",
        "say",
        "confirm",
        "state",
        "report",
        "claim",
        "warn",
        "admit",
        "reveal",
        "plan",
        "deny",
        "insist",
    ]
)


def _object(
    verb: Token,
    ents: EntityIndex,
    *,
    passive: bool = False,
    skip: Any = None,
    subject: str | None = None,
    room: int = 0,
) -> str:
    """What a verb acts on, as its clause tells it: its object ("attack the embassy"), an
    infinitive ("agree to buy 60 aircraft"), a reported clause ("say it will cut jobs"),
    else its first preposition that is no place or date ("fire at Israel")."""
    size = OBJECT_WORDS[room]
    if not size:
        return ""
    deeper = min(room + 2, len(OBJECT_WORDS) - 1)  # what a clause under this one may say
    if not passive:
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if obj is not None and obj.lower_ in ("which", "that", "whom") and verb.dep_ == "relcl":
            obj = verb.head  # "a plan, which the Home Office rejects"
        if obj is not None:
            text, _ = phrase(obj, ents, size, preps=NOUN_PREPS, lead=False)
            then = next(
                (c for c in verb.children if c.dep_ == "xcomp" and c.i > obj.i and room < 2),
                None,
            ) or next((c for c in obj.children if c.dep_ == "acl" and room < 2), None)
            if text and then is not None and any(a.lower_ == "to" for a in then.children):
                more = _object(then, ents, room=deeper)  # "urge GM to produce viability plans"
                if more or then.dep_ == "xcomp":  # not "plans to [demonstrate]" alone
                    text = " ".join(
                        p for p in (text, "to", then.lemma_.lower(), _particle(then), more) if p
                    )
            return text or ""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.children):
            inner = _object(c, ents, room=min(room + 1, len(OBJECT_WORDS) - 1))
            return " ".join(p for p in ("to", c.lemma_.lower(), _particle(c), inner) if p)
        if c.dep_ in ("acomp", "attr") and not passive and c.lower_ != "one":
            text, _ = phrase(c, ents, size, preps=NOUN_PREPS, lead=False)
            return text or ""
    for c in verb.children:
        reports = verb.lemma_.lower() in REPORTING | _REPORTED
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and reports and not passive:
            said = _clause(c, ents, reported=subject or "", room=deeper) if room < 3 else None
            if said and not _is_name(c, said.split()[0]):
                said = said[:1].lower() + said[1:]  # "denies it sent arms"
            return said or ""
    for c in verb.children:
        if c.dep_ == "agent" or c is skip or c.dep_ != "prep":
            continue
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if pobj is None or pobj.ent_type_ in TIME_LABELS:
            continue
        low = c.lower_
        if low == "by" and (pobj.ent_type_ in AMOUNT_LABELS or pobj.like_num):
            return _span_of_ent(pobj)
        if low in ("in", "at", "near") and pobj.ent_type_ in _PLACE:
            continue
        if low in _VERB_PREPS:
            text, _ = phrase(pobj, ents, size - 1, preps=frozenset(["of"]), lead=False)
            return f"{low} {text}" if text else ""
    return ""


def _is_name(verb: Token, word: str) -> bool:
    """Is ``word`` (the first of a clause under ``verb``) written capitalised in the text
    inside the sentence (a name), not only because it opens the title?"""
    if word[1:] and any(ch.isupper() for ch in word[1:]):
        return True  # "iPhone"
    return any(t.text == word and not t.is_sent_start for t in verb.subtree)


def _span_of_ent(tok: Token) -> str:
    """ "by [more than 416 points]": the amount as the tagger spans it, with "by"."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return "by " + (ent.text if ent is not None else tok.text)


def _particle(verb: Token) -> str:
    return " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")


def _verb(verb: Token, plural: bool, *, passive: bool, reported: bool = False) -> str:
    """The verb as a headline says it: present tense, agreeing with its subject; the
    future as "to"; other modals and "not" kept; a passive as its participle. A reported
    clause keeps its past ("denies it sent arms") and says its future with "will"."""
    lemma = verb.lemma_.lower()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    modal = next((a.lower_ for a in auxes if a.tag_ == "MD"), None)
    negated = any(c.dep_ == "neg" for c in verb.children)
    future = modal in _FUTURE or (modal == "would" and verb.dep_ == "ccomp")
    particle = _particle(verb)
    past = (
        verb.tag_ == "VBD"
        or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes) and not passive)
        or any(a.lower_ == "did" for a in auxes)
    )
    if passive:
        done = verb.lower_ if verb.tag_ in ("VBN", "VBD") else lemma
        if future and not reported:
            head = "to be " + done
        elif future or modal:
            head = f"{'will' if future else modal}{' not' if negated else ''} be {done}"
        else:
            head = ("not " if negated else "") + done
    elif future and not reported:
        head = ("not " if negated else "") + "to " + lemma
    elif future or modal:
        head = f"{'will' if future else modal}{' not' if negated else ''} {lemma}"
    elif negated and lemma == "be":
        head = ("are" if plural else "is") + " not"  # "Deliveries are not due"
    elif negated:
        head = ("do" if plural else "does") + " not " + lemma
        if reported and past:
            head = "did not " + lemma
    elif reported and past:
        head = verb.lower_
    elif lemma == "be":
        head = "are" if plural else "is"
    else:
        head = agree(lemma, plural)
    return f"{head} {particle}" if particle else head
