"""Who does an infinitive or a gerund when the subject of the verb it hangs on does not:
that verb's object ("urged Iran to [stop]", "accused Iran of [attacking]", "Bringing in
Jackman to [host]"), a noun's possessor ("Iran's denial of [attacking]"), or the subject
of the verb whose noun or adjective tells it ("has experience [hosting]", "is ready to
[attack]"). :func:`analysis.subjects.subject` and :mod:`analysis.clause_subject` go to
them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.clauses import word_set
from analysis.lexicon import NOUN_TYPES
from analysis.pronoun_cues import PERSON_NOUNS
from analysis.role_words import PARTY_ENTS
from analysis.verb_forms import told_of_adjective

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Verbs whose object also does the infinitive after it ("urged GM to produce": GM
#: produces; "expects prices to fall"). After any other verb, "X stops Y to retain his
#: belts" is a purpose clause: X retains, whatever subject the parse gives "retain".
OBJECT_CONTROL = word_set(
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
CHOOSING_VERBS = word_set("bring hire pick choose select appoint name recruit tap enlist draft")


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
        obj.pos_ == "PROPN" or obj.ent_type_ in PARTY_ENTS or obj.lemma_.lower() in PERSON_NOUNS
    )
    adverbial = CONTROL_ADVCL and v.dep_ == "advcl" and to
    return obj if adverbial and chosen and lemma in CHOOSING_VERBS else None


#: Switch: an infinitive of purpose on a passive whose subject is a thing is not that
#: thing's deed: "The course of INS Sukanya was altered to [intercept] boats" (the course
#: intercepts nothing; ECB+ 12, 12_11ecbplus), "the building was demolished to [make]
#: way". A person or party as subject may do it ("Troops were sent to [stop] the riots"),
#: a happening may have its purpose ("The national strike was held to [protest] the
#: austerity measures"), and so may a thing after a verb that raises its subject ("the
#: vote is scheduled to [take] place", "prices are expected to [fall]"). Titles only
#: (:mod:`analysis.clause_subject`): the actor the arguments find in such a subject ("INS
#: Sukanya") may be right, and dropping it split the interception in two events.
THING_PURPOSE = True
RAISING_PASSIVES = word_set(
    "schedule set slate suppose due design intend plan say report think know rumor rumour "
    "see make mean build program programme use"
)


def thing_purpose(v: Token) -> bool:
    """Is ``v`` an infinitive of purpose (see THING_PURPOSE) on a passive verb whose
    subject is a thing, so that the subject does not do it?"""
    head = v.head
    if not THING_PURPOSE or v.dep_ not in ("xcomp", "advcl") or head.tag_ != "VBN":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return False
    if not any(c.dep_ == "auxpass" for c in head.children):
        return False
    lemma = head.lemma_.lower()
    if lemma in OBJECT_CONTROL or lemma in RAISING_PASSIVES:
        return False
    subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    return (
        subj is not None
        and subj.pos_ == "NOUN"
        and not subj.ent_type_
        and subj.lemma_.lower() not in PERSON_NOUNS
        and subj.lemma_.lower() not in NOUN_TYPES  # "the strike was held to [protest]"
    )


#: Switch: a gerund told of a noun is done by who has the noun: "DeGeneres has
#: experience [hosting] the Academy Awards", "spent two hours [negotiating]" (the
#: subject of "have" / "spend" with that noun as object: NOUN_GERUND_VERBS), "his first
#: go at [hosting] that award show", "Iran's denial of [attacking]" (the noun's
#: possessor; "foiling the pirates' intention of [attacking] merchant vessels", "Nixon's
#: successful strategy for [capturing] Southern votes") (ECB+ 2, 2_5ecbplus; 12; 28).
GERUND_OF_NOUN = True
NOUN_GERUND_VERBS = word_set("have spend waste gain lack")


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
OBJECT_GERUND_PREPS = word_set("of for with from on")
_PARTY_PRONOUNS = word_set("him her them us me it you")


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
    if obj.ent_type_ in PARTY_ENTS or (obj.pos_ == "PRON" and obj.lower_ in _PARTY_PRONOUNS):
        return obj
    # a name it is told with: "accused U.S. forces of", "congratulates former trustee,
    # Regina Benjamin, on"
    named = [c for c in obj.lefts if c.dep_ == "compound" and c.ent_type_ in PARTY_ENTS]
    after = obj.doc[obj.i + 1 : prep.i]
    if not named and len(after) > 1 and after[0].text == ",":
        named = [t for t in after[1:] if t.ent_type_ in PARTY_ENTS][:1]
        named = [t for t in named if all(u.pos_ == "PROPN" for u in after[1 : t.i - obj.i])]
    if named:
        return named[0]
    return obj if obj.lemma_.lower() in PERSON_NOUNS else None
