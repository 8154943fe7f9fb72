"""An event's summary from its mentions: its type, title, dates and place.

The title speaks with the mention that names the most-supported pair of sides (who did
it, to whom), told as fact rather than under "if"; a page's link text glued to a
sentence ("SEE MORE: ...") speaks only for an event told nowhere else.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Any

from analysis.agreement import names_in
from analysis.clauses import trigger_is_verb
from analysis.gist_fallback import OPEN as QUOTE_OPEN
from analysis.linking import names_agree, narrower
from analysis.pronoun_cues import across_quote
from analysis.time_values import interval
from analysis.titles import title
from store import events as store_events


def trigger_in_sentence(row: dict[str, Any]) -> tuple[int, int] | None:
    """Where the mention's trigger lies in its ``sentence_text`` (None: not known). The
    text begins at ``sentence_start`` in the titles' rows (a window of the sentence) and
    at the sentence's ``start`` in the linker's."""
    begin = row.get("sentence_start", row.get("start"))
    if not row.get("sentence_text") or row.get("trigger_start") is None or begin is None:
        return None
    at = int(row["trigger_start"]) - int(begin)
    return at, at + int(row["trigger_end"]) - int(row["trigger_start"])


def _sides(rows: list[dict[str, Any]]) -> dict[str, tuple[str, str | None]]:
    """Each participant name -> the (name, label) its side goes by: names that agree
    ("Israel", "Israeli"; "Houthi", "Houthis") are one side, named by the shortest (the
    country rather than its demonym), whether they act or are acted on."""
    groups: list[list[tuple[str, str | None]]] = []
    member_of: dict[str, int] = {}
    for r in rows:
        for role in ("actor", "target"):
            name = r.get(f"{role}_name")
            if not name or name in member_of:
                continue
            k = next((k for k, g in enumerate(groups) if names_agree(g[0][0], name)), None)
            if k is None:
                k = len(groups)
                groups.append([])
            groups[k].append((name, r.get(f"{role}_label")))
            member_of[name] = k
    heads = [min(g, key=lambda m: len(m[0])) for g in groups]
    return {name: heads[k] for name, k in member_of.items()}


Pair = tuple[str | None, str | None]


def _pair(row: dict[str, Any], sides: dict[str, tuple[str, str | None]]) -> Pair:
    """A mention's (actor side, target side); a target on the actor's side is dropped."""
    actor = sides[row["actor_name"]][0] if row.get("actor_name") else None
    target = sides[row["target_name"]][0] if row.get("target_name") else None
    return (actor, None if target == actor else target)


def _support(pair: Pair, said: Counter[Pair]) -> float:
    """How many mentions say ``pair`` (``said`` counts the mentions per pair): each that
    says it, or part of it and nothing else ("Israel's attack" for "Israel attacks
    Iran"), counts 1; each that says it with the roles swapped counts -1. A pair is never
    supported by mentions that say more."""
    total = 0.0
    for p, n in said.items():
        if p == (pair[1], pair[0]) and None not in p and p != pair:
            total -= n
        elif any(p) and all(m is None or m == t for m, t in zip(p, pair, strict=True)):
            total += n
    return total


def voice(rows: list[dict[str, Any]], etype: str | None) -> tuple[dict[str, Any], Pair]:
    """The mention that speaks for an event in its title, with its (actor, target) sides.

    Actor and target are chosen as one pair, the pair most mentions support, so the roles
    are the text's: the most frequent actor and the most frequent target taken separately
    may come from different sentences and invert who did what ("Israel kills
    Palestinian" for Hamas's attack). Ties go to the pair naming more, then to the more
    salient mention (rows come best first)."""
    return _voice(rows, etype, _sides(rows))


def _voice(
    rows: list[dict[str, Any]], etype: str | None, sides: dict[str, tuple[str, str | None]]
) -> tuple[dict[str, Any], Pair]:
    # A page's link text glued to a sentence ("SEE MORE: Hong Kong protests: ...") is no
    # report: it speaks only for an event told nowhere else.
    rows = [r for r in rows if not _furniture(r)] or rows
    pairs = [_pair(r, sides) for r in rows]
    # Mentions told as fact say who did what; one under "if" or "whether" ("if Trump
    # agrees to Beijing's demands") names who might: it counts only when none names
    # anyone.
    sure = [p for r, p in zip(rows, pairs, strict=True) if not _conditional(r)]
    said = Counter(sure if any(p != (None, None) for p in sure) else pairs)
    first = {p: k for k, p in reversed(list(enumerate(pairs))) if p in said}
    # Mentions that name nobody ("the attack") support no pair: they speak only when
    # no mention names anyone.
    named = [p for p in first if p != (None, None)] or [(None, None)]
    best = max(
        named,
        key=lambda p: (_support(p, said), sum(x is not None for x in p), -first[p]),
    )
    speaking = [r for r, p in zip(rows, pairs, strict=True) if p == best]
    # A mention that tells it as fact speaks before one under "if" or "whether"
    # ("Whether Trump withholds US military aid" is not the aid event's title); one told
    # ahead with its time ("the first flight is expected to take place in August") says
    # as much as a fact, and more than an undated one ("the wonder of flight").
    row = min(
        speaking,
        key=lambda r: (
            _conditional(r) and not (DATED_PLANS_SPEAK and r.get("date")),
            DATED_PLANS_SPEAK and not r.get("date"),
            r["type"] != etype,
            NAMING_GIST_SPEAKS and not _gist_names(r, best, speaking[0].get("lemma")),
        ),
    )
    told = [r for r in rows if r.get("modality") == "asserted"]
    if FACT_OVER_IF and under_if(row) and told and len(told) < len(rows):
        # "If Donald Trump agrees to roll back" named someone; "A 'phase one' trade deal
        # ... was supposed to be a limited agreement" told the happening as fact: the
        # fact speaks, even naming no one
        return _voice(told, etype, sides)
    return row, best


#: Switch: of the mentions saying the speaking pair, one whose headline clause names a
#: side of it speaks first: "Murdering of Jerry Ortiz", not "2005 murder" (ECB+ 16:
#: "his June 24, 2005 murder" was the most salient of Ortiz's mentions).
NAMING_GIST_SPEAKS = True


def _gist_names(row: dict[str, Any], pair: Pair, lemma: str | None) -> bool:
    """Does the mention's gist, not a quote, name a side of ``pair`` (``names_in``),
    told with ``lemma`` (the word of the most salient: not "Bomb injures the Woodburn
    police chief" for the bombing that killed an officer)?"""
    gist = row.get("gist") or ""
    if not gist or gist.startswith(QUOTE_OPEN) or row.get("lemma") != lemma:
        return False
    return any(name and names_in(name, gist) for name in pair)


#: Switch: an event whose speaking mention is told under "if" / "whether" takes its
#: title from its mentions told as fact, when it has any (see _voice).
FACT_OVER_IF = True


#: How a headline told under a condition opens; and one told as a question.
CONDITION_OPENERS = ("If ", "Unless ")
QUESTION_OPENERS = ("Whether ",)


def under_if(row: dict[str, Any], *, questions: bool = True) -> bool:
    """Is the mention's headline told under "if" or "unless" (or, with ``questions``,
    "whether")? The linker leaves questions out: "establish whether Trump withheld US
    military aid" asks of a happening (see analysis.link_rules.CONDITIONS_UNSURE)."""
    openers = CONDITION_OPENERS + (QUESTION_OPENERS if questions else ())
    return (row.get("gist") or "").startswith(openers)


#: Switch: a plan told with its time speaks for its event as a fact does (see _voice).
DATED_PLANS_SPEAK = True

#: A page's link text glued to a sentence: "SEE MORE: Hong Kong protests: ...".
_FURNITURE = re.compile(r"^\s*(?:SEE|READ|WATCH|MORE|RELATED|ALSO READ|LISTEN)\b[A-Z ]*:")


def _furniture(row: dict[str, Any]) -> bool:
    """Does the mention's sentence open with a page's link text ("SEE MORE:")?"""
    return bool(_FURNITURE.match(row.get("sentence_text") or ""))


def _conditional(row: dict[str, Any]) -> bool:
    """Is the mention told under "if" / "whether" (its modality, or its headline as the
    titles step wrote it)?"""
    return row.get("modality") == "hypothetical" or under_if(row)


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """An event's type, title, dates and place from its mentions (best first)."""
    if not rows:
        return {
            "etype": None,
            "title": None,
            "date_start": None,
            "date_end": None,
            "location_id": None,
        }
    types = Counter(r["type"] for r in rows if r["type"])
    etype = types.most_common(1)[0][0] if types else None
    places = Counter((r["location_id"], r["location_name"]) for r in rows if r["location_id"])
    place = places.most_common(1)[0][0] if places else (None, None)
    time = None
    for r in rows:
        if r["date"] and r["date_precision"]:
            time = narrower(time, (r["date"], r["date_precision"]))
    start = end = None
    if time is not None:
        s, e = interval(*time)
        start, end = s.isoformat(), e.isoformat()
    return {
        "etype": etype,
        "title": _title(rows, etype),
        "date_start": start,
        "date_end": end,
        "location_id": place[0],
    }


def _title(rows: list[dict[str, Any]], etype: str | None) -> str:
    """The event's title, from the mention that speaks for it (see :func:`voice`); when
    that one can only be quoted ("“Two, she shot and killed there in the…”"), from the
    first other mention told as fact that reads as a headline ("Woman kills two co
    workers"): one saying the speaking pair first, then one naming any side."""
    sides = _sides(rows)
    row, pair = _voice(rows, etype, sides)
    told = _title_of(row, pair, rows, etype, sides)
    if not told.startswith(QUOTE_OPEN) or not UNQUOTED_VOICE:
        return told
    others = [(r, _pair(r, sides)) for r in rows if r is not row and not _conditional(r)]
    # the speaking pair's other mentions first, then those naming a side, then the rest
    others.sort(key=lambda rp: (rp[1] != pair, rp[1] == (None, None)))
    for other, mine in others[:VOICE_TRIES]:
        alt = _title_of(other, mine, rows, etype, sides)
        if not alt.startswith(QUOTE_OPEN):
            return alt
    return told


#: Switch: an event whose speaking mention can only be quoted takes its title from
#: another mention that reads as a headline (see _title).
UNQUOTED_VOICE = True
#: ... trying this many other mentions at most (titles are redrawn at every link change,
#: and an event may hold hundreds of mentions).
VOICE_TRIES = 12


def _title_of(
    row: dict[str, Any],
    pair: Pair,
    rows: list[dict[str, Any]],
    etype: str | None,
    sides: dict[str, tuple[str, str | None]],
) -> str:
    """The title one mention gives its event, with ``pair`` as its (actor, target)."""
    actor, target = pair
    sentence = row.get("sentence_text")
    lemma = row.get("lemma")
    trigger = trigger_in_sentence(row)
    if sentence and trigger is not None:
        lemma_is_verb = trigger_is_verb(sentence, *trigger, lemma)
    else:
        # No sentence: a noun trigger reads better through the type's verb ("attacks").
        lemma_is_verb = (row.get("trigger") or "").lower().endswith(("ed", "ing"))
    return title(
        row.get("type") or etype,
        lemma,
        actor,
        target,
        lemma_is_verb=lemma_is_verb,
        actor_label=sides[actor][1] if actor else None,
        target_label=sides[target][1] if target else None,
        sentence=sentence,
        trigger=trigger,
        story=next((r["story_title"] for r in rows if r.get("story_title")), None),
        subject=_subject(row),
        gist=row.get("gist"),
        ahead=row.get("modality") == "hypothetical",
        negated=row.get("modality") == "negated",
    )


def _subject(row: dict[str, Any]) -> tuple[str, str | None] | None:
    """The first group the mention's sentence names before its trigger (name, label), unless
    a quotation mark stands between them: the speaker of a quote does not do what the quote
    tells ("“She returned like a grim reaper,” says ADA Fairman, “and she only shot ...”")."""
    if not row.get("sentence_subject"):
        return None
    name, label, *rest = json.loads(row["sentence_subject"])
    text, begin = row.get("sentence_text") or "", row.get("sentence_start")
    if rest and begin is not None and row.get("trigger_start") is not None:
        between = text[max(0, int(rest[0]) - int(begin)) : int(row["trigger_start"]) - int(begin)]
        if across_quote(between):
            return None
    return name, label


def refresh_events(conn: sqlite3.Connection, event_ids: Iterable[int]) -> None:
    """Recompute the summary rows (title, dates, counts) of the given events."""
    for eid in set(event_ids):
        summary = summarise(store_events.event_summary_input(conn, eid))
        store_events.update_event(conn, eid, **summary)
