"""How many people an arrest takes, as its sentence says it: "two police officers
involved in Saturday's shooting were arrested" (2), "more than 200 people have been
arrested" (200), "police arrested 12 protesters" (12), "the arrest of dozens of
rioters" (24).

Two arrests of one story told with counts ten times apart are two happenings (the
officers who shot a boy, and the rioters of the week after; Athens, December 2008), though
"people" says too little to be a theme (:mod:`analysis.themes`) and an arrest's party
object never vetoes a join on its own ("arrested a man" may be Gomes' arrest). Read from
the stored sentence as :mod:`analysis.terms` reads a prison term, so the linker needs no
parse; :func:`analysis.told_apart.kept_apart` keeps such mentions apart, and
:mod:`analysis.bridges` such events.
"""

from __future__ import annotations

import re

from analysis.terms import NUMBER_WORDS, number_word

#: Triggers whose count is of the people they take.
COUNTED_LEMMAS = frozenset(["arrest", "detain", "detention", "apprehend"])
#: Counts this many times apart are two arrests.
RATIO_APART = 10
#: Vague amounts, as the smallest they may mean.
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "a dozen": 12}
_NUMBER = (
    r"(\d{1,3}(?:,\d{3})+|\d+|"
    + "|".join(sorted([*NUMBER_WORDS, *_VAGUE], key=len, reverse=True))
    + r")"
)
_ABOUT = r"(?:(?:at least|more than|as many as|some|about|nearly|over|up to|around)\s+)?"
#: Not a count of people: a date, a time, a share, a distance ("arrested 12 March", "at 10
#: pm", "arrested five buildings away").
_NOT_PEOPLE = re.compile(
    r"^\s*(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|percent|per\b|%|years?\b|months?\b|weeks?\b|days?\b|hours?\b|"
    r"minutes?\b|a\.?m\b|p\.?m\b|times\b|o'clock|blocks?\b|buildings?\b|doors?\b|"
    r"houses?\b|miles?\b|feet\b|foot\b|yards?\b|met(?:er|re)s?\b|kilomet(?:er|re)s?\b|km\b)",
    re.IGNORECASE,
)
#: Not people counted: "five years after he was arrested", "12 times".
_NO_UNIT = r"(?!\s+(?:years?|months?|weeks?|days?|hours?|minutes?|times|percent)\b)"
#: "two police officers involved in the shooting were [arrested]": the count leads the
#: passive's subject, a few words before its auxiliary, in one clause (no comma between);
#: or a participle right after its noun ("and more than 200 people [arrested]").
_BEFORE = re.compile(
    r"(?:^|[\s(\"“])" + _ABOUT + _NUMBER + _NO_UNIT + r"\s+(?:(?:[\w'’-]+\s+){0,6}?"
    r"(?:were|was|are|is|have been|has been|had been|being|got)\s+(?:\w+ly\s+)?"
    r"|(?:[\w'’-]+\s+){0,2}?)$",
    re.IGNORECASE,
)
#: "[arrested] 12 protesters", "[the arrest] of 200 people", "[detained] as many as nine".
_AFTER = re.compile(r"^\s+(?:of\s+)?" + _ABOUT + _NUMBER + r"\b(?!\s*-|[:.,]\d)", re.IGNORECASE)
#: Characters looked at on each side of the trigger.
WINDOW = 90


def _value(word: str) -> int | None:
    lower = word.lower().replace(",", "")
    if lower in _VAGUE:
        return _VAGUE[lower]
    return number_word(lower, digits=None) or None  # (nought people is no count)


def count(sentence: str, start: int, end: int, lemma: str | None) -> int | None:
    """How many people the arrest at ``start:end`` of ``sentence`` takes, when it says.

    >>> said = "two police officers involved in Saturday's shooting were arrested"
    >>> count(said, said.index("arrested"), len(said), "arrest")
    2
    >>> said = "and more than 200 people arrested."
    >>> count(said, said.index("arrested"), len(said) - 1, "arrest")
    200
    >>> count("Police arrested 12 protesters on Friday", 7, 15, "arrest")
    12
    >>> count("Gomes was arrested on Tuesday", 10, 18, "arrest") is None
    True
    >>> count("He was arrested 12 March", 7, 15, "arrest") is None
    True
    >>> count("Five years after he was arrested", 24, 32, "arrest") is None
    True
    >>> count("Orozco was arrested five buildings away", 11, 19, "arrest") is None
    True
    >>> count("Williams was arrested around 1:30 a.m.", 13, 21, "arrest") is None
    True
    """
    if (lemma or "").lower() not in COUNTED_LEMMAS:
        return None
    before = _BEFORE.search(sentence[max(0, start - WINDOW) : start])
    if before is not None:
        return _value(before.group(1))
    rest = sentence[end : end + WINDOW]
    after = _AFTER.match(rest)
    if after is None or _NOT_PEOPLE.match(rest[after.end() :]):
        return None
    return _value(after.group(1))


def counts_apart(mine: set[int], theirs: set[int]) -> bool:
    """Does each side state a count, every one of one side RATIO_APART times or more from
    every one of the other's?"""
    return bool(mine and theirs) and all(
        max(a, b) >= RATIO_APART * min(a, b) for a in mine for b in theirs
    )
