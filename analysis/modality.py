"""Modality: how sure the text is that an event happened, and whether it is one event.

``asserted``; ``negated`` (not, never, no, denied that...); ``hypothetical`` (planned,
possible, modal or conditional: will, could, plans to, threatened to, if...);
``reported`` (in the complement of say / tell / claim or after "according to");
``generic`` (a bare plural noun with no participant or time: "sales fell", "attacks on
shipping", "bankruptcies rose": a class of happenings, not one event to link).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from analysis.verb_forms import shares_modal, to_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs that report: events in their complement are "reported"; their own times are theirs.
REPORTING = frozenset(
    [
        "say",
        "tell",
        "report",
        "claim",
        "state",
        "add",
        "allege",
        "note",
        "explain",
        "insist",
        "write",
        "quote",
    ]
)
NEGATING_REPORTS = frozenset(["deny"])
PLANNING = frozenset(
    [
        "plan",
        "intend",
        "seek",
        "want",
        "try",
        "threaten",
        "vow",
        "aim",
        "prepare",
        "propose",
        "consider",
        "schedule",
        "expect",
        "hope",
        "promise",
        "pledge",
        "agree",
        "decide",
    ]
)
#: Words that oblige, allow, ask or need: what they govern is owed or allowed, not done
#: ("were required to consult", "directed federal agencies to continue consulting", "the
#: requirement that federal agencies consult", "no need for a federal agency to
#: consult"). Not "force": what is forced is done.
DEONTIC = frozenset(
    [
        "require",
        "requirement",
        "direct",
        "allow",
        "permit",
        "authorize",
        "authorise",
        "mandate",
        "oblige",
        "obligate",
        "urge",
        "ask",
        "order",
        "rule",
        "regulation",
        "obligation",
        "need",
    ]
)
#: Verbs that end what already is: their object exists, however unsure the ending ("would
#: have to eliminate all of the tariffs the US put in place": the tariffs are in place).
ENDING = frozenset(
    [
        "eliminate",
        "remove",
        "end",
        "lift",
        "scrap",
        "repeal",
        "withdraw",
        "halt",
        "stop",
        "suspend",
        "reverse",
        "overturn",
        "abolish",
        "drop",
    ]
)
#: What DEONTIC words govern is hypothetical (see :func:`modality`).
DEONTIC_UNSURE = True
#: ... also a thing they take ("to again require consultation", "lifting the requirement
#: for consultation"), and what a "for X to do" clause says ("calls for agencies to
#: consult"): a switch.
OWED_THINGS = True
#: Verbs whose object is owed ("require consultation"); narrower than DEONTIC: one
#: "directs" a sequel, and "calls" an announcement something.
_OWING_VERBS = frozenset(["require", "need", "mandate", "demand"])
#: Words whose "for" names what is owed ("the requirement for consultation", "calls for
#: talks").
_OWED_FOR = _OWING_VERBS | {"requirement", "call"}
#: Verbs whose object did not happen: "dodging arrest", "averted a strike", "avoid
#: bankruptcy".
AVOIDING = frozenset(
    ["avoid", "dodge", "evade", "escape", "avert", "prevent", "forestall", "stave"]
)
#: ... and verbs that leave out or forbid what they take ("to skip consultations with
#: government scientists", "the rule prohibited consultations"): a switch.
FORGOING = True
_FORGOING = frozenset(["skip", "forgo", "prohibit", "forbid", "ban", "waive"])
#: A time clause of a happening that may not be ("will reveal his identity after his
#: death", "would reveal it after the source died") may not be either: a switch.
WHEN_IT_MAY_BE = True
_TIME_MARKS = frozenset(["after", "before", "until", "once", "when", "upon"])
_PAST_MODALS = frozenset(["would", "could", "might", "should"])
#: Nouns whose "of" names what may happen: "the prospect of arrest", "the risk of war".
PROSPECTS = frozenset(
    ["prospect", "risk", "threat", "possibility", "chance", "fear", "danger", "likelihood"]
)
HYPOTHETICAL_MODS = frozenset(
    [
        "possible",
        "potential",
        "planned",
        "proposed",
        "upcoming",
        "future",
        "prospective",
        "likely",
        "expected",
        "imminent",
        "alleged",
    ]
)
MODALS = frozenset(
    ["will", "would", "could", "may", "might", "should", "can", "must", "shall", "'ll", "wo", "ca"]
)

#: How much each modality counts towards an event mention's salience.
MODALITY_WEIGHT = {
    "asserted": 1.0,
    "reported": 0.9,
    "hypothetical": 0.6,
    "negated": 0.5,
    "generic": 0.5,
}
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
            return True
    return False


#: "a previous DUI arrest", "an earlier attack", with no one and no time named: some
#: happening before the one reported, which no other mention can be known to tell.
PREVIOUS_IS_ANOTHER = True
PREVIOUS = frozenset(["previous", "prior", "earlier"])


def _previous(tok: Token) -> bool:
    """Is the noun ``tok`` told as "a previous" / "an earlier" one (indefinite)?"""
    if tok.pos_ != "NOUN" or not any(
        c.dep_ == "amod" and c.lower_ in PREVIOUS for c in tok.children
    ):
        return False
    return not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children)


#: Nouns whose plural names one happening ("the talks", "in negotiations to direct the
#: sequel", "hostilities"), not a class of them: never generic for being plural.
ONE_IN_PLURAL = True
PLURAL_ONE = frozenset(
    [
        "talk",
        "negotiation",
        "discussion",
        "consultation",
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


def generic(tok: Token, *, actor: bool, target: bool, dated: bool) -> bool:
    """A bare plural noun trigger with no participant or time: a class of happenings
    ("sales", "attacks on shipping"), not one event."""
    if tok.tag_ == "NNS" and _of_several(tok):
        return True  # "the bankruptcies of Lehman Brothers, Washington Mutual and Worldcom"
    if PREVIOUS_IS_ANOTHER and not (actor or target or dated) and _previous(tok):
        return True  # "on probation for a previous DUI arrest": not the arrest reported
    if tok.tag_ != "NNS" or actor or target or dated:
        return False
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
    # "amid worsening protests": a series under way, whether the tagger makes "worsening"
    # the noun's modifier or a gerund with the noun as its object (the word just before).
    before = [tok.doc[tok.i - 1]] if tok.i > 0 else []
    if any(t.lower_ in ONGOING for t in [*tok.lefts, *before]):
        return False
    return not any(
        c.dep_ in ("poss", "nummod") or (c.dep_ == "det" and c.lower_ in _SPECIFIC_DETS)
        for c in tok.children
    )


#: Adverbs that make a happening a habit or a record, not one event: "contracts to
#: regularly launch spacecraft", "the oldest person ever elected".
HABITUAL_ADVERBS = frozenset(
    [
        "regularly",
        "routinely",
        "usually",
        "often",
        "frequently",
        "typically",
        "always",
        "generally",
        "normally",
        "commonly",
        "sometimes",
        "ever",
    ]
)
#: A tally ("so far", "thus far", "to date"): the sum of several happenings, not one.
TALLIES = True


#: A count of times ("was arrested seven times", "several times", "twice", "repeatedly"):
#: several happenings told as one, not one another report could tell.
ITERATED = True
_TIMES_COUNTS = frozenset(["several", "many", "multiple", "numerous", "countless", "few"])
_ITERATIVE_ADVERBS = frozenset(["twice", "repeatedly", "thrice"])
#: ... but blows counted are one assault: "Kimani Gray was shot 11 times", "hitting Gray
#: multiple times in his torso and legs".
_BLOWS = frozenset(["shoot", "hit", "stab", "strike", "punch", "kick", "beat", "wound", "fire"])


def _iterated(c: Token) -> bool:
    """Is ``c`` (a verb's child) a count of times: "seven times", "several times",
    "twice", "repeatedly"? ("for the third time" is one happening: an ordinal.)"""
    if c.dep_ == "advmod" and c.lower_ in _ITERATIVE_ADVERBS:
        return True
    if c.dep_ != "npadvmod" or c.lower_ != "times":
        return False
    return any(
        (g.dep_ == "nummod" and g.lower_ not in ("one", "1"))
        or (g.dep_ == "amod" and g.lower_ in _TIMES_COUNTS)
        for g in c.children
    )


def _tally(c: Token) -> bool:
    """Is ``c`` (a verb's child) "so far", "thus far" or "to date"?"""
    if c.dep_ == "advmod" and c.lower_ == "far":
        return any(g.lower_ in ("so", "thus") for g in c.children)
    return c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "date" for g in c.children)


#: Triggers that, with a clause of their own, state a view, not a happening: "many
#: businesses agree that China has long taken advantage".
STANCE_LEMMAS = frozenset(["agree", "disagree"])


#: A kind of people doing it to their own kind ("kids killing kids", "people killing
#: people"): a kind of happening, however told, not one another report could tell.
ONE_KIND_ON_ITSELF = True


def _bare_plural(tok: Token) -> bool:
    """Is ``tok`` a plural common noun with no determiner, owner or number ("kids")?"""
    return tok.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod", "compound") for c in tok.children
    )


def _kind_on_itself(tok: Token) -> bool:
    """Is the verb a gerund that a bare plural does to the same bare plural ("kids
    killing kids")? (The parser hangs the gerund on its doer; "protesters attacking
    banks" is no kind on itself, and may be one happening a video shows.)"""
    if tok.tag_ != "VBG" or tok.dep_ != "acl" or not _bare_plural(tok.head):
        return False
    return any(
        c.dep_ in ("dobj", "obj")
        and _bare_plural(c)
        and c.lemma_.lower() == tok.head.lemma_.lower()
        for c in tok.children
    )


def habitual(tok: Token, anchors: Sequence[Token]) -> bool:
    """A habit, a record, a kind or a view rather than one happening another report could
    tell: a frequency adverb ("regularly launch"), a count of times ("arrested seven
    times"), a gerund naming a kind of thing
    ("charging cable", "a voting machine"), or a stance ("agree that ...")."""
    if any(
        c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for a in anchors for c in a.children
    ):
        return True
    if TALLIES and any(_tally(c) for a in anchors for c in a.children):
        return True  # "has confiscated 14 rifles so far": a tally of several happenings
    if ONE_KIND_ON_ITSELF and _kind_on_itself(tok):
        return True  # "shootings involved 'kids killing kids'": a kind of happening
    if (
        ITERATED
        and tok.lemma_.lower() not in _BLOWS
        and any(_iterated(c) for a in anchors for c in a.children)
    ):
        return True  # "was arrested seven times on an array of charges"
    if tok.tag_ == "VBG" and tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN":
        return True
    return tok.lemma_.lower() in STANCE_LEMMAS and any(c.dep_ == "ccomp" for c in tok.children)


def imperative(tok: Token) -> bool:
    """A bare verb that heads its sentence with no subject: a call to act ("Enough
    already, just vote."), not a happening."""
    return (
        tok.tag_ == "VB"
        and tok.dep_ == "ROOT"
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in tok.children
        )
    )


#: Verbs that say their subject happens: "the first flight will take off", "the vote
#: could take place", "talks will begin": the happening is as sure as the verb.
OCCURRENCE = frozenset(
    ["take", "happen", "occur", "begin", "start", "resume", "proceed", "come", "go", "open"]
)


def occurrence_verb(tok: Token) -> Token | None:
    """The verb that says a nominal trigger happens ("the first flight will take off"):
    the trigger's modality and time are that verb's."""
    if (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.dep_ in ("nsubj", "nsubjpass")
        and tok.head.lemma_.lower() in OCCURRENCE
    ):
        return tok.head
    return None


#: "has yet to sign", "is yet to be announced": what is yet to be done is not done.
YET_TO = True


#: "until a judge approves her placement", "before the vote takes place", "once the deal
#: closes": a clause told in the present under these has not happened yet (told in the
#: past, "until police arrived", it has).
NOT_YET = True
NOT_YET_MARKS = frozenset(["until", "till", "before", "once"])
_PRESENT = frozenset(["VBZ", "VBP"])


def _yet(head: Token) -> bool:
    """Is ``head`` a "have" / "be" modified by "yet" ("has yet to", "are yet to")?"""
    return head.lemma_.lower() in ("have", "be") and any(
        c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children
    )


def modality(tok: Token, anchors: Sequence[Token]) -> str:
    """asserted / negated / hypothetical / reported, from the trigger's context."""
    if imperative(tok):
        return "hypothetical"
    for a in anchors:
        for c in a.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
                return "negated"
            if c.dep_ == "aux" and c.lower_ in MODALS:
                return "hypothetical"
            if c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_MODS:
                return "hypothetical"
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return "hypothetical"
            if NOT_YET and c.dep_ == "mark" and c.lower_ in NOT_YET_MARKS and a.tag_ in _PRESENT:
                return "hypothetical"  # "allowed to stay until a judge approves"
    # Walk up the clauses: planned ("plans to attack"), denied, reported.
    reported = False
    t = tok
    for _ in range(6):
        if t.dep_ == "ROOT" or t.head is t:
            break
        head = t.head
        if WHEN_IT_MAY_BE and _modal(head) and _time_clause(t):
            return "hypothetical"  # "would reveal his identity after [the source died]"
        if OWED_THINGS and t is tok and _for_to(t):
            return "hypothetical"  # "a practice that calls for agencies to [consult]"
        if (
            t.dep_ in ("relcl", "advcl")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            and not to_infinitive(t)
        ):
            break  # a clause of its own ("..., when the index recorded its worst stretch")
        lemma = head.lemma_.lower()
        if t.dep_ == "dobj" and tok.pos_ == "NOUN" and _ends(head):
            break  # the happening the verb ends exists
        if shares_modal(t) and _modal(head):
            return "hypothetical"  # "will meet on Friday and sign the deal", "to discuss"
        if t.dep_ in ("xcomp", "ccomp", "dobj", "pobj") and lemma in PLANNING:
            return "hypothetical"
        if (
            DEONTIC_UNSURE
            and lemma in DEONTIC
            and (t.dep_ in ("xcomp", "ccomp", "acl") or (t.dep_ == "advcl" and to_infinitive(t)))
        ):
            return "hypothetical"  # "were required to consult", "directed them to consult"
        if OWED_THINGS and t is tok and tok.pos_ == "NOUN" and _owed(t):
            return "hypothetical"  # "to again require consultation", "the need for talks"
        if (
            t.dep_ == "dobj"
            and tok.pos_ == "NOUN"
            and (lemma in AVOIDING or (FORGOING and lemma in _FORGOING))
        ):
            return "negated"  # "dodging arrest", "to skip consultations"
        if (
            t.i == tok.i
            and t.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.lemma_.lower() in PROSPECTS
        ):
            return "hypothetical"  # "facing the prospect of arrest"
        if t.dep_ == "pcomp" and head.lower_ == "without":
            return "negated"  # "go ahead without consulting experts"
        if YET_TO and t.dep_ == "xcomp" and to_infinitive(t) and _yet(head):
            return "negated"  # "he has yet to formally sign on": not (yet) done
        if t.dep_ in ("ccomp", "xcomp") and lemma in NEGATING_REPORTS:
            return "negated"
        if t.dep_ in ("ccomp", "parataxis") and lemma in REPORTING:
            reported = True
        if head.lower_ == "according":
            reported = True
        t = head
    if any(t.lower_ == "according" for t in tok.sent):
        reported = True
    return "reported" if reported else "asserted"


def _owed(t: Token) -> bool:
    """Is ``t`` (a noun trigger) the object of a verb that owes it ("require consultation")
    or of "for" after a word that does ("the requirement for consultation", "calls for
    talks")? Not every DEONTIC word: one "directs" a sequel."""
    head = t.head
    if t.dep_ == "dobj":
        return head.pos_ == "VERB" and head.lemma_.lower() in _OWING_VERBS
    return (
        t.dep_ == "pobj"
        and head.lower_ == "for"
        and head.dep_ == "prep"
        and head.head.lemma_.lower() in _OWED_FOR
    )


def _for_to(t: Token) -> bool:
    """Is ``t`` the verb of a "for X to do" clause (irrealis whatever governs it)?"""
    return (
        t.dep_ in ("advcl", "acl", "ccomp", "xcomp")
        and to_infinitive(t)
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in t.children)
    )


def _time_clause(t: Token) -> bool:
    """Is ``t`` a time clause of its head ("after the source died") or the object of a
    time preposition on it ("after his death")?"""
    if t.dep_ == "advcl":
        # told in the present ("will reveal it after he dies"), or in the past under a
        # past modal ("would reveal it after the source died"); "will question him after
        # he was arrested" tells an arrest that was
        told = t.tag_ in _PRESENT or (
            t.tag_ in ("VBD", "VBN")
            and any(c.dep_ == "aux" and c.lower_ in _PAST_MODALS for c in t.head.children)
        )
        return told and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in t.children)
    # a noun ("after his death"), not a gerund, whose tense is not told: "It will be her
    # second stint, after hosting the 2007 ceremony"
    return (
        t.dep_ == "prep"
        and t.lower_ in _TIME_MARKS
        and not any(c.dep_ == "pcomp" for c in t.children)
    )


def _ends(verb: Token) -> bool:
    """Does ``verb`` end what already is ("eliminate", "roll back")?"""
    lemma = verb.lemma_.lower()
    return lemma in ENDING or (lemma == "roll" and any(c.lower_ == "back" for c in verb.children))


def _modal(verb: Token) -> bool:
    """Does a modal ("will", "could", ...) govern ``verb``?"""
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def is_future(anchors: Sequence[Token]) -> bool:
    """Does the trigger look forward ("will meet on Friday": Friday is the next one)?"""
    return any(
        c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall")
        for a in anchors
        for c in a.children
    )
