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
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from analysis import stories as decide_stories
from analysis.stories import ArticleProfile, StoryProfile, StoryScore, day_of
from store import stories as store_stories
from store.db import transaction
from store.events import store_size

#: Candidate stories weighed in full per article (those sharing the most keys).
MAX_STORIES = 10
#: After a run, the members of candidate stories of at most this many articles get a
#: second look against the run's stories (:func:`neighbours`).
NEIGHBOUR_STORY_SIZE = 10


@dataclass
class _Facts:
    """What story scoring reads of one analysed article that stays as it is while the
    article stays analysed: its terms and entities with their counts in the article (in
    the order the store gives them), its title words, day, people and names."""

    terms: dict[str, int]
    entities: dict[int, int]
    title: set[str]
    day: date | None
    people: dict[str, int]
    names: frozenset[str]


class Replay:
    """Document frequencies as the articles placed so far in a full re-link give them.
    A re-link places the stored articles again in the order they came; each must be
    weighed as it was when it arrived, against the articles before it, not with
    frequencies and candidate keys that count the articles after it (those are not
    placed yet: keys shared only with them find no story, and words common to a story
    weigh little before the story has grown). Once every article is placed these are the
    store's own frequencies."""

    def __init__(self) -> None:
        self.terms: Counter[str] = Counter()
        self.entities: Counter[int] = Counter()
        self.counted: set[int] = set()

    def count(self, article_id: int, facts: _Facts) -> None:
        """The article is being placed: from now on it counts (once)."""
        if article_id in self.counted:
            return
        self.counted.add(article_id)
        self.terms.update(facts.terms.keys())
        self.entities.update(facts.entities.keys())


class ProfileMemory:
    """What one run has read of stored articles, so placing the next article reads only
    what changed since: the facts (:class:`_Facts`) of each article read, the document
    frequencies of terms (changed only by :func:`store.stories.save_terms`, which this
    run calls, see :meth:`terms_saved`) and each profile's vectors with the frequencies
    and store size they were weighed with (reused only while those are unchanged). The
    entities' frequencies are read afresh for every decision; so each decision is the one
    a run without this memory makes.

    Event linking keeps here, per event, the newest mentions its features are read from
    (``events``; :mod:`ingest.linking` drops an event whenever it assigns, merges or
    corrects into or out of it, and the events of an article whose analysis is
    replaced).

    Forgotten whenever another connection has committed (``PRAGMA data_version``: it
    may have re-analysed or removed an article, or saved terms) and after a rolled-back
    transaction; an article's own facts are forgotten when its analysis is stored anew
    (:meth:`forget`)."""

    def __init__(self, replay: Replay | None = None) -> None:
        #: In a full re-link, the frequencies of the articles placed so far (see
        #: :class:`Replay`); they are the run's own and outlive :meth:`clear`.
        self.replay = replay
        self.facts: dict[int, _Facts] = {}
        self.term_df: dict[str, int] = {}
        #: article id -> (store size, term frequencies, words vector, entity
        #: frequencies, entities vector), frequencies in the order of its facts.
        self.vectors: dict[int, tuple[int, tuple[int, ...], Any, tuple[int | None, ...], Any]]
        self.vectors = {}
        #: event id -> the features of its newest mentions (store.events.event_members).
        self.events: dict[int, list[Any]] = {}
        self._version: int | None = None

    def sync(self, conn: sqlite3.Connection) -> None:
        """Call at the start of each transaction: forget everything if another
        connection has committed since the last call."""
        version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        if version != self._version:
            self.clear()
            self._version = version

    def forget(self, article_id: int) -> None:
        self.facts.pop(article_id, None)
        self.vectors.pop(article_id, None)

    def terms_saved(self, terms: Iterable[str]) -> None:
        """An article's terms were saved: their document frequencies grew."""
        for term in terms:
            self.term_df.pop(term, None)

    def clear(self) -> None:
        self.facts.clear()
        self.term_df.clear()
        self.vectors.clear()
        self.events.clear()
        self._version = None


def _read_facts(
    conn: sqlite3.Connection, article_ids: list[int], *, keep: dict[str, Any] | None = None
) -> dict[int, tuple[_Facts, dict[str, int], dict[int, int]]]:
    """The articles' facts and the current document frequencies of their terms and
    entities, read in four bounded queries. ``keep``, when given, receives the raw term
    and entity counts (the candidate lookup needs them too)."""
    terms = store_stories.article_terms(conn, article_ids)
    ents = store_stories.article_entities(conn, article_ids)
    heads = store_stories.article_heads(conn, article_ids)
    names = store_stories.article_names(conn, article_ids)
    if keep is not None:
        keep.update(terms=terms, entities=ents)
    out = {}
    for aid in article_ids:
        head = heads.get(aid, {})
        people, named = decide_stories.who(names.get(aid, []))
        my_terms = terms.get(aid, {})
        my_ents = ents.get(aid, {})
        facts = _Facts(
            terms={t: tf for t, (tf, _) in my_terms.items()},
            entities={e: tf for e, (tf, _) in my_ents.items()},
            title=decide_stories.title_words(head.get("title")),
            day=day_of(head.get("date")),
            people=people,
            names=named,
        )
        out[aid] = (
            facts,
            {t: df for t, (_, df) in my_terms.items()},
            {e: df for e, (_, df) in my_ents.items()},
        )
    return out


def _profile(
    aid: int,
    facts: _Facts,
    term_df: Mapping[str, int],
    entity_df: Mapping[int, int],
    articles: int,
    memory: ProfileMemory | None = None,
) -> ArticleProfile:
    tdf = tuple(term_df[t] for t in facts.terms)
    edf = tuple(entity_df.get(e) for e in facts.entities)
    kept = memory.vectors.get(aid) if memory is not None else None
    if kept is not None and kept[0] == articles and kept[1] == tdf:
        words = kept[2]
    else:
        words = decide_stories.tfidf(
            {t: (tf, df) for (t, tf), df in zip(facts.terms.items(), tdf, strict=True)},
            articles,
        )
    if kept is not None and kept[0] == articles and kept[3] == edf:
        entities = kept[4]
    else:
        entities = decide_stories.tfidf(
            {
                e: (tf, df)
                for (e, tf), df in zip(facts.entities.items(), edf, strict=True)
                if df is not None
            },
            articles,
        )
    if memory is not None:
        memory.vectors[aid] = (articles, tdf, words, edf, entities)
    return ArticleProfile(
        id=aid,
        entities=entities,
        words=words,
        title=facts.title,
        day=facts.day,
        people=facts.people,
        names=facts.names,
    )


def _profiles(
    conn: sqlite3.Connection,
    article_ids: list[int],
    articles: int,
    *,
    keep: dict[str, Any] | None = None,
    memory: ProfileMemory | None = None,
) -> dict[int, ArticleProfile]:
    """The articles' profiles. Facts in ``memory`` are not read again: only the current
    document frequencies of their entities are, and of their terms those it does not
    hold (two bounded queries); what is read is added to it."""
    known = memory.facts if memory is not None and keep is None else {}
    missing = [aid for aid in article_ids if aid not in known]
    read = _read_facts(conn, missing, keep=keep) if missing else {}
    if memory is not None:
        for aid, (facts, tdf, _) in read.items():
            memory.facts[aid] = facts
            memory.term_df.update(tdf)
    remembered = [aid for aid in article_ids if aid not in read]
    term_df: dict[str, int] = memory.term_df if memory is not None else {}
    entity_df: dict[int, int] = {}
    if remembered:
        unknown = {t for aid in remembered for t in known[aid].terms if t not in term_df}
        if unknown:
            term_df.update(store_stories.term_df(conn, sorted(unknown)))
        entity_df = store_stories.entity_df(
            conn, sorted({e for aid in remembered for e in known[aid].entities})
        )
    out = {}
    replay = memory.replay if memory is not None else None
    if replay is not None:
        facts_of = {aid: read[aid][0] if aid in read else known[aid] for aid in article_ids}
        for aid, facts in facts_of.items():
            replay.count(aid, facts)
    for aid in article_ids:
        if replay is not None:
            out[aid] = _profile(
                aid, facts_of[aid], replay.terms, replay.entities, len(replay.counted), memory
            )
        elif aid in read:
            facts, tdf, edf = read[aid]
            out[aid] = _profile(aid, facts, tdf, edf, articles, memory)
        else:
            out[aid] = _profile(aid, known[aid], term_df, entity_df, articles, memory)
    return out


def assign_article(
    conn: sqlite3.Connection, article_id: int, memory: ProfileMemory | None = None
) -> tuple[int, StoryScore | None]:
    """Place one stored, analysed article in a story (call inside a transaction);
    returns (story id, the winning score or None when it started a story). ``memory``:
    the facts of articles read while placing earlier ones (see :class:`ProfileMemory`;
    the caller syncs it)."""
    story_id = store_stories.story_of(conn, article_id)
    if story_id is not None:
        return story_id, None
    if not store_stories.has_terms(conn, article_id):
        text = store_stories.article_text(conn, article_id)
        if text is None:
            raise ValueError(f"no article {article_id}")
        terms = decide_stories.article_terms(*text)
        store_stories.save_terms(conn, article_id, terms)
        if memory is not None:
            memory.terms_saved(terms)
    pinned = store_stories.pinned_story(conn, article_id)
    if pinned is not None:
        story_id = _pinned(conn, article_id, pinned)
        if story_id is not None:
            if memory is not None and memory.replay is not None:
                # placed by the reader, it still counts for the articles after it
                _profiles(conn, [article_id], store_size(conn), memory=memory)
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
) -> int | None:
    """Take a second look at a placed article once a run's articles are placed (the end
    of a run, :func:`ingest.linking.settle`, or of a full re-link): weigh it against its
    own story without it and against every candidate story (or only the stories
    ``among``: a neighbour's look, see :func:`neighbours`), and move it when another fits
    better by MOVE_MARGIN (:func:`analysis.stories.second_look`). Call inside a
    transaction; an article that moves needs its events linked again
    (:func:`ingest.linking.relink_events`). An article the reader placed stays. ``seen``,
    when given, receives the ids of the candidate stories it was weighed against (what
    :func:`neighbours` starts from). Returns the story it moved to, or None."""
    own = store_stories.story_of(conn, article_id)
    if own is None or store_stories.pinned_story(conn, article_id) is not None:
        return None
    if among is None:
        me, candidates = story_candidates(conn, article_id, memory)
        if seen is not None:
            seen[article_id] = [c.id for c in candidates]
    else:
        me, candidates = _weigh_among(conn, article_id, own, among, memory)
    mine = next((s for s in candidates if s.id == own), None)
    if mine is None:  # its own story shares too little with it to be a candidate
        mine = _story_profiles(conn, [own], store_size(conn), memory, leave_out=article_id)[0]
    best = decide_stories.second_look(
        me, mine if mine.members else None, [s for s in candidates if s.id != own]
    )
    if best is None:
        return None
    store_stories.assign_story(conn, article_id, best.story_id)
    refresh(conn, own)
    refresh(conn, best.story_id)
    return best.story_id


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
    me = _profiles(conn, [article_id], articles, memory=memory)[article_id]
    ids = list(dict.fromkeys([own, *(int(s) for s in among)]))
    out = _story_profiles(conn, ids, articles, memory, leave_out=article_id)
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
                sizes[s] = store_stories.story_members(conn, s, limit=NEIGHBOUR_STORY_SIZE + 1)
            if len(sizes[s]) > NEIGHBOUR_STORY_SIZE:
                continue
            for m in sizes[s]:
                if m not in inside:
                    out.setdefault(m, set()).add(own)
    return out


def story_candidates(
    conn: sqlite3.Connection, article_id: int, memory: ProfileMemory | None = None
) -> tuple[ArticleProfile, list[StoryProfile]]:
    """The article's profile and those of the stories it may join: the stories of stored
    articles sharing its rarest terms and entities (indexed, bounded), within
    WINDOW_DAYS of its date, those sharing the most first."""
    articles = store_size(conn)
    me, story_ids = _candidates(conn, article_id, articles, memory)
    # An article placed already (a second look) is weighed against its story without it.
    return me, _story_profiles(conn, story_ids, articles, memory, leave_out=article_id)


def _candidates(
    conn: sqlite3.Connection, article_id: int, articles: int, memory: ProfileMemory | None
) -> tuple[ArticleProfile, list[int]]:
    raw: dict[str, Any] = {}
    if memory is not None:
        memory.forget(article_id)
    me = _profiles(conn, [article_id], articles, keep=raw, memory=memory)[article_id]
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
    found = store_stories.candidate_articles(
        conn,
        article_id=article_id,
        terms=[t for t in decide_stories.rare_first(terms) if terms[t][1] >= 2],
        entity_ids=[e for e in decide_stories.rare_first(ents) if ents[e][1] >= 2],
        lo=lo,
        hi=hi,
    )
    votes = Counter(found.values())
    return me, [sid for sid, _ in votes.most_common(MAX_STORIES)]


def _story_profiles(
    conn: sqlite3.Connection,
    story_ids: list[int],
    articles: int,
    memory: ProfileMemory | None = None,
    leave_out: int | None = None,
) -> list[StoryProfile]:
    members = {
        sid: store_stories.story_members(conn, sid, leave_out=leave_out) for sid in story_ids
    }
    wanted = sorted({aid for ids in members.values() for aid in ids})
    profiles = _profiles(conn, wanted, articles, memory=memory) if wanted else {}
    spans = store_stories.story_span(conn, story_ids)
    out = []
    for sid in story_ids:
        start, end = spans.get(sid, (None, None))
        out.append(
            StoryProfile(
                id=sid,
                members=[profiles[a] for a in members[sid] if a in profiles],
                start=day_of(start),
                end=day_of(end),
            )
        )
    return out


def member_profiles(
    conn: sqlite3.Connection, ids: list[int], memory: ProfileMemory | None = None
) -> list[ArticleProfile]:
    """The profiles of a story's articles ``ids`` (a check of the whole story,
    :mod:`ingest.story_split`)."""
    profiles = _profiles(conn, ids, store_size(conn), memory=memory) if ids else {}
    return [profiles[a] for a in ids if a in profiles]


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
