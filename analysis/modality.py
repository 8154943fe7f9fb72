"""Modality: how sure the text is that an event happened, and whether it is one event.

``asserted``; ``negated`` (not, never, no, denied that...); ``hypothetical`` (planned,
possible, modal or conditional: will, could, plans to, threatened to, if...);
``reported`` (in the complement of say / tell / claim or after "according to");
``generic`` (a bare plural noun with no participant or time: "sales fell", "attacks on
shipping", "bankruptcies rose": a class of happenings, not one event to link; found by
:mod:`analysis.genericity`).

The cues read from the clauses above a trigger are :mod:`analysis.modality_clauses`,
those of its own phrase :mod:`analysis.modality_cues`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from analysis.infinitives import headline_to, to_infinitive
from analysis.modality_clauses import (
    MODALS,
    has_yet,
    intended,
    keeps_from,
    modal_governs,
    owed,
    possible_outcome,
    rules_out,
    time_clause,
    told_in_present,
)
from analysis.modality_cues import (
    caused,
    condition_shared,
    ease_only,
    ends_what_is,
    for_to,
    going_to,
    no_one_subject,
    no_sign_of,
    on_the_brink,
    only_likely,
    owed_by_object,
    owed_now,
    penalty,
    subjunctive,
    supposed_to,
)
from analysis.modality_words import (
    ASKING,
    DEONTIC,
    NEARLY,
    NEARLY_NOT,
    NEGATING_REPORTS,
    PLANNING,
    REPORTING,
)
from analysis.verb_forms import CONDITIONS, UNABLE_ADJECTIVES, adjective_to, shares_modal

if TYPE_CHECKING:
    from spacy.tokens import Token


#: What DEONTIC words govern is hypothetical (see :func:`modality`).
DEONTIC_UNSURE = True
#: ... and what a noun of asking asks to be done ("the urgings of past and present FBI
#: agents and other interested citizens to appoint Felt ... as director", 28_6ecb: he
#: never was; it joined Nixon's appointment of L. Patrick Gray in another report).
ASKED_TO = True
#: ... and what one "has to" or "have to" do now ("had to flee" was done).
HAVE_TO_NOW = True
#: ... also a thing they take ("to again require consultation", "lifting the requirement
#: for consultation"), and what a "for X to do" clause says ("calls for agencies to
#: consult"): a switch.
OWED_THINGS = True
#: Verbs whose object did not happen: "dodging arrest", "averted a strike", "avoid
#: bankruptcy".
AVOIDING = frozenset(
    ["avoid", "dodge", "evade", "escape", "avert", "prevent", "forestall", "stave"]
)
#: ... and verbs that leave out or forbid what they take ("to skip consultations with
#: government scientists", "the rule prohibited consultations"): a switch.
FORGOING = True
FORGOING_VERBS = frozenset(["skip", "forgo", "prohibit", "forbid", "ban", "waive"])
#: Switch: what is ruled out is not done: "the siblings have ruled out fighting each other"
#: (ECB+ 7, 7_11ecb: the Klitschko brothers) joined Bowe's fight of that night.
RULED_OUT = True
#: Switch: what one is kept from doing, before any try, is not done: "that strategy may
#: now be discouraging China from bringing the talks to a close" (the extraction
#: benchmark's nytimes.com page on the trade war, titled "China brings the talks"),
#: "barred from running", "refrained from attacking". Not "prevented" or "stopped": "The
#: Indian Navy on Saturday prevented pirates from attacking a merchant vessel" (ECB+ 12,
#: 12_1ecb) tells the attack the navy repulsed.
KEPT_FROM = True
#: A time clause of a happening that may not be ("will reveal his identity after his
#: death", "would reveal it after the source died") may not be either: a switch.
WHEN_IT_MAY_BE = True
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

#: How much each modality counts towards an event mention's salience.
MODALITY_WEIGHT = {
    "asserted": 1.0,
    "reported": 0.9,
    "hypothetical": 0.6,
    "negated": 0.5,
    "generic": 0.5,
}


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


#: "has yet to sign", "is yet to be announced": what is yet to be done is not done.
YET_TO = True


#: "until a judge approves her placement", "before the vote takes place", "once the deal
#: closes": a clause told in the present under these has not happened yet (told in the
#: past, "until police arrived", it has).
NOT_YET = True
NOT_YET_MARKS = frozenset(["until", "till", "before", "once"])

#: Switch: what one failed or refused to do is not done: "failed to get re-elected",
#: "refused to sign the deal".
FAILED_TO = True
FAILING = frozenset(["fail", "refuse", "decline", "neglect"])
#: Switch: an infinitive told of an adjective is as sure as the adjective says (see
#: analysis.verb_forms.adjective_to): "was unable to capture" negated; what one is
#: willing, reluctant, eager, ready, due or about to do is not done, in any tense:
#: "jurors who are reluctant to vote for the death penalty" and "how many people would
#: Nichols have to kill before they would be willing to vote for execution" (two reports,
#: one "vote" event); "was about to be released when she suffered the heart attack".
ADJECTIVE_MODALITY = True


#: Switch: what a modal verb of outcome may bring about is as possible as the verb:
#: "agreements that could result in more American tariffs", "a move that may lead to
#: sanctions" tell no tariffs or sanctions that are.
MODAL_OUTCOME = True

#: Switch: a happening whose subject is no one is not done: "no one else was injured",
#: "No-one was injured in the fire", "None of the crew were hurt", "no passengers died".
NO_ONE_SUBJECT = True
#: Switch: what a noun of intent governs is not done: "a conviction of assault with
#: intent to murder", "a plan to attack", "a bid to take over" (as "intended to kill").
PLAN_NOUNS_UNSURE = True


#: Switch: a doing that is the subject of a modal clause is weighed, not done: "a
#: high-level U.S. naval commander said attacking Somali ports probably wouldn't be
#: effective" (ECB+ 12, 12_18ecb: in the pirates' attack on the MV Gibe, undated store,
#: seed 817).
DOING_AS_SUBJECT_OF_MODAL = True


#: Switch: what one is threatened with has not happened ("threatened with death").
THREATENED_WITH = True


#: Switch: a noun happening that is the object of a verb with a modal ("they would suffer
#: their first defeat", "could face charges") may not be.
MODAL_OBJECT = True
#: A death that is a sentence is a penalty, not a death: "sentenced to death", "the jury
#: recommended death", "reduce the recommendation from death to life in prison"; and a
#: clause that says what should be ("a recommendation that Orozco die") tells no deed.
PENALTY = True
#: Switch: a causative's modal holds for what it causes ("would make him fight").
CAUSED_SHARES_MODAL = True
#: Switch: a death or a blow that "nearly" or "almost" happened did not ("two nearly
#: killed when they were shot and stabbed": no one killed; "was shot at and almost hit").
#: What was "nearly destroyed" was damaged: that happening stands.
NEARLY_IS_NOT = True


def modality(tok: Token, anchors: Sequence[Token]) -> str:
    """asserted / negated / hypothetical / reported, from the trigger's context."""
    if imperative(tok) or headline_to(tok):
        return "hypothetical"  # "Government wildlife experts to be consulted on development"
    if (PENALTY and (penalty(tok) or subjunctive(tok) or on_the_brink(tok))) or only_likely(tok):
        return "hypothetical"  # "sentenced to death", "that Orozco die", "near death"
    if no_sign_of(tok):
        return "hypothetical"  # "no evidence that the fire was an attack": not told
    for a in anchors:
        if NO_ONE_SUBJECT and no_one_subject(a):
            return "negated"  # "no one else was injured"
        if condition_shared(a):
            return "hypothetical"  # "If the driver was charged or [convicted] ..."
        for c in a.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
                return "negated"
            if (
                NEARLY_IS_NOT
                and c.dep_ == "advmod"
                and c.lower_ in NEARLY
                and a.lemma_.lower() in NEARLY_NOT
            ):
                return "negated"  # "two nearly killed", "the blast almost destroyed it"
            if c.dep_ == "aux" and c.lower_ in MODALS:
                return "hypothetical"
            if c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_MODS:
                return "hypothetical"
            if c.dep_ == "mark" and c.lower_ in CONDITIONS:
                return "hypothetical"
            if NOT_YET and c.dep_ == "mark" and c.lower_ in NOT_YET_MARKS and told_in_present(a):
                return "hypothetical"  # "allowed to stay until a judge approves"
    # Walk up the clauses: planned ("plans to attack"), denied, reported.
    reported = False
    stated = False  # come up through a clause of its own
    t = tok
    if MODAL_OUTCOME and possible_outcome(tok):
        return "hypothetical"  # "agreements that could result in more American tariffs"
    for _ in range(6):
        if t.dep_ == "ROOT" or t.head == t:
            break
        head = t.head
        if WHEN_IT_MAY_BE and modal_governs(head) and time_clause(t):
            return "hypothetical"  # "would reveal his identity after [the source died]"
        if DOING_AS_SUBJECT_OF_MODAL and t.dep_ == "csubj" and modal_governs(head):
            return "hypothetical"  # "[attacking] Somali ports probably wouldn't be effective"
        if OWED_THINGS and for_to(t, tok):
            # "a practice that calls for agencies to [consult]", "calls for the prime
            # minister to quit and call new [elections]"
            return "hypothetical"
        if (
            t.dep_ in ("relcl", "advcl")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            and not to_infinitive(t)
        ):
            break  # a clause of its own ("..., when the index recorded its worst stretch")
        lemma = head.lemma_.lower()
        if RULED_OUT and t.dep_ in ("xcomp", "dobj") and rules_out(head):
            # "have ruled out fighting each other"; what is not ruled out may yet be
            negated = any(c.dep_ == "neg" for c in head.children)
            return "hypothetical" if negated else "negated"
        if t.dep_ == "dobj" and tok.pos_ == "NOUN" and ends_what_is(head):
            break  # the happening the verb ends exists
        if (
            MODAL_OBJECT
            and t.i == tok.i
            and t.dep_ == "dobj"
            and tok.pos_ == "NOUN"
            and modal_governs(head)
        ):
            return "hypothetical"  # "looked like they would suffer their first defeat"
        if (shares_modal(t) or (CAUSED_SHARES_MODAL and caused(t))) and modal_governs(head):
            # "will meet on Friday and sign the deal", "to discuss", "Haye would make
            # him fight up" (ECB+ 7: no fight of Klitschko's with Haye took place)
            return "hypothetical"
        if t.dep_ in ("xcomp", "ccomp", "dobj", "pobj") and lemma in PLANNING:
            return "hypothetical"
        if going_to(t):
            return "hypothetical"  # "he was going to be shot": ahead, not done
        if THREATENED_WITH and t.dep_ == "prep" and t.lower_ == "with" and lemma == "threaten":
            return "hypothetical"  # "a witness threatened with death": no one died
        if PLAN_NOUNS_UNSURE and intended(tok, t, lemma):
            return "hypothetical"  # "assault with intent to murder", "a plan to attack"
        if (
            DEONTIC_UNSURE
            and lemma in DEONTIC
            and (t.dep_ in ("xcomp", "ccomp", "acl") or (t.dep_ == "advcl" and to_infinitive(t)))
        ) or owed_by_object(t):
            return "hypothetical"  # "were required to consult", "directed them to consult"
        if ASKED_TO and lemma in ASKING and t.dep_ == "acl" and to_infinitive(t):
            return "hypothetical"  # "the urgings of ... FBI agents to appoint Felt"
        if t is tok and ((HAVE_TO_NOW and owed_now(t)) or ease_only(t) or supposed_to(t)):
            return "hypothetical"  # "users only have to visit", "is very hard to hit"
        if OWED_THINGS and t is tok and tok.pos_ == "NOUN" and owed(t):
            return "hypothetical"  # "to again require consultation", "the need for talks"
        if (
            t.dep_ == "dobj"
            and tok.pos_ == "NOUN"
            and (lemma in AVOIDING or (FORGOING and lemma in FORGOING_VERBS))
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
        if KEPT_FROM and t.dep_ == "pcomp" and head.lower_ == "from" and keeps_from(head.head):
            return "negated"  # "discouraging China from bringing the talks to a close"
        if YET_TO and t.dep_ == "xcomp" and to_infinitive(t) and has_yet(head):
            return "negated"  # "he has yet to formally sign on": not (yet) done
        if FAILED_TO and t.dep_ == "xcomp" and lemma in FAILING and to_infinitive(t):
            return "negated"  # "Gary Fan failed to get re-elected": he was not
        if ADJECTIVE_MODALITY and not stated and (told_of := adjective_to(t)) is not None:
            # "was unable to capture the city": not done; "is ready to attack", "likely
            # to be arrested": not yet ("was able to capture": done)
            unable = told_of[0].lemma_.lower() in UNABLE_ADJECTIVES
            return "negated" if unable else "hypothetical"
        if t.dep_ in ("ccomp", "xcomp") and lemma in NEGATING_REPORTS:
            return "negated"
        if t.dep_ in ("ccomp", "parataxis") and lemma in REPORTING:
            reported = True
        stated = stated or t.dep_ == "ccomp"  # "keen to demonstrate [that these elections]"
        if head.lower_ == "according":
            reported = True
        t = head
    if any(t.lower_ == "according" for t in tok.sent):
        reported = True
    return "reported" if reported else "asserted"
