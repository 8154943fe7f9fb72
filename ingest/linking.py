"""Event linking: store candidates -> analysis decision -> store update.

Incremental: a new article's event mentions join existing events (or start new ones)
without touching the rest of the store; the candidates come from indexed, bounded
lookups (see :mod:`store.events`), so the cost per article does not grow with the store.
A full re-link (:func:`relink_all`, e.g. after re-analysis with a newer model) replays
every article oldest first and then re-applies the reader's overrides.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from analysis.agreement import family
from analysis.bridges import bridged
from analysis.clauses import trigger_is_verb
from analysis.linking import (
    Arg,
    EventFeatures,
    MentionFeatures,
    context_vector,
    decide,
    names_agree,
    narrower,
    qualifying,
    same_word,
)
from analysis.prefilter import may_join
from analysis.reasons import link_reasons
from analysis.stories import SECOND_LOOKS, sentence_words
from analysis.timex import interval
from analysis.titles import title
from ingest.stories import ProfileMemory, Replay, assign_article, neighbours, reconsider
from ingest.stories import apply_correction as apply_story_correction
from ingest.stories import refresh as refresh_story
from ingest.story_split import split_stories
from store import candidates as store_candidates
from store import events as store_events
from store import overrides as store_overrides
from store import stories as store_stories
from store.db import transaction
from store.events import EventKind


def _arg(row: dict[str, Any], role: str) -> Arg | None:
    eid = row.get(f"{role}_id")
    if eid is None:
        return None
    return Arg(int(eid), row.get(f"{role}_name") or "", row.get(f"{role}_label"))


def mention_features(row: dict[str, Any], context: dict[int, float]) -> MentionFeatures:
    """The linker's view of a stored event mention row."""
    return MentionFeatures(
        id=int(row["id"]),
        article_id=int(row["article_id"]),
        type=row.get("type"),
        lemma=row.get("lemma"),
        actor=_arg(row, "actor"),
        target=_arg(row, "target"),
        location=_arg(row, "location"),
        date=row.get("date"),
        precision=row.get("date_precision"),
        context=context,
        salience=float(row.get("salience") or 0.0),
        sentence=row.get("sentence"),
        published=row.get("published_at"),
        modality=row.get("modality"),
        story=row.get("story_id"),
        theme=frozenset((row.get("theme") or "").split()),
        words=sentence_words(row.get("sentence_text"), row.get("lemma")),
        act=_act(row),
        reported=row.get("reported_event"),
    )


def _act(row: dict[str, Any]) -> bool:
    """Is the mention told with a past-tense verb ("released"), a done act?"""
    word = (row.get("trigger") or "").lower()
    if not word.endswith("ed") or word == (row.get("lemma") or "").lower():
        return False
    if row.get("modality") not in ("asserted", "reported"):
        return False  # "If elected": not done
    at = _trigger_in_sentence(row)
    return at is None or trigger_is_verb(row["sentence_text"], *at, row.get("lemma"))


def _trigger_in_sentence(row: dict[str, Any]) -> tuple[int, int] | None:
    """Where the mention's trigger lies in its ``sentence_text`` (None: not known). The
    text begins at ``sentence_start`` in the titles' rows (a window of the sentence) and
    at the sentence's ``start`` in the linker's."""
    begin = row.get("sentence_start", row.get("start"))
    if not row.get("sentence_text") or row.get("trigger_start") is None or begin is None:
        return None
    at = int(row["trigger_start"]) - int(begin)
    return at, at + int(row["trigger_end"]) - int(row["trigger_start"])


#: Mentions of one event explained on the event screen (each against all the others).
MAX_EXPLAINED = 150


def mention_reasons(mentions: list[dict[str, Any]]) -> dict[int, list[str]]:
    """Mention id -> what it shares with the rest of its event (analysis.linking.
    link_reasons), for the rows of :func:`store.events.get_event`."""

    feats = [mention_features(r, {}) for r in mentions[:MAX_EXPLAINED]]
    return {f.id: link_reasons(f, [g for g in feats if g.id != f.id]) for f in feats}


def _members(
    conn: sqlite3.Connection, event_id: int, memory: ProfileMemory | None
) -> list[tuple[MentionFeatures, EventKind]]:
    """An event's newest mentions (:func:`store.events.event_members`), each as the
    linker sees it and as its kind (:func:`store.events.event_kinds`): from ``memory``
    when it holds them."""
    if memory is not None and event_id in memory.events:
        return memory.events[event_id]
    members = [
        (mention_features(row, {}), store_events.kind_of(row))
        for row in store_events.event_members(conn, event_id)
    ]
    if memory is not None:
        memory.events[event_id] = members
    return members


def _changed(memory: ProfileMemory | None, event_ids: Iterable[int]) -> None:
    """Events whose mentions changed: what ``memory`` holds of them is dropped."""
    if memory is not None:
        for eid in event_ids:
            memory.events.pop(eid, None)


def _load_event(
    conn: sqlite3.Connection,
    event_id: int,
    articles: int,
    vectors: dict[int, dict[int, float]],
    memory: ProfileMemory | None = None,
) -> EventFeatures:
    """An event's features from its newest mentions; ``vectors`` (article id -> tf-idf
    context) is shared by the candidates of one linking pass, so each article is read and
    weighed once however many candidate events it reports."""
    ev = EventFeatures(id=event_id)
    for features, _ in _members(conn, event_id, memory):
        ev.add(features)
    wanted = store_events.newest_articles(ev.article_ids)
    missing = [aid for aid in wanted if aid not in vectors]
    for aid, counts in store_events.event_article_contexts(conn, missing).items():
        vectors[aid] = context_vector(counts, articles)
    ev.contexts = {aid: vectors[aid] for aid in wanted}
    return ev


#: Candidate events (beyond those already in the article) weighed in full per mention.
MAX_LOADED = 8
#: A run's closing look also weighs the articles outside it that its articles may have
#: changed the place of (:func:`ingest.stories.neighbours`) against the run's stories.
NEIGHBOURS = True
#: ... and checks whether the stories of its articles hold two happenings
#: (:mod:`ingest.story_split`).
SPLITS = True


def _shares_word(m: MentionFeatures, kinds: list[Any]) -> bool:
    return any(same_word(m.lemma, kind[1]) for kind in kinds)


def _span(m: MentionFeatures) -> Any:
    if not m.date or not m.precision:
        return None
    try:
        return interval(m.date, m.precision)
    except ValueError:
        return None


def link_article(conn: sqlite3.Connection, article_ids: Iterable[int]) -> None:
    """Place each article in its story, then link its unlinked event mentions (the
    pipeline's Linker); one transaction per article."""
    memory = ProfileMemory()
    for article_id in article_ids:
        with remembering(conn, memory):
            link_in(conn, int(article_id), memory)


@contextmanager
def remembering(conn: sqlite3.Connection, memory: ProfileMemory | None) -> Iterator[None]:
    """A transaction whose linking may use ``memory`` (see :class:`ingest.stories.
    ProfileMemory`; None: a plain transaction): synced with the store at its start,
    forgotten if it rolls back."""
    try:
        with transaction(conn):
            if memory is not None:
                memory.sync(conn)
            yield
    except BaseException:
        if memory is not None:
            memory.clear()
        raise


def link_in(conn: sqlite3.Connection, article_id: int, memory: ProfileMemory | None = None) -> None:
    """Place one analysed article in its story and link its unlinked event mentions,
    inside the caller's transaction (the analysis queue stores and links a result in one).
    ``memory``: what earlier articles' linking read (see :func:`remembering`)."""
    assign_article(conn, article_id, memory)
    _link_one(conn, article_id, memory)


def link_pending(conn: sqlite3.Connection) -> int:
    """Link every article that still has unlinked event mentions or no story (after a crash
    between an article's transaction and its linking). Returns how many were linked."""
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT m.article_id FROM event_mentions m JOIN articles a "
            "ON a.id = m.article_id WHERE m.event_id IS NULL AND a.analysed_at IS NOT NULL"
        )
    ]
    ids += [
        r[0]
        for r in conn.execute(
            "SELECT id FROM articles WHERE story_id IS NULL AND analysed_at IS NOT NULL"
        )
    ]
    ids = list(dict.fromkeys(ids))
    link_article(conn, ids)
    return len(ids)


def _link_one(
    conn: sqlite3.Connection, article_id: int, memory: ProfileMemory | None = None
) -> set[int]:
    rows = store_events.article_mentions(conn, article_id, unlinked_only=True)
    if not rows:
        return set()
    articles = store_events.store_size(conn)
    context = context_vector(store_events.article_context(conn, article_id), articles)
    cache: dict[int, EventFeatures] = {}
    vectors: dict[int, dict[int, float]] = {article_id: context}
    kinds: dict[int, list[Any]] = {}
    local: set[int] = set()
    touched: set[int] = set()
    # Salient mentions first: they carry the arguments and dates that later, vaguer
    # mentions of the same event ("the attack") can then agree with.
    # Sayings last: what they say is linked first, and tells which saying they are.
    order = sorted(rows, key=lambda r: (-(r["salience"] or 0.0), r["trigger_start"] or 0))
    spans = [(r["trigger_start"], r["trigger_end"]) for r in rows if r["trigger_start"] is not None]
    sayings = {
        r["id"]
        for r in order
        if r.get("reports") is not None and any(a <= r["reports"] < b for a, b in spans)
    }
    order.sort(key=lambda r: r["id"] in sayings)
    for row in order:
        if row["id"] in sayings:
            row["reported_event"] = store_candidates.reported_event(conn, row["id"])
        m = mention_features(row, context)
        parties: set[int] = set()
        ids = store_candidates.candidate_events(
            conn,
            lemma=m.lemma,
            etype=m.type,
            span=_span(m),
            entity_ids=[a.id for a in (m.actor, m.target) if a is not None],
            parties=parties,
        )
        # "dead" is "killed" and "death": the story's events told with those words too
        in_story = store_candidates.story_candidates(
            conn, m.story, lemma=m.lemma, etype=m.type, also=sorted(family(m.lemma))
        )
        ids |= local | in_story
        # the other sayings of what it says (their words may differ: "said", "according to")
        told = store_candidates.reporting_events(conn, m.reported) if m.reported else set()
        ids |= told
        # Load only candidates that can score at all (see may_join): a shared participant
        # brings in its other kinds of events, and their number grows with the store.
        # (Events outside the cache gain no mentions during this pass: their kinds hold.)
        unknown = [eid for eid in ids if eid not in cache]
        unread = [eid for eid in unknown if eid not in kinds]
        if unread:
            held = memory.events if memory is not None else {}
            kinds.update((eid, [k for _, k in held[eid]]) for eid in unread if eid in held)
            asked = [eid for eid in unread if eid not in held]
            if asked:
                kinds.update(store_events.event_kinds(conn, asked))
                kinds.update((eid, []) for eid in asked if eid not in kinds)
        hopeful = [eid for eid in unknown if eid in told or may_join(m, kinds[eid])]
        if len(hopeful) > MAX_LOADED:
            # Blocking: weigh only the likeliest candidates in full: those of the story,
            # then those sharing the trigger word before those sharing only its type,
            # then those sharing a participant, newest first. A store ten times denser
            # brings more candidates, not more events this mention can be.
            hopeful.sort(
                key=lambda eid: (
                    -(eid in in_story),
                    -_shares_word(m, kinds[eid]),
                    -(eid in parties),
                    -eid,
                )
            )
            hopeful = hopeful[:MAX_LOADED]
        for eid in hopeful:
            cache[eid] = _load_event(conn, eid, articles, vectors, memory)
        loaded = [eid for eid in ids if eid in cache]  # in the lookup's order (ties)
        key = store_events.mention_key(article_id, row["trigger_start"], row["trigger_end"])
        blocked = store_overrides.blocked_events(conn, key)
        weighed = [cache[e] for e in loaded]
        found = qualifying(m, weighed, set(blocked))
        chosen, _ = decide(m, weighed, found=found)
        merge: list[int] = []
        if chosen is not None:
            merge = bridged(m, weighed, chosen, found=found)
            if merge:
                # the reader's corrections decide what those events hold, not a bridge
                corrected = store_overrides.corrected_events(conn, [*merge, chosen])
                merge = [] if chosen in corrected else [e for e in merge if e not in corrected]
        event_id = store_events.assign(conn, m.id, chosen)
        _changed(memory, [event_id])
        if merge:
            # One happening left in two events by earlier reports: this one bridges them.
            store_events.merge_events(conn, event_id, merge)
            _changed(memory, merge)
            for eid in merge:
                cache.pop(eid, None)
            local -= set(merge)
            touched |= set(merge)
            cache[event_id] = _load_event(conn, event_id, articles, vectors, memory)
        else:
            if event_id not in cache:
                cache[event_id] = EventFeatures(id=event_id)
            cache[event_id].add(m)
        cache[event_id].contexts.setdefault(article_id, context)
        local.add(event_id)
        touched.add(event_id)
    touched |= store_overrides.apply_overrides(conn, article_id)
    _changed(memory, touched)
    refresh_events(conn, touched)
    return touched


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
    # ("Whether Trump withholds US military aid" is not the aid event's title).
    row = min(speaking, key=lambda r: (_conditional(r), r["type"] != etype))
    return row, best


#: A page's link text glued to a sentence: "SEE MORE: Hong Kong protests: ...".
_FURNITURE = re.compile(r"^\s*(?:SEE|READ|WATCH|MORE|RELATED|ALSO READ|LISTEN)\b[A-Z ]*:")


def _furniture(row: dict[str, Any]) -> bool:
    """Does the mention's sentence open with a page's link text ("SEE MORE:")?"""
    return bool(_FURNITURE.match(row.get("sentence_text") or ""))


def _conditional(row: dict[str, Any]) -> bool:
    """Is the mention told under "if" / "whether" (its modality, or its headline as the
    titles step wrote it)?"""
    gist = row.get("gist") or ""
    return row.get("modality") == "hypothetical" or gist.startswith(("If ", "Whether ", "Unless "))


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
    """The event's title, from the mention that speaks for it (see :func:`voice`)."""
    sides = _sides(rows)
    row, (actor, target) = _voice(rows, etype, sides)
    sentence = row.get("sentence_text")
    lemma = row.get("lemma")
    trigger = _trigger_in_sentence(row)
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
        subject=tuple(json.loads(row["sentence_subject"])) if row.get("sentence_subject") else None,
        gist=row.get("gist"),
    )


def refresh_events(conn: sqlite3.Connection, event_ids: Iterable[int]) -> None:
    """Recompute the summary rows (title, dates, counts) of the given events."""
    for eid in set(event_ids):
        summary = summarise(store_events.event_summary_input(conn, eid))
        store_events.update_event(conn, eid, **summary)


def relink_all(
    conn: sqlite3.Connection,
    on_progress: Callable[[int, int], None] | None = None,
    *,
    events: bool = True,
) -> int:
    """Forget all stories and links, then, oldest first: place every article in a story
    as it would have been placed on arrival; take a second look at each once all are
    placed (:func:`ingest.stories.reconsider`: an article placed early saw only the
    stories before it); link every article's events in the stories so found. The
    reader's story and event corrections are replayed as each article comes round, and
    all of them once more at the end. Tags and notes are not touched.
    ``on_progress(done, total)`` follows the three passes over the articles. Returns the
    number of events. ``events=False`` stops after the stories (a bench of stories alone;
    the events stay unlinked)."""
    clear_all_links(conn)
    order = store_events.articles_in_order(conn)
    memory = ProfileMemory(Replay())
    total = 3 * len(order)

    def each(step: Callable[[sqlite3.Connection, int, ProfileMemory], Any], start: int) -> None:
        """One pass of ``step`` over the articles, the progress's pass ``start``."""
        for k, article_id in enumerate(order, start * len(order) + 1):
            with remembering(conn, memory):
                step(conn, article_id, memory)
            if on_progress:
                on_progress(k, total)

    each(assign_article, 0)
    n = len(order)
    # The second look of an import's end, over every article; its looks fill the
    # progress's second pass.
    settle(
        conn,
        order,
        memory,
        on_progress=(lambda d, t: on_progress(n + d * n // t, total)) if on_progress else None,
        events=False,
    )
    if not events:
        return 0
    each(link_in, 2)
    replay_overrides(conn)
    return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])


def settle(
    conn: sqlite3.Connection,
    article_ids: Iterable[int],
    memory: ProfileMemory | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    *,
    events: bool = True,
) -> list[int]:
    """The end of a run that placed ``article_ids`` (an import, a refresh, an analysis):
    take a second look at each one's story now that the whole run is in the store
    (:func:`ingest.stories.reconsider`; an article placed early in the run saw none of
    the articles after it), at most SECOND_LOOKS times, until none moves. An article that
    moves has its events linked again in its new story, in the same transaction: the
    store never holds a moved article with its old story's links. Then the articles
    outside the run that it may have changed the place of (the members of small stories
    that were its articles' candidates, :func:`ingest.stories.neighbours`) are weighed
    once against the run's stories: a refresh of a few articles links up what came
    before. Articles the reader placed stay. ``on_progress(done, total)`` after each
    article of each look (the total grows by the neighbours once they are known). Returns
    the articles that moved, in the order they moved. ``events=False``: stories only (a
    bench of stories; the run linked no events)."""
    order = list(dict.fromkeys(int(a) for a in article_ids))
    moved: list[int] = []
    seen: dict[int, list[int]] = {}  # each article's candidate stories, last look

    def look(article_id: int, among: set[int] | None = None) -> bool:
        with remembering(conn, memory):
            if reconsider(conn, article_id, memory, among=among, seen=seen) is None:
                return False
            moved.append(article_id)
            if events:
                relink_events(conn, article_id, memory)
            return True

    total = SECOND_LOOKS * len(order)
    for n in range(SECOND_LOOKS):
        now = 0
        for k, article_id in enumerate(order, 1):
            now += look(article_id)
            if on_progress:
                on_progress(n * len(order) + k, total)
        if not now:
            break
    if SPLITS and order:
        with remembering(conn, memory):
            kept, split = split_stories(conn, order, memory)
            if events:
                for article_id in split:
                    relink_events(conn, article_id, memory)
        moved += split
        # Placed beside the other happening's articles, an article of a split story
        # may belong elsewhere: each takes one more look.
        for article_id in kept + split:
            look(article_id)
    near = neighbours(conn, order, seen) if NEIGHBOURS and order else {}
    for k, (article_id, stories) in enumerate(near.items(), 1):
        look(article_id, stories)
        if on_progress:
            on_progress(total + k, total + len(near))
    if on_progress and order:
        on_progress(total + len(near), total + len(near))
    return list(dict.fromkeys(moved))


def relink_events(
    conn: sqlite3.Connection, article_id: int, memory: ProfileMemory | None = None
) -> None:
    """Link an article's event mentions again, from scratch (it moved to another story);
    the events it leaves are summarised again (an emptied one goes)."""
    left = store_events.unlink_article(conn, article_id)
    _changed(memory, left)
    refresh_events(conn, left)
    _link_one(conn, article_id, memory)


def clear_all_links(conn: sqlite3.Connection) -> None:
    """Forget every story and event link (a full re-link or re-analysis starts here);
    the reader's corrections stay and are replayed as articles are linked again."""
    with transaction(conn):
        store_events.clear_links(conn)
        store_stories.clear_stories(conn)


def replay_overrides(conn: sqlite3.Connection) -> None:
    """Apply every story and event correction of the reader once more (after a full
    re-link, when all the articles they name are linked), and clear ``needs_relink``."""
    with transaction(conn):
        for sid in store_stories.apply_story_overrides(conn):
            refresh_story(conn, sid)
        refresh_events(conn, store_overrides.apply_overrides(conn))
        store_stories.clear_needs_relink(conn)


def add_override(conn: sqlite3.Connection, action: str, **kwargs: Any) -> int:
    """Record and apply a reader's correction (see :func:`store.events.add_override`)."""
    return correct_event(conn, action, **kwargs).override_id


@dataclass(frozen=True)
class Correction:
    """A reader's correction as applied, with what it changed, so it can be undone:
    ``before`` maps each event mention (kind "event") or article (kind "story") that
    could move to the event or story it was in."""

    kind: str
    override_id: int
    before: dict[int, int | None]


def correct_event(conn: sqlite3.Connection, action: str, **kwargs: Any) -> Correction:
    """Record and apply a link correction in one transaction; the result undoes it."""
    with transaction(conn):
        events = {kwargs.get("event_id"), kwargs.get("other_event_id")}
        mention_id = kwargs.get("event_mention_id")
        if mention_id is not None:
            row = conn.execute(
                "SELECT event_id FROM event_mentions WHERE id = ?", (mention_id,)
            ).fetchone()
            events.add(row[0] if row else None)
        before = store_overrides.mention_assignments(conn, [e for e in events if e is not None])
        if mention_id is not None and mention_id not in before:
            before[int(mention_id)] = None
        oid = store_overrides.add_override(conn, action, **kwargs)
        refresh_events(conn, store_overrides.apply_overrides(conn))
    return Correction("event", oid, before)


def correct_story(
    conn: sqlite3.Connection, action: str, article_id: int, other_article_id: int | None = None
) -> Correction:
    """A story correction (see :func:`ingest.stories.correct`) that can be undone."""
    with transaction(conn):
        ids = [article_id] + ([other_article_id] if other_article_id is not None else [])
        before = store_stories.story_assignments(conn, ids)
        oid, _ = apply_story_correction(conn, action, article_id, other_article_id)
    return Correction("story", oid, before)


def undo(conn: sqlite3.Connection, correction: Correction) -> None:
    """Take back a correction: the override is forgotten and what it moved goes back
    where it was, in one transaction."""
    with transaction(conn):
        if correction.kind == "event":
            store_overrides.delete_override(conn, correction.override_id)
            refresh_events(conn, store_overrides.restore_assignments(conn, correction.before))
        else:
            store_stories.delete_story_override(conn, correction.override_id)
            for sid in store_stories.restore_story_assignments(conn, correction.before):
                refresh_story(conn, sid)
