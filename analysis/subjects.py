"""Who does what a verb tells: its subject, inherited where the parse hangs the verb on
another (conjuncts, adverbial clauses, infinitives, reduced relatives, a gerund after a
preposition), and whether it is told in the passive. :mod:`analysis.arguments` makes
actors and targets of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis import misreads
from analysis.clauses import _set
from analysis.entity_words import PERSON_TITLES
from analysis.pronoun_cues import PERSON_NOUNS
from analysis.reports import ACCORDING, told_sequence
from analysis.role_words import CHARGING_VERBS
from analysis.verb_forms import (
    charge_verb,
    circumstance_to,
    coordinated,
    told_of_adjective,
    verdict_verb,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Prepositions whose gerund is done by the subject of the verb they hang on: "died
#: after falling", "retaliated by striking", "charged with killing" (not "barred from").
GERUND_PREPS = frozenset(["after", "before", "while", "since", "upon", "on", "by", "with", "of"])

#: Verbs whose object also does the infinitive after it ("urged GM to produce": GM
#: produces; "expects prices to fall"). After any other verb, "X stops Y to retain his
#: belts" is a purpose clause: X retains, whatever subject the parse gives "retain".
OBJECT_CONTROL = _set(
    "urge ask tell force order allow persuade require encourage invite call push "
    "pressure enable help lead expect want instruct direct authorize permit cause get "
    "convince compel prompt believe consider need prefer like hate advise remind warn "
    "teach trust wait appeal beg challenge dare declare designate elect appoint name "
    "select choose pick hire sign recruit send bring"
)


#: Switch: an infinitive the parser hung as an adverbial clause on a verb of choosing
#: someone for a part (CHOOSING_VERBS) is done by the one chosen, a party: "Bringing in
#: Jackman to [host] the Academy Awards": Jackman hosts (Oscars story, ECB+ 2, 2_4ecb).
#: Other adverbial infinitives are the subject's purpose: "a witness called 911 to
#: [report] the shooting", "need a credible strike threat to [wrest] a better deal".
CONTROL_ADVCL = True
CHOOSING_VERBS = _set("bring hire pick choose select appoint name recruit tap enlist draft")


def object_controller(v: Token) -> Token | None:
    """The object that does the infinitive ``v``: after a verb of OBJECT_CONTROL as its
    complement ("urged Iran to [stop]"), or after a verb of CHOOSING_VERBS as an adverbial
    clause, when the object is a party ("Bringing in Jackman to [host]"); else None."""
    head = v.head
    lemma = head.lemma_.lower()
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if v.dep_ == "xcomp":
        return obj if lemma in OBJECT_CONTROL else None
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
    chosen = (
        obj.pos_ == "PROPN" or obj.ent_type_ in _PARTY_ENTS or obj.lemma_.lower() in PERSON_NOUNS
    )
    adverbial = CONTROL_ADVCL and v.dep_ == "advcl" and to
    return obj if adverbial and chosen and lemma in CHOOSING_VERBS else None


#: Switch: a gerund told of a noun is done by who has the noun: "DeGeneres has
#: experience [hosting] the Academy Awards", "spent two hours [negotiating]" (the
#: subject of "have" / "spend" with that noun as object: NOUN_GERUND_VERBS), "his first
#: go at [hosting] that award show", "Iran's denial of [attacking]" (the noun's
#: possessor; "foiling the pirates' intention of [attacking] merchant vessels", "Nixon's
#: successful strategy for [capturing] Southern votes") (ECB+ 2, 2_5ecbplus; 12; 28).
GERUND_OF_NOUN = True
NOUN_GERUND_VERBS = _set("have spend waste gain lack")


#: Switch: an infinitive told of an adjective is done by the subject the adjective tells
#: of: "Israel is ready to [attack] Iran", "The army was able to [capture] the city",
#: '"I am so excited to be [hosting] the Oscars"' (ECB+ 2, 2_5ecbplus).
ADJECTIVE_COMPLEMENT = True


def adjective_verb(v: Token) -> Token | None:
    """The verb whose subject does ``v``, an infinitive on that verb's adjective ("is
    ready to [attack]": "is"), else None."""
    told = told_of_adjective(v) if ADJECTIVE_COMPLEMENT else None
    return told[1] if told is not None else None


def noun_gerund(v: Token) -> tuple[Token | None, Token | None]:
    """(possessor, verb) for a gerund ``v`` told of a noun (see GERUND_OF_NOUN): the
    noun's possessor, who does it, or the verb ("have", "spend") whose subject does it;
    (None, None) when ``v`` is no such gerund."""
    head = v.head
    if not GERUND_OF_NOUN or v.tag_ != "VBG":
        return None, None
    if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "NOUN":
        owner = next((c for c in head.head.children if c.dep_ == "poss"), None)
        return owner, None
    noun = head
    if (
        v.dep_ == "acl"
        and noun.pos_ == "NOUN"
        and not noun.ent_type_
        and noun.lemma_.lower() not in PERSON_NOUNS
        and noun.dep_ in ("dobj", "npadvmod")
        and noun.head.lemma_.lower() in NOUN_GERUND_VERBS
    ):
        return None, noun.head
    return None, None


#: Switch: after "of", "for", "with", "from" or "on", a gerund is done by the verb's
#: object when that object is a party: "the FBI accused Iran of attacking the ship" (Iran
#: attacks), "police arrested Smith for killing his wife", "charged him with murdering",
#: "barred them from entering", "congratulates Benjamin on being nominated" (she is). A
#: thing as object leaves it to the subject: "won praise for rescuing the crew".
GERUND_OBJECT = True
OBJECT_GERUND_PREPS = _set("of for with from on")
_PARTY_ENTS = _set("PERSON ORG GPE NORP")
_PARTY_PRONOUNS = _set("him her them us me it you")


def gerund_object(v: Token) -> Token | None:
    """The object of the verb a gerund ``v`` hangs on, when that object does it (see
    GERUND_OBJECT), else None."""
    prep = v.head
    if not GERUND_OBJECT or v.dep_ != "pcomp" or prep.dep_ != "prep":
        return None
    if prep.lower_ not in OBJECT_GERUND_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    # of two objects, the one given to does it: "gave the Chargers its award for
    # demonstrating commitment"
    objects = [c for c in prep.head.children if c.dep_ in ("dative", "dobj", "obj")]
    obj = objects[0] if objects else None
    if obj is None or obj.i > prep.i:
        return None
    if obj.ent_type_ in _PARTY_ENTS or (obj.pos_ == "PRON" and obj.lower_ in _PARTY_PRONOUNS):
        return obj
    # a name it is told with: "accused U.S. forces of", "congratulates former trustee,
    # Regina Benjamin, on"
    named = [c for c in obj.lefts if c.dep_ == "compound" and c.ent_type_ in _PARTY_ENTS]
    after = obj.doc[obj.i + 1 : prep.i]
    if not named and len(after) > 1 and after[0].text == ",":
        named = [t for t in after[1:] if t.ent_type_ in _PARTY_ENTS][:1]
        named = [t for t in named if all(u.pos_ == "PROPN" for u in after[1 : t.i - obj.i])]
    if named:
        return named[0]
    return obj if obj.lemma_.lower() in PERSON_NOUNS else None


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


#: Switch: of two subjects the parse gives one verb, the one nearest before it: "The
#: co-founder and former chief executive officer of Apple Inc. Steve Jobs has died" gives
#: both "co" and "Jobs" as subjects of "died"; Jobs died.
NEAREST_SUBJECT = True


def subject_child(v: Token) -> Token | None:
    """The verb's own subject (nsubj, nsubjpass or csubj child); of several, the nearest
    before it (NEAREST_SUBJECT), else the first."""
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if not subjects:
        return None
    before = [c for c in subjects if c.i < v.i and not c.is_punct]  # ("Felt Sr [.]")
    if BETWEEN_PARTNER and len(before) > 1 and _between_left_open(before[-2]):
        # "Negotiations between the London side and Mourinho's representatives
        # intensified": the second side is no subject, the parse lost it from "between"
        return before[-2]
    if ADDRESS_NOT_SUBJECT and len(before) > 1 and _address_end(before[-1]):
        # "John Jenkin, 23, of Newton Street, Millom was arrested": the town ends the
        # person's address; the person is the subject
        people = [c for c in before[:-1] if c.ent_type_ == "PERSON"]
        if people:
            return people[-1]
    found = before[-1] if NEAREST_SUBJECT and before else subjects[0]
    return _titled_person(found) or found


#: Switch: a subject that is an office joined by "and" to more offices and a person's name
#: is that person ("Philadelphia 76ers President and General Manager Billy King announced",
#: ECB+ 5; "GM Chairman and CEO Rick Wagoner announced"): the parse makes the first office
#: the head and the person its conjunct, and the title read "President announce ...".
TITLES_AND_NAME = True
#: Offices written before a name, beside PERSON_TITLES' ranks: a firm's or a team's.
_OFFICES = PERSON_TITLES | _set(
    "chairman chairwoman chair ceo cfo coo cto executive manager director founder "
    "co-founder owner vice head editor publisher treasurer partner principal"
)


def _titled_person(subj: Token) -> Token | None:
    """The person conjunct of an office subject ("President and General Manager Billy
    King"): every word from the "and" to the name is an office, the subject too."""
    if not TITLES_AND_NAME or subj.ent_type_ or subj.lower_.rstrip(".") not in _OFFICES:
        return None
    cc = next((c for c in subj.children if c.dep_ == "cc" and c.lower_ == "and"), None)
    conj = next((c for c in subj.children if c.dep_ == "conj" and c.i > subj.i), None)
    if cc is None or conj is None or conj.ent_type_ != "PERSON":
        return None
    start = conj.i
    while start > cc.i + 1 and subj.doc[start - 1].ent_type_ == "PERSON":
        start -= 1
    between = subj.doc[cc.i + 1 : start]
    if not len(between) or any(t.lower_.rstrip(".") not in _OFFICES for t in between):
        return None
    return conj


#: Switch: of two subjects, the nearest is the second side of the first one's "between
#: X and" when the parse hung it on the verb (the extraction benchmark's
#: news.sky.com page on Mourinho: "Mourinho's representatives intensify" was the
#: title of the negotiations).
BETWEEN_PARTNER = True


def _between_left_open(subject: Token) -> bool:
    """Does ``subject`` have a "between" whose object has its "and" but no partner?"""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "between"
        and any(
            g.dep_ == "pobj"
            and any(x.dep_ == "cc" for x in g.children)
            and not any(x.dep_ == "conj" for x in g.children)
            for g in c.children
        )
        for c in subject.children
    )


#: Switch: of two subjects, a name nearest the verb after a comma, no person's, is the
#: end of the other's address when the other is a person (ECB+ 32, 32_10ecbplus: "Millom
#: arrested" was the title, the town tagged an organisation and taken for the one
#: arrested).
ADDRESS_NOT_SUBJECT = True


def _address_end(tok: Token) -> bool:
    """Is ``tok`` a name, not a person's, right after a comma ("..., Millom")?"""
    first = tok.left_edge
    return (
        tok.pos_ == "PROPN"
        and tok.ent_type_ != "PERSON"
        and first.i > 0
        and tok.doc[first.i - 1].text == ","
    )


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
            (c for c in noun.head.children if c.dep_ == "nsubj" and c.ent_type_),
            noun,
        )
    return noun


#: Switch for :func:`_who_it_is`.
NAMED_NOUN = True
#: Switch: "who" never stands for a happening (see :func:`who_not_what`).
WHO_IS_NO_HAPPENING = True
_PARTY_LABELS = frozenset(["PERSON", "ORG", "NORP", "GPE"])


def who_not_what(noun: Token, who: Token) -> Token | None:
    """The party a "who" stands for when the parser hung its clause on a happening: "talks
    between his government and the Taliban, who have long refused to negotiate" (the
    Taliban refused, not the talks): the nearest name before "who" inside the noun's
    phrase. None when the noun is no happening's word or no name is there."""
    from analysis.lexicon import NOUN_TYPES

    if not WHO_IS_NO_HAPPENING or noun.lemma_.lower() not in NOUN_TYPES or noun.ent_type_:
        return None
    inside = {t.i for t in noun.subtree}
    for t in reversed(noun.doc[noun.i + 1 : who.i]):
        if t.i in inside and t.ent_type_ in _PARTY_LABELS and t.pos_ in ("PROPN", "NOUN"):
            return t
    return None


def a_source(person: Token) -> bool:
    """Is the person the source of "according to" ("it was, according to Sarah Palin,
    the offices where church records were stored, that was destroyed": the parser hung
    "that" on Palin, who tells of the happening and is no party to it)?"""
    return (
        person.dep_ == "pobj"
        and person.head.lower_ == "to"
        and person.head.head.lemma_.lower() in ACCORDING
    )


def stands_for_thing(person: Token, pronoun: Token) -> bool:
    """Does a relative pronoun the parser hung on a person stand for a thing? "which"
    always ("Fritz Henderson, the Chief Executive Officer of General Motors, which filed
    for bankruptcy"); "that" hung on the source of "according to" (:func:`a_source`)."""
    return (
        person.ent_type_ == "PERSON"
        and pronoun.i > person.i
        and (pronoun.lower_ == "which" or (pronoun.lower_ == "that" and a_source(person)))
    )


def thing_before(person: Token, pronoun: Token) -> Token | None:
    """The thing such a pronoun stands for (see :func:`stands_for_thing`): the nearest noun
    between the two that is no person and no noun of a relative clause between them ("the
    offices where church records were stored, that was destroyed": the offices)."""
    for tok in reversed(pronoun.doc[person.i + 1 : pronoun.i]):
        if (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.ent_type_ != "PERSON"
            and not any(a.dep_ == "relcl" and a.i > person.i for a in (tok, *tok.ancestors))
        ):
            return tok
    return None


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
