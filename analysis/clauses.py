"""A sentence read without its parse: the clause around a word (its verb made to agree by
:mod:`analysis.verb_agreement`).

Why without the parse: a linked event's title is rebuilt whenever a mention joins it, in
the linking step, long after spaCy has gone; the store keeps the sentence's text and the
trigger's offsets, not its tree. News sentences are mostly subject, verb, object, so a
few word lists recover a headline-like clause ("Houthi rebels attacked the Magic Seas in
the Red Sea on Sunday" -> "Houthi rebels attack the Magic Seas"). Pure functions.
"""

from __future__ import annotations

import itertools
import re

from analysis.terms import WEEKDAY_NAMES


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list, as a set (how the word lists here are
    written)."""
    return frozenset(words.split())


# ------------------------------------------------------------------ the clause

_QUOTES = frozenset("'\"“”‘’`")
_TOKEN = re.compile(r"\w+(?:[’'.,\-]\w+)*|[^\w\s]")
#: Punctuation that ends a clause (a title never crosses it).
_BOUNDARY = frozenset(',;:()[]"“”‘—–?!-')
#: Words that open another clause: the title stops before them.
_CLAUSE_WORDS = word_set(
    "that which who whom whose when while whereas because after before since "
    "although though if unless as said says say told according"
)
_AMOUNTS = word_set("million billion trillion")
_PARTS_OF_DAY = word_set("morning afternoon evening night")
#: Words a title does not end on (or, for the first group, begin with).
OPENERS = word_set("and but or so then also yet")
DANGLING = word_set(
    "the a an of to in on at for with by from and or but its their his her our this "
    "that these those as into over about than between"
)
#: Words of a time expression a title does not end on ("in a strike last [year]").
_TIME_WORDS = word_set("last next early late this each every")
#: Days a title does not tell (the reader shows the date beside it): "announced plans
#: Friday" -> "announces plans".
_DAYS = word_set("today yesterday tonight tomorrow") | frozenset(WEEKDAY_NAMES)
PRONOUNS = word_set("it they he she we i you them this that there")
#: Words that mark the trigger as a noun ("the talks", "its attack").
_DETERMINERS = word_set("the a an its their his her our this that these those any no each every")
#: Words after which a bare form is a verb ("to support", "will meet").
_INFINITIVE = word_set("to will would can could may might must should shall did does do not")
#: Endings of nouns that are never verbs ("death and destruction").
_NOUN_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ure", "ity", "ness", "age", "ery")
#: Words that end a subject: after them the verb is not re-told ("was attacked").
AUXILIARIES = word_set("is are was were be been being has have had will would can could may")
#: Prepositions that introduce what a verb acts on ("fired at", "agreed to").
_OBJECT_PREPS = word_set("to at on with against for from")
BE = word_set("is are was were be been being")
PREPOSITIONS = word_set("by after before while in on for with without from of at since upon")
#: Words before and after the trigger a clause keeps, at most.
LEFT_WORDS = 6
RIGHT_WORDS = 5


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def trigger_is_verb(sentence: str, start: int, end: int, lemma: str | None) -> bool:
    """Is the trigger at ``sentence[start:end]`` used as a verb? A guess without the parse:
    a word after a determiner is a noun ("the bombing"); "-ed" and "-ing" forms and
    irregular pasts ("struck") are verbs; a bare or "-s" form is taken as a noun."""
    word = sentence[start:end].lower()
    before = [t for _, _, t in _tokens(sentence[max(0, start - 40) : start])]
    if before and (before[-1].lower() in _DETERMINERS or before[-1] in ("'s", "’s", "'", "’")):
        return False
    if word.endswith(("ed", "ing")):
        return True
    if before and before[-1].lower() in _INFINITIVE:
        return True  # "sought to support", "will meet"
    if before and before[-1].lower() in ("and", "or") and word == (lemma or "").lower():
        return not word.endswith(_NOUN_ENDINGS)  # "cut pay and sell Saab"
    lemma = (lemma or "").lower()
    return bool(lemma) and word != lemma and not word.endswith("s")


_NOT_IN_A_NOUN_PHRASE = word_set(
    "is are was were be been being has have had will would can could may might must should "
    "to and or who which that not did does do of in on at for with by from about into over after"
)
_POINTER = re.compile(
    r"\b(?:the|this|that|these|those|its|his|her|their|our)\b|['’]s?(?=\s)", re.IGNORECASE
)


def definite(sentence: str, start: int, end: int, lemma: str | None) -> bool:
    """Is the trigger at ``sentence[start:end]`` a noun the text points back with ("the
    attack", "the July 10 meeting", "Monday's announcement"), not a verb nor a noun told
    anew ("a similarly fresh Reuters poll")? A guess without the parse: the nearest
    determiner or possessive before it, at most three words of a noun phrase between."""
    before = sentence[max(0, start - 60) : start]
    pointers = list(_POINTER.finditer(before))
    if not pointers:
        return False
    between = before[pointers[-1].end() :].split()
    if len(between) > 3 or any(
        w.lower() in _NOT_IN_A_NOUN_PHRASE or not w[:1].isalnum() for w in between
    ):
        return False  # "the company has been [meeting]", "the setup of [visiting]"
    if any(c in ",;:()" for c in before[pointers[-1].end() :]):
        return False
    word = sentence[start:end].lower()
    if word.endswith("ed"):
        return False
    return word.endswith("ing") or not trigger_is_verb(sentence, start, end, lemma)


def _words(tokens: list[tuple[int, int, str]]) -> str:
    """Tokens back to text, spaced as written."""
    tokens = [t for t in tokens if t[2] not in _QUOTES]
    if not tokens:
        return ""
    out = tokens[0][2]
    for (_, prev_end, _), (start, _, tok) in itertools.pairwise(tokens):
        out += (" " if start > prev_end else "") + tok
    return out


def clause(sentence: str, start: int, end: int, *, noun: bool = False) -> tuple[str, str, str]:
    """(words before, trigger, words after) of the clause around ``sentence[start:end]``,
    trimmed at punctuation, at the words that open another clause, and to
    LEFT_WORDS / RIGHT_WORDS words each side; after the trigger, at a preposition once
    its object is told ("attacked the embassy in Kabul"); before a ``noun`` trigger, at
    the edge of its noun phrase ("with 50,818 votes")."""
    toks = _tokens(sentence)
    at = [k for k, (s, e, _) in enumerate(toks) if s < end and e > start]
    if not at:
        return "", sentence[start:end], ""
    first, last = at[0], at[-1]
    left: list[tuple[int, int, str]] = []
    gerund = toks[first][2].lower().endswith("ing")
    dated = False
    for tok in reversed(toks[:first]):
        if gerund and not left and tok[2].lower() in PREPOSITIONS | {"to"}:
            break  # "... by firing rockets": the clause starts at the trigger
        word = tok[2]
        if word in _BOUNDARY or word.lower() in _CLAUSE_WORDS or len(left) >= LEFT_WORDS:
            break
        if word.lower() in ("and", "but", "or") and left and left[0][2].lower() in PRONOUNS:
            break  # "... very fast and they meet": the clause starts at its pronoun
        if word.lower() in _DAYS or (word.lower() == "on" and dated):
            dated = word.lower() in _DAYS
            continue  # "Boeing on Tuesday delivered": the date is shown apart
        dated = False
        if noun and word.lower() in PREPOSITIONS | AUXILIARIES | {"to"}:
            if left:
                break
            noun = False  # "filed for bankruptcy", "the reasons for war": read on
        left.insert(0, tok)
    k = toks.index(left[0]) if left else first  # the clause's first token
    while left and k > 0 and len(left) < LEFT_WORDS + 3 and left[0][2][:1].isupper():
        if not toks[k - 1][2][:1].isupper() or toks[k - 1][2] in _BOUNDARY:
            break
        k -= 1
        left.insert(0, toks[k])  # "[United] States automobile firm ...": a name is not cut
    while left and left[0][2].lower() in OPENERS | DANGLING - _DETERMINERS:
        if len(left) > 1 and left[1][2].lower() in ("least", "most", "about"):
            break  # "at least 76 people"
        left.pop(0)
    right: list[tuple[int, int, str]] = []
    for k, tok in enumerate(toks[last + 1 :], last + 1):
        word = tok[2]
        if word.lower() in _PARTS_OF_DAY and toks[k - 1][2].lower() in _DAYS:
            continue  # "on Sunday [night]"
        if word in _BOUNDARY or word == "." or word.lower() in _CLAUSE_WORDS:
            break
        if word.lower() in _DAYS:
            if right and right[-1][2].lower() in ("on", "last", "this", "next", "early", "late"):
                right.pop()
            continue  # "delivered today to Singapore Airlines": the date is shown apart
        amount = bool(right) and (right[-1][2] in "$£€" or right[-1][2][:1].isdigit())
        if amount and (word[:1].isdigit() or word.lower() in _AMOUNTS) and len(right) < 9:
            right.append(tok)  # "US$6 billion": an amount is not cut
            continue
        in_name = bool(right) and right[-1][2][:1].isupper() and word[:1].isupper()
        full = len(right) >= RIGHT_WORDS and not (in_name and len(right) < RIGHT_WORDS + 3)
        if full or (len(right) >= 2 and word.lower() in PREPOSITIONS):
            break  # (a name is not cut: "the United States")
        right.append(tok)
    while right and right[-1][2].lower() in DANGLING | OPENERS | AUXILIARIES | _TIME_WORDS:
        right.pop()
    return _words(left), _words(toks[first : last + 1]), _words(right)


#: Words inside a name ("Bank of America", "Procter & Gamble").
_NAME_JOINERS = word_set("of & de du von van al")


def subject_head(before: str) -> str:
    """The head of a subject phrase that ends in a name: "United States automobile firm
    General Motors" -> "General Motors" (its modifiers are not who acts). A phrase of
    names only ("Apple CEO Steve Jobs", "Israel and Iran") or a common noun ("Houthi
    rebels") is kept whole."""
    words = before.split()
    k = len(words)
    while k > 0 and (
        words[k - 1][:1].isupper()
        or (words[k - 1] in _NAME_JOINERS and k > 1 and words[k - 2][:1].isupper())
    ):
        k -= 1
    if k == len(words) or k == 0:
        return before
    head, mods = words[k:], words[:k]
    if mods[-1].lower() in PREPOSITIONS | {"and", "&", "to"} or head[0].lower() in _DAYS:
        return before  # "Israel and Iran", "2 million copies of Tiger", "... on Tuesday"
    if all(w.lower() in _DETERMINERS or w[:1].isupper() or w[:1].isdigit() for w in mods):
        return before  # "The European Commission"
    return " ".join(head)


def capital(text: str) -> str:
    """The text with a capital first letter, unless its first word is a name written
    with a small one ("iPhone", "eBay")."""
    first = text.split(" ", 1)[0].split("-", 1)[0]  # ("intra-Afghan" is no name)
    if any(c.isupper() for c in first[1:]):
        return text
    return text[:1].upper() + text[1:]


def object_after(after: str) -> str:
    """The object a title keeps from the words after a verb: up to the next preposition
    ("fired rockets at Israel" -> "rockets", "agreed to a ceasefire in Doha" -> "to a
    ceasefire"); nothing for a pronoun."""
    kept: list[str] = []
    for word in after.split():
        low = word.lower()
        if kept and low in PREPOSITIONS | OPENERS | {"to"} and len(kept) > 1:
            break
        kept.append(word)
    while kept and kept[-1].lower() in DANGLING:
        kept.pop()
    if not kept or kept[-1].lower() in PRONOUNS:
        return ""
    first = kept[0].lower()
    if first in PRONOUNS or (first in PREPOSITIONS and first not in _OBJECT_PREPS):
        return ""
    return " ".join(kept)


def word_before(sentence: str, start: int) -> str:
    """The word (or punctuation) just before offset ``start``, lowercased ("" at the start)."""
    toks = _tokens(sentence[max(0, start - 40) : start])
    return toks[-1][2].lower() if toks else ""
