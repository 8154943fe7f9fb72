"""People across an article and its story: a person is named by surname after the first
mention, and the tagger gives one person several entities ("Bettie Page", "Ms Page").
:mod:`analysis.stories` weighs an article's people (its protagonists) with these.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from analysis.canon import overlaps
from analysis.doc_text import tokens_matching
from analysis.entities import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "lord",
        "lady",
        "gen",
        "col",
        "capt",
        "sgt",
        "lt",
        "rev",
        "st",
        "jr",
        "sr",
        "ii",
        "iii",
    ]
)
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def surname(name: str) -> str | None:
    """Who a person's name stands for across an article and its story: the last word of
    the name that is neither a title nor an initial, lower case ("Ms Page", "Bettie
    Page" and "Betty Mae Page" are all Page; "Regina M" is Regina). The tagger gives one
    person several entities; news names people by surname after the first mention."""
    words = [w.lower() for w in _NAME_WORD.findall(name)]
    words = [w for w in words if len(w) > 1 and w not in _TITLES]
    return words[-1] if words else None


def who(
    names: Iterable[tuple[str, str, int] | tuple[str, str, int, int]],
) -> tuple[dict[str, int], frozenset[str]]:
    """An article's ``people`` (surname -> PERSON mentions) and ``names`` (every word of
    every name, any label) from its entities as (label, name, mentions[, entity id])."""
    people: Counter[str] = Counter()
    words: set[str] = set()
    for label, name, n, *_ in names:
        words.update(w.lower() for w in _NAME_WORD.findall(name) if len(w) > 1)
        if label == "PERSON":
            key = surname(name)
            if key:
                people[key] += n
    return dict(people), frozenset(words)


#: Switch: a person's surname the tagger left untagged after it tagged the full name is
#: that person ("New Orleans Saints have placed running back Pierre Thomas on injured
#: reserve" ... "the Saints placed Thomas on injured reserve"): see add_surname_mentions.
UNTAGGED_SURNAMES = True


def add_surname_mentions(doc: Doc, mentions: list[Mention], sentence_of: Any) -> list[Mention]:
    """Mentions of a person's surname the tagger missed: after a full name (two words at
    least, tagged PERSON), every later token written as its last word that the tagger
    read as a name (a proper noun, or a noun in capitals inside a sentence) and that is
    no word of another name ("Isaiah Thomas", "Thomas Jefferson": a proper noun beside
    it) nor of a tagged mention. :func:`analysis.canon.canonicalise` then joins it to the
    full name, as it joins a tagged "Thomas"."""
    if not UNTAGGED_SURNAMES:
        return mentions
    told: dict[str, int] = {}  # surname as written -> where its first full name ends
    for m in mentions:
        words = m.text.split()
        if m.label == "PERSON" and len(words) >= 2:
            last = words[-1]
            if len(last) > 2 and last.isalpha() and last[0].isupper() and not last.isupper():
                told.setdefault(last, m.end)
    if not told:
        return mentions
    starts = [m.start for m in mentions]
    extra: list[Mention] = []
    # the surnames' places in the text first: only those tokens are read (not every one)
    names = re.compile(r"\b(?:" + "|".join(map(re.escape, told)) + r")\b")
    for tok in tokens_matching(doc, names):
        end = told.get(tok.text)
        if end is None or tok.idx < end:
            continue
        if not (tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and not tok.is_sent_start)):
            continue
        if overlaps(mentions, starts, tok.idx, tok.idx + len(tok.text)):
            continue  # a word of a tagged mention
        beside = (doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc))
        if any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in beside):
            continue  # a word of another name
        s = tok.idx
        extra.append(Mention(s, s + len(tok.text), tok.text, "PERSON", sentence_of(s)))
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda m: m.start)


#: Switch: a person named in full is a person wherever the article names them again,
#: whatever the tagger made of it there ("Keiwan Ratliff scored ..." then "Ratliff
#: intercepted a David Garrard pass", "Ratliff" tagged a building: as actors, he and
#: "Darius Butler", who intercepted another pass in another game, were no rivals).
PERSON_EVERYWHERE = True
#: Labels a surname alone is misread as; not a place or a people ("Jordan", "Israel"
#: may be the country in an article that names a Michael Jordan), nor a group: a company
#: may bear its founder's name ("Roger Penske" and "Penske", his company, buying Saturn:
#: a first version moved that report out of GM's bankruptcy story).
_MISREAD_AS = frozenset(["FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"])


def person_labels(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with PERSON for every mention of a full name (two words at least)
    tagged PERSON somewhere in the article, and for its surname alone after it where
    the tagger read a building, product, work or event (see PERSON_EVERYWHERE). A name
    tagged PERSON once and another label elsewhere is left to the label vote of
    :func:`analysis.canon.canonicalise` ("Saturn" tagged a person once and a product
    five times is the product). (A two-word name read as a place whose last word is
    tagged PERSON alone, "Keiwan Ratliff", was tried: dev 77.35 -> 77.18, stories 0.974
    -> 0.969.)"""
    if not PERSON_EVERYWHERE:
        return mentions
    full: dict[str, int] = {}  # full name -> where it is first told
    for m in mentions:
        if m.label == "PERSON" and len(m.text.split()) >= 2:
            full.setdefault(m.text, m.start)
    last: dict[str, int] = {}
    for name, start in full.items():
        word = name.split()[-1]
        if len(word) > 2 and word.isalpha() and word[0].isupper() and not word.isupper():
            last[word] = min(start, last.get(word, start))
    placed = Counter(m.text for m in mentions if m.label in _PLACES) if PLACES_VOTE else Counter()
    people = Counter(m.text for m in mentions if m.label == "PERSON")
    for m in mentions:
        if m.label == "PERSON":
            continue
        if m.label in _PLACES and placed[m.text] >= people[m.text]:
            continue  # "the city of Bandar Abbas" twice, "south-west of Bandar Abbas" a person
        if m.text in full or (m.label in _MISREAD_AS and last.get(m.text, m.start) < m.start):
            m.label = "PERSON"
    return mentions


#: Switch: a full name read as a place at least as often as a person is left to the
#: label vote (see person_labels): "... struck Qeshm island ... and the city of Bandar
#: Abbas", "in the larger city of Bandar Abbas" (ECB+ 20, 20_1ecbplus), the tagger's
#: person once in between, was a person everywhere, so "people fleeing buildings in ...
#: Bandar Abbas" had no place and joined people who fled in Oman.
PLACES_VOTE = True
_PLACES = frozenset(["GPE", "LOC"])
