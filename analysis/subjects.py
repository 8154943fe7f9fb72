"""Who does what a verb tells: its subject, inherited where the parse hangs the verb on
another (conjuncts, adverbial clauses, infinitives, reduced relatives, a gerund after a
preposition), and whether it is told in the passive. :mod:`analysis.arguments` makes
actors and targets of them. Of several subjects the parse gives a verb,
:mod:`analysis.own_subject` picks its own; :mod:`analysis.control` tells who does an
infinitive or a gerund when another than the subject does, and
:mod:`analysis.relative_pronouns` what a relative pronoun hung on the wrong word stands for.
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
)
from analysis.own_subject import subject_child
from analysis.pronoun_cues import PERSON_NOUNS
from analysis.relative_pronouns import stands_for_thing, thing_before, who_not_what
from analysis.reports import told_sequence
from analysis.role_words import CHARGING_VERBS
from analysis.shared_subjects import charge_verb, circumstance_to, coordinated, verdict_verb

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Prepositions whose gerund is done by the subject of the verb they hang on: "died
#: after falling", "retaliated by striking", "charged with killing" (not "barred from").
GERUND_PREPS = frozenset(["after", "before", "while", "since", "upon", "on", "by", "with", "of"])


def _gerund_head(v: Token) -> Token | None:
    """The verb whose subject does the gerund ``v`` ("died [after] slipping"), or None."""
    prep = v.head
    if v.dep_ != "pcomp" or prep.dep_ != "prep":
        return None
    if (verb := verdict_verb(prep) or charge_verb(prep)) is not None:
        return verb  # "was found guilty of [murdering] a judge", "the crime of [murdering]"
    if prep.lower_ not in GERUND_PREPS:
        return None
    head = prep.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    return told_sequence(prep, head) or head


def subject(verb: Token) -> tuple[Token | None, bool]:
    """(subject token, passive?) of a verb, inherited through conj / advcl / xcomp, and
    through a gerund's preposition ("Rait died after slipping and falling": Rait fell)."""
    if misreads.shared_agent(verb) is not None:
        return verb.doc[verb.i - 1], True  # "a teenager [shot] and killed by police"
    if (told_of := misreads.reduced_before_verb(verb)) is not None:
        return told_of, True  # "Horton [shot] and killed in a gang shooting was revealed"
    if (stranded := misreads.stranded_subject(verb)) is not None:
        return stranded, any(c.dep_ == "auxpass" for c in verb.children)
    if (told_of := misreads.time_as_object(verb)) is not None:
        return told_of, True  # "the fifth NBA head coach [fired] this season"
    seen = 0
    v = verb
    # "Apple Computer was started by Jobs ..., and launched the iTunes Music Store": a
    # verb with its own object is active whatever the verb it shares its subject with.
    own_object = any(c.dep_ in ("dobj", "obj") for c in verb.children)
    # past a gerund's preposition the voice is the gerund's own: "was killed after
    # falling" (Rait fell), "died after being hit" (she was hit)
    voice: bool | None = None
    own_passive = any(c.dep_ == "auxpass" for c in verb.children) and not own_object
    if OWN_PASSIVE and (own_passive or verb.dep_ == "xcomp"):
        # "Gary Fan failed to get re-elected": he was elected, or not; "Israel is expected
        # to attack": an infinitive's voice is its own, not its head's
        voice = own_passive
    through_gerund = False  # came up from a gerund to its verb
    while v is not None and seen < 4:
        active = v is not verb and own_object
        passive = any(c.dep_ == "auxpass" for c in v.children) and not active
        if PURPOSE_SUBJECT and _purpose_clause(v):
            v = v.head  # "Klitschko stops Thompson to retain his belts": Klitschko retains
            seen += 1
            continue
        c = subject_child(v)
        if c is not None:
            passive = (passive or c.dep_ == "nsubjpass") and not active
            passive = passive if voice is None else voice
            if v.dep_ == "relcl" and stands_for_thing(v.head, c):
                return thing_before(v.head, c), passive
            if c.lower_ in ("that", "which", "who") and v.dep_ == "relcl":
                if c.lower_ == "who" and (named := who_not_what(v.head, c)) is not None:
                    return named, passive
                return _who_it_is(v.head), passive
            return c, passive
        if circumstance_to(v):
            return None, passive if voice is None else voice  # "a time to [meet]"
        if v.dep_ == "relcl":
            return _who_it_is(v.head), passive if voice is None else voice
        # a name (GERUND_OF_PARTICIPLE), not "a Millom man accused of murdering"
        of_name = GERUND_OF_PARTICIPLE and through_gerund and v.head.pos_ == "PROPN"
        if v.dep_ == "acl" and v.tag_ == "VBN" and _reduced_relative(v, first=v is verb or of_name):
            # "a vessel intercepted by...", "Warship Sukanya, currently deployed on patrols"
            return undergoer(v), True if voice is None else voice
        if (told_of := adjective_verb(v)) is not None:
            v = told_of  # "is ready to [attack]"
            seen += 1
            continue
        if v.dep_ in ("conj", "advcl", "xcomp", "acl") and v.head.pos_ in ("VERB", "AUX"):
            if own_clause(v):
                return None, passive
            if PURPOSE_SUBJECT and (obj := object_controller(v)) is not None:
                return obj, passive  # "urged Iran to stop": Iran stops
            v = conj_head(v)
            seen += 1
            continue
        if (doer := gerund_object(v)) is not None:
            return doer, passive if voice is None else voice
        owner, having = noun_gerund(v)
        if owner is not None:
            return owner, passive if voice is None else voice  # "his go at [hosting]"
        if having is not None:
            voice = passive if voice is None else voice  # "has experience [hosting]"
            v = having
            seen += 1
            continue
        if GERUND_SUBJECT and (outer := _gerund_head(v)) is not None:
            voice = passive if voice is None else voice
            v = outer
            seen += 1
            through_gerund = True
            continue
        return None, passive
    return None, False


def _reduced_relative(participle: Token, *, first: bool) -> bool:
    """Does the participle (acl, VBN) tell of the word it hangs on: a verb the parser
    made its head, or (REDUCED_RELATIVE, for the trigger itself) a noun, unless the
    participle takes a clause or an object of its own (an active verb misread)?"""
    head = participle.head
    if head.pos_ in ("VERB", "AUX"):
        return True
    return (
        REDUCED_RELATIVE
        and first
        and head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in ("ccomp", "dobj") for c in participle.children)
    )


#: Switch: a verb joined by "and" takes its subject from the verb the "and" is joined
#: to, when the parser hung the verb itself on an earlier one (see :func:`conj_head`).
CC_HEAD = True


def conj_head(verb: Token) -> Token:
    """The verb ``verb`` is joined to: its head, unless the "and" / "or" right before it
    hangs on a verb between the two of the same form while the head's form differs
    ("Lynch has a tough job in proving that his client did not pull the trigger and, in
    the end, kill Thomas": the parser joined "kill" to "has"; the "and" belongs to "pull",
    and so does "kill"; "After letting Rodriguez leave ... and failing to sign Sabathia,
    the Angels ...": "failing" is no "leave")."""
    head = verb.head
    if not CC_HEAD or verb.dep_ != "conj" or any(c.dep_ == "cc" for c in head.children):
        return head
    cc = next((t for t in reversed(verb.doc[head.i + 1 : verb.i]) if t.dep_ == "cc"), None)
    if cc is None:
        return head
    joined = cc.head
    between = head.i < joined.i < verb.i
    # conjuncts are alike: "pull ... and kill" (both bare), not "has ... and kill"
    alike = joined.tag_ == verb.tag_ and head.tag_ != verb.tag_
    return joined if between and alike and joined.pos_ in ("VERB", "AUX") else head


#: Switch: a verb's own voice decides, whatever the verb it takes its subject from: with
#: a passive auxiliary of its own it is passive ("failed to get re-elected", "hoped to be
#: freed"), an infinitive without one is active ("Israel is expected to attack").
OWN_PASSIVE = True
#: Switch: a participle that follows its noun is told of that noun, which underwent it
#: ("a man arrested on Monday", "Warship Sukanya, currently deployed on patrols"): the
#: noun is its subject, in the passive.
REDUCED_RELATIVE = True
#: Switch: ... and a gerund after it is done by that name ("Al-Amin, convicted of murdering").
GERUND_OF_PARTICIPLE = True
#: Switch for the gerund's inherited subject (see :func:`_gerund_head`).
GERUND_SUBJECT = True
#: Switch for the purpose clause's subject (see :func:`_purpose_clause`).
PURPOSE_SUBJECT = True


def _purpose_clause(verb: Token) -> bool:
    """Is ``verb`` an infinitive the parse gave the object of the verb before it as
    subject ("Klitschko stops Tony Thompson to retain ...": Thompson as retain's nsubj),
    where that verb's object does not do what the infinitive tells (not "urged Iran to
    stop", "for X to win")?"""
    head = verb.head
    if verb.dep_ not in ("ccomp", "xcomp", "advcl") or head.pos_ != "VERB":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if any(c.dep_ == "mark" for c in verb.children):
        return False  # "for Thompson to win"
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i > verb.i or subj.i < head.i:
        return False
    return head.lemma_.lower() not in OBJECT_CONTROL and any(
        c.dep_ == "nsubj" for c in head.children
    )


def own_clause(verb: Token) -> bool:
    """Is a conjoined verb a clause of its own, sharing no subject with its head? "After a
    ceasefire was declared ..., [a vessel] was intercepted": a verb with its own auxiliary
    is not the second verb of the subordinate clause the parser hung it on."""
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    if verb.dep_ == "conj" and not coordinated(verb):
        return True  # "denounced the murder of three bank workers [killed] when ..."
    return (
        verb.dep_ == "conj"
        and any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and any(c.dep_ == "mark" for c in verb.head.children)
        and not (before is not None and before.dep_ == "cc")  # "attacked ... and were repelled"
    )


#: Switch: a participle that is done to people ("charged", "arrested"), hung on a noun
#: that is none, tells of the name inside that noun's phrase: "a preliminary hearing for
#: John Jenkin, 23, charged with the murders" (Jenkin was charged, not the hearing).
PERSON_PARTICIPLE = True


def undergoer(participle: Token) -> Token:
    """Who or what a reduced relative participle ("a vessel intercepted by ...") was done
    to: the noun it hangs on, or the name inside that noun's phrase (PERSON_PARTICIPLE)."""
    noun = participle.head
    if (
        not PERSON_PARTICIPLE
        or noun.ent_type_
        or noun.pos_ != "NOUN"
        or participle.lemma_.lower() not in CHARGING_VERBS
        or noun.lemma_.lower() in PERSON_NOUNS
    ):
        return noun
    inside = {t.i for t in noun.subtree}
    for t in reversed(noun.doc[noun.i + 1 : participle.i]):
        if t.i in inside and t.ent_type_ == "PERSON" and t.pos_ == "PROPN":
            return t
    return noun


def _who_it_is(noun: Token) -> Token:
    """Whom a relative clause's common noun stands for, when the sentence names it: "Robert
    Buckley, 32, was the second climber to die", "Robert Buckley the second climber to
    die" (Buckley died), "Smith became the first player to score" (Smith scored)."""
    if noun.ent_type_ or noun.pos_ != "NOUN" or not NAMED_NOUN:
        return noun
    if noun.dep_ == "appos" and noun.head.ent_type_:
        return noun.head
    if noun.dep_ == "attr" and noun.head.lemma_ in ("be", "become"):
        return next(
            (
                c
                for c in noun.head.children
                if c.dep_ == "nsubj"
                and (c.ent_type_ or (COPULA_PRONOUN and c.lower_ in ("he", "she")))
            ),
            noun,
        )
    return noun


#: Switch for :func:`_who_it_is`.
NAMED_NOUN = True
#: ... and a "he" / "she" as the copula's subject is who the noun is: "He's the former
#: Kutztown University football player who went on a shooting rampage at an Atlanta
#: courthouse in 2005, killing four people" (ECB+ 3, 3_6ecb: the killer was Kutztown
#: University; tried with a first-sentence "he" read as the one person the next sentences
#: name: "She visited the church after the fire" (the headline names Sarah Palin) was the
#: Rev. Larry Kroon, so that was left).
COPULA_PRONOUN = True


def prep_objects(tok: Token, preps: frozenset[str]) -> list[Token]:
    """The objects of the token's prepositions ``preps`` ("by" -> "General Motors" of
    "the announcement by General Motors")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def agent(verb: Token) -> Token | None:
    """Who a passive verb's "by" names ("was intercepted by the US Navy"; "shot and
    killed by police", see misreads.shared_agent)."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return misreads.shared_agent(verb)
