"""Habits, records, tallies and kinds: a happening told as something that happens often,
a sum of several, or a kind of deed ("regularly launch", "arrested seven times", "has
seized 14 rifles so far", "kids killing kids", "approves logging plans"), not one
happening another report could tell. :mod:`analysis.events` makes such mentions generic.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from analysis.markets import MARKET_VERBS
from analysis.participants import headline_paragraph, last_word

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


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
        "constantly",
        "continually",
        "perpetually",
        "habitually",
        "invariably",
    ]
)
#: Switch: the adverb may hang on an auxiliary the parse makes its own head: "These guys
#: are constantly getting shot at" (ECB+ 16, 16_11ecbplus, of peace officers: in the event
#: of Deputy Ortiz's shooting, dated store, seeds 807 and 813).
ADVERB_ON_AUXILIARY = True


def _habit_adverb(a: Token) -> bool:
    """Does a frequency adverb hang on ``a``, or on one of its auxiliaries ("are
    constantly getting shot")?"""
    heads = [a]
    if ADVERB_ON_AUXILIARY:
        heads += [c for c in a.children if c.dep_ in ("aux", "auxpass")]
    return any(
        c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for h in heads for c in h.children
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


#: Switch: a count done "this year" (or month, week), told in the perfect, is a tally:
#: "This year, pirates have attacked nearly 100 vessels", "more than 200 people have been
#: arrested this month".
SPAN_TALLIES = True
_SPANS = frozenset(["year", "month", "week"])
#: Switch: ... the span may hang on a participle clause of the counted object (ECB+ 12,
#: 12_5ecb: "Pirates ... have already attacked as many as 100 merchant vessels transiting
#: through the crucial shipping lane this year" joined the Gibe's attack of that day).
SPAN_ON_THE_COUNTED = True


def _span_tally(verb: Token) -> bool:
    """Is ``verb`` a perfect ("have attacked") over "this year" / "this month" of a counted
    object or passive subject ("nearly 100 vessels")?"""
    if verb.lemma_.lower() in MARKET_VERBS:
        return False  # "The Dow has lost 500 points this week": one move, in points
    kids = list(verb.children)
    # "have attacked nearly 100 vessels ... and hijacked nearly 40": the first verb's
    # perfect and span are the second's
    told = [*kids, *verb.head.children] if verb.dep_ == "conj" else kids
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in told)
    if SPAN_ON_THE_COUNTED:
        # "have already attacked as many as 100 merchant vessels transiting through the
        # crucial shipping lane this year": the parse hangs the span on the object's clause
        told += [
            g
            for c in kids
            if c.dep_ == "dobj"
            for a in c.children
            if a.dep_ == "acl"
            for g in a.children
        ]
    span = any(
        c.dep_ == "npadvmod" and c.lemma_ in _SPANS and any(g.lower_ == "this" for g in c.children)
        for c in told
    )
    counted = any(
        c.dep_ in ("dobj", "nsubjpass")
        and (
            (c.like_num and c.lower_ not in ("one", "1"))
            or any(g.dep_ == "nummod" and g.lower_ not in ("one", "1") for g in c.children)
        )
        for c in kids
    )
    return perfect and span and counted


#: Happenings a tally is told over: "seized 14 rifles during the five operations".
_COUNTED_OVER = frozenset(["operation", "mission", "raid", "attack", "incident", "patrol"])


def _tally(c: Token) -> bool:
    """Is ``c`` (a verb's child) "so far", "thus far", "to date", or "during" / "over"
    a counted plural of happenings ("during the five operations it carried out")?"""
    if c.dep_ == "advmod" and c.lower_ == "far":
        return any(g.lower_ in ("so", "thus") for g in c.children)
    if c.dep_ == "prep" and c.lower_ in ("during", "over", "across", "in"):
        return any(
            g.dep_ == "pobj"
            and g.tag_ == "NNS"
            and g.lemma_.lower() in _COUNTED_OVER
            and any(n.dep_ == "nummod" and n.lower_ not in ("one", "1") for n in g.children)
            for g in c.children
        )
    return c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "date" for g in c.children)


#: Triggers that, with a clause of their own, state a view, not a happening: "many
#: businesses agree that China has long taken advantage".
STANCE_LEMMAS = frozenset(["agree", "disagree"])


#: Switch: a happening whose doer or what it is done to is "all sorts" ("kinds",
#: "types") of something is a kind of happening: "All sorts of vessels -- freight and
#: cargo ships, cruise liners and private yachts -- have been attacked in the waters off
#: Somalia" (ECB+ 12, 12_8ecb: in the pirates' attack on the MV Gibe, undated store,
#: seed 817).
ALL_SORTS = True
_SORTS = frozenset(["sort", "kind", "type", "variety"])
_SORTS_OF = frozenset(["all", "various", "many", "different", "every"])


def _all_sorts(c: Token) -> bool:
    """Is ``c`` (a verb's child) a subject or object "all sorts of ..." ("various
    kinds", "many types")?"""
    return (
        c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj")
        and c.lemma_.lower() in _SORTS
        and c.tag_ == "NNS"
        and any(g.dep_ in ("det", "amod") and g.lower_ in _SORTS_OF for g in c.children)
    )


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
    if tok.tag_ != "VBG":
        return False
    # the gerund's own subject ("..., black men shooting black men"), else its head
    doer = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if doer is None and tok.dep_ == "acl":
        doer = tok.head
    if doer is None or not _bare_plural(doer):
        return False
    return any(
        c.dep_ in ("dobj", "obj") and _bare_plural(c) and c.lemma_.lower() == doer.lemma_.lower()
        for c in tok.children
    )


#: Switch: what hardly a span of time goes by without is a habit: "barely a week goes by
#: without a demonstration" (it joined "killed during a demonstration in Athens in 1985"),
#: "hardly a day passes without an attack", "not a day goes by without someone being
#: arrested".
NEVER_WITHOUT = True
_GONE_BY = frozenset(["day", "night", "week", "weekend", "month", "year", "season"])
_SCARCELY = frozenset(["barely", "hardly", "scarcely", "rarely", "seldom", "never", "not", "no"])


def _never_without(tok: Token) -> bool:
    """Is ``tok`` told after "without" of "go by" or "pass", whose span of time ("a week")
    comes with a word of scarcity ("barely", "rarely", "not", "no")? The parse hangs
    those words anywhere near ("barely" on "a"), so they are read in a window."""
    prep = tok.head
    if tok.dep_ not in ("pobj", "pcomp") or prep.lower_ != "without":
        return False
    verb = prep.head
    if verb.lemma_.lower() not in ("go", "pass"):
        return False
    doc, start = tok.doc, verb.sent.start
    span = next(
        (t for t in doc[max(start, verb.i - 4) : verb.i] if t.lemma_.lower() in _GONE_BY), None
    )
    if span is None:
        return False
    return any(t.lower_ in _SCARCELY for t in doc[max(start, span.i - 3) : verb.i + 2])


def habitual(tok: Token, anchors: Sequence[Token]) -> bool:
    """A habit, a record, a kind or a view rather than one happening another report could
    tell: a frequency adverb ("regularly launch"), a count of times ("arrested seven
    times"), a gerund naming a kind of thing
    ("charging cable", "a voting machine"), or a stance ("agree that ...")."""
    if any(_habit_adverb(a) for a in anchors):
        return True
    if TALLIES and any(_tally(c) for a in anchors for c in a.children):
        return True  # "has confiscated 14 rifles so far": a tally of several happenings
    if NEVER_WITHOUT and _never_without(tok):
        return True  # "barely a week goes by without a demonstration"
    if SPAN_TALLIES and any(_span_tally(a) for a in anchors):
        return True  # "This year, pirates have attacked nearly 100 vessels"
    if ALL_SORTS and any(_all_sorts(c) for a in anchors for c in a.children):
        return True  # "All sorts of vessels ... have been attacked": a kind of happening
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
    if PAST_RECORD and _record(tok):
        return True  # "a lengthy record ... including convictions for kidnapping"
    return tok.lemma_.lower() in STANCE_LEMMAS and any(c.dep_ == "ccomp" for c in tok.children)


#: Switch: a crime named by a bare plural of convictions or arrests is a record, not one
#: happening: "The suspect, Gary Gomes, ... has a lengthy record of domestic abuse,
#: including convictions for kidnapping and attempted murder" (ECB+ 32, 32_3ecb) sat in
#: the kidnapping he was charged with that week.
PAST_RECORD = True
_RECORD_NOUNS = frozenset(["conviction", "arrest"])


def _record(tok: Token) -> bool:
    """Is ``tok`` (or the first of the "and" list it is in) what a bare plural "convictions
    for" / "arrests for" names?"""
    while tok.dep_ == "conj" and tok.head.pos_ == "NOUN":
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("for", "of"):
        return False
    held = prep.head
    return (
        held.tag_ == "NNS"
        and held.lemma_.lower() in _RECORD_NOUNS
        and not any(c.dep_ in ("det", "poss", "nummod") for c in held.children)
    )


#: Switch: a verb in the simple present done to a bare plural, with no time, in a
#: sentence that is no headline, tells a habit: "The U.S. Forest Service approves logging
#: plans", "projects they approve" (two reports' habits were one event).
PRESENT_HABIT = True


def present_habit(tok: Token, *, dated: bool) -> bool:
    """Is ``tok`` a present-tense verb (no auxiliary) whose object, or the noun its
    relative clause tells of, is a bare plural, undated, outside the text's first
    sentence and in a sentence that ends as prose does?"""
    if not PRESENT_HABIT or dated or tok.tag_ not in ("VBZ", "VBP"):
        return False
    sent = tok.sent
    if (
        sent.start == 0
        or any(c.dep_ in ("aux", "auxpass", "neg") for c in tok.children)
        or last_word(sent).text not in (".", "!", "?")
        or (headline_paragraph(sent) and not (QUOTED_NOT_HEADLINE and _quoted(sent)))
    ):
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    # "approves logging plans", parsed as a gerund with its object
    objects += [
        o
        for c in tok.children
        if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == tok.i + 1
        for o in c.children
        if o.dep_ == "dobj"
    ]
    if tok.dep_ == "relcl":
        objects.append(tok.head)  # "projects they approve"
        if DOERS_OF_A_KIND and _kind_of_doers(tok):
            return True
    if any(o.tag_ == "NNS" and _bare(o) for o in objects):
        return True
    # '"God approves of nudity," she said': with no object, a bare mass noun after its
    # preposition is a kind too
    return (
        MASS_AFTER_PREP
        and not objects
        and any(
            g.dep_ == "pobj" and g.tag_ == "NN" and _bare(g)
            for c in tok.children
            if c.dep_ == "prep" and c.i == tok.i + 1
            for g in c.children
        )
    )


#: Switch for :func:`present_habit`: a saying in a paragraph of its own is no headline,
#: however short ('"God approves of nudity," she said.').
QUOTED_NOT_HEADLINE = True


def _quoted(sent: Span) -> bool:
    """Does the sentence open with a quotation mark (a saying in a paragraph of its own,
    as short as a headline but told as prose: '"God approves of nudity," she said.')?"""
    first = next((t for t in sent if not t.is_space), None)
    return first is not None and first.text in ("``", "`", '"', "“", "‘")


#: Switch for :func:`present_habit`: ... and a present verb with no object whose
#: preposition right after it takes a bare singular noun ("approves of nudity": Bettie
#: Page's saying, quoted by two reports, ECB+ 4_2ecb and 4_4ecb, was one "agree" event).
MASS_AFTER_PREP = True


#: Switch for :func:`present_habit`: a present-tense relative clause telling what plural
#: doers do ("Even the Hollywood heavy-weights that host the Oscars are allowed to be
#: overwhelmed", ECB+ 2_8ecb) names a kind of doer, not a happening; it was one event
#: with another report's "watching Johnny Carson host the Oscars".
DOERS_OF_A_KIND = True


def _kind_of_doers(tok: Token) -> bool:
    """Is the relative clause ``tok`` told of a plural noun (no possessor or number) whose
    relative pronoun is its subject ("the heavy-weights that host")?"""
    head = tok.head
    return (
        head.tag_ in ("NNS", "NNPS")
        and not any(c.dep_ in ("poss", "nummod") for c in head.children)
        and any(c.dep_ == "nsubj" and c.lower_ in ("that", "who", "which") for c in tok.children)
    )


def _bare(noun: Token) -> bool:
    """A noun with no determiner, possessor or number: a kind, not a set told before."""
    return not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
