"""Stories: which articles cover one developing happening, on real articles and real spaCy.

The fixture is six real Wikinews articles from MEANTIME (CC BY 4.0, see
fixtures/stories/meantime.LICENSE.txt): three on GM's bankruptcy (28 May - 1 June 2009),
two on the first A380 delivery and service (October 2007) and Apple's iPhone 4 launch
(June 2010).
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from analysis.people import surname, who
from analysis.stories import (
    THRESHOLD,
    ArticleProfile,
    StoryProfile,
    decide,
    leaves,
    led_elsewhere,
    places,
    score,
    second_look,
    strangers,
)
from analysis.story_split import pair_score
from analysis.story_words import article_terms, keywords, normalise, title_words
from store import open_store
from store import stories as store_stories

SIX = Path(__file__).parent / "fixtures" / "stories" / "meantime-six.jsonl"


# ------------------------------------------------------------------ pure decisions


def test_keywords_keep_content_words_and_numbers() -> None:
    words = keywords("The Houthis attacked two ships in 2025; 750 tons of weapons were seized.")
    assert {"houthi", "attacked", "ship", "2025", "750", "ton", "weapon", "seized"} <= set(words)
    assert not {"the", "in", "of", "were", "two"} & set(words)  # stop words
    assert normalise("policies") == "policy" and normalise("crisis") == "crisis"


def test_title_words_count_double() -> None:
    terms = article_terms("Bankruptcy for GM", "GM filed for bankruptcy on Monday.")
    assert terms["bankruptcy"] == 3


def test_headline_words_leave_out_the_site_name_and_numbers() -> None:
    # Two headlines of one outlet (the extraction benchmark's autoindustriya.com pages):
    # only "want" is left in common, not the outlet's " - Auto News" or the model year.
    sentra = title_words("All-new 2020 Sentra is what we really want from Nissan PH - Auto News")
    lexus = title_words("Lexus wants you to go topless with 2020 LC500 Convertible - Auto News")
    assert sentra & lexus == {"want"}
    # a headline that is all "site name" keeps its words
    assert title_words("Opening Bell - 11.18.19") == {"opening", "bell"}
    assert title_words("Hong Kong protests: China deploys troops") >= {"hong", "kong", "protest"}


def _profile(aid: int, ents: dict[int, float], words: dict[str, float], **kw: object):
    return ArticleProfile(id=aid, entities=ents, words=words, **kw)  # type: ignore[arg-type]


def test_an_article_joins_the_story_it_shares_rare_names_and_words_with() -> None:
    gm = StoryProfile(
        1,
        [_profile(1, {10: 0.8, 11: 0.6}, {"bankruptcy": 0.7, "chapter": 0.7})],
        date(2009, 6, 1),
        date(2009, 6, 1),
    )
    apple = StoryProfile(
        2, [_profile(2, {20: 1.0}, {"iphone": 0.8, "antenna": 0.6})], date(2009, 6, 1), None
    )
    new = _profile(3, {10: 0.9, 12: 0.4}, {"bankruptcy": 0.8, "court": 0.6}, day=date(2009, 6, 2))
    chosen, best = decide(new, [apple, gm])
    assert chosen == 1 and best is not None and best.entities > 0.5
    # nothing shared: a story of its own
    alone = _profile(4, {30: 1.0}, {"earthquake": 1.0}, day=date(2009, 6, 2))
    assert decide(alone, [apple, gm])[0] is None


def test_time_counts_against_a_story_gone_quiet() -> None:
    members = [_profile(1, {10: 1.0}, {"bankruptcy": 1.0})]
    story = StoryProfile(1, members, date(2009, 6, 1), date(2009, 6, 4))
    near = _profile(2, {10: 1.0}, {"bankruptcy": 1.0}, day=date(2009, 6, 5))
    far = _profile(3, {10: 1.0}, {"bankruptcy": 1.0}, day=date(2011, 6, 5))
    assert score(near, story).total > score(far, story).total
    assert decide(far, [story])[0] is None


def test_a_second_look_moves_an_article_only_to_a_clearly_better_story() -> None:
    """Placed early, an article saw only the stories before it; once all are placed it
    moves where it fits better than in its own story (without it), by a margin."""
    gm = lambda sid, w: StoryProfile(sid, [_profile(sid, {10: 1.0}, w)], None, None)  # noqa: E731
    article = _profile(9, {10: 1.0}, {"bankruptcy": 0.8, "chapter": 0.6})
    own = gm(1, {"chapter": 1.0})
    better = gm(2, {"bankruptcy": 0.8, "chapter": 0.6})
    moved = second_look(article, own, [better])
    assert moved is not None and moved.story_id == 2
    # a near tie stays where it is
    assert second_look(article, better, [gm(3, {"bankruptcy": 0.8, "chapter": 0.6})]) is None
    # alone in its story, it joins the one it would have joined had it come later
    alone = second_look(article, None, [better])
    assert alone is not None and alone.story_id == 2
    # nothing it fits: it stays
    assert second_look(article, own, [StoryProfile(4, [_profile(4, {}, {"iphone": 1.0})])]) is None


def test_an_article_that_no_longer_fits_its_story_leaves_it() -> None:
    """Placed as it arrived, an article joined a young story on what the two shared then
    (the extraction benchmark's short report on Trump's trade war joined one on the
    Virginia elections by the name Trump); grown since, the story is about something
    else: weighed against it without itself, under the join threshold, it leaves."""
    trump = {10: 1.0}
    grown = StoryProfile(
        1,
        [
            _profile(1, trump, {"impeachment": 0.8, "hearing": 0.6}),
            _profile(2, trump, {"impeachment": 0.7, "sondland": 0.7}),
        ],
    )
    trade = _profile(3, {10: 0.3, 11: 0.95}, {"tariff": 0.8, "beijing": 0.6})
    assert score(trade, grown).total < THRESHOLD
    assert leaves(trade, grown)
    hearing = _profile(4, trump, {"impeachment": 0.8, "hearing": 0.6})
    assert not leaves(hearing, grown)
    # alone in its story, it has nothing to leave
    assert not leaves(trade, None)


def test_one_shared_place_is_not_a_story() -> None:
    """Three Hong Kong articles of one week (the extraction benchmark's cnn.com market
    report, express.co.uk on the troops, cityam.com on Alibaba's listing) share the city,
    as an entity and as two words, and nothing else that weighs: three stories. The same
    weights on a shared person (the story's protagonist) still join."""
    listing = {"hong": 0.3, "kong": 0.3, "listing": 0.64, "alibaba": 0.64}
    troops = {"hong": 0.3, "kong": 0.3, "troop": 0.64, "surrender": 0.64}
    place = {438: frozenset({"hong", "kong"})}
    story = StoryProfile(1, [_profile(1, {438: 0.8, 5: 0.6}, listing, places=place)])
    article = _profile(2, {438: 0.8, 7: 0.6}, troops, places=place)
    assert decide(article, [story])[0] is None
    # a person shared as much is evidence of one story
    story = StoryProfile(1, [_profile(1, {438: 0.8, 5: 0.6}, listing)])
    assert decide(_profile(2, {438: 0.8, 7: 0.6}, troops), [story])[0] == 1


def test_a_digest_stands_alone() -> None:
    """A digest tells a little of many stories (the extraction benchmark's Dealbreaker
    "Opening Bell 11.18.19" has an item on Taylor Swift's AMA row): it joins no story,
    no article joins a story of digests, and two digests are no story together."""
    swift = {"swift": 0.6, "taylor": 0.5, "ama": 0.5, "label": 0.4}
    row = StoryProfile(1, [_profile(1, {863: 1.0}, swift)])
    digest = _profile(2, {863: 0.9, 5: 0.4}, swift, digest=True)
    assert decide(_profile(3, {863: 0.9, 5: 0.4}, swift), [row])[0] == 1  # as a report it joins
    assert decide(digest, [row])[0] is None
    assert score(digest, row).digest
    bell = StoryProfile(2, [digest])
    assert decide(_profile(3, {863: 1.0}, swift), [bell])[0] is None
    twin = _profile(4, dict(digest.entities), dict(digest.words), digest=True)
    assert pair_score(digest, twin) < 0  # not even a copy of it


def test_places_are_the_place_entities_with_their_words() -> None:
    rows = [
        ("GPE", "Hong Kong", 3, 438),
        ("PERSON", "Taylor Swift", 2, 9),
        ("LOC", "Red Sea", 1, 4),
    ]
    assert places(rows) == {438: frozenset({"hong", "kong"}), 4: frozenset({"red", "sea"})}


def _named(*entities: tuple[str, str, int]) -> dict[str, object]:
    people, names = who(entities)
    return {"people": people, "names": names}


def test_different_protagonists_count_against() -> None:
    # Reggie Bush's injury and Pierre Thomas's are two stories, though both are Saints
    # running backs put on injured reserve.
    words = {"saint": 0.6, "injured": 0.6, "reserve": 0.5}
    bush = StoryProfile(
        1,
        [_profile(1, {1: 0.7, 9: 0.7}, words, **_named(("PERSON", "Reggie Bush", 4)))],
        None,
        None,
    )
    thomas = _profile(2, {2: 0.7, 9: 0.7}, words, **_named(("PERSON", "Pierre Thomas", 3)))
    same = _profile(3, {1: 0.7, 9: 0.7}, words, **_named(("PERSON", "Reggie Bush", 2)))
    assert score(thomas, bush).total < score(same, bush).total - 0.15


def test_an_article_led_by_someone_the_story_never_led_counts_against() -> None:
    # ECB+ 35: Jamal Williams's DUI arrest, told as "the latest" after Vincent Jackson's a
    # week before, is another story; an impeachment inquiry's witness of the day, told
    # with Trump nearly as often, is the same one.
    words = {"charger": 0.6, "dui": 0.6, "arrest": 0.5}
    jackson = StoryProfile(
        1,
        [_profile(1, {1: 0.7, 9: 0.7}, words, **_named(("PERSON", "Vincent Jackson", 5)))],
        None,
        None,
    )
    williams = _profile(
        2,
        {2: 0.7, 9: 0.7, 1: 0.2},
        words,
        **_named(("PERSON", "Jamal Williams", 6), ("PERSON", "Vincent Jackson", 2)),
    )
    assert led_elsewhere(williams, list(jackson.members))
    # ECB+ 35_5ecbplus: Williams named twice, Jackson once: still Williams's arrest
    brief = _profile(
        6,
        {2: 0.7, 9: 0.7},
        words,
        **_named(("PERSON", "Jamal Williams", 2), ("PERSON", "Vincent Jackson", 1)),
    )
    assert led_elsewhere(brief, list(jackson.members))
    inquiry = [_profile(3, {3: 1.0}, {"impeachment": 1.0}, **_named(("PERSON", "Trump", 6)))]
    witness = _profile(
        4,
        {3: 0.7, 4: 0.7},
        {"impeachment": 1.0},
        **_named(("PERSON", "Gordon Sondland", 6), ("PERSON", "Donald Trump", 4)),
    )
    assert not led_elsewhere(witness, inquiry)
    assert not led_elsewhere(
        _profile(5, {1: 1.0}, words, **_named(("PERSON", "Vincent Jackson", 3))),
        list(jackson.members),
    )


def test_a_person_the_tagger_names_three_ways_is_one_protagonist() -> None:
    # Entities as spaCy gave them for two ECB+ reports of Bettie Page's death: one
    # person as "Ms Page" (PERSON), "Bettie Page" (ORG) and "Betty Mae Page" (PERSON).
    assert surname("Ms Page") == surname("Betty Mae Page") == "page"
    assert surname("Dr. Sanjay Gupta") == "gupta" and surname("Regina M") == "regina"
    assert surname("Mr.") is None
    words = {"page": 0.6, "pin-up": 0.6, "died": 0.5}
    story = StoryProfile(
        1,
        [
            _profile(
                1,
                {1: 1.0},
                words,
                **_named(("PERSON", "Ms Page", 5), ("ORG", "Bettie Page", 2)),
            )
        ],
        None,
        None,
    )
    same = _profile(
        2, {2: 1.0}, words, **_named(("PERSON", "Betty Mae Page", 5), ("PERSON", "Hefner", 1))
    )
    assert same.protagonists == {"page"}
    assert not strangers(same, list(story.members))
    # someone else's death, told in the same words, is another person's story
    other = _profile(3, {3: 1.0}, words, **_named(("PERSON", "Mark Felt", 4)))
    assert strangers(other, list(story.members))


# ------------------------------------------------------------------ the store, real analysis


@pytest.fixture(scope="module")
def six_store(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> Path:
    """The six articles imported once through the real import path (spaCy, stories,
    linking)."""
    from ingest.pipeline import default_analyzer, import_paths

    path = tmp_path_factory.mktemp("stories") / "six.db"
    conn = open_store(path)
    results = import_paths(conn, [SIX], analyzer=default_analyzer())
    assert results[0].error is None and results[0].added == 6
    conn.close()
    return path


def _stories(conn: sqlite3.Connection) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for sid, title in conn.execute("SELECT story_id, title FROM articles ORDER BY id"):
        out.setdefault(str(sid), set()).add(title)
    return out


def _grouped(conn: sqlite3.Connection) -> list[set[str]]:
    return sorted((s for s in _stories(conn).values()), key=lambda s: sorted(s))


def _topic(title: str) -> str:
    return (
        "gm"
        if "GM" in title or "General Motors" in title
        else ("a380" if "A380" in title else "apple")
    )


def test_real_coverage_groups_into_stories(six_store: Path) -> None:
    conn = open_store(six_store)
    groups = _grouped(conn)
    topics = [{_topic(t) for t in g} for g in groups]
    # no story mixes topics; GM's bankruptcy coverage is one story
    assert all(len(t) == 1 for t in topics)
    gm = [g for g in groups if _topic(next(iter(g))) == "gm"]
    assert len(gm) == 1 and len(gm[0]) == 3
    row = conn.execute(
        "SELECT s.title, s.date_start, s.date_end, s.article_count FROM stories s "
        "WHERE s.article_count = 3"
    ).fetchone()
    assert row["date_start"] == "2009-05-28" and row["date_end"] == "2009-06-01"
    assert "GM" in row["title"]
    # every analysed article has a story; counts are right
    assert conn.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == 0
    total = conn.execute("SELECT sum(article_count) FROM stories").fetchone()[0]
    assert total == 6


def test_events_link_inside_the_story_never_across_topics(six_store: Path) -> None:
    conn = open_store(six_store)
    rows = conn.execute(
        "SELECT em.event_id, a.title FROM event_mentions em JOIN articles a ON a.id = em.article_id"
    ).fetchall()
    topics: dict[int, set[str]] = {}
    for eid, title in rows:
        topics.setdefault(eid, set()).add(_topic(title))
    assert all(len(t) == 1 for t in topics.values())
    # GM's bankruptcy is one event reported across the story's articles
    linked = conn.execute(
        "SELECT e.id FROM events e JOIN event_mentions em ON em.event_id = e.id "
        "WHERE em.lemma = 'bankruptcy' AND e.article_count >= 2"
    ).fetchall()
    assert linked


def test_story_queries_for_the_reader(six_store: Path) -> None:
    conn = open_store(six_store)
    aid = conn.execute("SELECT id FROM articles WHERE title LIKE '%seeks bankruptcy%'").fetchone()[
        0
    ]
    story = store_stories.get_story(conn, store_stories.story_of(conn, aid) or 0)
    assert story is not None and story["article_count"] == 3
    dates = [a["date"] for a in story["articles"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert any(e["story_articles"] >= 2 for e in story["events"])


def test_relink_keeps_corrections_tags_and_notes(six_store: Path, tmp_path: Path) -> None:
    import shutil

    from ingest.relinking import relink_all
    from ingest.stories import correct
    from store import writes

    path = tmp_path / "copy.db"
    shutil.copy(six_store, path)
    conn = open_store(path)
    ids = {t: i for i, t in conn.execute("SELECT id, title FROM articles")}
    gm = sorted(i for t, i in ids.items() if _topic(t) == "gm")
    apple = next(i for t, i in ids.items() if _topic(t) == "apple")
    writes.add_tags(conn, gm[0], ["autos"])
    writes.add_annotation(conn, gm[0], 0, 10, "a note")
    before = _grouped(conn)
    # the reader splits one GM article out, and moves the Apple one into GM's story
    correct(conn, "split", gm[2])
    correct(conn, "move", apple, gm[0])
    story = lambda a: conn.execute("SELECT story_id FROM articles WHERE id = ?", (a,)).fetchone()[0]  # noqa: E731
    assert story(gm[2]) not in (story(gm[0]), story(gm[1]))
    assert story(apple) == story(gm[0])
    steps: list[tuple[int, int]] = []
    relink_all(conn, on_progress=lambda done, total: steps.append((done, total)))
    # three passes over the six: placed, looked at again, events linked
    assert steps[-1] == (18, 18)
    # the corrections hold after the re-run, the rest is as before
    assert story(gm[2]) not in (story(gm[0]), story(gm[1]))
    assert story(apple) == story(gm[0])
    assert story(gm[0]) == story(gm[1])
    assert len(_grouped(conn)) == len(before) + 1 - 1  # one split off, one moved in
    assert conn.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 1
    assert conn.execute("SELECT note FROM annotations").fetchone()[0] == "a note"
    n = conn.execute("SELECT sum(article_count) FROM stories").fetchone()[0]
    assert n == 6


def test_a_relink_weighs_each_article_as_it_was_when_it_arrived(
    six_store: Path, tmp_path: Path
) -> None:
    """A re-link places the articles again oldest first; each is weighed against the
    articles before it, as when it arrived, not with frequencies that count the later
    ones (they are not placed yet): the profile it is placed with is the one it has in a
    store that holds only it and the articles before it."""
    import json
    import shutil

    from ingest.linking import clear_all_links
    from ingest.pipeline import default_analyzer, import_paths
    from ingest.profiles import ProfileMemory, Replay
    from ingest.stories import assign_article, story_candidates
    from store.db import transaction
    from store.events import articles_in_order

    path = tmp_path / "copy.db"
    shutil.copy(six_store, path)
    conn = open_store(path)
    order = articles_in_order(conn)
    first = [
        conn.execute("SELECT title FROM articles WHERE id = ?", (a,)).fetchone()[0]
        for a in order[:3]
    ]
    lines = {
        json.loads(line)["title"]: line for line in SIX.read_text().splitlines() if line.strip()
    }
    early = tmp_path / "early.jsonl"
    early.write_text("\n".join(lines[t] for t in first) + "\n")
    small = open_store(tmp_path / "early.db")
    assert import_paths(small, [early], analyzer=default_analyzer())[0].added == 3
    third = small.execute("SELECT id FROM articles WHERE title = ?", (first[2],)).fetchone()[0]
    with transaction(small):
        expected, _ = story_candidates(small, third)

    clear_all_links(conn)
    memory = ProfileMemory(Replay())
    with transaction(conn):
        for aid in order[:2]:
            assign_article(conn, aid, memory)
        replayed, _ = story_candidates(conn, order[2], memory)
        everyone, _ = story_candidates(conn, order[2])  # frequencies of all six
    rounded = lambda v: {k: round(x, 6) for k, x in v.items()}  # noqa: E731
    assert rounded(replayed.words) == rounded(expected.words)
    assert rounded(everyone.words) != rounded(expected.words)  # the check can fail


def test_old_store_is_marked_for_relink(tmp_path: Path) -> None:
    """A schema-4 store with linked events upgrades to stories and asks for a re-link."""
    from store.schema import migrate

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    migrate(conn, target=4)
    conn.execute("INSERT INTO articles(body, content_hash) VALUES ('x', 'h')")
    conn.execute('INSERT INTO event_mentions(article_id, "start", "end") VALUES (1, 0, 1)')
    conn.close()
    conn = open_store(path)
    assert store_stories.needs_relink(conn)
    from ingest.relinking import relink_all

    relink_all(conn)
    assert not store_stories.needs_relink(conn)


def test_the_story_is_named_by_the_headline_its_coverage_shares() -> None:
    from analysis.stories import best_headline as headline

    titles = [
        "US automaker GM reports losses of $6 billion",
        "Bankruptcy for U.S. automaker GM becomes almost certain after bondholder offers fail",
        "U.S. manufacturer General Motors seeks bankruptcy protection",
        "Barack Obama presents rescue plan after GM declaration of bankruptcy",
    ]
    assert headline(titles) == 1
    assert headline(["", None]) is None
    assert headline(["Quake hits Chile", "Storm in Peru"]) == 0  # nothing shared: the oldest


def test_reanalyse_replaces_the_analysis_and_keeps_the_readers_work(
    six_store: Path, tmp_path: Path
) -> None:
    import shutil

    from ingest.pipeline import DraftAnalyzer, reanalyse_all
    from store import writes

    path = tmp_path / "copy.db"
    shutil.copy(six_store, path)
    conn = open_store(path)
    count = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    before = {
        "mentions": count("SELECT count(*) FROM mentions"),
        "event_mentions": count("SELECT count(*) FROM event_mentions"),
        "entity_articles": count("SELECT sum(article_count) FROM entities"),
    }
    groups = _grouped(conn)
    writes.add_tags(conn, 1, ["autos"])
    writes.add_annotation(conn, 1, 0, 10, "a note")
    steps: list[tuple[int, int]] = []
    reanalyse_all(conn, DraftAnalyzer().analyzer, on_progress=lambda d, t: steps.append((d, t)))
    assert steps[-1] == (6, 6)
    after = {
        "mentions": count("SELECT count(*) FROM mentions"),
        "event_mentions": count("SELECT count(*) FROM event_mentions"),
        "entity_articles": count("SELECT sum(article_count) FROM entities"),
    }
    assert after == before  # the same analysis again: nothing doubled, nothing lost
    assert _grouped(conn) == groups
    assert count("SELECT count(*) FROM article_tags") == 1
    assert count("SELECT count(*) FROM annotations") == 1
    assert count("SELECT count(*) FROM event_mentions WHERE event_id IS NULL") == 0


def test_an_import_ends_with_a_second_look_that_moves_a_misplaced_article(
    six_store: Path, tmp_path: Path
) -> None:
    """An article placed early in a run saw none of the run's later articles; the run
    ends with a second look (ingest.relinking.settle) that moves it where it belongs and
    links its events again there. An article the reader placed stays where it is."""
    import shutil

    from ingest.relinking import relink_events, settle
    from ingest.stories import correct
    from ingest.stories import refresh as refresh_story
    from store.db import transaction

    path = tmp_path / "copy.db"
    shutil.copy(six_store, path)
    conn = open_store(path)
    ids = {t: i for i, t in conn.execute("SELECT id, title FROM articles")}
    a380 = sorted(i for t, i in ids.items() if _topic(t) == "a380")
    story = lambda a: conn.execute("SELECT story_id FROM articles WHERE id = ?", (a,)).fetchone()[0]  # noqa: E731
    shared = lambda: conn.execute(  # noqa: E731
        "SELECT count(DISTINCT a.event_id) FROM event_mentions a JOIN event_mentions b "
        "ON a.event_id = b.event_id WHERE a.article_id = ? AND b.article_id != ?",
        (a380[1], a380[1]),
    ).fetchone()[0]
    home = story(a380[1])
    assert story(a380[0]) == home and shared() >= 1  # the A380's charity flight
    # As if it had arrived before the other: alone in a story, its events linked there.
    with transaction(conn):
        lone = store_stories.assign_story(conn, a380[1], None)
        refresh_story(conn, lone)
        refresh_story(conn, home)
        relink_events(conn, [a380[1]])
    assert story(a380[1]) != story(a380[0]) and shared() == 0
    steps: list[tuple[int, int]] = []
    moved = settle(conn, [a380[1]], on_progress=lambda d, t: steps.append((d, t)))
    assert moved == [a380[1]] and story(a380[1]) == story(a380[0])
    assert steps[-1] == (2, 2)  # at most two looks at its one article
    assert conn.execute("SELECT count(*) FROM stories WHERE id = ?", (lone,)).fetchone()[0] == 0
    # Its events are linked again in the story it moved to.
    assert shared() >= 1
    unlinked = "SELECT count(*) FROM event_mentions WHERE article_id = ? AND event_id IS NULL"
    assert conn.execute(unlinked, (a380[1],)).fetchone()[0] == 0
    # No event is left empty, and each event's counts are its mentions'.
    assert not conn.execute(
        "SELECT e.id FROM events e LEFT JOIN event_mentions m ON m.event_id = e.id "
        "GROUP BY e.id HAVING count(m.id) != e.mention_count"
    ).fetchall()
    # The reader splits it out: a second look leaves it there.
    correct(conn, "split", a380[1])
    assert settle(conn, [a380[1]]) == []
    assert story(a380[1]) != story(a380[0])


def test_a_second_look_that_would_read_nothing_new_is_skipped(
    six_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """settle's later passes skip an article when no article moved into or out of the
    stories its last look read (ingest.relinking.SKIP_UNCHANGED): the GM and Apple
    articles are not weighed again after the A380 article moved, and every article ends
    where a run without the skip puts it."""
    import shutil

    import ingest.relinking as relinking
    from ingest.relinking import relink_events, settle
    from ingest.stories import refresh as refresh_story
    from store.db import transaction

    looked: list[int] = []
    reconsider = relinking.reconsider

    def counted(conn: sqlite3.Connection, article_id: int, *a: object, **k: object) -> object:
        looked.append(article_id)
        return reconsider(conn, article_id, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(relinking, "reconsider", counted)
    placed: dict[bool, tuple[list[int], dict[int, int], list[int]]] = {}
    for skip in (False, True):
        monkeypatch.setattr(relinking, "SKIP_UNCHANGED", skip)
        path = tmp_path / f"copy-{skip}.db"
        shutil.copy(six_store, path)
        conn = open_store(path)
        ids = {t: i for i, t in conn.execute("SELECT id, title FROM articles")}
        a380 = sorted(i for t, i in ids.items() if _topic(t) == "a380")
        home = conn.execute("SELECT story_id FROM articles WHERE id = ?", (a380[1],)).fetchone()
        with transaction(conn):  # as if it had arrived first: alone in a story
            lone = store_stories.assign_story(conn, a380[1], None)
            refresh_story(conn, lone)
            refresh_story(conn, home[0])
            relink_events(conn, [a380[1]])
        looked.clear()
        moved = settle(conn, sorted(ids.values()))
        stories = dict(conn.execute("SELECT id, story_id FROM articles").fetchall())
        placed[skip] = (moved, stories, list(looked))
        conn.close()
    (moved, stories, plain), (moved_s, stories_s, skipping) = placed[False], placed[True]
    assert moved and moved_s == moved and stories_s == stories
    assert stories[a380[0]] == stories[a380[1]]  # the A380 articles together again
    assert len(plain) >= 2 * 6 and len(skipping) < len(plain)
    gm = sorted(i for t, i in ids.items() if _topic(t) == "gm")
    assert all(skipping.count(a) < plain.count(a) for a in gm)


def test_a_run_also_looks_again_at_the_small_stories_its_articles_bridge_to(
    six_store: Path, tmp_path: Path
) -> None:
    """A refresh of a few articles: the article that arrived before, alone in a story,
    gets a second look against the story a run's article went to (settle's neighbours),
    moves there and has its events linked there. One the reader split out stays."""
    import shutil

    from ingest.relinking import relink_events, settle
    from ingest.stories import correct
    from ingest.stories import refresh as refresh_story
    from store.db import transaction

    path = tmp_path / "copy.db"
    shutil.copy(six_store, path)
    conn = open_store(path)
    gm = sorted(i for i, t in conn.execute("SELECT id, title FROM articles") if _topic(t) == "gm")
    story = lambda a: conn.execute("SELECT story_id FROM articles WHERE id = ?", (a,)).fetchone()[0]  # noqa: E731
    shared = lambda a: conn.execute(  # noqa: E731
        "SELECT count(DISTINCT a.event_id) FROM event_mentions a JOIN event_mentions b "
        "ON a.event_id = b.event_id WHERE a.article_id = ? AND b.article_id != ?",
        (a, a),
    ).fetchone()[0]
    assert len({story(a) for a in gm}) == 1
    # one that shares an event with the others arrived first, the other two after
    first = next(a for a in gm if shared(a))
    gm = [first, *(a for a in gm if a != first)]
    home = story(gm[1])
    # gm[0] arrived first and was placed alone, its events linked there.
    with transaction(conn):
        lone = store_stories.assign_story(conn, gm[0], None)
        refresh_story(conn, lone)
        refresh_story(conn, home)
        relink_events(conn, [gm[0]])
    assert story(gm[0]) != home
    # A run of one article, gm[2], which stays in its story: gm[0] is its neighbour.
    assert settle(conn, [gm[2]]) == [gm[0]]
    assert story(gm[0]) == story(gm[2]) == home and shared(gm[0]) >= 1
    assert conn.execute("SELECT count(*) FROM stories WHERE id = ?", (lone,)).fetchone()[0] == 0
    unlinked = "SELECT count(*) FROM event_mentions WHERE article_id = ? AND event_id IS NULL"
    assert conn.execute(unlinked, (gm[0],)).fetchone()[0] == 0
    # The reader splits it out: a later run leaves it alone.
    correct(conn, "split", gm[0])
    assert settle(conn, [gm[2]]) == []
    assert story(gm[0]) != home


JACKSON = Path(__file__).parent / "fixtures" / "events" / "ecbplus-35-jackson-dui.jsonl"


def test_articles_moved_together_do_not_take_their_old_events_back_through_each_other(
    tmp_path: Path, nlp: object
) -> None:
    """A split story's other happening moves as a group and its articles' events are
    linked again in the new story (ingest.relinking.relink_events). Linked one by one,
    the first would find the old events through the second (still linked to them, so
    "in" the new story) and take them back without evidence; all are unlinked first.
    What the group shares with the article left behind is no more than what its
    articles share when each moves alone (across stories only strong evidence joins)."""
    import shutil

    from ingest.pipeline import default_analyzer, import_paths
    from ingest.relinking import relink_events
    from ingest.stories import refresh as refresh_story
    from store.db import transaction

    base = tmp_path / "jackson.db"
    conn = open_store(base)
    assert import_paths(conn, [JACKSON], analyzer=default_analyzer())[0].added == 5
    ids = [i for (i,) in conn.execute("SELECT id FROM articles ORDER BY id")]
    assert len({store_stories.story_of(conn, a) for a in ids}) == 1  # one arrest, one story
    conn.close()

    def shared_after_moving(moved: list[int]) -> set[int]:
        """Events of the first article that the articles ``moved`` (to a story of their
        own, together) still share with it once linked again."""
        path = tmp_path / f"moved-{'-'.join(map(str, moved))}.db"
        shutil.copy(base, path)
        conn = open_store(path)
        home = store_stories.story_of(conn, ids[0])
        with transaction(conn):
            new = store_stories.assign_story(conn, moved[0], None)
            for a in moved[1:]:
                store_stories.assign_story(conn, a, new)
            refresh_story(conn, new)
            refresh_story(conn, home)
            relink_events(conn, moved)
        rows = conn.execute(
            "SELECT DISTINCT a.event_id FROM event_mentions a JOIN event_mentions b "
            "ON a.event_id = b.event_id WHERE a.article_id = ? AND b.article_id IN "
            "(SELECT value FROM json_each(?))",
            (ids[0], str(moved)),
        )
        out = {int(r[0]) for r in rows}
        conn.close()
        return out

    group = ids[3:]
    alone = set().union(*(shared_after_moving([a]) for a in group))
    assert shared_after_moving(group) <= alone


def _jackson_two_apart(conn: sqlite3.Connection) -> list[int]:
    """The five reports of Jackson's arrest imported (one story), then the last two put
    in a story of their own with their events linked there; the articles' ids."""
    from ingest.pipeline import default_analyzer, import_paths
    from ingest.relinking import relink_events
    from ingest.stories import refresh as refresh_story
    from store.db import transaction

    assert import_paths(conn, [JACKSON], analyzer=default_analyzer())[0].added == 5
    ids = [i for (i,) in conn.execute("SELECT id FROM articles ORDER BY id")]
    home = store_stories.story_of(conn, ids[0])
    with transaction(conn):
        apart = store_stories.assign_story(conn, ids[3], None)
        store_stories.assign_story(conn, ids[4], apart)
        refresh_story(conn, apart)
        refresh_story(conn, home)
        relink_events(conn, ids[3:])
    return ids


def test_one_happening_split_by_arrival_is_one_story_again(tmp_path: Path, nlp: object) -> None:
    """Two reports of Vincent Jackson's arrest under one headline ("Chargers' Jackson
    arrested on suspicion of DUI") that came first may start a story of their own that
    the other three do not join, and neither moves on its second look (each fits the
    other better than the three); the run's closing look (ingest.relinking.settle) finds
    the two stories one happening and merges them, and the moved articles' events are
    linked again there."""
    from ingest.relinking import settle
    from ingest.stories import correct

    conn = open_store(tmp_path / "jackson.db")
    ids = _jackson_two_apart(conn)
    assert store_stories.story_of(conn, ids[0]) != store_stories.story_of(conn, ids[4])
    settle(conn, ids)
    assert len({store_stories.story_of(conn, a) for a in ids}) == 1
    shared = conn.execute(
        "SELECT count(DISTINCT a.event_id) FROM event_mentions a JOIN event_mentions b "
        "ON a.event_id = b.event_id WHERE a.article_id = ? AND b.article_id = ?",
        (ids[0], ids[4]),
    ).fetchone()[0]
    assert shared >= 1
    # The reader's word wins: one split out stays out of the story, merge or no merge.
    correct(conn, "split", ids[3])
    settle(conn, ids)
    assert store_stories.story_of(conn, ids[3]) != store_stories.story_of(conn, ids[0])


def test_a_small_story_its_pairs_do_not_merge_is_adopted_at_the_close(
    tmp_path: Path, nlp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The closing look's adoption (ingest.story_split, analysis.story_split.adopter):
    two reports of Jackson's arrest in a story of their own, with the pairwise merge
    turned off, go back to the story of the other three (a home of three allowed here),
    whose centroid each fits; with adoption off too they stay apart."""
    import ingest.story_split as ingest_split
    from analysis import story_split
    from ingest.relinking import settle

    monkeypatch.setattr(story_split, "MIN_INSIDE", 1.01)  # one_story never merges
    base = tmp_path / "jackson.db"
    conn = open_store(base)
    ids = _jackson_two_apart(conn)
    conn.close()

    def stories_after(adopts: bool, home_at_least: int = 3) -> int:
        path = tmp_path / f"run-{adopts}-{home_at_least}.db"
        path.write_bytes(base.read_bytes())
        conn = open_store(path)
        monkeypatch.setattr(ingest_split, "ADOPTS", adopts)
        monkeypatch.setattr(story_split, "MIN_PART", home_at_least)
        settle(conn, ids)
        n = len({store_stories.story_of(conn, a) for a in ids})
        conn.close()
        return n

    assert stories_after(adopts=False) == 2
    assert stories_after(adopts=True) == 1
    # a home must be a story of MIN_PART articles (four): three are not yet one
    assert stories_after(adopts=True, home_at_least=4) == 2


def test_a_new_demo_store_is_recorded_as_this_codes(tmp_path: Path) -> None:
    from analysis.version import fingerprint
    from store.queue import analysed_with
    from tui.cli import demo_plan

    conn = open_store(tmp_path / "new.db")
    assert analysed_with(conn) is None
    assert demo_plan(conn) == (0, False)  # about to be imported by this code
    assert analysed_with(conn) == fingerprint()
    assert len(fingerprint()) == 16 and fingerprint() == fingerprint()


def _analysed_by_older_code(six_store: Path, path: Path) -> Path:
    """A copy of the six articles' store as an older version left it: another analysis
    recorded, every article analysed long ago; with the reader's tag and note."""
    import shutil

    from store import writes
    from store.queue import record_analysis

    shutil.copy(six_store, path)
    conn = open_store(path)
    record_analysis(conn, "an older analysis")
    conn.execute("UPDATE articles SET analysed_at = '2000-01-01T00:00:00'")
    conn.commit()
    writes.add_tags(conn, 1, ["autos"])
    writes.add_annotation(conn, 1, 0, 10, "a note")
    conn.close()
    return path


async def test_a_demo_store_analysed_by_other_code_is_analysed_again_in_the_background(
    six_store: Path, tmp_path: Path
) -> None:
    """An upgrade changes the analysis; the demo's store, imported once by the old code,
    would show the old titles and links for ever. The reader analyses it again in its
    analysing process (`newsreader analyse --all`), keeping the reader's tags and notes."""
    from analysis.version import fingerprint
    from store.queue import analysed_with, pending_count
    from tui.app import make_app
    from tui.cli import demo_plan

    path = _analysed_by_older_code(six_store, tmp_path / "demo.db")
    conn = open_store(path)
    assert demo_plan(conn) == (6, True)
    conn.close()
    app = make_app(path, reanalyse=True)
    assert app.analysis_argv()[:2] == ["analyse", "--all"]
    app.reanalyse = True  # (asking for the arguments used the one re-analysis up)
    async with app.run_test(size=(160, 45)) as pilot:
        for _ in range(400):
            await pilot.pause(0.05)
            if app._analysis is not None:
                break
        assert app._analysis is not None
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.analysis_argv() == ["analyse", "--json-progress"]  # once only
    conn = open_store(path)
    assert analysed_with(conn) == fingerprint() and demo_plan(conn) == (6, False)
    assert pending_count(conn) == 0
    stamps = [r[0] for r in conn.execute("SELECT analysed_at FROM articles")]
    assert len(stamps) == 6 and "2000-01-01T00:00:00" not in stamps  # each analysed again
    assert conn.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    conn.close()


def test_a_new_stores_first_analysis_is_recorded_and_an_older_one_is_told(
    six_store: Path, tmp_path: Path
) -> None:
    """A store analysed by this code is not marked old; one analysed by other code (or
    before the analysis was recorded) is, until it is analysed again."""
    import shutil

    from analysis.version import fingerprint
    from store.queue import analysed_by_other, analysed_with, record_analysis, record_if_fresh

    path = tmp_path / "mine.db"
    shutil.copy(six_store, path)
    conn = open_store(path)
    assert analysed_with(conn) == fingerprint()  # its import's queue run recorded it
    assert not analysed_by_other(conn, fingerprint())
    record_analysis(conn, "an older analysis")
    assert analysed_by_other(conn, fingerprint())
    record_if_fresh(conn, fingerprint())  # analysed articles: not a new store
    assert analysed_with(conn) == "an older analysis"
    conn.execute("DELETE FROM meta WHERE key = 'analysis_fingerprint'")
    assert analysed_by_other(conn, fingerprint())  # from before it was recorded
    conn.close()
    empty = open_store(tmp_path / "empty.db")
    assert not analysed_by_other(empty, fingerprint())  # nothing analysed yet
    record_if_fresh(empty, fingerprint())
    assert analysed_with(empty) == fingerprint()
    empty.close()


async def test_a_readers_store_analysed_by_other_code_says_so_and_l_analyses_it_again(
    six_store: Path, tmp_path: Path
) -> None:
    """After an upgrade the reader's own store keeps the old analysis: the app says so
    once, without blocking, and L analyses every article again in the analysing process
    (`newsreader analyse --all`), keeping the reader's tags."""
    from analysis.version import fingerprint
    from store.queue import analysed_by_other
    from tui.app import REANALYSE_NOTICE, make_app

    path = _analysed_by_older_code(six_store, tmp_path / "mine.db")
    app = make_app(path)
    async with app.run_test(size=(160, 45)) as pilot:
        for _ in range(200):
            await pilot.pause(0.05)
            if any(n.message == REANALYSE_NOTICE for n in app._notifications):
                break
        said = [n for n in app._notifications if n.message == REANALYSE_NOTICE]
        assert len(said) == 1 and not said[0].markup
        assert app._analysis is None  # nothing waits in the queue: nothing runs unasked
        await pilot.press("L")
        assert app._analysis is not None
        await app.workers.wait_for_complete()
        await pilot.pause()
    conn = open_store(path)
    assert not analysed_by_other(conn, fingerprint())
    stamps = [r[0] for r in conn.execute("SELECT analysed_at FROM articles")]
    assert len(stamps) == 6 and "2000-01-01T00:00:00" not in stamps
    assert conn.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 1
    conn.close()
    # Analysed by this code now: the next start says nothing.
    app = make_app(path, analyse=True)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        assert not [n for n in app._notifications if n.message == REANALYSE_NOTICE]
