"""Split a story that holds two happenings (:mod:`analysis.story_split` decides).

Run at the end of a run's second look (:func:`ingest.relinking.settle`) on the stories of
the run's articles: the group of articles that does not hold the story's newest article
starts a story of its own. A story holding an article the reader placed stays as it is
(the reader's word wins over the check).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping

from analysis import story_split
from analysis.stories import ArticleProfile
from ingest.profiles import ProfileMemory, member_profiles, story_profiles
from ingest.stories import refresh
from store import stories as store_stories
from store import story_features
from store.events import store_size

#: A switch: small stories are adopted by a larger one at the merge (see
#: :func:`analysis.story_split.adopter`).
ADOPTS = True


def _checkable(conn: sqlite3.Connection, story_id: int) -> list[int]:
    """A story's articles when a check of the whole story may change it: at most
    MAX_MEMBERS of them (the check is quadratic), none placed by the reader (the
    reader's word wins); else none."""
    ids = story_features.story_members(conn, story_id, limit=story_split.MAX_MEMBERS + 1)
    if len(ids) > story_split.MAX_MEMBERS:
        return []
    if any(store_stories.pinned_story(conn, a) is not None for a in ids):
        return []
    return ids


def split_story(
    conn: sqlite3.Connection, story_id: int, memory: ProfileMemory | None = None
) -> tuple[list[int], list[int]]:
    """Check one story (call inside a transaction); returns the articles that stay and
    those moved to a new story (both empty when it is one happening)."""
    ids = _checkable(conn, story_id)
    if len(ids) < story_split.MIN_PART * 2:
        return [], []
    members = member_profiles(conn, ids, memory)
    parts = story_split.split(members)
    if parts is None:
        return [], []
    moved = sorted(parts[1])
    new_id = store_stories.assign_story(conn, moved[0], None)
    for article_id in moved[1:]:
        store_stories.assign_story(conn, article_id, new_id)
    refresh(conn, story_id)
    refresh(conn, new_id)
    return sorted(parts[0]), moved


def split_stories(
    conn: sqlite3.Connection, article_ids: Iterable[int], memory: ProfileMemory | None = None
) -> tuple[list[int], list[int]]:
    """Check the stories of ``article_ids`` once each (call inside a transaction);
    returns the articles of the stories split: those that stayed, those moved."""
    seen: set[int] = set()
    kept: list[int] = []
    moved: list[int] = []
    for article_id in article_ids:
        story_id = store_stories.story_of(conn, article_id)
        if story_id is None or story_id in seen:
            continue
        seen.add(story_id)
        stay, went = split_story(conn, story_id, memory)
        kept += stay
        moved += went
    return kept, moved


def merge_stories(
    conn: sqlite3.Connection,
    article_ids: Iterable[int],
    candidates: Mapping[int, Iterable[int]],
    memory: ProfileMemory | None = None,
) -> list[int]:
    """Merge the stories of ``article_ids`` with their candidate stories (``candidates``:
    article -> the stories its last look weighed) where the two are one happening
    (:func:`analysis.story_split.one_story`), the smaller into the larger, the pairs
    that join most first; each story merges once per call. Stories holding an article
    the reader placed stay as they are. Call inside a transaction; returns the articles
    moved (their events need linking again)."""
    pairs: set[tuple[int, int]] = set()
    for article_id in article_ids:
        own = store_stories.story_of(conn, article_id)
        if own is None:
            continue
        for other in candidates.get(article_id, ()):
            if other != own:
                pairs.add((min(own, other), max(own, other)))
    members: dict[int, list[int]] = {}

    def of(story_id: int) -> list[int]:
        if story_id not in members:
            members[story_id] = _checkable(conn, story_id)
        return members[story_id]

    profiles: dict[int, list[ArticleProfile]] = {}

    def profiled(story_id: int) -> list[ArticleProfile]:
        if story_id not in profiles:
            profiles[story_id] = member_profiles(conn, of(story_id), memory)
        return profiles[story_id]

    scored = []
    for s, t in sorted(pairs):
        if not of(s) or not of(t):
            continue
        share = story_split.one_story(profiled(s), profiled(t))
        if share is not None:
            scored.append((share, s, t))
    moved: list[int] = []
    done: set[int] = set()
    for _, s, t in sorted(scored, reverse=True):
        if s in done or t in done:
            continue
        small, large = (s, t) if len(of(s)) < len(of(t)) else (t, s)
        for article_id in of(small):
            store_stories.assign_story(conn, article_id, large)
        moved += of(small)
        refresh(conn, small)
        refresh(conn, large)
        done |= {s, t}
    if ADOPTS:
        moved += _adopt(conn, pairs, of, profiled, done, memory)
    return moved


def _adopt(
    conn: sqlite3.Connection,
    pairs: set[tuple[int, int]],
    of: Callable[[int], list[int]],
    profiled: Callable[[int], list[ArticleProfile]],
    done: set[int],
    memory: ProfileMemory | None,
) -> list[int]:
    """Small stories among ``pairs`` that a larger candidate adopts
    (:func:`analysis.story_split.adopter`) move into it; returns the articles moved. A
    home is a story of at least MIN_PART articles: beside one or two articles a short
    report fits anything that shares its company's name (Apple's quarterly profits and
    its trademark settlement with Apple Corps beside the iPhone's launch)."""
    larger: dict[int, set[int]] = {}
    for s, t in pairs:
        for small, other in ((s, t), (t, s)):
            if (
                small not in done
                and other not in done
                and 0 < len(of(small)) <= story_split.ADOPT_MAX
                and len(of(other)) >= max(story_split.MIN_PART, len(of(small)) + 1)
            ):
                larger.setdefault(small, set()).add(other)
    moved: list[int] = []
    grown: set[int] = set()
    articles = store_size(conn)
    # the larger small stories first; a story that adopted one is no longer small
    for small in sorted(larger, key=lambda s: (-len(of(s)), s)):
        homes = [h for h in sorted(larger[small]) if h not in done]
        if small in done or small in grown or not homes:
            continue
        home = story_split.adopter(profiled(small), story_profiles(conn, homes, articles, memory))
        if home is None:
            continue
        for article_id in of(small):
            store_stories.assign_story(conn, article_id, home)
        moved += of(small)
        refresh(conn, small)
        refresh(conn, home)
        done.add(small)
        grown.add(home)  # it may adopt others, and is no longer small
    return moved
