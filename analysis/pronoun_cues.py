"""What tells who a "he" or "she" is, beyond the names before it: gendered nouns and
pronouns of the other gender ("the actress's rep ... why she entered rehab"), a person
told by a common noun as the sentence's subject ("A police officer suffered a gash when a
tossed brick hit him"), "he or she". The cues :class:`analysis.entity_index.EntityIndex`
reads, in :mod:`analysis.antecedents` (its switches stay there)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from analysis.mentions import name_of
from analysis.modality_words import REPORTING
from analysis.people import surname
from analysis.sense_words import PEOPLE, POST_HOLDERS

#: Double quotation marks: what stands on two sides of one is a quote and its speaker.
QUOTE_MARKS = frozenset('"“”')


def across_quote(between: str) -> bool:
    """Does the text ``between`` two places hold an odd number of quotation marks (one
    place inside a quote, the other outside: '“... she only shot ...,” says Fairman')?"""
    return sum(ch in QUOTE_MARKS for ch in between) % 2 == 1


if TYPE_CHECKING:
    from spacy.tokens import Span, Token

HE = frozenset(["he", "him", "his", "himself"])
SHE = frozenset(["she", "her", "hers", "herself"])


#: Nouns that tell a person's gender: one of them, not the named person, in the sentence
#: before a "she" / "he" (or in its own before it) is another candidate for it.
WOMEN = frozenset(
    [
        "actress", "woman", "girl", "mother", "wife", "daughter", "sister", "widow", "queen",
        "princess", "mom", "grandmother", "aunt", "niece", "girlfriend", "bride",
    ]
)  # fmt: skip
MEN = frozenset(
    [
        "actor", "man", "boy", "father", "husband", "son", "brother", "widower", "king",
        "prince", "dad", "grandfather", "uncle", "nephew", "boyfriend", "groom",
    ]
)  # fmt: skip


def another_of_its_gender(tok: Token, before: Span, named: set[int], subject: Token | None) -> bool:
    """Does ``before`` (or ``tok``'s sentence before it) hold a noun of ``tok``'s gender
    that is no word of the one person named there (not "actress Tara Reid", "Reid, the
    actress")? When that person is the subject (``subject``, its token), only a noun in
    the subject's own phrase counts ("the actress's rep Jack Ketsoyan"): a subject goes
    on as "he" past the people its sentence tells of ("Gomes killed his father. He ...")."""
    nouns = WOMEN if tok.lower_ in SHE else MEN if tok.lower_ in HE else frozenset()
    doc = tok.doc
    for t in [*before, *doc[tok.sent.start : tok.i]]:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in nouns:
            continue
        if subject is not None and not (subject.left_edge.i <= t.i <= subject.right_edge.i):
            continue
        if (t.dep_ in ("appos", "compound") and t.head.i in named) or any(
            c.i in named and c.dep_ in ("appos", "compound") for c in t.children
        ):
            continue  # the person named is this noun: "actress Tara Reid", "Reid, the actress"
        return True
    return False


def other_gender_before(tok: Token) -> bool:
    """Does ``tok``'s sentence hold, before it, a pronoun of the other gender?"""
    other = HE if tok.lower_ in SHE else SHE if tok.lower_ in HE else frozenset()
    return any(t.lower_ in other for t in tok.doc[tok.sent.start : tok.i])


SUBJECTS = frozenset(["nsubj", "nsubjpass"])
PERSON_NOUNS = POST_HOLDERS | PEOPLE | WOMEN | MEN | {"policeman", "policewoman", "victim"}


def person_subject_before(tok: Token) -> bool:
    """Is ``tok`` in a clause that says when or why of its sentence's main clause, with a
    subject of its own, and the main clause's subject, before it, a singular common noun
    of a person of ``tok``'s gender ("A police officer suffered a gash when a tossed
    brick hit him")? Not one the pronoun's own clause is done by ("a man appeared and
    shot him", "the officer accused of shooting him")."""
    verb = tok.head
    if verb.dep_ != "advcl" or not any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    other = WOMEN if tok.lower_ in HE else MEN if tok.lower_ in SHE else frozenset()
    return any(
        t.i < tok.i
        and t.pos_ == "NOUN"
        and t.tag_ == "NN"
        and t.dep_ in SUBJECTS
        and t.lemma_.lower() in PERSON_NOUNS - other
        for t in verb.head.children
    )


EITHER = frozenset(["he", "she", "him", "her"])


def either(tok: Token) -> bool:
    """Is the pronoun ``tok`` one of "he or she" / "him or her" (either way round)?"""
    pair = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj":
        pair.append(tok.head)
    return any(t.lower_ in EITHER and t.lower_ != tok.lower_ for t in pair)


def passive_subject_over_agent(named: Token, pronoun: Token) -> Token | None:
    """When ``named`` is the agent of a passive verb ("by Judge Michael A. Martone") and
    ``pronoun`` stands in a clause of that verb, the verb's subject: "LaCalamita was asked
    by Judge Michael A. Martone if he understood the charges" (he is LaCalamita, whom
    the clause is about). None otherwise."""
    by = next((a for a in named.ancestors if a.dep_ == "agent"), None)
    if by is None:
        return None
    verb = by.head
    if not by.i < pronoun.i <= verb.right_edge.i:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < by.i), None)


def pronoun_leads(sent: Span, first_name: int) -> bool:
    """Is the subject of ``sent``'s main verb a personal pronoun told before the first
    name of the sentence (at token ``first_name``)?"""
    root = sent.root
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she") and t.i < first_name
        for t in root.children
    )


def teller_only(subject: Token | None, pronoun: Token) -> bool:
    """Is ``subject`` (the sentence before's one person) only the teller of what that
    sentence tells ("..., Lyons said"), told of a name or a person of its own ("Comeaux
    ... took the officers' weapons"), while the pronoun's own verb tells no saying ("He
    added" goes on with the teller)?"""
    if subject is None or subject.dep_ != "nsubj" or subject.head.lemma_.lower() not in REPORTING:
        return False
    if pronoun.head.lemma_.lower() in REPORTING:
        return False
    return any(
        g.dep_ in SUBJECTS and (g.pos_ == "PROPN" or g.lemma_.lower() in PERSON_NOUNS)
        for c in subject.head.children
        if c.dep_ == "ccomp"
        for g in c.children
    )


#: Switch: a "he" or "she" subject of a clause that a verb whose subject is the same
#: pronoun tells is that subject: "He had also boasted prior to Ortiz's killing that he
#: wanted to kill a cop" (ECB+ 16, 16_10ecbplus: the second "he" was Ortiz, the last
#: person named before it, and the title "Jerry Ortiz wants to kill a cop").
MATRIX_PRONOUN_BINDS = True


def matrix_pronoun(tok: Token) -> Token | None:
    """The same pronoun as ``tok`` ("he", "she") that is the subject of the verb whose
    clause (ccomp) ``tok`` is the subject of, written before it (see
    MATRIX_PRONOUN_BINDS)."""
    if not MATRIX_PRONOUN_BINDS:
        return None
    if tok.lower_ not in ("he", "she") or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    if verb.dep_ != "ccomp":
        return None
    return next(
        (
            c
            for c in verb.head.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == tok.lower_ and c.i < tok.i
        ),
        None,
    )


#: Switch: a "he" / "she" with no one named before it in the body stands for the one
#: person of the body its headline names ("SAN Diego Chargers receiver Vincent Jackson
#: has been arrested ..." over "Police arested him in San Diego at 2.30am and booked him
#: before releasing him", ECB+ 35, 35_9ecb: his release joined Jamal Williams' of a month
#: after; "Brian Nichols" over "He's the former Kutztown University football player",
#: 3_6ecb): the headline comes with the body (``doc.user_data``, see
#: :func:`analysis.analyzer.with_headline`); the analysis does not parse it, it only
#: looks for the body's people in it.
HEADLINE_PERSON = True
_HEADLINE_PRONOUNS = frozenset(["he", "she", "him", "her", "his"])


def headline_person(
    tok: Token, people: list[tuple[int, Mapping[str, Any]]]
) -> Mapping[str, Any] | None:
    """The one body person (of ``people``, by token index) the headline names, for a
    pronoun with no one named before it (see HEADLINE_PERSON), else None."""
    headline = tok.doc.user_data.get("headline") if HEADLINE_PERSON else None
    if not headline or tok.lower_ not in _HEADLINE_PRONOUNS:
        return None
    if any(i < tok.i for i, _ in people):
        return None
    # a person told by a common noun before it is the likelier one ("your penny-pinching
    # husband ... than he has arranged", under "Dear Abby: ..."): no guess
    body = tok.doc[: tok.i]
    if any(t.pos_ == "NOUN" and t.lemma_.lower() in PERSON_NOUNS for t in body):
        return None
    found: dict[str, Mapping[str, Any]] = {}
    for i, m in people:
        if tok.sent.start <= i < tok.sent.end:
            continue  # "charges he threatened to kill Rep. Ilhan Omar": not Omar

        name = name_of(m)
        written = name.split()[-1] if name.split() else name  # as written: "Jackson"
        if re.search(r"\b" + re.escape(written) + r"\b", headline):
            found.setdefault(surname(name) or name, m)
    return next(iter(found.values())) if len(found) == 1 else None


def named_under(
    tok: Token, by_token: Mapping[int, Mapping[str, Any]], *, objects_only: bool = False
) -> set[str]:
    """The surnames of the people a subject pronoun's own verb names after it, outside
    the pronoun's own words (an appositive is the pronoun's; ``by_token``: the mention
    each token names): the pronoun is none of them ("In 2005, he was charged with assault
    and battery on Ms. Mendes"). ``objects_only``: only the person its active verb is done
    to ("He shot Wilhelm")."""
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    if objects_only:
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        m = by_token.get(obj.i) if tok.dep_ == "nsubj" and obj is not None else None
        return {surname(name_of(m))} if m is not None else set()
    if tok.dep_ not in SUBJECTS:
        return set()
    own = {t.i for t in tok.subtree}
    return {
        surname(name_of(m))
        for t in verb.subtree
        if t.i > tok.i and t.i not in own and (m := by_token.get(t.i)) is not None
    }
