"""The end of a run and a full re-link: a second look at the run's stories, splits and
merges of stories, the events of moved articles linked again, and every article
placed and linked again from scratch (:func:`relink_all`, after re-analysis with a newer
model). The per-article linking is :mod:`ingest.linking`'s.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from analysis.stories import SECOND_LOOKS
from ingest.corrections import replay_overrides
from ingest.linking import clear_all_links, link_events, link_in, remembering, unlink_events
from ingest.profiles import ProfileMemory, Replay
from ingest.stories import assign_article, neighbours, reconsider
from ingest.story_split import merge_stories, split_stories
from store import events as store_events
from store.stories import story_of

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
#: A run's second looks skip an article when nothing its last look read has changed
#: since it stayed (no article moved into or out of its story, its candidate stories or
#: the stories of the articles that voted for them): the same look would decide the same.
SKIP_UNCHANGED = True


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
    voters: dict[int, set[int]] = {}  # the articles whose stories voted for them
    shifts: list[tuple[int, int | None, int]] = []  # (article, from story, to), in order
    stayed: dict[int, tuple[int, int | None]] = {}  # (shifts then, its story) at its look

    def unchanged(article_id: int) -> bool:
        """Did nothing its last look read change since it stayed? Only stories change
        in a run's second looks: a look reads its own story, its candidate stories and
        the stories of the articles that voted for them."""
        if not SKIP_UNCHANGED or article_id not in stayed:
            return False
        k, own = stayed[article_id]
        stories = {own, *seen.get(article_id, ())}
        found = voters.get(article_id, set())
        return all(
            m not in found and a not in stories and b not in stories for m, a, b in shifts[k:]
        )

    def look(article_id: int, among: set[int] | None = None) -> bool:
        with remembering(conn, memory):
            own = story_of(conn, article_id)
            to = reconsider(conn, article_id, memory, among=among, seen=seen, found=voters)
            if to is None:
                if among is None:
                    stayed[article_id] = (len(shifts), own)
                return False
            shifts.append((article_id, own, to))
            stayed.pop(article_id, None)
            moved.append(article_id)
            if events:
                relink_events(conn, [article_id], memory)
            return True

    total = SECOND_LOOKS * len(order)
    for n in range(SECOND_LOOKS):
        now = 0
        for k, article_id in enumerate(order, 1):
            # a look that would read what it read last time stays where it stayed
            now += False if n and unchanged(article_id) else look(article_id)
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
            unlink_events(conn, article_id, memory)
        for article_id in ids:
            link_events(conn, article_id, memory)
        return
    for article_id in ids:
        unlink_events(conn, article_id, memory)
        link_events(conn, article_id, memory)
