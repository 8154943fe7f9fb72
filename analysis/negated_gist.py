"""A title never tells the opposite of its sentence: the gist of a mention told as not
done ("two nearly killed", "the jury failed to reach a unanimous decision") that lost
what says so ("Two killed", "Jury reaches a unanimous decision") gives way to its
sentence quoted. :func:`analysis.events.describe` asks it of every gist; its switch is
set here, where it is read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.gist_fallback import OPEN, quote
from analysis.modality import AVOIDING, FAILING, FORGOING_VERBS
from analysis.modality_words import NEARLY, NEGATING_REPORTS
from analysis.nlp import base_forms

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Switch: a mention told as not done whose headline clause lost what says so ("two
#: nearly killed": "Two killed"; "the jury failed to reach a unanimous decision": "Jury
#: reaches a unanimous decision"; ECB+ 16 and 3) is quoted instead: a title never tells
#: the opposite of its sentence.
NEGATION_KEPT = True
_NOT_WORDS = (
    frozenset(
        [
            "not",
            "no",
            "never",
            "none",
            "nobody",
            "nothing",
            "neither",
            "nor",
            "without",
            "unable",
            "yet",
            "whether",
            "if",
            "unless",
            "halt",
            "reject",
            "stop",
            "cancel",
            "bar",
            "spare",
        ]
    )
    | NEARLY
    | NEGATING_REPORTS
    | FAILING
    | AVOIDING
    | FORGOING_VERBS
)


def told_as(told: str, tok: Token, modality: str | None) -> str:
    """``told`` (the mention's gist), or its sentence quoted when the mention is told as
    not done and ``told`` says nothing of it (see NEGATION_KEPT)."""
    if not NEGATION_KEPT or modality != "negated" or not told or told.startswith(OPEN):
        return told
    words = set(re.findall(r"[a-z']+", told.lower()))
    if any(f in _NOT_WORDS for w in words for f in base_forms(w)):
        return told  # ("failed", "denies", "barred": their words' forms)
    if any(w.endswith("n't") for w in words):
        return told
    return quote(tok)
