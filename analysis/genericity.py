"""Genericity: is a mention one happening another report could tell, or a kind, a habit,
a tally or a series?

``generic`` (a bare plural noun with no participant or time: "sales fell", "attacks on
shipping", "bankruptcies rose": a class of happenings, not one event to link; a counted
set, a part of a set, a happening told as on another occasion). Habits, tallies and kinds
of deed are :mod:`analysis.habits`. Mentions either finds are kept in their article and
never linked across articles (see :mod:`analysis.modality` for how sure the text is that
a happening happened).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.occasions import ADDITIONAL, additional, on_another_occasion, one_such, previous

if TYPE_CHECKING:
    from spacy.tokens import Token

    from analysis.timex import Timex

#: Modifiers that make a bare plural one series under way, not a kind: "amid worsening
#: protests in the city", "the latest strikes".
ONGOING = frozenset(
    [
        "worsening",
        "growing",
        "ongoing",
        "continuing",
        "escalating",
        "mounting",
        "intensifying",
        "renewed",
        "recent",
        "latest",
    ]
)
#: Determiners that make a plural noun specific ("the attacks", "these strikes").
_SPECIFIC_DETS = frozenset({"the", "these", "those", "this", "that", "both"})


def _of_several(tok: Token) -> bool:
    """Does a plural trigger name several parties, one happening each ("the bankruptcies
    of Lehman Brothers, Washington Mutual and Worldcom", "attacks on Erbil and Duhok")?"""
    for c in tok.children:
        parties = [c] if c.dep_ == "poss" else []
        if c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "by", "in"):
            parties = [g for g in c.children if g.dep_ == "pobj"]
        if any(any(g.dep_ == "conj" for g in p.children) for p in parties):
            return not (ONE_HOUSEHOLD and _one_household(parties))
        if LIST_AFTER_PARTY and len(parties) == 1 and _list_goes_on(parties[0]):
            return True
    return False


#: Switch: "one of the biggest jewel heists in history", "among the deadliest attacks":
#: the plural names the class the happening belongs to, not a happening another report
#: tells (the happening is told by the clause: "robbers carried out [one]").
ONE_OF_A_CLASS = True


def _one_of(tok: Token) -> bool:
    """Is the plural ``tok`` the class in "one of the biggest ...", "among the deadliest
    ..." (a superlative: "one of the attacks" is one of a set told before)?"""
    prep = tok.head
    if tok.dep_ != "pobj" or not any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or any(m.lower_ == "most" for m in c.children))
        for c in tok.children
    ):
        return False
    if prep.lower_ == "among":
        return True
    return prep.lower_ == "of" and prep.head.lower_ == "one" and prep.head.i == prep.i - 1


#: Switch: the parser broke the list ("the bankruptcies of Lehman Brothers ($691.06
#: billion), Washington Mutual ($327.91 billion), and WorldCom"): a name of the same kind
#: after a comma, and another after "and", still make several parties.
LIST_AFTER_PARTY = True


def _list_goes_on(party: Token) -> bool:
    """Does a list of names of ``party``'s kind go on after it (", X ..., and Y")?"""
    doc, kind = party.doc, party.ent_type_
    if not kind:
        return False
    j = party.right_edge.i + 1
    if j + 1 >= len(doc) or doc[j].text != "," or doc[j + 1].ent_type_ != kind:
        return False
    rest = doc[j + 1 : min(party.sent.end, j + 16)]
    return any(
        t.lower_ in ("and", "or") and t.i + 1 < party.sent.end and doc[t.i + 1].ent_type_ == kind
        for t in rest
    )


#: Switch: "the murders of his mother and sister" are one crime against one household,
#: not a murder each; "the bankruptcies of Lehman Brothers and Worldcom" are two.
ONE_HOUSEHOLD = True


def _one_household(parties: list[Token]) -> bool:
    """Are the conjoined parties common nouns of one owner ("his mother and sister")?"""
    for p in parties:
        people = [p, *(g for g in p.children if g.dep_ == "conj")]
        if any(t.ent_type_ or t.pos_ != "NOUN" for t in people):
            return False
        if not any(c.dep_ == "poss" for c in p.children):
            return False
    return bool(parties)


#: Switch: "double murders", "a triple homicide": one happening with several victims.
COUNTED_VICTIMS = True
_MULTIPLES = frozenset(["double", "triple", "quadruple"])


#: "a previous DUI arrest", "an earlier attack", with no one and no time named: some
#: happening before the one reported, which no other mention can be known to tell.
PREVIOUS_IS_ANOTHER = True
#: Switch: a happening its sentence tells as on another occasion ("targeted in prior
#: attacks", "in a separate incident") is another than the one reported even when it
#: names who or what; only a time of its own could say which one it is.
OCCASION_WHOEVER = True


#: Switch: a plural counted ("46 arrests", "two attacks"), naming no one and no time, is
#: several happenings told together (as "arrested seven times" is): no one of them that
#: another report tells ("Mahnefah Gray was arrested").
COUNTED_SET = True
_ONE = frozenset(["one", "1", "a", "an"])
#: Switch: ... and so is one naming who, with no time: "Two Brady Quinn interceptions and a
#: boneheaded fumble" (ECB+ 29, 29_3ecbplus) was one event with the first interception,
#: told in one report, and "Quinn's second interception of the game", told in another.
COUNTED_WHOEVER = True


def _counted(tok: Token) -> bool:
    """Has the plural ``tok`` a number of more than one ("46 arrests", "two attacks"; not
    a year: "the 1967 killings")?"""
    return any(
        c.dep_ == "nummod"
        and c.lower_ not in _ONE
        and c.ent_type_ not in ("DATE", "TIME")  # "the 9-11 attacks": a day, no count
        for c in tok.children
    )


#: Switch: a plural told by what "we" or "you" do to it now ("the threats we face", "the
#: risks you take") is a kind of happening, not one another report could tell.
WE_FACE = True
_GENERIC_PEOPLE = frozenset(["we", "you", "one"])


def _we_face(tok: Token) -> bool:
    """Has the plural ``tok`` a relative clause in the present whose subject is "we",
    "you" or "one"?"""
    return any(
        c.dep_ == "relcl"
        and c.tag_ in ("VBP", "VBZ")
        and any(g.dep_ == "nsubj" and g.lower_ in _GENERIC_PEOPLE for g in c.children)
        for c in tok.children
    )


#: Switch: a plural that is a part of a set ("many of the neighborhood shootings", "most
#: of the arrests"), naming no one and no time, is several happenings of a larger set:
#: none another report could tell ("one of the attacks" is one, left to the evidence).
PARTITIVE_SET = True
_PARTS = frozenset(["many", "most", "some", "several", "few", "none"])


def _part_of_set(tok: Token) -> bool:
    """Is the plural ``tok`` the set in "many of the shootings", "some of these attacks"?"""
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lower_ in _PARTS
        and prep.head.i < prep.i
    )


#: Nouns whose plural names one happening ("the talks", "in negotiations to direct the
#: sequel", "hostilities"), not a class of them: never generic for being plural.
ONE_IN_PLURAL = True
PLURAL_ONE = frozenset(
    [
        "talk",
        "negotiation",
        "discussion",
        "deliberation",
        "hostility",
        "festivity",
        "celebration",
        "proceeding",
    ]
)


#: ... and those whose plural names one happening once its kind is said ("parliamentary
#: elections", "the presidential primaries"; "elections" alone may be any).
PLURAL_ONE_OF_A_KIND = frozenset(["election", "primary"])


#: Switch: a year alone ("nearly 100 attacks this year", "attacks rose in 2008") does not
#: make a plural one series another report could tell; a day, a week or a month does.
YEAR_IS_NO_OCCASION = True


#: Switch: happenings told as "separate" are several, none of them one report's event,
#: whoever and whenever: "Two men have died in separate climbing accidents at Mt Cook this
#: weekend" (ECB+ 23_7ecbplus) joined the death of one of them, Robert Buckley; "two separate
#: shootings", "arrested in separate raids".
SEPARATE_IS_SEVERAL = True


def _separate(tok: Token) -> bool:
    """Is the trigger a plural told "separate", or told "in" (at, during) plurals told so?"""

    def told_separate(noun: Token) -> bool:
        return noun.tag_ == "NNS" and any(
            c.dep_ == "amod" and c.lower_ == "separate" for c in noun.children
        )

    if told_separate(tok):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ in ("in", "at", "during") and told_separate(g)
        for c in tok.children
        for g in c.children
        if g.dep_ == "pobj"
    )


def generic(tok: Token, *, actor: bool, target: bool, time: Timex | None) -> bool:
    """A bare plural noun trigger with no participant or time: a class of happenings
    ("sales", "attacks on shipping"), a counted set ("46 arrests") or a kind ("the threats
    we face"), not one event; and, with no participant or time, one the sentence tells as
    another than the one reported ("a previous arrest", "on an earlier occasion")."""
    dated = time is not None
    if SEPARATE_IS_SEVERAL and _separate(tok):
        return True  # "Two men have died in separate climbing accidents": two deaths
    if tok.tag_ == "NNS" and _of_several(tok):
        return True  # "the bankruptcies of Lehman Brothers, Washington Mutual and Worldcom"
    if ONE_OF_A_CLASS and tok.tag_ == "NNS" and _one_of(tok):
        return True  # "carried out one of the biggest jewel heists in history": a class
    if PREVIOUS_IS_ANOTHER and ADDITIONAL and not dated and additional(tok):
        # "Comeaux was convicted of additional assault charges": another conviction than
        # the one reported, whoever it names ("charged with further offences on Monday"
        # is the news of Monday)
        return True
    if PREVIOUS_IS_ANOTHER and one_such(tok):
        return True  # "spotted one such iFrame attack on a financial institution's site"
    if PREVIOUS_IS_ANOTHER and not dated:
        named = actor or target
        if not named and previous(tok):
            return True  # "on probation for a previous DUI arrest": not the one reported
        if (OCCASION_WHOEVER or not named) and on_another_occasion(tok):
            # "shot in the foot on an earlier occasion"; "Microsoft's MSHTML Shim component
            # had already been targeted in prior attacks", whoever it names
            return True
    placed = time is not None and not (YEAR_IS_NO_OCCASION and time.precision == "year")
    if (
        COUNTED_WHOEVER
        and tok.tag_ == "NNS"
        and not placed
        and (actor or target)
        and _counted(tok)
        and not any(c.lower_ in _MULTIPLES for c in tok.children)
    ):
        return True  # "Two Brady Quinn interceptions": two, whoever threw them
    if tok.tag_ != "NNS" or actor or target or placed:
        return False
    if COUNTED_VICTIMS and any(c.lower_ in _MULTIPLES for c in tok.children):
        return False  # "the double murders": one crime, two victims
    if COUNTED_SET and _counted(tok):
        return True  # "there were 46 arrests": 46 happenings, none another report's one
    if WE_FACE and _we_face(tok):
        return True  # "As the threats we face continue to evolve": a kind, not one
    if ONE_IN_PLURAL and (
        tok.lemma_.lower() in PLURAL_ONE
        or (
            tok.lemma_.lower() in PLURAL_ONE_OF_A_KIND
            and any(c.dep_ in ("amod", "compound") for c in tok.children)
        )
    ):
        # "Ross is in negotiations", "parliamentary elections": one happening told in the
        # plural
        return False
    if PARTITIVE_SET and _part_of_set(tok):
        return True  # "many of the neighborhood shootings": some of several, none told
    # "amid worsening protests": a series under way, whether the tagger makes "worsening"
    # the noun's modifier or a gerund with the noun as its object (the word just before).
    before = [tok.doc[tok.i - 1]] if tok.i > 0 else []
    if any(t.lower_ in ONGOING for t in [*tok.lefts, *before]):
        return False
    return not any(
        c.dep_ in ("poss", "nummod") or (c.dep_ == "det" and c.lower_ in _SPECIFIC_DETS)
        for c in tok.children
    )
