"""A people's adjective in a title ("Chinese", "Yemeni"): as a target it keeps the noun it
qualifies ("Trump tariff on Chinese goods"); on a thing done to, whose noun the text's
clause keeps ("two Yemeni fishing boats"), it leaves the title to that clause (the switch
is analysis.titles.PEOPLES_THING_TOLD). :mod:`analysis.titles` asks them.
"""

from __future__ import annotations

import re

from analysis.clauses import DANGLING, PREPOSITIONS
from analysis.title_words import _CUTS, _NO_START
from analysis.verb_agreement import peoples_word

#: Switch: a people's adjective as target keeps the noun it qualifies ("tariffs on
#: Chinese goods": "Trump tariff on Chinese goods", not "... on Chinese").
DEMONYM_WITH_NOUN = True
_NOUN_AFTER = r"\s+([a-z][a-z-]+)\b"


def adjective_kept(name: str, text: str, told: str) -> bool:
    """Is ``name`` (a people's) written in ``text`` as an adjective before nouns in small
    letters whose last ("Yemeni fishing [boats]") the clause ``told`` keeps ("Somali
    pirates capture two boats")? A clause that drops it ("Hamas fighters launch a
    large-scale attack" for "on Israeli military bases") says less than the sides."""
    if not (_CAPITALISED_WORD.fullmatch(name) and peoples_word(name)):
        return False  # a name the tagger took for a people ("Ibanez if they lost out")
    found = re.search(rf"\b{re.escape(name)}((?:\s+[a-z][a-z-]+)+)", text)
    if found is None:
        return False
    run = []
    for word in found.group(1).split():
        if word in _RUN_ENDS:
            break
        run.append(word)
    return bool(run) and run[-1] in told.lower().split()


#: Words that end a people's adjective's run of nouns ("Yemeni fishing boats [and] 22").
_RUN_ENDS = PREPOSITIONS | {"and", "or", "but", "to", "who", "which", "that", "as", "than"}


_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+")


def with_its_noun(target: str, label: str | None, text: str) -> str:
    """``target`` with the word after it in ``text`` when it is a people's adjective
    (NORP, written as one word that is no plural: "Chinese", "Palestinian") before a
    noun in small letters ("Chinese goods")."""
    if not DEMONYM_WITH_NOUN or label != "NORP" or " " in target or target.endswith("s"):
        return target
    found = re.search(rf"\b{re.escape(target)}{_NOUN_AFTER}", text)
    if found is None or found.group(1) in DANGLING | _CUTS | _NO_START:
        return target
    return f"{target} {found.group(1)}"
