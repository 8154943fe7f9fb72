"""What a verb acts on, as its headline clause tells it: its object ("attack the embassy"),
an infinitive ("agree to buy 60 aircraft"), a reported clause ("say it will cut jobs",
told by :func:`analysis.gist_clause.clause`), else its first preposition that is no
place or date ("fire at Israel"); and how many words a clause's subject and object keep.

Used by :mod:`analysis.gist_clause`, which tells who does it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from analysis import misreads
from analysis.clauses import capital, word_set
from analysis.entity_index import EntityIndex
from analysis.entity_words import NAME_LABELS
from analysis.infinitives import to_infinitive
from analysis.modality_words import REPORTS
from analysis.occurrence_verbs import ONLY_OCCURS, occurrence_verb
from analysis.phrase_tokens import AMOUNT_LABELS, TIME_LABELS
from analysis.phrases import NOUN_PREPS, phrase
from analysis.referents import RELATIVE_TAGS
from analysis.verb_forms import particle

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Switch: a gerund a verb governs is what it does: "Big Machine have twice denied doing
#: anything wrong" (the extraction pages: titled "Big Machine deny"), "The company denied
#: breaking the law" ("Company denies").
GERUND_OBJECT = True
#: Verbs whose gerund is their object ("denied doing", "begins supplying", "consider
#: signing"); another verb's gerund tells how or while ("marched destroying dozens of
#: banks").
GERUND_VERBS = word_set(
    "deny admit begin start stop quit finish consider avoid keep continue resume risk "
    "recall regret cease suggest propose recommend mention discuss delay postpone face "
    "defend justify describe resist"
)

#: Prepositions after a verb that tell what it acts on ("fired at", "agreed with").
VERB_PREPS = word_set("to at on in with against for from into over about of")
_PLACE = word_set("GPE LOC FAC")
#: Switch: an infinitive after an object is told with its own object or not at all.
INFINITIVE_WHOLE = True
#: Switch: a participle a verb takes as its complement is told as written ("found beaten
#: to death" was "found to beat to death": the "to" of "to death" is no infinitive's).
SMALL_CLAUSE = True
#: Most words a subject and an object keep, by how much room a title has left: a clause
#: too long for a headline is told again shorter (its object's modifiers go first, then
#: what a reported clause says, then the object).
SUBJECT_WORDS = (6, 6, 4, 3)
OBJECT_WORDS = (6, 4, 3, 0)


#: Switch: a verb "and" joins to another that has the object tells that object too ("Mr.
#: LaRue shot and killed his father" was titled "LaRue shoots"), as its target is read
#: (misreads.shared_object).
SHARED_OBJECT_TOLD = True


def _antecedent_of(relative: Token) -> Token | None:
    """The noun a relative pronoun object stands for: the head of the relative clause its
    verb (or the verb that verb is joined to) makes."""
    verb = relative.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.head if verb.dep_ == "relcl" else None


def verb_object(
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
        if obj is not None and obj.lower_ in misreads.RELATIVE_OBJECTS:
            obj = _antecedent_of(obj) or obj  # "a plan, which the Home Office rejects"
        if obj is None and ZERO_RELATIVE and _zero_relative(verb):
            obj = verb.head  # "a tool a group's been [using] to attack the website"
        shared_after = None  # "fired [at] and sank a Thai trawler": "at" before the object
        if obj is None and SHARED_OBJECT_TOLD:
            obj = misreads.shared_object(verb)  # "LaRue [shot] and killed his father"
            shared_after = misreads.dangling_prep(verb) if obj is not None else None
            if obj is not None and obj.lower_ in misreads.RELATIVE_OBJECTS:
                obj = _antecedent_of(obj)  # "his father, whom LaRue shot and [killed]"
        if DISTANCE_IS_WHERE and obj is not None and (where := _distance(obj)) is not None:
            return where  # "struck seven km east of Dargahan": where, not what it struck
        if obj is not None:
            text, _ = phrase(obj, ents, size, preps=NOUN_PREPS, lead=False)
            if text and shared_after is not None:
                text = f"{shared_after.lower_} {text}"
            then = next(
                (c for c in verb.children if c.dep_ == "xcomp" and c.i > obj.i and room < 2),
                None,
            ) or next((c for c in obj.children if c.dep_ == "acl" and room < 2), None)
            if text and then is not None and any(a.lower_ == "to" for a in then.children):
                more = verb_object(then, ents, room=deeper)  # "urge GM to produce viability plans"
                cut = not more and any(c.dep_ in ("dobj", "obj") for c in then.children)
                if (more or then.dep_ == "xcomp") and not (INFINITIVE_WHOLE and cut):
                    # not "plans to [demonstrate]" alone, nor "urge PUC to establish" when
                    # what is established has no room: "Consumer advocates urge PUC"
                    text = " ".join(
                        p for p in (text, "to", then.lemma_.lower(), particle(then), more) if p
                    )
            elif text and BARE_OBJECT_PREP and room < 2 and _bare(obj):
                # "set fire to the vehicle", "opened fire on protesters", "took part in the
                # march": a bare noun's verb says what it is done to after it
                after = (c for c in verb.children if c.dep_ == "prep" and c.i > obj.i)
                preps = (_prep_phrase(c, ents, size - 1, bare=False) for c in after)
                more = next((t for t in preps if t), "")
                text = f"{text} {more}" if more else text
            if text and SET_ON_FIRE and verb.lemma_.lower() == "set":
                text = f"{text} {_on_fire(verb)}".rstrip()
            return text or ""
    for c in verb.children:
        if SMALL_CLAUSE and c.dep_ == "xcomp" and c.tag_ == "VBN" and not to_infinitive(c):
            # "was found [beaten] to death", "left wounded": the participle as written
            inner = verb_object(c, ents, passive=True, room=min(room + 1, len(OBJECT_WORDS) - 1))
            return " ".join(p for p in (c.lower_, particle(c), inner) if p)
        if (
            GERUND_OBJECT
            and c.dep_ == "xcomp"
            and c.tag_ == "VBG"
            and not passive
            and verb.lemma_.lower() in GERUND_VERBS  # not "marched destroying dozens"
        ):
            # "Big Machine have twice denied [doing] anything wrong": the gerund as written
            inner = verb_object(c, ents, room=min(room + 1, len(OBJECT_WORDS) - 1))
            return " ".join(p for p in (c.lower_, particle(c), inner) if p)
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and to_infinitive(c):
            done = any(a.dep_ == "auxpass" for a in c.children)
            inner = verb_object(c, ents, passive=done, room=min(room + 1, len(OBJECT_WORDS) - 1))
            return " ".join(p for p in (*_infinitive(c, done), particle(c), inner) if p)
        if c.dep_ in ("acomp", "attr") and not passive and c.lower_ != "one":
            text, _ = phrase(c, ents, size, preps=NOUN_PREPS, lead=False)
            return text or ""
    for c in verb.children:
        # a reporting verb's clause, or any verb's "that" clause ("polls show that ...")
        that = any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        reports = verb.lemma_.lower() in REPORTS or that
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and reports and not passive:
            # imported here: gist_clause imports this module
            from analysis.gist_clause import clause

            said = clause(c, ents, reported=subject or "", room=deeper) if room < 3 else None
            if said and not _is_name(c, said.split()[0]):
                said = said[:1].lower() + said[1:]  # "denies it sent arms"
            return said or ""
    for c in verb.children:
        if c.dep_ == "agent" or c == skip or c.dep_ != "prep":
            continue
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if pobj is None and OUT_OF and c.lower_ in _ADVERB_PREPS:
            told = _out_of(c, ents, size)  # "run out of money", "pulled out of the deal"
            if told:
                return told
        if pobj is None or pobj.ent_type_ in TIME_LABELS:
            continue
        low = c.lower_
        if low == "by" and (pobj.ent_type_ in AMOUNT_LABELS or pobj.like_num):
            return _span_of_ent(pobj)
        if low in ("in", "at", "near") and pobj.ent_type_ in _PLACE:
            continue
        if low in VERB_PREPS:
            return _prep_phrase(c, ents, size - 1)
    return ""


#: Switch: a relative clause with a subject of its own and no object, right after its
#: noun, has that noun for its object ("a tool a group's been using to attack the
#: scientology website", wikinews: "Group uses to attack" said nothing of the tool).
ZERO_RELATIVE = True
#: Nouns a relative clause tells the time, way or place of, not its object ("the day he
#: left", "the way it works").
_ADVERBIAL_NOUNS = word_set("time times day days year years moment way reason place week month")


def _zero_relative(verb: Token) -> bool:
    """Is ``verb`` a relative clause without a relative word whose noun is its object?"""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.pos_ != "NOUN" or noun.i > verb.i or noun.dep_ == "ROOT":
        return False  # (a noun that heads the sentence: the parse made its verb a clause)
    between = verb.doc[noun.i + 1 : verb.i]
    if any(t.tag_ in RELATIVE_TAGS or t.lower_ == "that" for t in between):
        return False  # "the basis on which the Soviet Union collapsed"
    if noun.lower_ in _ADVERBIAL_NOUNS or noun.ent_type_ in TIME_LABELS:
        return False
    kids = list(verb.children)
    subject = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ == "PROPN":
        # (a name right after a noun is most often that noun's name, the parse wrong: "The
        # American auto company Chrysler filed for bankruptcy")
        return False
    if any(c.dep_ == "auxpass" for c in kids):
        return False  # "a tool [that was] used": the noun is its subject
    # a preposition left without its object holds the noun: "the house he lives in"
    return not any(c.dep_ == "prep" and not any(True for _ in c.children) for c in kids)


#: Switch: "set X on fire", "set X ablaze" keep what they do to X ("Demonstrators set their
#: bank on fire", ECB+ 8, 8_3ecbplus, was titled "Demonstrators set their bank").
SET_ON_FIRE = True


def _on_fire(verb: Token) -> str:
    """ "on fire" or "ablaze" / "alight" after "set"'s object, else ""."""
    for c in verb.children:
        fire = any(g.dep_ == "pobj" and g.lemma_.lower() == "fire" for g in c.children)
        if c.dep_ == "prep" and c.lower_ == "on" and fire:
            return "on fire"
        if c.lower_ in ("ablaze", "alight") and c.dep_ in ("oprd", "acomp", "advmod", "xcomp"):
            return c.lower_
    return ""


#: Switch: a bare noun object ("set fire", "took part") is told with the preposition after
#: it ("set fire to the vehicle"): alone it says nothing of what the deed was done to.
BARE_OBJECT_PREP = True


def _bare(obj: Token) -> bool:
    """A common noun with nothing of its own: no article, modifier or complement."""
    return obj.pos_ == "NOUN" and not any(True for _ in obj.children)


def _prep_phrase(prep: Token, ents: EntityIndex, size: int, *, bare: bool = True) -> str:
    """A verb's preposition and its object ("to the vehicle"), when it is one of
    VERB_PREPS and tells neither a time nor (with in, at, near) a place (nor, unless
    ``bare``, has a singular noun without an article); else ""."""
    low = prep.lower_
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if low not in VERB_PREPS or pobj is None or pobj.ent_type_ in TIME_LABELS:
        return ""
    if OCCASION_WHOLE and pobj.lemma_.lower() == "time" and not _of_what(pobj):
        # "for the second time" told whole, or not at all ("at a time"): never "for the
        # time", its count cut for the title's length
        count = [c for c in pobj.children if c.dep_ == "amod" and c.ent_type_ == "ORDINAL"]
        if not count:
            return ""
        det = [c for c in pobj.children if c.dep_ == "det" and c.i < count[0].i]
        return " ".join([low, *(t.text for t in det), count[0].text, pobj.text])
    if not bare and pobj.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in pobj.children):
        return ""  # "in order to help", "in fact", "in part": a way of saying, no object
    if low in ("in", "at", "near") and pobj.ent_type_ in _PLACE:
        return ""
    text, _ = phrase(pobj, ents, size, preps=frozenset(["of"]), lead=False)
    if text and text.lower().startswith(f"{low} "):
        return text  # "selling over 7,500,000 units": the count's "over" is the preposition
    return f"{low} {text}" if text else ""


#: Switch: an occasion is told whole ("for the second time", "for the first time") or
#: not at all ("at a time"): "For the second time in less than a month, a member of the
#: San Diego Chargers has been arrested on suspicion of drunk driving" (35_4ecbplus) was
#: titled "Member arrested for the time". ("at the time of the crash" says of what.)
OCCASION_WHOLE = True


def _of_what(noun: Token) -> bool:
    """Has the noun an "of" phrase ("the time of the crash")?"""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


#: Switch: a distance a verb's object seems ("the quake, which struck seven km (4 miles)
#: east of Dargahan") tells where, with its direction ("Quake strikes seven km" was a title).
DISTANCE_IS_WHERE = True
_DISTANCES = word_set("km kilometre kilometer mile metre meter foot yard")
_DIRECTIONS = word_set(
    "north south east west northeast northwest southeast southwest north-east north-west "
    "south-east south-west off"
)


def _distance(obj: Token) -> str | None:
    """ "seven km east of Dargahan" for a counted distance with its direction; "" for one
    without (no object to tell); None for any other object."""
    if obj.lemma_.lower() not in _DISTANCES or not any(c.dep_ == "nummod" for c in obj.children):
        return None
    way = next((c for c in obj.children if c.lower_ in _DIRECTIONS), None)
    if way is None:
        return ""
    count = " ".join(t.text for t in obj.lefts if t.dep_ in ("nummod", "quantmod"))
    return " ".join(p for p in (count, obj.text, *(t.text for t in way.subtree)) if p)


#: Switch: an adverb the parser made a preposition, with a preposition of its own ("run
#: [out] of money", "pulled [out] of the deal", "backed [away] from the plan"), is told
#: with it: "Company warns it might run" said nothing of money.
OUT_OF = True
_ADVERB_PREPS = word_set("out away back off up down")
_ITS_PREPS = word_set("of from to on")


def _out_of(adverb: Token, ents: EntityIndex, size: int) -> str:
    """ "out of money": the adverb, its preposition and that one's object; "" if none."""
    prep = next((g for g in adverb.children if g.dep_ == "prep" and g.lower_ in _ITS_PREPS), None)
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
    if prep is None or pobj is None or pobj.ent_type_ in TIME_LABELS:
        return ""
    text, _ = phrase(pobj, ents, size - 2, preps=frozenset(["of"]), lead=False)
    return f"{adverb.lower_} {prep.lower_} {text}" if text else ""


def _infinitive(verb: Token, passive: bool) -> tuple[str, ...]:
    """ "not to accept", "to be approved", "to buy": an infinitive as the text has it."""
    neg = ("not",) if any(c.dep_ == "neg" for c in verb.children) else ()
    return (*neg, "to", "be", verb.lower_) if passive else (*neg, "to", verb.lemma_.lower())


def _is_name(verb: Token, word: str) -> bool:
    """Is ``word`` (the first of a clause under ``verb``) written capitalised in the text
    inside the sentence (a name), not only because it opens the title?"""
    if word[1:] and any(ch.isupper() for ch in word[1:]):
        return True  # "iPhone"
    # "Ellen DeGeneres will host ..., the Academy announced": a name opening the sentence;
    # a pronoun after an opening quote is none ("“It’s disappointing ...,” Smith said")
    return any(
        t.text == word
        and (not t.is_sent_start or t.ent_type_ in NAME_LABELS)
        and (t.pos_ != "PRON" or word == "I")
        for t in verb.subtree
    )


def _span_of_ent(tok: Token) -> str:
    """ "by [more than 416 points]": the amount as the tagger spans it, with "by"."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return "by " + (ent.text if ent is not None else tok.text)


#: Switch: a happening that only "occurred", "happened" or "came" is told by where or
#: after what (see :func:`occurrence`).
OCCURRENCE_WHERE = True
_OCCURRENCE_PREPS = word_set("at in on near outside inside after before during amid")


def occurrence(noun: Token, ents: EntityIndex) -> str:
    """ "This time the fire occurred at the Matanuska Maid Creamery" (ECB+ 13): "Fire at
    the Matanuska Maid Creamery", not "Fire occurs"; "The clashes late on Saturday came
    after an evening candle-lit vigil": "Clashes after an evening candle-lit vigil". The
    noun with the verb's first preposition of place or sequence (no time: the reader shows
    it), "" when there is none."""
    verb = occurrence_verb(noun) if OCCURRENCE_WHERE else None
    if verb is None or verb.lemma_.lower() not in ONLY_OCCURS:
        return ""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _OCCURRENCE_PREPS):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is None or pobj.ent_type_ in TIME_LABELS:
            continue
        if any(c.dep_ in ("acl", "relcl") and c.i == pobj.i + 1 for c in pobj.children):
            return ""  # "after a masked bandit made off with ...": a clause, not a noun
        own, _ = phrase(noun, ents, 3, preps=frozenset())
        where, _ = phrase(pobj, ents, OBJECT_WORDS[0], preps=frozenset(["of"]), lead=False)
        if own and where:
            return capital(f"{own} {prep.lower_} {where}")
    return ""
