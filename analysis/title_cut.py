"""A drafted title cut to a headline: the string cut after :mod:`analysis.titles` has
drafted who did what to whom. Without leading punctuation or words that open no sentence,
capitalised, and at most MAX_WORDS words, cut before a preposition or a clause word,
never inside a name ("Museum of Flight") nor before the trigger.

It cuts words, not the parse: a cut it cannot see is unfinished ("Governor of Washington
Chris Gregoire says") is a known limit; the parse's own shortening is :mod:`analysis.gist`.
"""

from __future__ import annotations

import re

from analysis.clauses import DANGLING, PRONOUNS, capital
from analysis.gist_fallback import CLOSE as QUOTE_CLOSE
from analysis.gist_fallback import OPEN as QUOTE_OPEN
from analysis.title_words import (
    _ADVERB,
    _CUTS,
    _ENDLESS,
    _FILLERS,
    _NO_START,
    _NOT_ADVERBS,
    _PUNCT,
    _TRAILING_TIME,
    MAX_WORDS,
    PRENOUN,
)

#: Switch: a title cut after an article or a preposition takes the next word too (not a
#: name's first word), so the cut does not fall back to the verb ("... effort funds the
#: development", not "... effort funds").
FINISH_PHRASE = True


#: Verbs (as a title writes them) whose particle may end a title ("Deal goes through",
#: "Deal falls through").
_PHRASAL = re.compile(r"(?:go|goes|went|gone|fall|falls|fell|come|comes|came|push|pushes|pushed)")


def _phrasal_end(words: list[str]) -> bool:
    """Do ``words`` end on a particle of the verb before it ("goes through")?"""
    return words[-1].lower() == "through" and bool(_PHRASAL.fullmatch(words[-2].lower()))


def headline(text: str, keep: str | None = None) -> str:
    """A drafted title as a headline: without leading punctuation or words that open
    no sentence ("- particularly given ..."), capitalised, and cut to MAX_WORDS words
    before a preposition or a clause word ("Three Democrats vote with thirty-one
    Republicans [against it]"), never inside a name nor before the word ``keep`` (the
    trigger: "Massive earthquake and tsunami hit the country", not "Massive earthquake")."""
    if text.startswith(QUOTE_OPEN) or text.endswith(QUOTE_CLOSE):
        return text  # the text's own words, already cut (analysis.gist_fallback.quote)
    words = text.split()
    while len(words) > 1 and (not words[0][:1].isalnum() or words[0].lower() in _NO_START):
        bare = words[0].lstrip(_PUNCT)  # "'Hamas" -> "Hamas"; "$82" stays
        if bare == words[0] and words[0][:1] in "$£€#@":
            break
        if bare and bare[:1].isalnum() and bare.lower() not in _NO_START:
            words[0] = bare
            break
        words.pop(0)
    text = _TRAILING_TIME.sub("", " ".join(words))  # "... attacks [earlier this month]"
    words = text.split() if len(text.split()) > 2 else words
    while len(words) > 2 and words[-1].lower() in DANGLING | _CUTS | _NO_START | _ENDLESS:
        if _phrasal_end(words):
            break  # "Deal goes through": a particle, not a preposition left alone
        words.pop()  # "We release all of our software [under]"
    if len(words) > 4 and words[-2].lower() in _CUTS and words[-1].lower() in PRONOUNS:
        words = words[:-2]  # "... vote with thirty-one Republicans [against it]"
    if len(words) > MAX_WORDS:
        # "Starry Lee and Holden Chow were [successfully] elected": adverbs go first.
        words = [
            w
            for w in words
            if w not in _FILLERS and (not _ADVERB.fullmatch(w) or w in _NOT_ADVERBS)
        ]
    if len(words) > MAX_WORDS:
        stem = (keep or "").lower()[:4]
        told = min(
            (k for k, w in enumerate(words) if stem and w.lower().startswith(stem)), default=0
        )
        cuts = [
            j
            for j in range(max(3, told + 1), MAX_WORDS + 1)
            if words[j] in _CUTS
            and not (
                words[j - 1][:1].isupper()
                and words[j + 1 : j + 2]
                and words[j + 1][:1].isupper()
                and words[j] in ("of", "and")
            )
        ]
        if cuts:
            words = words[: cuts[-1]]
        elif len(words) > MAX_WORDS + 2:
            j = max(MAX_WORDS, told + 1)
            while (
                j < len(words)
                and j < MAX_WORDS + 3
                and words[j][:1].isupper()
                and words[j - 1][:1].isupper()
            ):
                j += 1  # "... the United [States]": a name is not cut
            while j > told + 1 and j < len(words) and _inside_name(words, j):
                j -= 1  # a name too long to finish is left out whole
            while (
                FINISH_PHRASE
                and j < min(len(words), MAX_WORDS + 3)
                and words[j - 1].lower() in DANGLING | (PRENOUN if PRENOUN_FINISHED else set())
                and not words[j][:1].isupper()  # a name is not begun ("the United")
            ):
                j += 1  # "... effort funds the [development]": not "... effort funds"
            words = words[:j]
        while len(words) > 2 and words[-1].lower() in DANGLING | _CUTS:
            words.pop()
        if words and words[-1][-1:] in ",;:-–—":
            words[-1] = words[-1].rstrip(",;:-–—")
    return capital(" ".join(words))


#: Switch: ... and after a word that stands before a noun (PRENOUN): "Israeli airstrikes
#: and ground operations displace the entire [population]" (the Al-Ahram Weekly sample).
PRENOUN_FINISHED = True


#: Switch: a name with "of" or "and" inside ("Museum of Flight", "Bank of America") is
#: one name to the cut: not "... says Museum".
NAMES_WITH_OF = True


def _inside_name(words: list[str], j: int) -> bool:
    """Would cutting before ``words[j]`` fall inside a name ("the United | States",
    "Museum of | Flight", "Museum | of Flight")?"""
    if words[j][:1].isupper() and words[j - 1][:1].isupper():
        return True
    if not NAMES_WITH_OF:
        return False
    joins = ("of", "and")
    if words[j][:1].isupper() and j >= 2 and words[j - 1] in joins:
        return words[j - 2][:1].isupper()  # "Museum of | Flight"
    if words[j] in joins and j + 1 < len(words):
        return words[j - 1][:1].isupper() and words[j + 1][:1].isupper()  # "Museum | of"
    return False
