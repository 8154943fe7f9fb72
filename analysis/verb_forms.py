"""The verb of a headline: present tense agreeing with its subject, the future as "to",
a passive as its participle ("GM will cut" -> "GM to cut"; "was rejected" -> "rejected").

Read from the parse (:mod:`analysis.gist_clause` hands the verb token here); the words of
agreement itself are :func:`analysis.verb_agreement.agree`, and the infinitives told as to come
are :mod:`analysis.infinitives`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.infinitives import asked_to, be_to, headline_to, set_to, to_infinitive
from analysis.verb_agreement import agree

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Auxiliaries of the future ("wo" is "won't"'s first word).
FUTURE_AUXES = frozenset(["will", "'ll", "wo", "shall", "’ll"])
#: Words that open a clause that is no fact: a condition or a question.
CONDITIONS = frozenset(["if", "whether", "unless"])


def condition(verb: Token, owner: Token) -> str:
    """ "If" / "Whether" / "Unless" when the clause of ``verb`` (or of ``owner``, the verb
    its subject belongs to: "if they want to [negotiate]") is a condition or a question:
    a title keeps it, so that "whether Wagoner resigns" is not told as his resignation."""
    for v in (verb, owner):
        mark = next((c for c in v.children if c.dep_ == "mark" and c.lower_ in CONDITIONS), None)
        if mark is not None:
            return mark.lower_.capitalize()
    return ""


def own_subject(verb: Token) -> bool:
    """Has the clause of ``verb`` a subject of its own?"""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def shares_modal(verb: Token) -> bool:
    """Does ``verb`` go with its head's modal: a second verb without a subject of its
    own ("will meet and [sign]") or a purpose ("will hold a meeting [to discuss] it"), not
    a participle beside it ("it would keep its weapons, [rejecting] ...")?"""
    if own_subject(verb):
        return False
    return verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and to_infinitive(verb))


#: Adverbs right after a verb that are its particle whatever the parse calls them
#: ("shot [down]": advmod; "a deal with European auto maker Fiat went [through]", a
#: bundled sample, was "Deal goes"), switch ADVERB_PARTICLES.
_PARTICLE_ADVERBS = frozenset(["down", "up", "off", "out", "away", "back", "through"])
ADVERB_PARTICLES = True


def particle(verb: Token) -> str:
    """The verb's particle ("shot down", "called off")."""
    return " ".join(
        c.lower_
        for c in verb.children
        if c.dep_ == "prt"
        or (
            ADVERB_PARTICLES
            and c.dep_ == "advmod"
            and c.i == verb.i + 1
            and c.lower_ in _PARTICLE_ADVERBS
        )
    )


#: Switch: an infinitive told of an adjective keeps it in titles ("Israel is ready to
#: attack Iran": "Israel ready to attack Iran", not "Israel attacks Iran"; "was unable to
#: capture": "unable to capture"), but for the adjectives that tell it done
#: (DONE_ADJECTIVES: "was able to capture", "was quick to condemn").
ADJECTIVE_TOLD = True
#: (What one is glad or sad to hear, see or say is so: "extremely sad to hear of the
#: untimely death of Katie Jenkin", ECB+ 32, 32_4ecbplus; "pleased to announce".)
DONE_ADJECTIVES = frozenset(
    [
        "able",
        "quick",
        "swift",
        "first",
        "last",
        "latest",
        "sad",
        "sorry",
        "saddened",
        "shocked",
        "surprised",
        "stunned",
        "pleased",
        "delighted",
        "proud",
        "glad",
        "thrilled",
        "honored",
        "honoured",
        "relieved",
        "disappointed",
    ]
)
#: ... and those that tell it not done (analysis.modality: negated).
UNABLE_ADJECTIVES = frozenset(["unable", "powerless"])


#: The subject of "hard to" is what the infinitive is done to: "Tony Thompson is very
#: hard to [hit]" (ECB+ 7, 7_1ecbplus) tells no one hitting.
TOUGH_ADJECTIVES = frozenset(["hard", "easy", "difficult", "tough", "impossible", "simple"])


def told_of_adjective(verb: Token) -> tuple[Token, Token] | None:
    """(adjective, its verb) of a "to" infinitive ``verb`` told of an adjective whose verb's
    subject does it ("ready", "is" of "Israel is ready to [attack]"; "weak and unwilling
    to [fight]": "unwilling", "is"), else None: not "hard to" (TOUGH_ADJECTIVES) nor an
    empty "it" ("it was too early to [link] the fire")."""
    adj = verb.head
    if verb.dep_ != "xcomp" or adj.pos_ != "ADJ" or not to_infinitive(verb):
        return None
    if adj.lemma_.lower() in TOUGH_ADJECTIVES:
        return None
    top = adj
    if adj.dep_ == "conj" and adj.doc[adj.i - 1].dep_ != "cc":
        return None  # (a list's comma: "charges of murder, intent to murder, ...")
    while top.dep_ == "conj" and top.head != top:
        top = top.head
    if top.dep_ == "acomp":
        copula = top.head  # "is ready", "was so intimidated and unwilling"
    elif top is not adj:
        copula = top  # "was so thoroughly overmatched and unwilling"
    else:
        return None
    if copula.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "expl") and c.lower_ in ("it", "there") for c in copula.children):
        return None
    return adj, copula


def adjective_to(verb: Token) -> tuple[Token, Token] | None:
    """(adjective, its verb) ``verb`` is told of (:func:`told_of_adjective`), but for
    those that tell it done (DONE_ADJECTIVES: "was able to capture"), else None."""
    told = told_of_adjective(verb)
    if told is None:
        return None
    adj, copula = told
    if adj.lemma_.lower() in DONE_ADJECTIVES and _modal_of(copula) is None:
        return None
    return told  # ("will be able to purchase": not done yet)


def _modal_of(verb: Token) -> str | None:
    return next((c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"), None)


def verb_form(verb: Token, plural: bool, *, passive: bool, reported: bool = False) -> str:
    """The verb as a headline says it: present tense, agreeing with its subject; the
    future as "to"; other modals and "not" kept; a passive as its participle. A reported
    clause keeps its past ("denies it sent arms") and says its future with "will"."""
    lemma = verb.lemma_.lower()
    if lemma == "s" and verb.tag_ == "VBZ":
        lemma = "be"  # "It’ s disappointing" (a space in the contraction): the tagger's "s"
    prt = particle(verb)
    if ADJECTIVE_TOLD and (told_of := adjective_to(verb)) is not None:
        # "ready to attack", "likely to be arrested", "not ready to sign"
        adj, copula = told_of
        core = f"be {verb.lower_}" if passive else lemma
        neg = "not " if any(c.dep_ == "neg" for c in copula.children) else ""
        modal = _modal_of(copula)
        told = f"{modal} {neg}be " if modal else neg
        told += f"{adj.lower_} to {core}"  # "will be able to purchase"
        return f"{told} {prt}" if prt else told
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    modal = next((a.lower_ for a in auxes if a.tag_ == "MD"), None)
    if modal is None and shares_modal(verb):
        # "will meet on Friday and sign the deal", "will hold a meeting to discuss it":
        # the verb shares its head's modal
        modal = next((a.lower_ for a in verb.head.children if a.tag_ == "MD"), None)
    negated = any(c.dep_ == "neg" for c in verb.children)
    future = (
        modal in FUTURE_AUXES
        or (modal == "would" and verb.dep_ == "ccomp")
        or be_to(verb)
        or headline_to(verb)
        or set_to(verb)
        or asked_to(verb)
    )
    past = (
        verb.tag_ == "VBD"
        or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes) and not passive)
        or any(a.lower_ == "did" for a in auxes)
    )
    if passive:
        done = verb.lower_ if verb.tag_ in ("VBN", "VBD") else lemma
        if future and not reported:
            head = "to be " + done
        elif future or modal:
            head = f"{'will' if future else modal}{' not' if negated else ''} be {done}"
        else:
            head = ("not " if negated else "") + done
    elif future and not reported:
        head = ("not " if negated else "") + "to " + lemma
    elif future or modal:
        head = f"{'will' if future else modal}{' not' if negated else ''} {lemma}"
    elif negated and lemma == "be":
        head = ("are" if plural else "is") + " not"  # "Deliveries are not due"
    elif negated:
        head = ("do" if plural else "does") + " not " + lemma
        if reported and past:
            head = "did not " + lemma
    elif reported and past:
        # "they have detected" -> "they detected"; but "it had become" is not "it
        # become": a participle written as its base form keeps its "had"
        have = next((a.lower_ for a in auxes if a.lemma_ == "have"), None)
        bare = verb.tag_ == "VBN" and verb.lower_ == lemma
        head = f"{have} {verb.lower_}" if have and bare else verb.lower_
    elif lemma == "be":
        head = "are" if plural else "is"
    else:
        head = agree(lemma, plural)
    return f"{head} {prt}" if prt else head
