"""Cues of modality read from the trigger's own phrase: a death that is a sentence
("sentenced to death", "the jury recommended death"), a clause of what should be ("a
recommendation that Orozco die"), what is only near ("near death", "on the brink of
war"), what one has to do now ("users only have to visit a malicious site"), what is only
told easy or hard to do ("Tony Thompson is very hard to hit").
:func:`analysis.modality.modality` reads them; its switches stay there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.infinitives import to_infinitive
from analysis.modality_words import (
    ASKING,
    CAUSATIVES,
    DEONTIC,
    ENDING,
    PENALTY_ASKED,
    SENTENCING,
)
from analysis.verb_forms import CONDITIONS

if TYPE_CHECKING:
    from spacy.tokens import Token


def penalty(tok: Token) -> bool:
    """Is the death noun ``tok`` a sentence asked, given or faced (see modality.PENALTY)?"""
    if tok.lemma_.lower() != "death":
        return False
    head = tok.head
    if tok.dep_ == "dobj":
        return head.lemma_.lower() in PENALTY_ASKED
    if tok.dep_ != "pobj":
        return False
    if head.lower_ == "to":
        return head.head.lemma_.lower() in SENTENCING  # "sentenced to death"
    # "from death to life (in prison)"
    after = [t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 3]]
    return head.lower_ == "from" and after == ["to", "life"]


def subjunctive(tok: Token) -> bool:
    """Is the verb ``tok`` a bare form with its own subject after "that", and no
    auxiliary ("recommended that he die", "demanded that she resign"): what should be?"""
    kids = list(tok.children)
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    # the tagger may read the bare form as a present ("that ... Jose Luis Orozco [die]",
    # VBP): with a singular subject, no present tense has that form (SINGULAR_BARE_FORM)
    bare = tok.tag_ == "VB" or (
        SINGULAR_BARE_FORM
        and tok.tag_ == "VBP"
        and tok.head.lemma_.lower() in MANDATIVE
        and subj is not None
        and (subj.tag_ in ("NN", "NNP") or subj.lower_ in ("he", "she", "it"))
    )
    return (
        bare
        and subj is not None
        and any(c.lower_ == "that" and c.i < tok.i for c in kids)
        and not any(c.dep_ in ("aux", "auxpass") for c in kids)
    )


#: Switch for :func:`subjunctive`: "upheld a jury's recommendation that convicted cop
#: killer Jose Luis Orozco die for his crimes" (ECB+ 16, 16_10ecbplus; "die" tagged a
#: present) was Orozco's death, asserted, in the event of the deputy he killed. Only after
#: a word that asks for what should be (MANDATIVE): a headline's "Overturn Rule That Cut
#: Science Out" is a past ("cut", tagged a present too).
SINGULAR_BARE_FORM = True
MANDATIVE = frozenset(
    [
        "recommend",
        "recommendation",
        "demand",
        "insist",
        "request",
        "require",
        "requirement",
        "propose",
        "proposal",
        "suggest",
        "suggestion",
        "urge",
        "order",
        "ask",
        "move",
        "motion",
        "decree",
    ]
)


#: Words a happening is near to, not yet at: "near death", "close to death", "on the
#: brink of war", "on the verge of collapse", "at the edge of bankruptcy".
_THRESHOLDS = frozenset(["brink", "verge", "edge", "threshold"])


def on_the_brink(tok: Token) -> bool:
    """Is the noun ``tok`` what something is near to, not what happened: "the suspect is
    near death with a terminal illness" (a report of two slayings in 1967)?"""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "near" or (prep.lower_ == "to" and prep.head.lower_ == "close"):
        return True
    return prep.lower_ == "of" and prep.head.lower_ in _THRESHOLDS


def owed_now(t: Token) -> bool:
    """Is ``t`` what its subject "has to" or "have to" do now: owed, not done ("users only
    have to visit a malicious site"; "he had to flee" was done; "has yet to sign" is not
    done, see modality.YET_TO)?"""
    head = t.head
    return (
        t.dep_ == "xcomp"
        and head.lemma_.lower() == "have"
        and head.tag_ in ("VBZ", "VBP")
        and not any(c.lower_ == "yet" for c in head.children)
    )


#: Switch: what one "is supposed to" do is owed or expected, not done ("I still don't
#: know who I'm supposed to vote for", a voter's quote in two reports, was one vote).
#: Only the verb itself: "was supposed to be a limited agreement" tells of an agreement.
SUPPOSED_TO = True


def supposed_to(t: Token) -> bool:
    """Is ``t`` the infinitive of a passive "supposed" ("is supposed to vote")?"""
    head = t.head
    return (
        SUPPOSED_TO
        and t.dep_ == "xcomp"
        and t.pos_ in ("VERB", "AUX")
        and t.lemma_.lower() != "be"
        and head.lemma_.lower() == "suppose"
        and any(c.dep_ == "auxpass" for c in head.children)
    )


#: Switch: what one "is going to" do or "was going to" suffer is ahead of the telling, not
#: done: "he was going to be shot" (ECB+ 18, 18_3ecbplus: an undersheriff on why LaCalamita
#: gave up, in the shooting's event of two reports), "feared he was going to attack".
GOING_TO = True


def going_to(t: Token) -> bool:
    """Is ``t`` the infinitive of a prospective "be going to" ("was going to be shot")?"""
    head = t.head
    return (
        GOING_TO
        and t.dep_ == "xcomp"
        and head.lower_ == "going"
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
        and to_infinitive(t)
    )


#: Switch: what a present "is hard to" or "is easy to" tells is how a deed would go, not a
#: deed: "Tony Thompson is very hard to hit" (a trainer's quote in two fight reports).
EASE_ONLY = True
_EASE = frozenset(["hard", "easy", "difficult", "tough", "impossible", "simple"])


def ease_only(t: Token) -> bool:
    """Is ``t`` the infinitive of an ease adjective told in the present ("is very hard to
    hit", "are easy to exploit")? "It was difficult to rescue them" may tell a rescue."""
    adj = t.head
    return (
        EASE_ONLY
        and t.dep_ == "xcomp"
        and t.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        and adj.lemma_.lower() in _EASE
        and adj.dep_ == "acomp"
        and adj.head.tag_ in ("VBZ", "VBP")
    )


_NO_ONE = frozenset(["nobody", "none", "noone", "no-one", "nothing", "no", "neither"])


def no_one_subject(anchor: Token) -> bool:
    """Is the subject of ``anchor`` (or of the verb it is the infinitive of: "No-one is
    believed to have been injured") no one ("no one", "nobody", "No-one", "no passengers";
    the tokenizer splits "no-one" into three)?"""
    verbs = [anchor, anchor.head] if anchor.dep_ == "xcomp" else [anchor]
    for c in (c for v in verbs for c in v.children):
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        doc = c.doc
        split = c.lower_ == "one" and c.i > 1 and doc[c.i - 1].text == "-"
        if (
            c.lower_ in _NO_ONE
            or (split and doc[c.i - 2].lower_ == "no")
            or any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children)
        ):
            return True
    return False


#: Switch: what must be done, undated, by a kind ("a requirement that U.S. agencies
#: consult", "no need for a federal agency to consult") is a rule about any of that kind,
#: not one happening: three reports' rules were one "consult" event. ("Protesters tried
#: to storm parliament" is no rule: only a duty's words make it one.)
KIND_SUPPOSED = True
_ANY = frozenset(["a", "an", "any", "every", "each"])
_DUTY = frozenset(["require", "requirement", "need", "must", "call", "mandate", "oblige"])


def _owed_by_rule(tok: Token) -> bool:
    """Is ``tok`` under a word of duty within three steps up ("a requirement that ...",
    "no need for ... to", "calls for agencies to", "must consult")?"""
    t = tok
    for _ in range(4):
        if t.lemma_.lower() in _DUTY or any(c.lower_ == "must" for c in t.children):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def kind_supposed(tok: Token) -> bool:
    """Is the subject of the supposed ``tok`` a kind: a plural common noun with no
    article, owner or number ("agencies", "U.S. agencies"), or one with "a" / "any"?"""
    from analysis.subjects import subject

    if not KIND_SUPPOSED or not _owed_by_rule(tok):
        return False
    subj, _ = subject(tok)
    if subj is None and tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        subj, _ = subject(tok.head)  # "require federal agencies to seek consultation"
    if subj is None or subj.pos_ != "NOUN":
        return False
    dets = [c for c in subj.children if c.dep_ in ("det", "poss", "nummod")]
    if subj.tag_ == "NNS":
        return not dets
    return len(dets) == 1 and dets[0].dep_ == "det" and dets[0].lower_ in _ANY


#: Switch: what is told only likely or unlikely is not told to have happened: "it was
#: unlikely to have been an attack", "an attack is unlikely" (three reports of the cut
#: Mediterranean cables were joined as one attack).
LIKELIHOOD = True
_LIKELY = frozenset(["unlikely", "likely", "possible", "impossible", "probable", "improbable"])


def only_likely(tok: Token) -> bool:
    """Is ``tok`` the subject of a copula whose complement is a likelihood ("an attack is
    unlikely"), or what an infinitive after one is ("unlikely to have been an attack")?"""
    if not LIKELIHOOD:
        return False
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
        return any(c.dep_ == "acomp" and c.lower_ in _LIKELY for c in head.children)
    verb = head if tok.dep_ == "attr" and head.lemma_ == "be" else tok
    return verb.dep_ == "xcomp" and verb.head.lower_ in _LIKELY


#: Switch: an infinitive the parse hung on the verb, right after that verb's object of
#: duty or asking, is that object's ("has rejected calls by opposition leaders to hold
#: early elections": "hold" read as the rejecting's purpose; no elections were held).
OWED_BY_OBJECT = True
_OWED_OR_ASKED = DEONTIC | ASKING


def owed_by_object(t: Token) -> bool:
    """Is ``t`` a "to" infinitive hung on a verb as its purpose, after the verb's object
    of duty or asking ("rejected calls ... to hold")?"""
    if not OWED_BY_OBJECT or t.dep_ != "advcl" or not to_infinitive(t):
        return False
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() in _OWED_OR_ASKED and c.i < t.i
        for c in t.head.children
    )


#: Switch: what a "for X to do" clause tells is not done, whichever word of the clause
#: the happening is ("calls for the prime minister to quit and call new elections" was
#: told as elections held; "Protesters called for the government to hold elections").
FOR_TO_CLAUSE = True


_CORE_DEPS = frozenset(["dobj", "obj", "conj", "xcomp", "nsubjpass"])


def _core_of(tok: Token, verb: Token) -> bool:
    """Is ``tok`` ``verb``'s object, or an object or verb joined to it, not a word deeper
    in a phrase ("rare for Boston to extend contracts to players ..., with the exceptions
    of Varitek's just-expired deal": that deal was)?"""
    t = tok
    while t.i != verb.i:
        if t.dep_ not in _CORE_DEPS or t.head.i == t.i:
            return False
        t = t.head
    return True


def for_to(t: Token, tok: Token) -> bool:
    """Is ``t`` the verb of a "for X to do" clause (irrealis whatever governs it), and
    ``tok`` that verb or (FOR_TO_CLAUSE) its object or a verb joined to it?"""
    if t.i != tok.i and not (FOR_TO_CLAUSE and _core_of(tok, t)):
        return False
    return (
        t.dep_ in ("advcl", "acl", "ccomp", "xcomp")
        and to_infinitive(t)
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in t.children)
    )


#: Switch: a verb joined to one told under "if", "unless" or "whether" is told under it
#: too ("If the at-fault driver was charged or [convicted] in criminal court, it may help
#: support the claim": no conviction is told).
CONDITION_SHARED = True


def condition_shared(anchor: Token) -> bool:
    """Is the verb ``anchor`` joined ("or", "and") to a verb whose clause opens with "if",
    "unless" or "whether", with no mark and no subject of its own?"""
    if not CONDITION_SHARED or anchor.dep_ != "conj" or anchor.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in anchor.children):
        return False
    head = anchor.head
    return head.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" and c.lower_ in CONDITIONS for c in head.children
    )


#: Switch: what there is no sign of is not told to have happened: "there is no evidence
#: that the fire was an attack", "nothing to indicate that this shooting was outside the
#: guidelines", "no indication of foul play".
NO_SIGN = True
_SIGNS = frozenset(["evidence", "indication", "sign", "proof", "suggestion", "nothing"])
_SHOWING = frozenset(["suggest", "indicate", "show", "prove", "point"])


def no_sign_of(tok: Token, *, subject: bool = False) -> bool:
    """Is ``tok`` in what a sign said of nothing points to: a "that" clause or an "of"
    of "no evidence", "nothing", or of "suggest" / "indicate" after one? Not the clause's
    definite subject (unless ``subject``): in "no evidence that the fire was an attack"
    the fire was."""
    if (
        not subject
        and tok.dep_ in ("nsubj", "nsubjpass")
        and any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ not in _INDEFINITE)
            for c in tok.children
        )
    ):
        return False
    t = tok
    for _ in range(6):
        if not NO_SIGN or t.head.i == t.i or (t.i != tok.i and t.dep_ in ("relcl", "advcl")):
            return False
        head = t.head
        if head.lemma_.lower() in _SIGNS and of_nothing(head) and t.dep_ in _POINTING:
            return True
        if head.lemma_.lower() in _SHOWING and t.dep_ == "ccomp":
            sign = head.head if head.dep_ in ("acl", "relcl", "xcomp") else None
            if sign is not None and sign.lemma_.lower() in _SIGNS and of_nothing(sign):
                return True
        t = head
    return False


_POINTING = frozenset(["acl", "ccomp", "prep"])
_INDEFINITE = frozenset(["a", "an", "any", "some"])


def of_nothing(noun: Token) -> bool:
    """ "nothing", or a noun with "no" ("no evidence")."""
    return noun.lower_ == "nothing" or any(
        c.dep_ == "det" and c.lower_ == "no" for c in noun.children
    )


def ends_what_is(verb: Token) -> bool:
    """Does ``verb`` end what already is ("eliminate", "roll back")? Its object exists."""
    lemma = verb.lemma_.lower()
    return lemma in ENDING or (lemma == "roll" and any(c.lower_ == "back" for c in verb.children))


def caused(verb: Token) -> bool:
    """Is ``verb`` the bare infinitive a causative makes happen ("would make him
    [fight] up", "let me [die]")? Its modality is the causative's."""
    return (
        verb.dep_ in ("ccomp", "xcomp")
        and verb.tag_ == "VB"
        and not to_infinitive(verb)
        and verb.head.lemma_.lower() in CAUSATIVES
    )
