"""What the parser reads wrong or leaves out, read as the text means it: a role written
before a name is a noun, whatever tag it took ("comedian and host Billy Crystal":
:func:`analysis.triggers.is_trigger` asks before it takes a verb); two verbs joined by
"and" share the object the parse gives the second ("shot and killed federal agent David
Wilhelm": :func:`analysis.arguments.arguments` asks when a verb has none).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.role_words import INTRANSITIVE_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Switch: a role before a name the parser read as a verb is no event (role_before_name),
#: nor is a participle describing a name ("the visiting Colts", "beat visiting
#: Evansville": the team that came, no visit told).
ROLE_BEFORE_NAME = True


def role_before_name(tok: Token) -> bool:
    """Is a bare verb a role written before a name, joined to another role ("in front of
    comedian and host Billy Crystal": the parser's verb "host")? No auxiliary, no "to",
    no subject: a noun's conjunct right before a proper noun. Or a participle that
    describes a name ("the visiting Colts")?"""
    if participle_on_a_name(tok):
        return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return (
        tok.tag_ == "VB"
        and tok.dep_ == "conj"
        and tok.head.pos_ == "NOUN"
        and nxt is not None
        and nxt.pos_ == "PROPN"
        and not any(c.dep_ in ("aux", "nsubj", "mark") for c in tok.children)
    )


def participle_on_a_name(tok: Token) -> bool:
    """Is ``tok`` a participle describing a name ("the visiting Colts", "beat visiting
    Evansville": the team that came, no visit told)?"""
    return tok.tag_ == "VBG" and tok.dep_ == "amod" and tok.head.pos_ == "PROPN"


#: Switch: a verb with no object, joined by "and" to the next verb, shares that verb's
#: object (see shared_object).
SHARED_OBJECT = True


#: Switch: a verb that takes no object shares none: "Peaceful protest for Kimani Gray turned
#: chaotic tonight as 100 people rioted and threw bottles at officers" (ECB+ 19,
#: 19_8ecbplus) was titled "100 people riot bottles".
INTRANSITIVE_KEEPS_NONE = True
INTRANSITIVE = INTRANSITIVE_VERBS | frozenset(["resign", "rally", "crash", "fall", "march"])


#: Switch: ... and the verb "or" joins to it: "the tremor, which [destroyed] or damaged an
#: estimated 1,500 mudbrick houses" (ECB+ 20, 20_4ecbplus; the title was "Tremor
#: destroys").
SHARED_OBJECT_OR = True


def shared_object(tok: Token) -> Token | None:
    """The object a verb shares with the verb "and" joins to it: "he shot and killed
    federal agent David Wilhelm", "arrested and charged Orozco" (the parse gives it to the
    second verb only, and one rampage's killings of several people were one event). Only
    a conjunct right after "and", with no subject or auxiliary of its own."""
    if INTRANSITIVE_KEEPS_NONE and tok.lemma_.lower() in INTRANSITIVE:
        return None  # "100 people rioted and threw bottles": no one riots bottles
    if RELATIVE_SHARED and (relative := _relative_object(tok)) is not None:
        return relative  # "whom Fred LaRue shot and [killed]"
    conj = next((c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    joins = ("and", "or") if SHARED_OBJECT_OR else ("and",)
    if conj is None or conj.i < 2 or conj.doc[conj.i - 1].lower_ not in joins:
        return None
    if conj.i - 2 != tok.i and dangling_prep(tok) is None:
        return None  # "shot [him in the head] and killed": not one object for both
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conj.children):
        return None
    return next((c for c in conj.children if c.dep_ in ("dobj", "obj")), None)


#: Switch: ... and a preposition left without its object before the "and" takes the
#: second verb's: "the Tabar fired at and sank a Thai trawler" (ECB+ 12_16ecb) fired at
#: the trawler; its title was "Tabar fires".
DANGLING_PREP_SHARED = True


def dangling_prep(tok: Token) -> Token | None:
    """The preposition of the verb ``tok`` right after it, with no object, before the
    "and" of a verb joined to it ("fired [at] and sank a Thai trawler")."""
    if not DANGLING_PREP_SHARED or tok.i + 2 >= len(tok.doc):
        return None
    prep, joint = tok.doc[tok.i + 1], tok.doc[tok.i + 2]
    if prep.dep_ != "prep" or prep.head.i != tok.i or prep.n_lefts or prep.n_rights:
        return None
    if joint.lower_ != "and" or not any(
        c.dep_ == "conj" and c.i == tok.i + 3 and c.pos_ == "VERB" for c in tok.children
    ):
        return None
    return prep


#: Switch: ... and the second verb shares the first one's relative pronoun: "His father,
#: Ike Parsons LaRue Sr., whom Fred LaRue shot and killed in a Canadian duck-hunting
#: accident" (ECB+ 28, 28_3ecbplus): the father was killed, not "in a ... accident".
RELATIVE_SHARED = True
#: Relative pronouns that stand as a verb's object ("a plan, which the Home Office rejects").
RELATIVE_OBJECTS = frozenset(["whom", "which", "that"])


def _relative_object(tok: Token) -> Token | None:
    """The relative pronoun object of the verb ``tok`` is joined to by "and", right after
    it, when ``tok`` has no subject, auxiliary or object of its own."""
    head = tok.head
    if tok.dep_ != "conj" or head.dep_ != "relcl" or tok.i < 2:
        return None
    if tok.doc[tok.i - 1].lower_ != "and" or tok.i - 2 != head.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "obj") for c in tok.children):
        return None
    return next(
        (c for c in head.children if c.dep_ in ("dobj", "obj") and c.lower_ in RELATIVE_OBJECTS),
        None,
    )


#: Switch: a past verb joined by "and" to a participle with "by X" is that passive too,
#: done by X to the noun before it (see shared_agent).
SHARED_AGENT = True


def _participle_pair(first: Token) -> Token | None:
    """The participle ``first`` is joined to by "and" ("[shot] and killed"), when the parse
    made ``first`` a verb of its own: a past form right after a noun, with no auxiliary or
    object, and the second a participle with no auxiliary or subject."""
    if first.tag_ not in ("VBD", "VBN") or first.i == 0:
        return None
    if first.doc[first.i - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ in ("aux", "auxpass", "dobj", "obj") for c in first.children):
        return None
    conj = next((c for c in first.children if c.dep_ == "conj"), None)
    if conj is None or conj.i != first.i + 2 or first.doc[first.i + 1].lower_ != "and":
        return None
    if conj.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass", "nsubj") for c in conj.children):
        return None
    return conj


def shared_agent(tok: Token) -> Token | None:
    """The "by" phrase's noun when ``tok`` is the first of two participles joined by
    "and" that the parse made an active verb: "the death of a Brooklyn teenager [shot] and
    killed by police" gave "shot" the subject "Anger" (titled "Anger shoots"). Only right
    after a noun, with no auxiliary or object of its own."""
    conj = _participle_pair(tok) if SHARED_AGENT else None
    if conj is None:
        return None
    by = next((c for c in conj.children if c.dep_ == "agent"), None)
    return next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None


#: Switch: a past verb right after a noun, joined by "and" to a participle, before a verb
#: of the sentence's own with an auxiliary and no subject, is a participle on that noun
#: (see reduced_before_verb).
REDUCED_BEFORE_VERB = True


def reduced_before_verb(tok: Token) -> Token | None:
    """The noun a pair of participles the parse made the sentence's verbs tells of:
    "Video of Brooklyn Mother of 13 Zurana Horton [shot] and [killed] in a gang shooting
    was revealed Thursday" (titled "Video of Brooklyn Mother shoots", Horton its doer):
    "was revealed", joined to "shot" with no subject, is the sentence's verb."""
    if not REDUCED_BEFORE_VERB:
        return None
    first = tok.head if tok.dep_ == "conj" and tok.head.i == tok.i - 2 else tok
    pair = _participle_pair(first)
    if pair is None:
        return None
    later = (c for c in (*first.children, *pair.children) if c.dep_ == "conj" and c.i > pair.i)
    if not any(
        any(g.dep_ in ("aux", "auxpass") for g in c.children)
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in later
    ):
        return None
    noun = first.doc[first.i - 1]
    return noun if tok.i in (first.i, pair.i) else None


#: Switch: a verb joined by "and" whose own auxiliary follows a noun the parse joined to
#: something else has that noun for subject (see stranded_subject).
STRANDED_SUBJECT = True


def stranded_subject(tok: Token) -> Token | None:
    """The noun just before the auxiliary of ``tok``, a joined verb with no subject, when
    the parse hung the noun elsewhere: "football is the ultimate team game and fellow
    Charger Vincent Jackson was [arrested]" ("Jackson" joined to "game"; titled "Football
    arrested for DUI", and no one arrested, so it joined Jamal Williams' arrest)."""
    if not STRANDED_SUBJECT or tok.dep_ not in ("conj", "advcl"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in tok.children):
        return None
    aux = next((c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.i < tok.i), None)
    if aux is None and STRANDED_FINITE and tok.tag_ in ("VBD", "VBZ", "VBP"):
        aux = tok  # a finite verb needs a subject: the noun just before it
    elif tok.dep_ != "conj":
        return None
    if aux is None or aux.i == 0:
        return None
    noun = tok.doc[aux.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("conj", "appos"):
        return None
    return noun if noun.head != tok else None


#: Switch: ... and so does a finite verb with no auxiliary, joined or hung on the verb
#: before as a clause of its own: "Doug McDermott scored 23 points to become Creighton's
#: all-time scoring leader and the top-seeded Bluejays defeated Drake 65-53" (ECB+ 31,
#: 31_5ecbplus; "Bluejays" joined to "leader"; titled "Doug McDermott defeats Drake").
STRANDED_FINITE = True


#: Switch: a past form whose only object is a time, with a subject and no auxiliary, under
#: "be" or "become", is a participle telling of its subject (see time_as_object).
TIME_AS_OBJECT = True
_TIME_NOUNS = frozenset(["season", "year", "week", "month", "day", "night", "morning", "weekend"])


def time_as_object(tok: Token) -> Token | None:
    """The noun a participle tells of, when the parse made it a clause with a time for its
    object: "He is the fifth NBA head coach [fired] this season" ("coach" its subject,
    "this season" its object: titled "Fifth NBA head coach fires this season", with the
    NBA the one who fired)."""
    if not TIME_AS_OBJECT or tok.tag_ != "VBD" or tok.dep_ != "ccomp":
        return None
    if tok.head.lemma_.lower() not in ("be", "become"):
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return None
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if len(subj) != 1 or len(objs) != 1 or subj[0].pos_ != "NOUN":
        return None
    obj = objs[0]
    if obj.ent_type_ not in ("DATE", "TIME") and obj.lemma_.lower() not in _TIME_NOUNS:
        return None
    return subj[0]


#: Switch: a name right after a common noun, with no comma, followed by a verb, is the
#: subject of a relative clause with no "that" ("the worst riots Greece has seen in
#: decades"), not the noun's apposition: the parse read "Greece" as the riots and made
#: "eight days of the worst riots" the subject of "has seen" (the title was "Eight days of
#: Greece sees").
CONTACT_CLAUSE = True


def contact_clause(noun: Token) -> list[Token] | None:
    """The words of ``noun``'s phrase with the relative clause the parse misread (see
    CONTACT_CLAUSE), from its first modifier to the clause's end, or None."""
    if not CONTACT_CLAUSE or noun.pos_ != "NOUN":
        return None
    doc = noun.doc
    name = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if name is None or name.dep_ != "appos" or name.head.i != noun.i or not name.ent_type_:
        return None
    end = name.right_edge.i
    verb = doc[end + 1] if end + 1 < len(doc) else None
    if verb is None or verb.pos_ not in ("AUX", "VERB"):
        return None
    while verb.pos_ == "AUX" and verb.dep_ == "aux" and verb.head.i > verb.i:
        verb = verb.head  # "has [seen]"
    if verb.pos_ != "VERB" or noun.i in (t.i for t in verb.subtree if t.dep_ == "dobj"):
        return None
    first = min([noun.i, *(c.i for c in noun.lefts if c.dep_ in ("amod", "compound"))])
    tail = [c for c in verb.rights if c.dep_ in ("prep", "npadvmod", "advmod")][:1]
    last = tail[0].right_edge.i if tail else verb.i
    return list(doc[first : last + 1])


#: Switch: an "-ing" word right before "charges" or "counts" names the charge; the parse
#: reads it as a gerund with them for object: "Gary Gomes, 35, will face murder and
#: kidnapping charges" (ECB+ 32, 32_7ecb) was titled "Kidnapping of charges".
CHARGE_KIND = True
_CHARGE_NOUNS = frozenset(["charge", "count", "allegation", "accusation", "indictment"])


def charge_kind(tok: Token) -> Token | None:
    """The charges noun a gerund ``tok`` names the kind of (see CHARGE_KIND), or None."""
    if not CHARGE_KIND or tok.tag_ != "VBG" or tok.i + 1 >= len(tok.doc):
        return None
    obj = tok.doc[tok.i + 1]
    if obj.dep_ in ("dobj", "obj") and obj.head.i == tok.i and obj.lemma_.lower() in _CHARGE_NOUNS:
        return obj
    return None
