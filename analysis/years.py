"""Which year a written time has: a bare year before a maker's name is the model's, not a
time ("a 2013 Toyota Camry", "his 2008 Bentley"); a day written without its year takes the
year the article gave the same day in full earlier ("after October 7" in an article that
said "October 7, 2023").

:mod:`analysis.eventtime` asks these of each sentence's times before an event takes one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from analysis.referents import PRONOUNS_POSS
from analysis.timex import WEEKDAYS, Timex

if TYPE_CHECKING:
    from spacy.tokens import Token

WEEKDAY_WORDS = (*WEEKDAYS, "yesterday", "today", "tomorrow", "tonight", "ago")


def model_year(tx: Timex, root: Token) -> bool:
    """Is a bare year the model of a named thing ("a 2013 Toyota Camry", "his 2008
    Bentley"), not a time? A named happening keeps its year ("the 2014 Oscars")."""
    head = root.head
    return (
        MODEL_YEARS
        and tx.precision == "year"
        and root.dep_ in ("nummod", "compound")
        and head.pos_ == "PROPN"
        and head.ent_type_ not in ("EVENT", "DATE", "LAW")
    ) or (YEAR_BEFORE_NAME and tx.precision == "year" and _year_before_name(root))


#: Switch for :func:`model_year`: a model year read from the words (_year_before_name).
YEAR_BEFORE_NAME = True
#: Words before a year that make it the model's: "a grey 2013 Toyota Camry", "his 2008
#: Bentley".
_MODEL_DETS = PRONOUNS_POSS | {"a", "an", "the"}


def _year_before_name(year: Token) -> bool:
    """Read from the words when the parse hung the year elsewhere ("identified the vehicle
    as a grey 2013 Toyota Camry and Vishwanand Subryan ... was arrested": the parser made
    the year the object of "as"): a year after a determiner (adjectives between) and
    before a run of proper names that ends the noun phrase, a maker or a model among them
    and none a named event ("the 2009 Chrysler bankruptcy", "the 2012 London Olympics"
    and "the 2012 Republican National Convention" keep their year)."""
    doc = year.doc
    i = year.i - 1
    while i >= 0 and doc[i].pos_ in ("ADJ", "NOUN") and doc[i].dep_ == "amod":
        i -= 1
    if i < 0 or doc[i].lower_ not in _MODEL_DETS:
        return False
    j = year.i + 1
    while j < len(doc) and doc[j].pos_ == "PROPN":
        if doc[j].ent_type_ in ("EVENT", "DATE", "LAW"):
            return False
        j += 1
    names = doc[year.i + 1 : j]
    return (
        len(names) > 0
        and (j == len(doc) or doc[j].pos_ not in ("NOUN", "PROPN"))
        and any(t.ent_type_ in ("ORG", "PRODUCT") for t in names)  # a maker or a model
        and names[-1].lower_ not in _OCCASION_NAMES
    )


#: Last words of a named occasion a year dates ("the 2012 Republican National Convention",
#: untagged, keeps its year).
_OCCASION_NAMES = frozenset(
    [
        "convention",
        "conference",
        "summit",
        "games",
        "olympics",
        "cup",
        "championship",
        "championships",
        "festival",
        "awards",
        "marathon",
        "series",
        "tournament",
        "open",
        "election",
        "elections",
        "primary",
        "congress",
    ]
)


#: Switch for :func:`model_year`.
MODEL_YEARS = True


_HAS_YEAR = re.compile(r"\b\d{4}\b|\b\d{4}-")


def reuse_years(
    times: list[tuple[Timex, Token]], full_dates: dict[str, str]
) -> list[tuple[Timex, Token]]:
    """ "after October 7" in an article that said "October 7, 2023" earlier is that day.

    A day written without its year takes the year of the same day written in full
    earlier in the article; otherwise it keeps the timex default (latest past one).
    """
    out = []
    for tx, root in times:
        if tx.precision == "day" and tx.kind == "point":
            if _HAS_YEAR.search(tx.text):
                full_dates[tx.value[5:]] = tx.value
            elif tx.value[5:] in full_dates and not any(
                w in tx.text.lower() for w in WEEKDAY_WORDS
            ):
                tx = replace(tx, value=full_dates[tx.value[5:]])
        out.append((tx, root))
    return out
