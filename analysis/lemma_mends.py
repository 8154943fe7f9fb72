"""Lemmas the model's lemmatizer gets wrong, mended from the written word: a silent e its
rules lost ("hoping" is "hope", not "hop"), a final e they made up ("misreported" is
"misreport"), and a verb whose particle makes it another verb ("passed away" is "die").
Pure; the pipeline's ``silent_e`` component (:mod:`analysis.nlp`) asks them of every
verb, and their switches are set here, where they are read.
"""

from __future__ import annotations

from typing import Any

_VOWELS = frozenset("aeiou")


#: Switch: a verb and its particle that are one word of another verb ("passed away" is
#: "died", "gunned down" is "shot"): the pair's lemma is that verb's (see
#: :func:`phrasal_lemma`).
PHRASAL_LEMMAS = True
_PHRASAL = {("pass", "away"): "die", ("gun", "down"): "shoot"}
_PHRASAL_VERBS = frozenset(verb for verb, _ in _PHRASAL)


def phrasal_lemma(tok: Any) -> str | None:
    """The lemma of a verb whose particle makes it another verb ("Fred LaRue passed away
    on Saturday": "die"), else None."""
    if not PHRASAL_LEMMAS or tok.lemma_.lower() not in _PHRASAL_VERBS:
        return None
    for child in tok.children:
        if child.dep_ in ("prt", "advmod") and child.i == tok.i + 1:
            return _PHRASAL.get((tok.lemma_.lower(), child.lower_))
    return None


def silent_e_lemma(word: str, lemma: str) -> str | None:
    """The lemma of a verb form the model's rules cut wrong, else None.

    The model's lemmatizer takes "hoping" and "hoped" for "hop", "raped" for "rap",
    "fined" for "fin": a one-syllable verb ending in one vowel and one consonant doubles
    it before -ed and -ing ("hopping", "rapped"), so the form without the doubling is of
    the verb with a silent e.

    >>> silent_e_lemma("hoping", "hop"), silent_e_lemma("raped", "rap")
    ('hope', 'rape')
    >>> silent_e_lemma("hopping", "hop"), silent_e_lemma("fixed", "fix")
    (None, None)
    >>> silent_e_lemma("visited", "visit"), silent_e_lemma("rained", "rain")
    (None, None)

    So does its third person: "hop" says "hops", so "hopes" is "hope" ("GM hopes to
    emerge from bankruptcy", not "GM hops").

    >>> silent_e_lemma("hopes", "hop"), silent_e_lemma("buses", "bus")
    ('hope', None)
    """
    if word not in (lemma + "ed", lemma + "ing", lemma + "es") or len(lemma) < 3:
        return None
    last, vowel, before = lemma[-1], lemma[-2], lemma[:-2]
    if last in _VOWELS or last in "wxy" or vowel not in _VOWELS:
        return None
    if word == lemma + "es" and last in "sz":
        return None  # "buses", "quizzes": -es after a hissing sound
    if not before or before[-1] in _VOWELS or any(c in _VOWELS for c in before):
        return None  # "rain", "visit", "open": not one short syllable
    return lemma + "e"


#: Endings no English verb has before a final "e" (see :func:`made_up_e_lemma`).
_NO_E_AFTER = frozenset(
    [
        "rt",
        "ct",
        "pt",
        "ft",
        "lt",
        "nd",
        "mp",
        "rn",
        "rm",
        "sk",
        "ck",
        "wn",
        "rl",
        "nk",
        "lk",
        "rd",
        "ld",
        "sh",
        "ss",
    ]
)


def made_up_e_lemma(word: str, lemma: str) -> str | None:
    """The lemma of a verb form the model does not know, when its rules gave it a final
    e no English verb has after those two letters; else None.

    >>> made_up_e_lemma("misreported", "misreporte"), made_up_e_lemma("hoped", "hope")
    ('misreport', None)
    >>> made_up_e_lemma("pasted", "paste")
    """
    if len(lemma) <= 4 or not lemma.endswith("e") or lemma[-3:-1] not in _NO_E_AFTER:
        return None
    stem = lemma[:-1]
    return stem if word in (stem + "ed", stem + "ing") else None
