"""Verb agreement without the parse: whether a participant or a subject phrase takes a
plural verb ("Houthi rebels attack", "General Motors files", "the Saints have placed"), a
people's demonym as its group ("Houthi" -> "Houthis"), and the trigger verb retold in a
headline's present tense after its subject ("Houthi rebels attacked" -> "Houthi rebels
attack"). Pure functions; :mod:`analysis.clauses` reads the clause around a word, these
make its verb agree.
"""

from __future__ import annotations

import re

from analysis.clauses import AUXILIARIES, DANGLING, PREPOSITIONS, PRONOUNS, word_set

# ------------------------------------------------------------------ agreement

_IRREGULAR_3SG = {"be": "is", "have": "has", "do": "does", "go": "goes"}
#: Last words of names that are groups of people ("Houthi rebels attack").
_GROUP_WORDS = word_set(
    "rebels forces militants protesters protestors demonstrators troops fighters "
    "police authorities officials workers residents people soldiers militias "
    "insurgents guerrillas gunmen settlers allies leaders talks students voters "
    "members brigades guards battalions"
)
#: Names that end in "s" and are one thing.
_NOT_PLURAL = word_set(
    "reuters sears news times jobs states nations emirates philippines netherlands bahamas "
    "commons airways airlines industries holdings brothers archives"
)
_PLURAL_NAME = re.compile(r"[A-Z]\w*(?:i|an|ite|ist|er|ee|at|ot|im)s$")
_DEMONYM = re.compile(r"(?:i|an|ite|ist|im)$")
#: Switch: a name tagged as a people (NORP) that the sentence writes without "the" and
#: that has no plural or demonym ending ("Houthis", "Chinese", "British", "French") is one
#: person or body the tagger misread: "Klitschko led the crowd of 22,000 in signing" (ECB+
#: 7) was titled "Klitschko sign Happy Birthday".
NORP_ALONE_IS_ONE = True
#: Endings of a people's word that is no demonym in -i/-an ("Chinese", "British", "French").
_PEOPLES_OTHER_END = re.compile(r"(?:ese|ish|ch)$", re.IGNORECASE)


def peoples_word(word: str) -> bool:
    """Is ``word`` shaped as a people's name or adjective ("Yemeni", "Palestinian",
    "Chinese", "British", "French")?"""
    return bool(_DEMONYM.search(word) or _PEOPLES_OTHER_END.search(word))


def _with_the(name: str, sentence: str) -> bool:
    """Does ``sentence`` write ``name`` after "the" ("the Houthis")?"""
    return re.search(rf"\b[Tt]he {re.escape(name)}\b", sentence) is not None


def third_person(verb: str) -> str:
    """attack -> attacks, seize -> seizes, carry -> carries, go -> goes."""
    if verb in _IRREGULAR_3SG:
        return _IRREGULAR_3SG[verb]
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def is_plural(name: str, label: str | None = None, *, sentence: str = "") -> bool:
    """Does a participant take a plural verb? NORP groups ("Houthis", "Chinese"), groups
    of people ("Houthi rebels", "protesters"), demonym plurals ("Palestinians"), "X and Y".
    Countries, companies and people are singular ("United States", "Hamas", "Jobs").

    A name the tagger took for a person is a group when the sentence writes it with an
    article ("the Houthis"): people's names take none."""
    if label != "ORG" and (" and " in name or " & " in name):
        return True
    if label in ("GPE", "LOC", "FAC"):
        return False
    words = name.split()
    if label == "NORP":
        # ... unless the tagger took one name for a people: "Klitschko led the crowd"
        # (a boxer), written with no "the" and no plural or demonym ending
        return not (
            NORP_ALONE_IS_ONE
            and sentence
            and words
            and not words[-1].lower().endswith("s")
            and not peoples_word(words[-1])  # a people's singular ("Somali", "Indian")
            and not _with_the(name, sentence)
        )
    if not words:
        return False
    last = words[-1]
    if last.lower() in _NOT_PLURAL:
        return False
    if label == "PERSON":
        written = bool(sentence) and _with_the(name, sentence)
        return written and bool(_PLURAL_NAME.fullmatch(last))
    return last.lower() in _GROUP_WORDS or bool(_PLURAL_NAME.fullmatch(last))


def team(name: str, sentence: str) -> bool:
    """Is an organisation's name that ends in a plural written with "the" in the
    sentence ("the Saints placed Thomas", "The New Orleans Saints have placed"): a team or
    a band, which takes a plural verb. A company's name takes no article ("General Motors
    files"); every word capitalised ("Ministry of Foreign Affairs" is one ministry). The
    caller checks the tagger's plural tag ("the Dow Jones" is one index)."""
    words = name.split()
    if not words or words[-1].lower() in _NOT_PLURAL:
        return False
    last = words[-1]
    if not all(w[:1].isupper() for w in words) or len(last) < 4 or not last.isalpha():
        return False
    if not last.endswith("s") or last.endswith(("ss", "us", "is")):
        return False
    # (a seeding or ranking may stand between: "the top-seeded Bluejays defeated Drake")
    ranked = r"(?:[a-z]+-(?:seeded|ranked) )?"
    return bool(re.search(rf"\b[Tt]he {ranked}(?:[A-Z][\w.'’-]* )*{re.escape(last)}\b", sentence))


def subject_is_plural(subject: str) -> bool:
    """A guess for a subject phrase of the text ("Houthi rebels", "The talks", "Israel
    and Iran"): plural when it joins two with "and" or its head word is a plural noun."""
    words = subject.split()
    if not words:
        return False
    last = words[-1].lower()
    if len(words) > 1 and words[-1][:1].isupper() and words[-2][:1].isupper():
        return is_plural(subject)  # a name: "General Motors" is one company
    if " and " in subject or last in _GROUP_WORDS or last in ("men", "people", "police"):
        return True
    if last in _NOT_PLURAL or last.endswith(("ss", "us")):
        return False
    # "the Houthis" (a group), "Paris" (a city)
    return last.endswith("s") and (
        not last.endswith("is") or [w.lower() for w in words[-2:-1]] == ["the"]
    )


def group_name(name: str, label: str | None = None) -> str:
    """A NORP demonym as the group it names: "Houthi" -> "Houthis", "Israeli" ->
    "Israelis" (its verb is plural); other names unchanged."""
    if label == "NORP" and " " not in name and _DEMONYM.search(name):
        return name + "s"
    return name


def agree(verb: str, plural: bool) -> str:
    """The verb phrase for a subject: "attack" / "attacks", "protest against" / "protests
    against" (the first word agrees)."""
    head, _, rest = verb.partition(" ")
    head = head if plural else third_person(head)
    return f"{head} {rest}" if rest else head


def retold(before: str, word: str, after: str, lemma: str | None) -> str:
    """The trigger verb in a headline's present tense when the words before it are its
    subject ("Houthi rebels attacked" -> "Houthi rebels attack"); as written otherwise
    (after an auxiliary, a preposition or a pronoun, or a passive "attacked by")."""
    if not (before and lemma and " " not in word):
        return word
    low = word.lower()
    past = low.endswith("ed") or (low != lemma and not low.endswith(("s", "ing")))
    last = before.split()[-1].lower()
    if (
        not past
        or set(w.lower() for w in before.split()[-2:]) & AUXILIARIES
        or last in DANGLING | PRONOUNS | PREPOSITIONS
        or after.lower().startswith("by ")
    ):
        return word
    return agree(lemma.lower(), subject_is_plural(before))
