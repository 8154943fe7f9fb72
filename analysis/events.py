"""Event mentions: what happened, who did it to whom, where, when, and how sure the text is.

Why rules over the dependency parse rather than a trained event model: the events an
analyst follows (attacks, seizures, talks, ceasefires) are signalled by a small,
well-known vocabulary, and their arguments sit in predictable syntactic slots. A lexicon
plus the parse is fast, explainable in the reader ("Houthis -target-> Magic Seas"), and
needs no training data we do not have.

Taxonomy (``type``), a reduction of the CAMEO root codes and ACLED event types:

==================  ===========================  ======================================
type                CAMEO roots / ACLED types    example triggers
==================  ===========================  ======================================
attack              18 assault, 19 fight, 20     attack, strike, bomb, shell, raid,
                    mass violence / Battles,     invade, target, shoot, clash, war
                    Explosions-Remote violence
kill                18x kill, injure / ACLED     kill, die, wound, injure, assassinate,
                    fatalities                   massacre, death
seize               17 coerce (arrest, seize,    seize, intercept, arrest, detain,
                    confiscate, abduct)          capture, kidnap, confiscate, foil
threaten            13 threaten                  threaten, warn, threat, ultimatum
protest             14 protest / ACLED Protests, protest, demonstrate, rally, riot,
                    Riots                        march, boycott
meet                03-04 consult, meet,         meet, talks, negotiate, visit, summit,
                    036 negotiate                mediate, discuss
agree               05-06 cooperate, 057 sign    agree, sign, ceasefire, truce, deal,
                    agreement                    accord, treaty, recognise
statement           01 public statement, 02      announce, deny, condemn, accuse,
                    appeal, 11-12 disapprove,    blame, reject, urge, statement
                    reject
aid                 07 provide aid               aid, supply, deliver, donate, arm,
                                                 resupply, fund
election            (not in CAMEO roots)         election, elect, vote, referendum
disaster            (ACLED: none)                earthquake, flood, wildfire, famine,
                                                 heatwave, crash, explosion
economic            (CAMEO 06x material coop.)   buy, sell, invest, sanction, tariff,
                                                 export, purchase, merger, lease
other               everything else eventive     appoint, resign, release, launch...
==================  ===========================  ======================================

Each trigger (:mod:`analysis.triggers`) becomes one event mention: its ``actor``,
``target`` and ``location`` (:mod:`analysis.arguments`), its ``date`` from the time
expression nearest the trigger (:mod:`analysis.eventtime`), and how sure the text is of
it: ``asserted``, ``negated``, ``hypothetical``, ``reported`` or ``generic``
(:mod:`analysis.modality`; ``generic`` by :mod:`analysis.genericity`).

Salience ranks what the side panel shows first: the type's weight (violence before
statements), whether actor, target, date and place are known, the modality, and how
early the sentence comes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from analysis.ahead import is_future, planning_verb, scheduled, to_come
from analysis.arguments import arguments
from analysis.deed_words import deed_word
from analysis.doc_text import text_of
from analysis.entity_index import EntityIndex
from analysis.eventtime import (
    one_death,
    own_clause_times,
    own_time,
    sentence_times,
    shared_time_verbs,
    time_for,
)
from analysis.genericity import generic
from analysis.gist import gist
from analysis.habits import habitual, present_habit
from analysis.in_names import in_untagged_name, inside_names
from analysis.mentions import label_of
from analysis.modality import MODALITY_WEIGHT, modality
from analysis.modality_cues import kind_supposed
from analysis.negated_gist import told_as
from analysis.occurrence_verbs import occurrence_verb
from analysis.other_times import harm_occasion, measured_gap, years_after
from analysis.reports import reported
from analysis.role_words import NON_ARGUMENT_LABELS
from analysis.senses import retype
from analysis.shared_subjects import charged_crime, law_time, law_verb
from analysis.support_verbs import light_verb
from analysis.themes import theme
from analysis.timex import Timex, find_timexes
from analysis.triggers import (
    EVENT_TYPES,
    NOUN_TYPES,
    TYPE_WEIGHT,
    VERB_TYPES,
    event_type,
    is_trigger,
    market_move,
)
from analysis.untagged_names import untagged_index
from analysis.years import reuse_years

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: EVENT_TYPES, NOUN_TYPES, VERB_TYPES, EntityIndex, event_type and sentence_times live in
#: the modules they belong to; they stay importable from here, as before the split.
__all__ = [
    "EVENT_TYPES",
    "NOUN_TYPES",
    "VERB_TYPES",
    "EntityIndex",
    "describe",
    "event_type",
    "events_hook",
    "extract_events",
    "mentions_from_ents",
    "parse_reference",
    "salience",
    "sentence_times",
]


def salience(
    etype: str, *, actor: bool, target: bool, dated: bool, place: bool, mod: str, position: float
) -> float:
    """0..1: how much a mention matters to a reader skimming the panel."""
    score = TYPE_WEIGHT.get(etype, 0.3)
    score += 0.15 * actor + 0.15 * target + 0.1 * dated + 0.05 * place
    score *= MODALITY_WEIGHT.get(mod, 1.0)
    score += 0.1 * (1.0 - position)
    return round(max(0.0, min(1.0, score / 1.45)), 3)


#: Switch: the crime a verdict or a charge names keeps its own time, not the verdict's
#: (see :func:`analysis.shared_subjects.charged_crime`): "Brian G. Nichols, 37, was found
#: guilty last month of murder" dated the 2005 courthouse killings to the month of the
#: verdict.
CRIME_KEEPS_ITS_TIME = True


def describe(
    tok: Token,
    ents: EntityIndex,
    times: Sequence[tuple[Timex, Token]],
    *,
    position: float = 0.0,
    ref: date | None = None,
) -> dict[str, Any]:
    """Everything we know about the event a trigger token reports (store shape)."""
    sent = tok.sent
    actor, target, location = arguments(tok, ents)
    market = market_move(tok)
    if market and actor is not None and label_of(actor) in ("NORP", "GPE", "LOC"):
        # "the primary British index dropped": the index moved, not Britain; a place
        # (or a people) reads as the market's place, never as who moved.
        location = location or (actor if label_of(actor) != "NORP" else None)
        actor = None
    if market and actor is None:
        actor = untagged_index(tok)
    anchors = [tok]
    plan: Token | None = None
    light = light_verb(tok) if tok.pos_ != "VERB" else None
    if light is not None:
        anchors.append(light)
    elif (occurs := occurrence_verb(tok)) is not None:
        anchors.append(occurs)  # "talks will begin on Monday": when and how sure
    elif (plan := scheduled(tok)) is not None:
        anchors.append(plan)  # "the vote is scheduled for Sunday": ahead, not done
    time_anchors = list(anchors)
    if CRIME_KEEPS_ITS_TIME and charged_crime(tok):
        # "was found guilty last month of [murder]": last month's is the verdict, the
        # murder keeps only a time of its own ("of the March 2005 murders")
        times = [(tx, root) for tx, root in times if tok in root.ancestors]
    elif (law := law_verb(tok)) is not None:  # "convicted Tuesday of [murdering]"
        times = [(tx, root) for tx, root in times if not law_time(root, law)]
    if own_time(tok):
        times = own_clause_times(tok, times)  # "..., and in 1984 the Macintosh was released"
    elif tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.pos_ == "VERB":
        if not measured_gap(tok):
            time_anchors.append(tok.head)  # "launched an attack ..., killing": its time
    else:  # "a quake shook X and caused ... on Sunday", "rescued vessels under attack"
        time_anchors += shared_time_verbs(tok)
    tx = time_for(time_anchors, times)
    if tx is None and (occasion := harm_occasion(tok)) is not None:
        tx = time_for([occasion], times)  # "killed in an attack on Tuesday"
    if tx is None:
        tx = years_after(tok, ref)  # "hit almost two years after Bam was destroyed"
    mod = modality(tok, anchors)
    if (plan is not None or to_come(tok)) and mod in ("asserted", "reported"):
        mod = "hypothetical"  # "the vote is scheduled for Sunday", "the leaders are to meet"
    ahead = plan is not None or is_future(time_anchors)
    if not ahead and tx is not None and mod == "hypothetical":
        # "Apple plans to release the software in July": the next July, when the time is
        # the plan's ("Fiat announced on Friday that it intends to purchase": not Friday's)
        head = planning_verb(tok)
        root = next((r for t, r in times if t is tx), None)
        ahead = head is not None and root is not None and root in head.subtree
    if tx is not None and ahead and ref is not None and tx.kind == "point":
        # Re-resolve forward-looking times ("will meet on Friday", "plans to release it
        # in July").
        fut = find_timexes(tx.text, ref, future=True)
        tx = Timex(tx.start, tx.end, tx.text, fut[0].value, fut[0].precision) if fut else tx
    if mod == "hypothetical" and tx is None and kind_supposed(tok):
        mod = "generic"  # "a requirement that agencies consult": a rule, no happening
    if mod in ("asserted", "reported") and (
        generic(tok, actor=actor is not None, target=target is not None, time=tx)
        or habitual(tok, anchors)
        or present_habit(tok, dated=tx is not None)
    ):
        mod = "generic"
    lemma = deed_word(tok)  # "suicide" for "killed himself", "execution", "attempted murder"
    word = lemma.removeprefix("attempted ").removeprefix("counter ")
    etype = "market" if market else event_type(word, tok.pos_)
    etype = "attack" if etype == "kill" and lemma.startswith("attempted ") else etype
    # "fighting cancer", "a nationwide strike", "the trade war", "fired the coach", "an
    # earthquake hit", "opened fire": the sense the arguments tell
    etype = retype(tok, etype)
    return {
        "start": sent.start_char,
        "end": sent.end_char,
        "trigger_start": tok.idx,
        "trigger_end": tok.idx + len(tok.text),
        "trigger": tok.text,
        "lemma": lemma,
        "type": etype,
        "actor": actor["entity"] if actor else None,
        "target": target["entity"] if target else None,
        "location": location["entity"] if location else None,
        "date": tx.value if tx else None,
        "date_precision": tx.precision if tx else None,
        "date_text": tx.text if tx else None,
        "modality": mod,
        "gist": told_as(gist(tok, ents), tok, mod),
        "theme": theme(tok),
        # what a saying says: the trigger offset of the clause it reports (analysis.reports)
        "reports": said.idx if (said := reported(tok)) is not None else None,
        "salience": salience(
            etype,
            actor=actor is not None,
            target=target is not None,
            dated=tx is not None,
            place=location is not None,
            mod=mod,
            position=position,
        ),
    }


def extract_events(
    doc: Doc, mentions: Iterable[Mapping[str, Any]], published: date | None
) -> list[dict[str, Any]]:
    """The event mentions of an article, in text order (store shape, see insert_analysis).

    ``mentions`` are the article's entity mentions (char offsets into ``doc.text``) with
    their canonical ``entity``; ``published`` is the reference date for relative times.
    """
    mentions = list(mentions)
    ents = EntityIndex(doc, mentions)
    named = inside_names(mentions)
    sents = list(doc.sents)
    out: list[dict[str, Any]] = []
    anchor: Timex | None = None
    full_dates: dict[str, str] = {}  # "10-07" -> "2023-10-07", from explicit dates
    for k, sent in enumerate(sents):
        times = reuse_years(sentence_times(doc, published, sent, anchor), full_dates)
        points = [tx for tx, _ in times if tx.kind == "point" and tx.precision in ANCHORING]
        if points:
            anchor = points[-1]
        position = k / max(1, len(sents) - 1)
        for tok in sent:
            if (
                tok.pos_ in _TRIGGER_POS  # (what is_trigger asks first, without a call)
                and is_trigger(tok)
                and not any(a <= tok.idx < b for a, b in named)
                and not (UNTAGGED_NAMES and in_untagged_name(tok))
            ):
                em = describe(tok, ents, times, position=position, ref=published)
                em["sentence"] = k
                out.append(em)
    one_death(out)
    return out


#: The parts of speech a trigger is (see analysis.triggers.is_trigger).
_TRIGGER_POS = frozenset(["VERB", "NOUN", "PROPN"])


#: Times a later "days before that" / "the day prior" counts from: a day, and a week
#: ("An attack on a Greek-owned ship last week ... Days before that, the Houthis
#: targeted ... the Magic Seas": the week before the attack's, not the report's).
ANCHORING = frozenset(["day", "week"])


#: A verb written with a capital inside a sentence that is not a headline, in a name the
#: tagger missed, is no event either (see :func:`analysis.in_names.in_untagged_name`):
#: "President Nixon's Committee to Re-elect the President", "donated to Save the Children".
UNTAGGED_NAMES = True


def mentions_from_ents(doc: Doc) -> list[dict[str, Any]]:
    """A tiny adapter: entity mentions from ``doc.ents`` with a naive canonical key.

    For tests and benchmarks only; the import path uses analysis.entities' canonical
    entities.
    """
    sent_index = {s.start: k for k, s in enumerate(doc.sents)}
    starts = sorted(sent_index)
    out = []
    for e in doc.ents:
        name = e.text
        if name.lower().startswith("the "):
            name = name[4:]
        k = max((s for s in starts if s <= e.start), default=0)
        entity = None
        if e.label_ not in NON_ARGUMENT_LABELS:
            entity = {
                "key": f"{e.label_}:{name.casefold()}",
                "label": e.label_,
                "name": name,
                "aliases": [e.text],
            }
        out.append(
            {
                "start": e.start_char,
                "end": e.end_char,
                "text": e.text,
                "label": e.label_,
                "sentence": sent_index.get(k, 0),
                "entity": entity,
            }
        )
    return out


def parse_reference(published_at: str | None) -> date | None:
    """The reference date of an article from its ``published_at`` (ISO, any precision)."""
    if not published_at:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", published_at)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def events_hook(
    doc: Doc, doc_entities: Any, published_at: str | None, result: dict[str, Any]
) -> None:
    """The Analyzer's per-Doc hook: event mentions from the same spaCy pass as entities."""
    mentions = result.setdefault("mentions", [])
    result["event_mentions"] = extract_events(doc, mentions, parse_reference(published_at))
    _mention_untagged(text_of(doc), mentions, result["event_mentions"])


def _mention_untagged(
    text: str, mentions: list[dict[str, Any]], events: Sequence[Mapping[str, Any]]
) -> None:
    """A participant named only by the event step ("the Eurogroup meeting": a name the
    tagger left out) becomes a mention too, so the reader highlights it and its card
    lists the article, as for every other entity."""
    tagged = {m["entity"]["key"] for m in mentions if m.get("entity")}
    spans = {(m["start"], m["end"]) for m in mentions}
    added = False
    for em in events:
        ent = em.get("actor")
        if not ent or ent["key"] in tagged or em.get("trigger_start") is None:
            continue
        start = text.rfind(ent["name"], em["start"], em["trigger_start"])
        if start < 0 or (start, start + len(ent["name"])) in spans:
            continue
        mentions.append(
            {
                "start": start,
                "end": start + len(ent["name"]),
                "text": ent["name"],
                "label": ent["label"],
                "sentence": em.get("sentence"),
                "entity": ent,
            }
        )
        spans.add((start, start + len(ent["name"])))
        added = True
    if added:
        mentions.sort(key=lambda m: (m["start"], m["end"]))
