"""Story assignment: store candidates -> analysis decision -> store update.

Incremental and online: each analysed article, as it is stored, finds candidate stories
through indexes (the rare content words and entities it shares with stored articles,
within a time window around its date), is scored against each candidate's newest
members (:mod:`analysis.stories`), and joins the best or starts a story. A reader's
correction for the article (move, split) wins over the decision, now and on every re-run.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

from analysis import stories as decide_stories
from analysis.stories import ArticleProfile, StoryProfile, StoryScore
from analysis.story_words import article_terms
from analysis.tfidf import rare_first
from ingest.profiles import ProfileMemory, profiles, story_profiles
from store import stories as store_stories
from store import story_features
from store.db import transaction
from store.events import store_size

#: Candidate stories weighed in full per article (those sharing the most keys).
MAX_STORIES = 10
#: After a run, the members of candidate stories of at most this many articles get a
#: second look against the run's stories (:func:`neighbours`).
NEIGHBOUR_STORY_SIZE = 10


def assign_article(
    conn: sqlite3.Connection, article_id: int, memory: ProfileMemory | None = None
) -> tuple[int, StoryScore | None]:
    """Place one stored, analysed article in a story (call inside a transaction);
    returns (story id, the winning score or None when it started a story). ``memory``:
    the facts of articles read while placing earlier ones (see :class:`ingest.profiles.ProfileMemory`;
    the caller syncs it)."""
    story_id = store_stories.story_of(conn, article_id)
    if story_id is not None:
        return story_id, None
    if not story_features.has_terms(conn, article_id):
        text = story_features.article_text(conn, article_id)
        if text is None:
            raise ValueError(f"no article {article_id}")
        terms = article_terms(*text)
        story_features.save_terms(conn, article_id, terms)
        if memory is not None:
            memory.terms_saved(terms)
    pinned = store_stories.pinned_story(conn, article_id)
    if pinned is not None:
        story_id = _pinned(conn, article_id, pinned)
        if story_id is not None:
            if memory is not None and memory.replay is not None:
                # placed by the reader, it still counts for the articles after it
                profiles(conn, [article_id], store_size(conn), memory=memory)
            return story_id, None
    me, candidates = story_candidates(conn, article_id, memory)
    chosen, best = decide_stories.decide(me, candidates)
    story_id = store_stories.assign_story(conn, article_id, chosen)
    refresh(conn, story_id)
    return story_id, best if chosen is not None else None


def reconsider(
    conn: sqlite3.Connection,
    article_id: int,
    memory: ProfileMemory | None = None,
    among: Iterable[int] | None = None,
    seen: dict[int, list[int]] | None = None,
    found: dict[int, set[int]] | None = None,
) -> int | None:
    """Take a second look at a placed article once a run's articles are placed (the end
    of a run, :func:`ingest.relinking.settle`, or of a full re-link): weigh it against its
    own story without it and against every candidate story (or only the stories
    ``among``: a neighbour's look, see :func:`neighbours`), and move it when another fits
    better by MOVE_MARGIN (:func:`analysis.stories.second_look`), or (a full look only)
    to a story of its own when no story fits it, its own no longer
    (:func:`analysis.stories.leaves`). Call inside a transaction; an article that moves
    needs its events linked again
    (:func:`ingest.relinking.relink_events`). An article the reader placed stays. ``seen``,
    when given, receives the ids of the candidate stories it was weighed against (what
    :func:`neighbours` starts from), and ``found`` the articles whose stories voted for
    them. Returns the story it moved to, or None."""
    own = store_stories.story_of(conn, article_id)
    if own is None or store_stories.pinned_story(conn, article_id) is not None:
        return None
    if among is None:
        voters: set[int] | None = set() if found is not None else None
        me, candidates = story_candidates(conn, article_id, memory, voters)
        if found is not None and voters is not None:
            found[article_id] = voters
        if seen is not None:
            seen[article_id] = [c.id for c in candidates]
    else:
        me, candidates = _weigh_among(conn, article_id, own, among, memory)
    mine = next((s for s in candidates if s.id == own), None)
    if mine is None:  # its own story shares too little with it to be a candidate
        mine = story_profiles(conn, [own], store_size(conn), memory, leave_out=article_id)[0]
    without_me = mine if mine.members else None
    best = decide_stories.second_look(me, without_me, [s for s in candidates if s.id != own])
    if best is None:
        if among is not None or not decide_stories.leaves(me, without_me):
            return None
        to = store_stories.assign_story(conn, article_id, None)
    else:
        to = store_stories.assign_story(conn, article_id, best.story_id)
    refresh(conn, own)
    refresh(conn, to)
    return to


def _weigh_among(
    conn: sqlite3.Connection,
    article_id: int,
    own: int,
    among: Iterable[int],
    memory: ProfileMemory | None,
) -> tuple[ArticleProfile, list[StoryProfile]]:
    """The article's profile and those of its own story and the stories ``among`` (within
    WINDOW_DAYS of its date): a second look at those only (:func:`neighbours`)."""
    articles = store_size(conn)
    if memory is not None:
        memory.forget(article_id)
    me = profiles(conn, [article_id], articles, memory=memory)[article_id]
    ids = list(dict.fromkeys([own, *(int(s) for s in among)]))
    out = story_profiles(conn, ids, articles, memory, leave_out=article_id)
    return me, [
        s
        for s in out
        if s.id == own
        or (gap := decide_stories.days_from_span(me.day, s.start, s.end)) is None
        or abs(gap) <= decide_stories.WINDOW_DAYS
    ]


def neighbours(
    conn: sqlite3.Connection, run: Iterable[int], candidates: Mapping[int, Iterable[int]]
) -> dict[int, set[int]]:
    """After a run placed the articles ``run``: the articles outside the run that its
    articles may have changed the place of, each with the stories to weigh it against.
    Those are the members of the small stories (at most NEIGHBOUR_STORY_SIZE articles)
    among a run article's ``candidates`` (story ids, from its second look: see
    :func:`reconsider`'s ``seen``) other than its own: an article that arrived alone may
    belong with a later one's story once the run's article that bridges them is in (a
    refresh of a few articles otherwise never looks back at what it links up). A run
    article the reader placed brings none (its story stays as the reader made it)."""
    inside = set(run)
    if len(inside) >= store_size(conn):
        return {}  # the run is every article (a re-link, `analyse --all`)
    out: dict[int, set[int]] = {}
    sizes: dict[int, list[int]] = {}
    for article_id, story_ids in candidates.items():
        own = store_stories.story_of(conn, article_id)
        if own is None or store_stories.pinned_story(conn, article_id) is not None:
            continue
        for s in story_ids:
            if s == own:
                continue
            if s not in sizes:
                sizes[s] = story_features.story_members(conn, s, limit=NEIGHBOUR_STORY_SIZE + 1)
            if len(sizes[s]) > NEIGHBOUR_STORY_SIZE:
                continue
            for m in sizes[s]:
                if m not in inside:
                    out.setdefault(m, set()).add(own)
    return out


def story_candidates(
    conn: sqlite3.Connection,
    article_id: int,
    memory: ProfileMemory | None = None,
    found: set[int] | None = None,
) -> tuple[ArticleProfile, list[StoryProfile]]:
    """The article's profile and those of the stories it may join: the stories of stored
    articles sharing its rarest terms and entities (indexed, bounded), within
    WINDOW_DAYS of its date, those sharing the most first. ``found``, when given,
    receives the ids of those articles (the stories' votes come from them)."""
    articles = store_size(conn)
    me, story_ids = _candidates(conn, article_id, articles, memory, found)
    # An article placed already (a second look) is weighed against its story without it.
    return me, story_profiles(conn, story_ids, articles, memory, leave_out=article_id)


def _candidates(
    conn: sqlite3.Connection,
    article_id: int,
    articles: int,
    memory: ProfileMemory | None,
    found_out: set[int] | None = None,
) -> tuple[ArticleProfile, list[int]]:
    raw: dict[str, Any] = {}
    if memory is not None:
        memory.forget(article_id)
    me = profiles(conn, [article_id], articles, keep=raw, memory=memory)[article_id]
    terms: dict[str, tuple[int, int]] = raw["terms"].get(article_id, {})
    ents: dict[int, tuple[int, int]] = raw["entities"].get(article_id, {})
    replay = memory.replay if memory is not None else None
    if replay is not None:
        terms = {t: (tf, replay.terms[t]) for t, (tf, _) in terms.items()}
        ents = {e: (tf, replay.entities[e]) for e, (tf, _) in ents.items()}
    lo = hi = None
    if me.day is not None:
        window = timedelta(days=decide_stories.WINDOW_DAYS)
        lo, hi = (me.day - window).isoformat(), (me.day + window).isoformat()
    found = story_features.candidate_articles(
        conn,
        article_id=article_id,
        terms=[t for t in rare_first(terms) if terms[t][1] >= 2],
        entity_ids=[e for e in rare_first(ents) if ents[e][1] >= 2],
        lo=lo,
        hi=hi,
    )
    if found_out is not None:
        found_out.update(found)
    votes = Counter(found.values())
    return me, [sid for sid, _ in votes.most_common(MAX_STORIES)]


def _pinned(conn: sqlite3.Connection, article_id: int, pinned: tuple[str, Any]) -> int | None:
    action, other = pinned
    if action == "split":
        story_id = store_stories.assign_story(conn, article_id, None)
    else:
        target = store_stories.story_of(conn, other)
        if target is None:
            return None
        story_id = store_stories.assign_story(conn, article_id, target)
    refresh(conn, story_id)
    return story_id


def refresh(conn: sqlite3.Connection, story_id: int) -> None:
    """Recompute a story's dates and counts (store) and choose its headline (analysis)."""
    store_stories.refresh_story(conn, story_id)
    titles = store_stories.story_titles(conn, story_id)
    k = decide_stories.best_headline(titles)
    title = titles[k] if k is not None else None
    if title:
        store_stories.set_story_title(conn, story_id, title)


def correct(
    conn: sqlite3.Connection, action: str, article_id: int, other_article_id: int | None = None
) -> set[int]:
    """Record a reader's story correction and apply it at once, in one transaction:
    ``move`` (the article belongs to ``other_article_id``'s story) or ``split`` (it starts
    a story of its own). Returns the stories whose membership changed, their counts, dates
    and headlines refreshed."""
    with transaction(conn):
        return apply_correction(conn, action, article_id, other_article_id)[1]


def apply_correction(
    conn: sqlite3.Connection, action: str, article_id: int, other_article_id: int | None = None
) -> tuple[int, set[int]]:
    """:func:`correct` inside the caller's transaction; returns (override id, stories
    changed)."""
    oid = store_stories.add_story_override(conn, action, article_id, other_article_id)
    touched = store_stories.apply_story_overrides(conn, article_id)
    for sid in touched:
        refresh(conn, sid)
    return oid, touched
