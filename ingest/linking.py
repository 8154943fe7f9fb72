"""Event linking: store candidates -> analysis decision -> store update.

Incremental: a new article's event mentions join existing events (or start new ones)
without touching the rest of the store; the candidates come from indexed, bounded
lookups (see :mod:`store.events`), so the cost per article does not grow with the store.
A run's closing second look and a full re-link (which replays every article oldest
first and then re-applies the reader's overrides) are :mod:`ingest.relinking`'s.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from analysis.agreement import family
from analysis.bridges import bridged
from analysis.choice import decide
from analysis.linking import (
    EventFeatures,
    MentionFeatures,
    context_vector,
    qualifying,
    same_word,
)
from analysis.prefilter import may_join
from analysis.time_values import interval
from ingest.event_summary import refresh_events
from ingest.mentions import mention_features
from ingest.profiles import ProfileMemory
from ingest.stories import assign_article
from store import candidates as store_candidates
from store import events as store_events
from store import overrides as store_overrides
from store import stories as store_stories
from store.db import transaction
from store.events import EventKind


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
#: Switch: in that blocking, the same word and a shared participant weigh before the
#: story's events of the same kind only (see link_events).
WORD_AND_PARTY_FIRST = True


def _shares_word(m: MentionFeatures, kinds: list[Any]) -> bool:
    return any(same_word(m.lemma, kind[1]) for kind in kinds)


def _block_key(eid: int, word: bool, story: bool, party: bool) -> tuple[int, ...]:
    """Where a candidate event stands in the blocking (see link_events): it shares the
    trigger word, is of the mention's story, shares a participant; newest first last."""
    return (
        -(story and word),
        -(WORD_AND_PARTY_FIRST and party and word),
        -story,
        -word,
        -party,
        -eid,
    )


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
    link_events(conn, article_id, memory)


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


#: Link an article's vague mentions after its informative ones (see link_events).
VAGUE_LAST = True


def link_order(
    rows: list[dict[str, Any]], features: Mapping[int, MentionFeatures]
) -> list[dict[str, Any]]:
    """The order an article's mentions (``rows``, with their ``features`` by id) are
    linked in: informative before vague (with VAGUE_LAST: "the second climber to die"
    then meets the article's own events, such as "Buckley's death", not only its
    story's), then the most salient first, then in text order."""
    vague = {r["id"] for r in rows if VAGUE_LAST and features[r["id"]].vague}
    return sorted(
        rows, key=lambda r: (r["id"] in vague, -(r["salience"] or 0.0), r["trigger_start"] or 0)
    )


def link_events(
    conn: sqlite3.Connection, article_id: int, memory: ProfileMemory | None = None
) -> set[int]:
    """Link the article's unlinked event mentions, inside the caller's transaction;
    returns the events touched."""
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
    features = {r["id"]: mention_features(r, context) for r in rows}
    order = link_order(rows, features)
    spans = [(r["trigger_start"], r["trigger_end"]) for r in rows if r["trigger_start"] is not None]
    sayings = {
        r["id"]
        for r in order
        if r.get("reports") is not None and any(a <= r["reports"] < b for a, b in spans)
    }
    order.sort(key=lambda r: r["id"] in sayings)
    for row in order:
        m = features[row["id"]]
        if row["id"] in sayings:
            m = replace(m, reported=store_candidates.reported_event(conn, row["id"]))
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
            # (WORD_AND_PARTY_FIRST: the same word with the same participant, from
            # another story, comes before the story's events of the same kind only:
            # "recovered from their bankruptcy" is GM's filing, not the story's sales.)
            hopeful.sort(
                key=lambda eid: _block_key(
                    eid, _shares_word(m, kinds[eid]), eid in in_story, eid in parties
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


def unlink_events(conn: sqlite3.Connection, article_id: int, memory: ProfileMemory | None) -> None:
    """Take the article's mentions out of their events (an emptied event goes)."""
    left = store_events.unlink_article(conn, article_id)
    _changed(memory, left)
    refresh_events(conn, left)


def clear_all_links(conn: sqlite3.Connection) -> None:
    """Forget every story and event link (a full re-link or re-analysis starts here);
    the reader's corrections stay and are replayed as articles are linked again."""
    with transaction(conn):
        store_events.clear_links(conn)
        store_stories.clear_stories(conn)
