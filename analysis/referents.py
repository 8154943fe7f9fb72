"""What a pronoun stands for, when a headline must name it: "it" / "they" / "them" read
as the party the sentence names (the one plural subject before "them", the named
subject of the clause "it" hangs under or opens), or as no one. Used by
:mod:`analysis.phrases`; a title never shows a pronoun (see :data:`PRONOUNS`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.clauses import word_set
from analysis.entity_index import EntityIndex

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Pronouns that stand for someone; a title shows the name or nothing.
PRONOUNS = word_set(
    "i me we us you he him she her it they them this that these those there who whom "
    "which what whoever someone somebody anyone one"
)
#: Possessive pronouns: a subject that has one is someone's, and must say whose.
PRONOUNS_POSS = word_set("my our your their its his her whose")
#: Tags of the words that open a relative clause: "which", "who", "whose", "where".
RELATIVE_TAGS = word_set("WDT WP WP$ WRB")


def pronoun(tok: Token) -> bool:
    """ "it", "them", "who" (but not "US", the country)."""
    upper = tok.text.isupper() and len(tok.text) > 1
    return not upper and (tok.pos_ == "PRON" or tok.lower_ in PRONOUNS)


def group_before(pron: Token) -> Token | None:
    """What "they" / "them" stand for when its sentence leaves no doubt: the one plural
    subject named before it ("The two companies have received loans, but Congress
    required them to ..."); None when there is none or more than one."""
    subjects = [
        t
        for t in pron.sent
        if t.i < pron.i
        and t.dep_ in ("nsubj", "nsubjpass")
        and t.tag_ in ("NNS", "NNPS")
        and not pronoun(t)
    ]
    if OBJECT_NOT_ITS_SUBJECT and pron.lower_ == "them" and pron.dep_ in ("dobj", "dative"):
        # "Such firms repackage these loans and sell them": "them" is not who sells (that
        # would be "themselves"), whatever else the sentence names.
        own = _own_subjects(pron.head)
        if any(t in own for t in subjects):
            return None
    return subjects[0] if len(subjects) == 1 else None


#: Switch for :func:`group_before`: an object "them" never stands for its own verb's
#: subject (or, when it has none, the subject of the verb "and" joins it to).
OBJECT_NOT_ITS_SUBJECT = True


def _own_subjects(verb: Token) -> list[Token]:
    """The subject of ``verb``: its own, else the one of the verb an "and" chain joins it
    to ("repackage these loans and sell them")."""
    for _ in range(6):
        own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if own or verb.dep_ != "conj" or verb.head.i == verb.i:
            return own
        verb = verb.head
    return []


def named_first(pron: Token, ents: EntityIndex) -> Token | None:
    """What a subject "it" / "they" stands for when a clause hanging on its own verb and
    written before it names its subject first ("Even as [Iran] reels from the loss ...,
    [it] has persisted"): that subject, a name of the same number; else None."""
    if pron.lower_ not in ("it", "they") or pron.dep_ != "nsubj":
        return None
    verb = pron.head
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i > pron.i:
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i not in ents.by_token or subj.ent_type_ == "PERSON":
            continue
        plural = subj.tag_ in ("NNS", "NNPS") or subj.ent_type_ == "NORP"
        if plural == (pron.lower_ == "they"):
            return subj
    return None


#: Switch: an active "it" / "they" of a clause under a clause whose subject is named
#: stands for that subject when nothing else named could be it (see :func:`named_above`).
NAMED_ABOVE = True
#: How a clause hangs under the one that names its subject: "when it exploded", "proved
#: it was up for the challenge", "Meetup, which it acquired".
_UNDER = frozenset(["advcl", "ccomp", "relcl"])
#: Switch: ... and only when the clause above names no other party.
ONE_PARTY_ABOVE = True
_NAMED_ARGS = frozenset(["dobj", "obj", "dative", "attr", "pobj", "appos", "conj"])


def owner_above(pron: Token, ents: EntityIndex) -> Token | None:
    """Whose an "its" / "their" on a clause's subject is, by the rule of
    :func:`named_above`: "[Ford Motor Company] said on Tuesday that [its] sales in the
    United States rose 43%"."""
    if not NAMED_ABOVE or pron.lower_ not in ("its", "their") or pron.dep_ != "poss":
        return None
    noun = pron.head
    if noun.dep_ != "nsubj":
        return None
    return named_above(noun, ents, as_word="it" if pron.lower_ == "its" else "they")


def named_above(
    pron: Token, ents: EntityIndex, depth: int = 0, as_word: str | None = None
) -> Token | None:
    """What a subject "it" / "they" stands for in a clause hanging under another whose
    subject is named: "[Brydge] proved it was up for the challenge when [it] launched a
    keyboard case", "[WeWork] is now engaging in ... layoffs at Meetup, which [it]
    acquired" (what a relative clause hangs on is its object, not "it"). None when that
    subject is a person (who is "he" or "she"), has the other number, or when the
    governing clause names another party that could be it ("Apple sued Samsung because
    it copied the iPhone")."""
    word = as_word or pron.lower_
    if not NAMED_ABOVE or word not in ("it", "they") or pron.dep_ != "nsubj":
        return None
    verb = pron.head
    if verb.dep_ not in _UNDER or depth > 2:
        return None
    hung_on = verb.head  # a verb, or for a relative clause the noun it tells of
    main, subj = hung_on, None
    for _ in range(8):
        subj = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if (subj is not None and main.pos_ in ("VERB", "AUX")) or main.head.i == main.i:
            break
        main = main.head
    if subj is None or main.pos_ not in ("VERB", "AUX"):
        return None
    if subj.lower_ in ("it", "they") and subj.i not in ents.by_token:
        return named_above(subj, ents, depth + 1)  # "proved it was ... when it launched"
    if subj.i not in ents.by_token or subj.ent_type_ == "PERSON" or subj.i > pron.i:
        return None  # (named after it: "Three years after it was due, Boeing has ...")
    if any(c.dep_ == "conj" for c in subj.children):
        return None  # "Apple and Google said ... it": which?
    if (subj.tag_ in ("NNS", "NNPS") or subj.ent_type_ == "NORP") != (word == "they"):
        return None
    m = ents.by_token[subj.i]
    others = [
        t
        for t in _own_clause(main)
        if t.dep_ in _NAMED_ARGS
        and t.i != hung_on.i
        and t.i in ents.by_token
        and ents.by_token[t.i] is not m
        and t.ent_type_ not in _NO_PARTIES
    ]
    return None if others and ONE_PARTY_ABOVE else subj


#: Entity types that are no party a pronoun could stand for.
_NO_PARTIES = frozenset(
    ["PERSON", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"]
)
#: Dependencies that start a clause of its own.
_CLAUSES = frozenset(["advcl", "ccomp", "relcl", "acl", "xcomp", "csubj", "pcomp", "conj"])


def _own_clause(verb: Token) -> list[Token]:
    """The tokens of ``verb``'s own clause, without the clauses under it."""
    out = []
    stack = [c for c in verb.children if c.dep_ not in _CLAUSES]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSES)
    return out
