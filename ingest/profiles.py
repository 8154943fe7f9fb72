"""What story scoring reads of stored articles: each article's facts (terms, entities,
title, day, people), the document frequencies they are weighed with, and the profiles
(:class:`analysis.stories.ArticleProfile`, :class:`analysis.stories.StoryProfile`) made
of them, with the memory of one run (:class:`ProfileMemory`) and the frequencies of a
full re-link (:class:`Replay`). :mod:`ingest.stories` places articles with them.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from analysis import stories as decide_stories
from analysis.people import who
from analysis.stories import ArticleProfile, StoryProfile, day_of
from analysis.story_words import title_words
from analysis.tfidf import tfidf
from store import story_features
from store.events import store_size


@dataclass
class Facts:
    """What story scoring reads of one analysed article that stays as it is while the
    article stays analysed: its terms and entities with their counts in the article (in
    the order the store gives them), its title words, day, people and names."""

    terms: dict[str, int]
    entities: dict[int, int]
    title: set[str]
    day: date | None
    people: dict[str, int]
    names: frozenset[str]
    #: place entity id -> the content words of its name (see :attr:`ArticleProfile.places`).
    places: dict[int, frozenset[str]]
    #: its headline names a digest (:func:`analysis.stories.is_digest`)
    digest: bool


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

    def count(self, article_id: int, facts: Facts) -> None:
        """The article is being placed: from now on it counts (once)."""
        if article_id in self.counted:
            return
        self.counted.add(article_id)
        self.terms.update(facts.terms.keys())
        self.entities.update(facts.entities.keys())


class ProfileMemory:
    """What one run has read of stored articles, so placing the next article reads only
    what changed since: the facts (:class:`Facts`) of each article read, the document
    frequencies of terms (changed only by :func:`store.story_features.save_terms`, which this
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
        self.facts: dict[int, Facts] = {}
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


def read_facts(
    conn: sqlite3.Connection, article_ids: list[int], *, keep: dict[str, Any] | None = None
) -> dict[int, tuple[Facts, dict[str, int], dict[int, int]]]:
    """The articles' facts and the current document frequencies of their terms and
    entities, read in four bounded queries. ``keep``, when given, receives the raw term
    and entity counts (the candidate lookup needs them too)."""
    terms = story_features.article_terms(conn, article_ids)
    ents = story_features.article_entities(conn, article_ids)
    heads = story_features.article_heads(conn, article_ids)
    names = story_features.article_names(conn, article_ids)
    if keep is not None:
        keep.update(terms=terms, entities=ents)
    out = {}
    for aid in article_ids:
        head = heads.get(aid, {})
        people, named = who(names.get(aid, []))
        my_terms = terms.get(aid, {})
        my_ents = ents.get(aid, {})
        facts = Facts(
            terms={t: tf for t, (tf, _) in my_terms.items()},
            entities={e: tf for e, (tf, _) in my_ents.items()},
            title=title_words(head.get("title")),
            day=day_of(head.get("date")),
            people=people,
            names=named,
            places=decide_stories.places(names.get(aid, [])),
            digest=decide_stories.is_digest(head.get("title")),
        )
        out[aid] = (
            facts,
            {t: df for t, (_, df) in my_terms.items()},
            {e: df for e, (_, df) in my_ents.items()},
        )
    return out


def profile(
    aid: int,
    facts: Facts,
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
        words = tfidf(
            {t: (tf, df) for (t, tf), df in zip(facts.terms.items(), tdf, strict=True)},
            articles,
        )
    if kept is not None and kept[0] == articles and kept[3] == edf:
        entities = kept[4]
    else:
        entities = tfidf(
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
        places=facts.places,
        digest=facts.digest,
    )


def profiles(
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
    read = read_facts(conn, missing, keep=keep) if missing else {}
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
            term_df.update(story_features.term_df(conn, sorted(unknown)))
        entity_df = story_features.entity_df(
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
            out[aid] = profile(
                aid, facts_of[aid], replay.terms, replay.entities, len(replay.counted), memory
            )
        elif aid in read:
            facts, tdf, edf = read[aid]
            out[aid] = profile(aid, facts, tdf, edf, articles, memory)
        else:
            out[aid] = profile(aid, known[aid], term_df, entity_df, articles, memory)
    return out


def story_profiles(
    conn: sqlite3.Connection,
    story_ids: list[int],
    articles: int,
    memory: ProfileMemory | None = None,
    leave_out: int | None = None,
) -> list[StoryProfile]:
    members = {
        sid: story_features.story_members(conn, sid, leave_out=leave_out) for sid in story_ids
    }
    wanted = sorted({aid for ids in members.values() for aid in ids})
    known = profiles(conn, wanted, articles, memory=memory) if wanted else {}
    spans = story_features.story_span(conn, story_ids)
    out = []
    for sid in story_ids:
        start, end = spans.get(sid, (None, None))
        out.append(
            StoryProfile(
                id=sid,
                members=[known[a] for a in members[sid] if a in known],
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
    known = profiles(conn, ids, store_size(conn), memory=memory) if ids else {}
    return [known[a] for a in ids if a in known]
