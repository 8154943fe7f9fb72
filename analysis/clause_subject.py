"""Who a verb's headline clause is about, read from the parse: the subject a verb
shares with the clauses it hangs on (a relative clause's head noun, the object of "urged
X to", a conjunct, an infinitive of purpose's agent), and the verb whose clause tells
an infinitive ("is set to [launch]"). :mod:`analysis.gist_clause` builds the clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis import misreads
from analysis.control import (
    OBJECT_CONTROL,
    adjective_verb,
    gerund_object,
    noun_gerund,
    object_controller,
    thing_purpose,
)
from analysis.modality import FAILING
from analysis.own_subject import subject_child
from analysis.relative_pronouns import stands_for_thing, thing_before, who_not_what
from analysis.reports import told_sequence
from analysis.shared_subjects import circumstance_to
from analysis.subjects import conj_head, own_clause, undergoer

if TYPE_CHECKING:
    from spacy.tokens import Token


def governing(verb: Token) -> Token:
    """The verb whose object an infinitive tells of: "Apple has plans to [import] ...",
    "mediated talks to [reach] a ceasefire", "urged GM to [produce]", "is set to
    [launch]": that clause tells who, and whether it is done; else ``verb``."""
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "dobj" and any(a.lower_ == "to" for a in verb.children):
        return head.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
        return head  # "Congress required them to [produce] viability plans"
    if verb.dep_ == "xcomp" and head.lemma_.lower() in FAILING:
        return head  # "failed to get [re-elected]": told alone, it would read as done
    if PURPOSE_OF_AGENT and _agent(verb) is not None:
        return verb  # "the same type used by Hezbollah to [target] Israeli tanks"
    if (
        verb.dep_ == "xcomp"
        and head.pos_ == "VERB"
        and head.lemma_.lower() != "be"  # "is to be delivered": the clause's own verb tells it
        and not any(a.dep_ == "auxpass" for a in verb.children)  # "will have to be approved by"
        and any(a.lower_ == "to" for a in verb.children)
    ):
        # "is set to [launch]", "failing to [deliver]": told alone, a plan or a failure
        # would read as done
        return head
    return verb


#: A switch: an infinitive of purpose on a passive with its agent ("the same type used by
#: Hezbollah to target Israeli tanks") is the agent's deed: its own clause, with the agent
#: as subject ("Hezbollah targets Israeli tanks"), not "Hezbollah uses the same type".
PURPOSE_OF_AGENT = True


def _agent(verb: Token) -> Token | None:
    """The agent ("by Hezbollah") of the passive an infinitive ``verb`` ("to target") is
    the purpose of, when it is one."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or not any(a.lower_ == "to" for a in verb.children):
        return None
    if head.tag_ != "VBN" or head.i == verb.i:
        return None
    by = next((c for c in head.children if c.dep_ == "agent"), None)
    return next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None


#: A switch: a verb joined to a reduced relative ("a vessel intercepted and ...") with an
#: object of its own does not take the participle's noun as its subject.
ACL_HEAD_UNDERGOES = True


#: A switch: "X is the latest to hit France", "he was the last to be sentenced": the
#: adjective an infinitive hangs on stands for the copula's subject (the heist, he), no
#: one of its own ("Latest hits France", "Last sentenced").
ADJECTIVE_STANDS_FOR_SUBJECT = True


def _stood_for(adj: Token) -> Token | None:
    """The subject of the copula whose complement is the adjective ``adj`` ("the heist"
    of "the heist is the latest to ..."), or (COMPLEMENT_NOUN) a common noun ("LaRue" of
    "LaRue was the last defendant to be sentenced"); the subject of the copula a second
    one is joined to when that one has none ("He was the first ... and was the last to be
    sentenced")."""
    noun = COMPLEMENT_NOUN and adj.pos_ == "NOUN" and not adj.ent_type_
    if (adj.pos_ != "ADJ" and not noun) or adj.dep_ not in ("attr", "acomp"):
        return None
    if not COMPLEMENT_NOUN:
        return next((c for c in adj.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    verb = adj.head
    for _ in range(4):
        own = subject_child(verb)  # (of two, the nearest before: "LaRue", not "the first")
        if own is not None and own.lower_ in ("it", "this", "that"):
            return None  # "It was the worst violence to hit Greece": the noun tells it
        if own is not None or verb.head == verb:
            return own
        verb = verb.head  # a second "was" the parser hung on the first clause's verb
    return None


#: Switch: see :func:`_stood_for` ("Last defendant sentenced" and "Last sentenced" were
#: the titles of LaRue's sentencing, ECB+ 28).
COMPLEMENT_NOUN = True


def _shared_passive(verb: Token, bare: bool) -> bool:
    """Is ``verb`` a bare participle joined to a passive verb ("was shot and [killed]",
    "was arrested and [charged]"), with no object of its own? It shares the "was"."""
    return (
        bare
        and verb.tag_ == "VBN"
        and verb.dep_ == "conj"
        and any(c.dep_ == "auxpass" for c in verb.head.children)
        and not any(c.dep_ in ("dobj", "obj") for c in verb.children)
    )


def subject_of(verb: Token) -> tuple[Token | None, bool, Token]:
    """(subject token, passive?, the verb it is the subject of) of a verb, through the
    clauses that share it: a relative clause's head noun, the object of "urged X to",
    the subject of the verb a conj, xcomp, participle or "by doing" hangs on."""
    # Passive is the trigger's own voice ("is intended to launch": launch is active); a
    # bare participle hanging on a clause is one too ("testified when [nominated]").
    bare = not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children)
    be = any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
    passive = (
        any(c.dep_ == "auxpass" for c in verb.children)
        or (verb.tag_ == "VBN" and (be or (bare and verb.dep_ in ("advcl", "acl"))))
        or _shared_passive(verb, bare)
    )  # ("is [poised] to launch": a participle after "be" is no active verb)
    v = verb
    # "shot and [killed] by police": a bare participle with its agent
    by = any(c.dep_ == "agent" for c in verb.children) and not any(
        c.dep_ in ("auxpass", "aux") for c in verb.children
    )
    if misreads.shared_agent(verb) is not None:
        return verb.doc[verb.i - 1], True, verb  # "a teenager [shot] and killed by police"
    if (told_of := misreads.reduced_before_verb(verb)) is not None:
        return told_of, True, verb  # "Horton [shot] and killed in a shooting was revealed"
    if (stranded := misreads.stranded_subject(verb)) is not None:
        return stranded, passive, verb  # "... and fellow Charger Vincent Jackson was arrested"
    if (told_of := misreads.time_as_object(verb)) is not None:
        return told_of, True, verb  # "the fifth NBA head coach [fired] this season"
    if PURPOSE_OF_AGENT and (agent := _agent(verb)) is not None and not subject_child(verb):
        return agent, passive, verb  # "used by Hezbollah to [target]": Hezbollah targets
    for _ in range(4):
        own = subject_child(v)
        if own is not None and by and v is not verb and own.dep_ != "nsubjpass":
            # An active verb's subject is not what a passive with its agent undergoes:
            # "Anger over the death of a teenager shot and killed by police" ("Anger" is
            # no one killed; the parser took "shot" for the sentence's verb).
            return None, True, v
        if own is not None:
            passive = passive or (own.dep_ == "nsubjpass" and v is verb)
            if own.lower_ in ("that", "which", "who") and v.dep_ == "relcl":
                if own.lower_ == "who" and (named := who_not_what(v.head, own)) is not None:
                    return named, passive, v  # "talks with the Taliban, who refused"
                return _antecedent(v.head, own), passive, v
            return own, passive, v
        if circumstance_to(v):
            return None, passive, v  # "scrawl a time to [meet]": the time meets no one
        if v.dep_ == "relcl":
            if ADJECTIVE_STANDS_FOR_SUBJECT and (stood := _stood_for(v.head)) is not None:
                return stood, passive, v  # "the heist is the latest to hit France"
            return v.head, passive, v
        if v.dep_ == "acl" and v.tag_ == "VBN":
            if (
                ACL_HEAD_UNDERGOES
                and v is not verb
                and not passive
                and any(c.dep_ in ("dobj", "obj") for c in verb.children)
            ):
                # The noun a participle hangs on undergoes it ("a vessel intercepted"); a
                # verb joined to it with an object of its own did something to another:
                # "witnessed the incident chased after the car and arrested Subryan" (a
                # misparse) is not "Incident arrests Vishwanand Subryan".
                return None, passive, v
            return undergoer(v), v is verb or passive, v  # "a vessel intercepted by ..."
        head = v.head
        if (obj := object_controller(v)) is not None:
            return obj, passive, v  # "urged GM to [produce]", "hired Jackman to [host]"
        if (doer := gerund_object(v)) is not None:
            return doer, passive, v  # "accused Iran of [attacking]": Iran attacks
        owner, having = noun_gerund(v)
        if owner is not None:
            return owner, passive, v  # "his first go at [hosting]"
        if having is not None:
            v = having  # "DeGeneres has experience [hosting]"
            continue
        if (told_of := adjective_verb(v)) is not None:
            v = told_of  # "Israel is ready to [attack]"
            continue
        if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            # "Hezbollah sought to support Hamas by [firing] rockets"
            v = told_sequence(head, head.head) or head.head
            continue
        if (
            v.dep_ in ("conj", "xcomp", "advcl")
            and head.pos_ in ("VERB", "AUX")
            and head != v
            and not own_clause(v)
        ):
            if thing_purpose(v):
                return None, passive, v  # "the course was altered to [intercept] boats"
            v = conj_head(v) if v.dep_ == "conj" else head
            continue
        return None, passive, v
    return None, False, v


def _antecedent(head: Token, pronoun: Token) -> Token:
    """What a relative pronoun stands for: its head, or the thing before it when the parse
    hung it on a person (:func:`analysis.relative_pronouns.thing_before`)."""
    if not stands_for_thing(head, pronoun):
        return head
    return thing_before(head, pronoun) or head
