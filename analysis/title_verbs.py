"""The verb and the noun a title tells a happening by: the trigger's own verb (with its
particle), or the verb a noun of it comes from ("sale" -> "sell"), else its type's; the
trigger's noun, or its verb's ("visited": "Visit"), else its type's.
:func:`analysis.titles.title` asks them.
"""

from __future__ import annotations

from analysis.linking import base_lemma
from analysis.title_words import (
    _NOUN_OF_TYPE,
    _PARTICLE,
    _VERB_OF_TYPE,
    NOUN_OF_VERB,
    NOUNS_AS_VERBS,
    VERB_AS_NOUN,
)


def verb_for(etype: str | None, lemma: str | None, *, lemma_is_verb: bool) -> str | None:
    """The verb (with its particle) a title uses: the trigger's own when it is a verb or a
    noun derived from one ("sale" -> "sell"), else the type's ("attack" for a noun
    "strike"); None when only a noun fits ("war", "statement")."""
    if lemma and lemma_is_verb:
        particle = _PARTICLE.get(lemma)
        return f"{lemma} {particle}" if particle else lemma
    base = base_lemma(lemma) if lemma else None
    if base and lemma and base != lemma and lemma not in ("dead", "death"):
        particle = _PARTICLE.get(base)
        return f"{base} {particle}" if particle else base
    return _VERB_OF_TYPE.get(etype or "other")


def noun_for(etype: str | None, lemma: str | None, *, lemma_is_verb: bool) -> str:
    """The trigger's noun, or a verb's of its type ("visited": "Visit"), else the type's."""
    kind = NOUNS_AS_VERBS.get(etype or "other", frozenset())
    if lemma and (not lemma_is_verb or (VERB_AS_NOUN and lemma in kind)):
        return "Talks" if lemma == "talk" else lemma.capitalize()
    if lemma and lemma in NOUN_OF_VERB:
        return NOUN_OF_VERB[lemma]
    return _NOUN_OF_TYPE.get(etype or "other", "Event")
