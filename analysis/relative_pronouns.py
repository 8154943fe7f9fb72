"""What a relative pronoun stands for when the parser hung its clause on the wrong word: a
"who" hung on a happening is the party named in the happening's phrase ("talks between
his government and the Taliban, who have long refused"), a "which" (or a "that" hung on
the source of "according to") hung on a person is the thing before it ("Fritz
Henderson, the Chief Executive Officer of General Motors, which filed for bankruptcy").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.reports import ACCORDING
from analysis.role_words import PARTY_ENTS

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Switch: "who" never stands for a happening (see :func:`who_not_what`).
WHO_IS_NO_HAPPENING = True


def who_not_what(noun: Token, who: Token) -> Token | None:
    """The party a "who" stands for when the parser hung its clause on a happening: "talks
    between his government and the Taliban, who have long refused to negotiate" (the
    Taliban refused, not the talks): the nearest name before "who" inside the noun's
    phrase. None when the noun is no happening's word or no name is there."""
    from analysis.lexicon import NOUN_TYPES

    if not WHO_IS_NO_HAPPENING or noun.lemma_.lower() not in NOUN_TYPES or noun.ent_type_:
        return None
    inside = {t.i for t in noun.subtree}
    for t in reversed(noun.doc[noun.i + 1 : who.i]):
        if t.i in inside and t.ent_type_ in PARTY_ENTS and t.pos_ in ("PROPN", "NOUN"):
            return t
    return None


def a_source(person: Token) -> bool:
    """Is the person the source of "according to" ("it was, according to Sarah Palin,
    the offices where church records were stored, that was destroyed": the parser hung
    "that" on Palin, who tells of the happening and is no party to it)?"""
    return (
        person.dep_ == "pobj"
        and person.head.lower_ == "to"
        and person.head.head.lemma_.lower() in ACCORDING
    )


def stands_for_thing(person: Token, pronoun: Token) -> bool:
    """Does a relative pronoun the parser hung on a person stand for a thing? "which"
    always ("Fritz Henderson, the Chief Executive Officer of General Motors, which filed
    for bankruptcy"); "that" hung on the source of "according to" (:func:`a_source`)."""
    return (
        person.ent_type_ == "PERSON"
        and pronoun.i > person.i
        and (pronoun.lower_ == "which" or (pronoun.lower_ == "that" and a_source(person)))
    )


def thing_before(person: Token, pronoun: Token) -> Token | None:
    """The thing such a pronoun stands for (see :func:`stands_for_thing`): the nearest noun
    between the two that is no person and no noun of a relative clause between them ("the
    offices where church records were stored, that was destroyed": the offices)."""
    for tok in reversed(pronoun.doc[person.i + 1 : pronoun.i]):
        if (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.ent_type_ != "PERSON"
            and not any(a.dep_ == "relcl" and a.i > person.i for a in (tok, *tok.ancestors))
        ):
            return tok
    return None
