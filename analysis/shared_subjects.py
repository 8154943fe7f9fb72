"""Whether a verb the parse hangs on another shares a subject with it: an infinitive on a
noun of when, where or why ("a time to [meet]") has none in that noun, a conjunct with no
"and" or comma is a misread participle, a gerund with an article or a possessive of its
own is a noun, and a gerund after a verdict or a charge ("found guilty of [murdering]",
"convicted of the crime of [murdering]") is done by the verb's subject; the crime so
named keeps its own time.

Asked by :mod:`analysis.subjects` and :mod:`analysis.clause_subject` (who does a verb),
:mod:`analysis.gist`, :mod:`analysis.arguments` and :mod:`analysis.events`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.infinitives import to_infinitive
from analysis.role_words import CHARGING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Switch: see :func:`circumstance_to`.
CIRCUMSTANCE_NO_SUBJECT = True
#: Nouns an infinitive may tell the when, where or why of: "a time to meet", "a place
#: to stay", "the chance to sign" (the noun does nothing; see :func:`circumstance_to`).
CIRCUMSTANCES = frozenset(
    [
        "time",
        "place",
        "way",
        "chance",
        "opportunity",
        "reason",
        "day",
        "date",
        "moment",
        "occasion",
        "venue",
        "spot",
        "location",
        "room",
        "means",
        "deadline",
    ]
)


def circumstance_to(verb: Token) -> bool:
    """Is ``verb`` an infinitive relative on a noun of when, where or why ("would scrawl a
    time to [meet]"): its head noun is no subject ("Time meets on page 20" was a title)."""
    return (
        CIRCUMSTANCE_NO_SUBJECT
        and verb.dep_ in ("relcl", "acl")
        and to_infinitive(verb)
        and verb.head.lemma_.lower() in CIRCUMSTANCES
    )


def coordinated(verb: Token) -> bool:
    """Is a verb the parser made a conjunct joined to its head by "and", "or", "but" or a
    comma? One with neither is a participle it misread ("the murder of three bank workers
    killed when the building was torched" is no second act of who denounced it)."""
    lo, hi = sorted((verb.head.i, verb.i))
    # (wherever the parser hung the "and": "offers flights to New York, ..., Dubai, and
    # recently launched 3 new routes" hangs it on "Dubai")
    return any(t.dep_ == "cc" or t.text in (",", ";", "–", "—") for t in verb.doc[lo + 1 : hi])


#: Switch: a gerund with an article or a possessive of its own is a noun ("after the
#: police shooting", "his shooting of the deer"): no subject is inherited from the clause
#: the parse hangs it on ("Williams said, referring to the anger after the police
#: shooting" was titled "Jumaane D. Williams shoots").
GERUND_NOUNS = True


def gerund_noun(tok: Token) -> bool:
    """Is the -ing verb ``tok`` used as a noun (a determiner or possessive of its own)?"""
    return (
        GERUND_NOUNS
        and tok.tag_ == "VBG"
        and any(
            c.dep_ in ("det", "poss") and c.i < tok.i and c.lower_ != "whose" for c in tok.children
        )
    )


#: Switch: a gerund after a verb's adjective is done by that verb's subject ("Nichols was
#: found guilty of [murdering] a judge", "found responsible for [killing]"), also where the
#: parse hangs the preposition on a time word between ("found guilty last month of ...").
#: Not when the verb has an object: "the jury found him guilty of [murdering]" (he did).
VERDICT_GERUND = True
_VERDICT_PREPS = frozenset(["of", "for"])


def verdict_verb(prep: Token) -> Token | None:
    """The verb of "found guilty [of]", "held responsible [for]": the preposition hangs on
    the verb's adjective, or on a time word of a verb that has such an adjective."""
    if not VERDICT_GERUND or prep.lower_ not in _VERDICT_PREPS:
        return None
    head = prep.head
    on_adjective = head.pos_ == "ADJ" and head.dep_ in ("oprd", "acomp")
    on_time_word = head.pos_ == "NOUN" and head.dep_ == "npadvmod"
    if not (on_adjective or on_time_word):
        return None
    verb = head.head
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return None
    adjective = any(c.pos_ == "ADJ" and c.dep_ in ("oprd", "acomp") for c in verb.children)
    return verb if adjective else None


#: Switch: a gerund after a charge noun is done by whoever the verb the charge hangs on
#: tells of: "convicted of the state crime of murdering a deputy", "held on charges of
#: fleeing police", "arrested on suspicion of killing his wife".
CHARGE_GERUND = True
_CHARGE_NOUNS = frozenset(
    ["crime", "charge", "count", "offence", "offense", "suspicion", "accusation", "allegation"]
)


def charge_verb(prep: Token) -> Token | None:
    """The verb of "[convicted] of the crime [of]", "[appeared in court] on charges [of]":
    "of" hangs on a charge noun that is the object of a preposition of the verb (or of a
    place named on the way: "convicted in Georgia of the crime of"); its subject is the one
    charged. None for a verb with an object ("Police arrested Smith on suspicion of
    killing": Smith did it, not Police)."""
    if not CHARGE_GERUND or prep.lower_ != "of":
        return None
    noun = prep.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _CHARGE_NOUNS or noun.dep_ != "pobj":
        return None
    verb = noun.head.head
    if verb.dep_ == "pobj" and verb.pos_ == "PROPN":
        verb = verb.head.head  # "convicted in Georgia [of the crime]"
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return None
    return verb


def charged_crime(tok: Token) -> bool:
    """Is ``tok`` the crime a verdict or a charge names ("was found guilty last month of
    [murder]", "convicted of the crime of [murdering]")? Its time is its own, not the
    verdict's (see analysis.events.CRIME_KEEPS_ITS_TIME)."""
    if tok.dep_ not in ("pobj", "pcomp"):
        return False
    return verdict_verb(tok.head) is not None or charge_verb(tok.head) is not None


#: Switch: the crime a verb of the law names with a preposition of its own does not take
#: that verb's time: "A gang member was convicted Tuesday of [murdering] a mother of 12",
#: "was charged Monday with [killing] his wife", "sentenced Friday for [shooting] the
#: officer" (the verdict's, charge's or sentence's day; the killing was before). A time
#: the parse hangs elsewhere stays: "Convicted of Double [Murder] In 2010 Kraft Foods
#: Rampage" (ECB+ 22_7ecbplus). Not the law's own nouns: "arrested Tuesday for
#: [suspicion] of DUI" (ECB+ 35).
LAW_NAMES_CRIME = True
_CRIME_PREPS = frozenset(["of", "for", "with"])


def law_verb(tok: Token) -> Token | None:
    """The verb of the law ("convicted", "charged", "sentenced") that names ``tok`` as the
    crime with a preposition, on the verb or on its time word ("convicted Tuesday [of]",
    "convicted in 2009 [of]") (see LAW_NAMES_CRIME)."""
    prep = tok.head
    if (
        not LAW_NAMES_CRIME
        or tok.dep_ not in ("pobj", "pcomp")
        or tok.lemma_.lower() in _CHARGE_NOUNS
        or prep.lower_ not in _CRIME_PREPS
    ):
        return None
    verb = prep.head
    if verb.ent_type_ in ("DATE", "TIME"):  # the parse hangs it on the time word
        verb = verb.head.head if verb.dep_ == "pobj" else verb.head  # "in 2009 [of]"
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in CHARGING_VERBS else None


def law_time(root: Token, verb: Token) -> bool:
    """Is the time (its root) the law verb's own: a time word on it ("convicted Tuesday")
    or the object of a preposition on it ("charged on Monday", "sentenced in 2009"), not
    a time on another noun there ("Convicted of Double Murder In 2010 Kraft Foods
    Rampage")?"""
    if root.dep_ == "prep":  # the time's words begin with the preposition
        told = [c for c in root.children if c.dep_ == "pobj"]
        return root.head.i == verb.i and all(c.ent_type_ in ("DATE", "TIME") for c in told)
    on = root.head
    return on.i == verb.i or (root.dep_ == "pobj" and on.dep_ == "prep" and on.head.i == verb.i)
