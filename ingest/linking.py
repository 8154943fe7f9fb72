"""Event linking: store candidates -> analysis decision -> store update.

Incremental: a new article's event mentions join existing events (or start new ones)
without touching the rest of the store; the candidates come from indexed, bounded
lookups (see :mod:`store.events`), so the cost per article does not grow with the store.
A full re-link (:func:`relink_all`, e.g. after re-analysis with a newer model) replays
every article oldest first and then re-applies the reader's overrides.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from analysis.agreement import family
from analysis.bridges import bridged
from analysis.linking import (
    EventFeatures,
    MentionFeatures,
    context_vector,
    decide,
    qualifying,
    same_word,
)
from analysis.prefilter import may_join
from analysis.stories import SECOND_LOOKS
from analysis.timex import interval
from ingest.corrections import replay_overrides
from ingest.event_summary import refresh_events
from ingest.mentions import mention_features
from ingest.profiles import ProfileMemory, Replay
from ingest.stories import assign_article, neighbours, reconsider
from ingest.story_split import merge_stories, split_stories
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
#: story's events of the same kind only (see _link_one).
WORD_AND_PARTY_FIRST = True
#: A run's closing look also weighs the articles outside it that its articles may have
#: changed the place of (:func:`ingest.stories.neighbours`) against the run's stories.
NEIGHBOURS = True
#: ... and checks whether the stories of its articles hold two happenings
#: (:mod:`ingest.story_split`).
SPLITS = True
#: ... and whether two of its stories are one happening that the order of arrival split
#: (:func:`ingest.story_split.merge_stories`).
MERGES = True
#: Articles that moved to another story together are all unlinked before any is linked
#: again (see :func:`relink_events`).
RELINK_TOGETHER = True


def _shares_word(m: MentionFeatures, kinds: list[Any]) -> bool:
    return any(same_word(m.lemma, kind[1]) for kind in kinds)


def _block_key(eid: int, word: bool, story: bool, party: bool) -> tuple[int, ...]:
    """Where a candidate event stands in the blocking (see _link_one): it shares the
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


#: Link an article's vague mentions after its informative ones (see _link_one).
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
    store never holds a moved article with its old story's links. Its stories are then
    checked for two happenings (:mod:`ingest.story_split`: split) and for two stories of
    one happening (merged, :func:`ingest.story_split.merge_stories`). Then the articles
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
                relink_events(conn, [article_id], memory)
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
                relink_events(conn, split, memory)
        moved += split
        # Placed beside the other happening's articles, an article of a split story
        # may belong elsewhere: each takes one more look.
        for article_id in kept + split:
            look(article_id)
    if MERGES and order:
        with remembering(conn, memory):
            joined = merge_stories(conn, order, seen, memory)
            if events:
                relink_events(conn, joined, memory)
        moved += joined
    near = neighbours(conn, order, seen) if NEIGHBOURS and order else {}
    for k, (article_id, stories) in enumerate(near.items(), 1):
        look(article_id, stories)
        if on_progress:
            on_progress(total + k, total + len(near))
    if on_progress and order:
        on_progress(total + len(near), total + len(near))
    return list(dict.fromkeys(moved))


def relink_events(
    conn: sqlite3.Connection, article_ids: Iterable[int], memory: ProfileMemory | None = None
) -> None:
    """Link the event mentions of articles that moved to another story again, from
    scratch; the events they leave are summarised again (an emptied one goes). All are
    unlinked before any is linked: articles that moved together (a split story's other
    happening) would otherwise take their old events back through each other, as the
    new story's events (RELINK_TOGETHER)."""
    ids = list(dict.fromkeys(int(a) for a in article_ids))
    if RELINK_TOGETHER:
        for article_id in ids:
            _unlink(conn, article_id, memory)
        for article_id in ids:
            _link_one(conn, article_id, memory)
        return
    for article_id in ids:
        _unlink(conn, article_id, memory)
        _link_one(conn, article_id, memory)


def _unlink(conn: sqlite3.Connection, article_id: int, memory: ProfileMemory | None) -> None:
    left = store_events.unlink_article(conn, article_id)
    _changed(memory, left)
    refresh_events(conn, left)


def clear_all_links(conn: sqlite3.Connection) -> None:
    """Forget every story and event link (a full re-link or re-analysis starts here);
    the reader's corrections stay and are replayed as articles are linked again."""
    with transaction(conn):
        store_events.clear_links(conn)
        store_stories.clear_stories(conn)
