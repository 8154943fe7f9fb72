"""Is this event mention the same event as one we already have? Pure decisions, no database.

Why these rules: two reports are of one event when they name the same kind of happening
(the same trigger lemma, or the same taxonomy type), nothing they say about it conflicts
(who did it, to whom, when at the precision each knows, where), and there is enough
positive evidence that they are not merely two attacks of the same week. Evidence is
additive and each piece is explainable in the reader:

====================================  =======
trigger lemma shared                  1.0
same type (not ``other``)             0.5
actor agrees / target agrees          1.0 each
times overlap (coarser precision:     day 1.0, week 0.6, month 0.4, year 0.2
place agrees                          0.5
articles share entities (Jaccard)     2.0 x J (across articles only)
====================================  =======

A mention joins the best candidate whose evidence reaches :data:`THRESHOLD`; otherwise
it starts a new event. Conflicts veto: different actors (or targets), swapped roles
("Iran attacks Israel" is not "Israel attacks Iran"), times that do not overlap,
different places.

Entity agreement is by canonical id, or by name when the names are one word's
derivatives ("Israel" / "Israeli", "Houthi" / "Houthis") or one contains the other
("Magic Seas" / "MV Magic Seas"): the entity step keeps a demonym and its country apart,
but for an event's participants they are the same side.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from analysis.timex import PRECISIONS, interval

#: Minimum evidence to join an existing event.
THRESHOLD = 1.6
#: Minimum evidence when the candidate event already has mentions in the same article.
THRESHOLD_SAME_ARTICLE = 1.6

TIME_WEIGHT = {"day": 1.0, "week": 0.6, "month": 0.4, "year": 0.2}
CONTEXT_WEIGHT = 2.0


@dataclass(frozen=True)
class Arg:
    """An event participant or place: a canonical entity id and its name."""

    id: int
    name: str


@dataclass
class MentionFeatures:
    """What the linker knows about one event mention."""

    id: int
    article_id: int
    type: str | None
    lemma: str | None
    actor: Arg | None = None
    target: Arg | None = None
    location: Arg | None = None
    date: str | None = None
    precision: str | None = None
    #: Entity ids of the mention's article: its context.
    context: frozenset[int] = frozenset()
    salience: float = 0.0


@dataclass
class EventFeatures:
    """What the linker knows about one linked event (aggregated over its mentions)."""

    id: int
    types: Counter[str] = field(default_factory=Counter)
    lemmas: Counter[str] = field(default_factory=Counter)
    actors: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    locations: list[Arg] = field(default_factory=list)
    #: The narrowest known time: (value, precision).
    time: tuple[str, str] | None = None
    article_ids: set[int] = field(default_factory=set)
    #: Entity ids of the event's articles, per article.
    contexts: dict[int, frozenset[int]] = field(default_factory=dict)

    def add(self, m: MentionFeatures) -> None:
        """Fold a mention into the event (after it joined)."""
        if m.type:
            self.types[m.type] += 1
        if m.lemma:
            self.lemmas[m.lemma] += 1
        for arg, bucket in ((m.actor, self.actors), (m.target, self.targets)):
            if arg is not None and arg not in bucket:
                bucket.append(arg)
        if m.location is not None and m.location not in self.locations:
            self.locations.append(m.location)
        if m.date and m.precision:
            self.time = narrower(self.time, (m.date, m.precision))
        self.article_ids.add(m.article_id)
        if m.context and m.article_id not in self.contexts:
            self.contexts[m.article_id] = m.context


def narrower(a: tuple[str, str] | None, b: tuple[str, str] | None) -> tuple[str, str] | None:
    """The more precise of two times (the first on a tie)."""
    if a is None:
        return b
    if b is None:
        return a
    return b if PRECISIONS.index(b[1]) < PRECISIONS.index(a[1]) else a


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).casefold()
    text = "".join(c for c in text if c.isalnum() or c.isspace())
    words = text.split()
    if words and words[0] in ("the", "mv", "ms", "mt"):
        words = words[1:]
    return " ".join(words)


def names_agree(a: str, b: str) -> bool:
    """Same participant by name: equal, a derivative (Israel/Israeli), or contained."""
    x, y = fold(a), fold(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    if len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3:
        return True  # Israel/Israeli, Iran/Iranian, Houthi/Houthis, Syria/Syrian
    sw, lw = short.split(), long.split()
    return len(sw) >= 1 and len(short) >= 4 and all(w in lw for w in sw)


def args_agree(a: Arg, b: Arg) -> bool:
    return a.id == b.id or names_agree(a.name, b.name)


def _agrees_with_any(a: Arg, group: Iterable[Arg]) -> bool:
    return any(args_agree(a, b) for b in group)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def score(m: MentionFeatures, e: EventFeatures) -> float | None:
    """Evidence that ``m`` reports event ``e``; None when something conflicts."""
    evidence = 0.0
    if m.lemma and m.lemma in e.lemmas:
        evidence += 1.0
    elif m.type and m.type != "other" and m.type in e.types:
        evidence += 0.5
    else:
        return None
    for mine, same, other in ((m.actor, e.actors, e.targets), (m.target, e.targets, e.actors)):
        if mine is None:
            continue
        if same and _agrees_with_any(mine, same):
            evidence += 1.0
        elif same:
            return None  # a different actor (target)
        elif other and _agrees_with_any(mine, other) and not (m.actor and m.target):
            return None  # roles swapped: "Iran attacked Israel" vs "Israel attacked Iran"
    if m.date and m.precision and e.time:
        a0, a1 = interval(m.date, m.precision)
        b0, b1 = interval(*e.time)
        if a0 > b1 or b0 > a1:
            return None
        coarser = max(PRECISIONS.index(m.precision), PRECISIONS.index(e.time[1]))
        evidence += TIME_WEIGHT[PRECISIONS[coarser]]
    if m.location is not None and e.locations:
        if not _agrees_with_any(m.location, e.locations):
            return None
        evidence += 0.5
    others = [c for aid, c in e.contexts.items() if aid != m.article_id]
    if others and m.context:
        evidence += CONTEXT_WEIGHT * max(jaccard(m.context, c) for c in others)
    return evidence


def decide(
    m: MentionFeatures, candidates: Sequence[EventFeatures], *, blocked: Iterable[int] = ()
) -> tuple[int | None, float]:
    """The event ``m`` joins (its id and evidence), or (None, best score) for a new event.

    ``blocked`` are events the reader said this mention is not (rejections, splits).
    """
    banned = set(blocked)
    best: tuple[float, int] | None = None
    for e in candidates:
        if e.id in banned:
            continue
        s = score(m, e)
        if s is None:
            continue
        limit = THRESHOLD_SAME_ARTICLE if m.article_id in e.article_ids else THRESHOLD
        if s >= limit and (best is None or s > best[0]):
            best = (s, e.id)
    return (best[1], best[0]) if best else (None, 0.0)


# ------------------------------------------------------------------ event summaries

_VERB_OF_TYPE = {
    "attack": "attacks",
    "kill": "kills",
    "seize": "seizes",
    "threaten": "threatens",
    "protest": "protests against",
    "meet": "meets",
    "agree": "agrees with",
    "statement": "on",
    "aid": "aids",
    "election": "election:",
    "disaster": "disaster:",
    "economic": "deal with",
    "other": "and",
}
_NOUN_OF_TYPE = {
    "attack": "Attack",
    "kill": "Killing",
    "seize": "Seizure",
    "threaten": "Threat",
    "protest": "Protest",
    "meet": "Talks",
    "agree": "Agreement",
    "statement": "Statement",
    "aid": "Aid",
    "election": "Election",
    "disaster": "Disaster",
    "economic": "Economic event",
    "other": "Event",
}
_IRREGULAR_3SG = {"be": "is", "have": "has", "do": "does", "go": "goes"}


def third_person(verb: str) -> str:
    """attack -> attacks, seize -> seizes, carry -> carries, go -> goes."""
    if verb in _IRREGULAR_3SG:
        return _IRREGULAR_3SG[verb]
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def title(
    etype: str | None,
    lemma: str | None,
    actor: str | None,
    target: str | None,
    location: str | None = None,
    *,
    lemma_is_verb: bool = False,
) -> str:
    """A short headline for a linked event: "Hamas attacks Israel", "Seizure in Red Sea".

    The verb is the trigger's own when it is a verb ("Syria intercepts ..."), else the
    type's ("Houthis attack Magic Seas" for a noun "attack").
    """
    etype = etype or "other"
    if actor and target:
        verb = third_person(lemma) if lemma and lemma_is_verb else _VERB_OF_TYPE[etype]
        if etype in ("statement", "election", "disaster", "other") and not lemma_is_verb:
            return f"{(lemma or _NOUN_OF_TYPE[etype]).capitalize()}: {actor}, {target}"
        return f"{actor} {verb} {target}"
    noun = (lemma.capitalize() if lemma and not lemma_is_verb else None) or _NOUN_OF_TYPE[etype]
    if actor:
        text = f"{noun} by {actor}"
    elif target:
        text = f"{noun} on {target}" if etype == "attack" else f"{noun}: {target}"
    else:
        text = noun
    if location and location not in (actor, target):
        text += f" in {location}"
    return text


def format_when(value: str | None, precision: str | None) -> str:
    """'7 October 2023', 'June 2025', 'week of 14 July 2025', '2024'."""
    if not value:
        return ""
    start, _ = interval(value, precision)
    if precision == "year" or len(value) == 4:
        return value[:4]
    if precision == "month" or len(value) == 7:
        return start.strftime("%B %Y")
    if precision == "week":
        return "week of " + _day(start)
    return _day(start)


def _day(d: date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"
