"""Canonical entities: which mentions of an article name the same thing, and the ``key``
that makes the same thing one row across the store.

Within an article (union-find over its mentions):

* the same name in the same family joins ("Hezbollah" ... "Hezbollah"); families are
  ``person`` (PERSON), ``group`` (ORG, NORP: the model calls "Houthi" ORG and "Houthis"
  NORP), ``place`` (GPE, LOC, FAC) and each other label on its own; the same name under
  different families joins when one label has a strict majority (the model is not
  consistent within an article: "Ryanair" PERSON once, ORG twice);
* a plural group name joins its singular ("Houthis", "Houthi");
* every name of one country joins ("US", "U.S.", "the United States", "America"; see
  :mod:`analysis.gazetteer`);
* an acronym defined in the text joins its expansion ("the Kurdish Regional Government
  (KRG)"): the letters in the brackets must be drawn, in order, from the initials of the
  name before them; an acronym never defined joins a name of the article whose initials
  it spells exactly ("EU" ... "European Union");
* a short form of a person's name joins the full name ("Aziz Ahmad" ... "Ahmad"), even
  when the model labelled the short form ORG ("Knights said"); when two full names share
  the short form ("Tariq Saleh", "Ali Abdullah Saleh" ... "Saleh") it joins the nearest
  full name before it, the way a reporter uses it.

Each group takes its most common label (full names count double) and its fullest name.

Across the store, ``key`` = family + ":" + the folded canonical name ("place:united
states", "person:aziz ahmad", "group:houthi"). Full names and defined acronyms therefore
meet in one row with the union of their aliases. A short form the article never resolved
(a bare "Saleh", an undefined "KRG") keeps its own key ("person:saleh"): it is never
folded into a full name from another article, because the store may hold two people
with that surname; the reader sees it as its own entity with its aliases.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from analysis.doc_entities import DocEntities
from analysis.entities import Mention
from analysis.entity_words import NAME_LABELS, PERSON_TITLES
from analysis.gazetteer import country, fold

FAMILIES = {
    "PERSON": "person",
    "ORG": "group",
    "NORP": "group",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
#: When labels tie inside one entity, the first of these wins.
LABEL_PRIORITY = (
    "PERSON",
    "ORG",
    "GPE",
    "NORP",
    "LOC",
    "FAC",
    "EVENT",
    "PRODUCT",
    "LAW",
    "WORK_OF_ART",
    "LANGUAGE",
)
_SKIP_INITIALS = frozenset(
    {"of", "and", "the", "for", "&", "de", "du", "des", "la", "le", "in", "on", "at"}
)


def family(label: str) -> str:
    return FAMILIES.get(label, label.lower())


def singular(word: str) -> str:
    """ "houthis" -> "houthi", "kurds" -> "kurd"; leaves "swiss", "hamas", "laos" be."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "as", "os")):
        return word[:-1]
    return word


def key_form(name: str, label: str) -> str:
    form = fold(name)
    if label == "NORP" or (label == "ORG" and " " not in form):
        form = singular(form)
    return form


def initials(words: Sequence[str]) -> str:
    return "".join(
        w[0] for w in words if w and w.casefold() not in _SKIP_INITIALS and w[0].isalnum()
    ).upper()


def untitled(name: str) -> str | None:
    """The surname of a name written as titles and a surname ("Ms McMeekin", "Deputy
    Ortiz", "Det. Sgt. Smith" -> "Smith"); None for any other name."""
    words = name.split()
    if len(words) < 2 or not all(w.lower().rstrip(".") in PERSON_TITLES for w in words[:-1]):
        return None
    return words[-1]


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")


def _acronym(text: str) -> str | None:
    compact = text.replace(".", "")
    return compact if _ACRONYM.match(compact) else None


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def overlaps(mentions: Sequence[Mention], starts: list[int], start: int, end: int) -> bool:
    """Does [start, end) overlap one of ``mentions`` (sorted by start; ``starts`` their
    starts)?"""
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and mentions[i].end > start:
        return True
    return i + 1 < len(mentions) and mentions[i + 1].start < end


def add_acronym_mentions(text: str, mentions: list[Mention], sentence_of: Any) -> list[Mention]:
    """Mentions of acronyms the text defines ("Yemeni National Resistance Forces (NRF)")
    where the model missed them: every later standalone use of the acronym."""
    found: dict[str, str] = {}
    for m in mentions:
        if m.label not in NAME_LABELS or " " not in m.text:
            continue
        after = re.match(r"\s*\(([^()\s]{2,9})\)", text[m.end : m.end + 14])
        if after:
            acr = _acronym(after.group(1))
            if acr and _is_subsequence(acr, initials(m.text.split())):
                found.setdefault(after.group(1), m.label)
    if not found:
        return mentions
    starts = [m.start for m in mentions]
    extra: list[Mention] = []
    for acr, label in found.items():
        for hit in re.finditer(rf"(?<![\w.]){re.escape(acr)}(?![\w])", text):
            s, e = hit.span()
            if not overlaps(mentions, starts, s, e):
                extra.append(Mention(s, e, acr, label, sentence_of(s)))
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda m: m.start)


#: A switch: the label vote compares the strings as written (see :func:`canonicalise`).
SAME_STRING = True


#: Switch: a bare surname is the person the article has named by it far more often so
#: far, not a relative named since: after "The Rev. Louis Gigante, ... characterized the
#: investigations of his older brother as persecution", "Mr. Gigante" is still Vincent,
#: named a dozen times before. Of two named about as often, the nearer (see _salient).
SALIENT_SURNAME = True
#: ... "far more often": this many times the mentions of the nearest.
SALIENCE_RATIO = 3


#: A bare surname first told before any full name (a headline's "Gigante dies") is the
#: first full name with it only within this many characters of it (the lede). One 7,000
#: characters on ("Relatives, led by Rev. Louis Gigante") is a relative of the one the
#: article is about, whose full name the model did not tag. 0: any distance.
LATER_FULL_NAME_CHARS = 1000


#: Switch: a surname under a title is a short form (see :func:`canonicalise`).
TITLED_SURNAMES = True


#: Switch: a person's first name alone, after the one full name it begins, is that
#: person ("Young Frederick worked in the oil field", after "Frederick C. LaRue").
FIRST_NAMES = True


def _first_name(
    full: list[tuple[int, str, str]], full_idx: list[int], word: str, start: int, i: int, uf: _Union
) -> None:
    """Join the bare name ``word`` (mention ``i`` at ``start``) to the full name told before
    it that begins with it, when the article gives one person that first name."""
    people = {full[n][1:] for n in range(len(full)) if full[n][1] == word}
    before = [n for n in range(len(full)) if full[n][1] == word and full[n][0] < start]
    if len(people) == 1 and before:
        uf.join(full_idx[before[0]], i)


def _salient(
    full: list[tuple[int, str, str]], before: list[int], shorts: Counter[tuple[str, str]]
) -> int:
    """Of the full names ``before`` a bare surname (indexes into ``full``, in text order),
    the one it stands for: the nearest, unless another person was named far more often."""
    told: Counter[tuple[str, str]] = Counter(full[n][1:] for n in before)
    for form in told:
        told[form] += shorts[form]
    nearest = before[-1]
    best, count = told.most_common(1)[0]
    if best != full[nearest][1:] and count >= SALIENCE_RATIO * told[full[nearest][1:]]:
        return next(n for n in reversed(before) if full[n][1:] == best)
    return nearest


def canonicalise(text: str, mentions: list[Mention]) -> DocEntities:
    """Group an article's mentions into entities (see the module docstring); relabels a
    mention to its entity's label."""
    idx = [i for i, m in enumerate(mentions) if m.label in NAME_LABELS]
    uf = _Union(len(mentions))
    forms: dict[int, str] = {}
    by_form: dict[tuple[str, str], int] = {}
    for i in idx:
        m = mentions[i]
        fam = family(m.label)
        # A country, whatever the model called it ("pro-US" gives "US" as NORP).
        c = country(m.text, codes=m.label != "ORG") if fam in ("place", "group") else None
        form = f"country:{c.code}" if c else key_form(m.text, m.label)
        forms[i] = form
        k = (fam if not c else "place", form)
        if k in by_form:
            uf.join(by_form[k], i)
        else:
            by_form[k] = i
        if fam == "group":  # "Houthis" (NORP) joins "Houthi" (ORG)
            other = ("group", singular(form))
            if other in by_form and other != k:
                uf.join(by_form[other], i)

    # One name, one label: the model often tags the same string differently within one
    # article ("Ryanair" PERSON once, ORG twice); a strict majority decides. Mentions
    # vote together when their keys' forms are one ("A330" and "A330s") and, too, when
    # they are written alike: a group's form is singular, so "Cheeks" tagged ORG
    # ("cheek") never met "Cheeks" tagged PERSON ten times.
    by_text: dict[tuple[bool, str], list[int]] = {}
    for i in idx:
        by_text.setdefault((False, forms[i]), []).append(i)
        if SAME_STRING:
            by_text.setdefault((True, fold(mentions[i].text)), []).append(i)
    for members in by_text.values():
        label_counts = Counter(mentions[i].label for i in members)
        if len(label_counts) < 2:
            continue
        (top, n), (_, second) = label_counts.most_common(2)
        if n > second:
            anchor = next(i for i in members if mentions[i].label == top)
            for i in members:
                uf.join(anchor, i)

    # Acronyms defined in brackets right after a name, then undefined ones by initials.
    acr_index: dict[str, int] = {}
    for i in idx:
        m = mentions[i]
        acr = _acronym(m.text)
        if acr and len(acr) >= 2:
            acr_index.setdefault(acr, i)
    for i in idx:
        m = mentions[i]
        words = m.text.split()
        if len(words) < 2:
            continue
        after = re.match(r"\s*\(([^()\s]{2,9})\)", text[m.end : m.end + 14])
        if after:
            acr = _acronym(after.group(1))
            if acr and acr in acr_index and _is_subsequence(acr, initials(words)):
                uf.join(i, acr_index[acr])
                continue
        ini = initials(words)
        if len(ini) >= 2 and ini in acr_index:
            j = acr_index[ini]
            if family(mentions[j].label) == family(m.label):
                uf.join(i, j)

    # Short forms of people's names: nearest preceding full name with that last word.
    # A surname under a title ("Ms McMeekin", "Deputy Ortiz") is a short form too, when
    # the article gives one full name with that surname (else it is a full name).
    titled = {i: t for i in idx if TITLED_SURNAMES and (t := untitled(mentions[i].text))}
    given = {
        fold(w[-1])
        for i in idx
        if i not in titled
        and mentions[i].label == "PERSON"
        and len(w := mentions[i].text.split()) >= 2
    }
    full: list[tuple[int, str, str]] = []  # (start, first word, last word) of full names
    full_idx: list[int] = []
    person_anchor: set[int] = set()  # full names that short forms joined
    for i in idx:
        m = mentions[i]
        words = m.text.split()
        if m.label == "PERSON" and len(words) >= 2:
            if i in titled and fold(titled[i]) in given:
                continue
            full.append((m.start, fold(words[0]), fold(words[-1])))
            full_idx.append(i)
    if full:
        shorts: Counter[tuple[str, str]] = Counter()  # short forms each full name took
        first_short: dict[str, int] = {}  # where each bare surname is first told
        for i in idx:
            m = mentions[i]
            if m.label not in ("PERSON", "ORG") or (" " in m.text and i not in titled):
                continue
            word = fold(titled.get(i, m.text))
            cands = [n for n, (_, _, last) in enumerate(full) if last == word]
            if i in titled and (i in full_idx or len({full[n][1:] for n in cands}) != 1):
                continue  # a full name itself, or which of two people is unsaid
            if not cands:
                if FIRST_NAMES and i not in titled and m.label == "PERSON":
                    _first_name(full, full_idx, word, m.start, i, uf)
                continue
            before = [n for n in cands if full[n][0] < m.start]
            first = first_short.setdefault(word, m.start)  # (bare forms are one group)
            if (
                not before
                and LATER_FULL_NAME_CHARS
                and full[cands[0]][0] - first > LATER_FULL_NAME_CHARS
            ):
                continue  # a surname told many paragraphs before the full name it may be
            n = before[-1] if before else cands[0]
            if SALIENT_SURNAME and before:
                n = _salient(full, before, shorts)
            shorts[full[n][1:]] += 1
            chosen = full_idx[n]
            uf.join(chosen, i)
            person_anchor.add(chosen)

    groups: dict[int, list[int]] = {}
    for i in idx:
        groups.setdefault(uf.find(i), []).append(i)
    entities: list[dict[str, Any] | None] = [None] * len(mentions)
    for members in groups.values():
        votes: Counter[str] = Counter()
        for i in members:
            votes[mentions[i].label] += 2 if " " in mentions[i].text else 1
        label = min(
            votes,
            key=lambda lab: (
                -votes[lab],
                LABEL_PRIORITY.index(lab) if lab in LABEL_PRIORITY else 99,
            ),
        )
        if any(i in person_anchor for i in members):
            label = "PERSON"  # "Papermaster" (ORG x3) is Mark Papermaster's surname
        surfaces = Counter(mentions[i].text for i in members)
        cform = next((forms[i] for i in members if forms[i].startswith("country:")), None)
        if cform is not None:
            c = country(next(mentions[i].text for i in members if forms[i] == cform), codes=True)
            name = c.name if c else surfaces.most_common(1)[0][0]
        else:
            name = max(
                surfaces,
                key=lambda s: (
                    len(s.split()) > 1 and not _acronym(s),
                    not untitled(s),
                    len(s.split()),
                    surfaces[s],
                    len(s),
                ),
            )
        fam = "place" if cform else family(label)
        if cform:
            label = "GPE" if label not in ("GPE", "LOC") else label
        entity = {
            "key": f"{fam}:{key_form(name, label)}",
            "label": label,
            "name": name,
            "aliases": sorted(s for s in surfaces if s != name),
        }
        for i in members:
            mentions[i].label = label
            entities[i] = entity
    return DocEntities(mentions, entities)
