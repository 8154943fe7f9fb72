"""Linking in a real SQLite store: the seed page's articles, overrides, re-link.

Reference dates as in test_events.py: CNN 2025-07-23, Al-Ahram Weekly 2025-08-02.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from analysis.analyzer import Analyzer
from ingest.corrections import add_override
from ingest.linking import link_article
from ingest.relinking import relink_all
from store import candidates as store_candidates
from store import events as store_events
from store import writes

FIX = Path(__file__).parent / "fixtures" / "events"
ARTICLES = [
    ("cnn-iran-proxies.txt", "CNN", "Iran tries to rearm proxy groups", "2025-07-23"),
    (
        "ahram-hamas-arms.txt",
        "Al-Ahram Weekly",
        "Armed resistance 'will not be abandoned'",
        "2025-08-02",
    ),
]


@pytest.fixture(scope="module")
def analysed(nlp: Any) -> list[dict[str, Any]]:
    analyzer = Analyzer(nlp=nlp)
    items = [((FIX / f).read_text(), d) for f, _, _, d in ARTICLES]
    return analyzer.analyse_texts(items)


def _one_article(
    conn: sqlite3.Connection, nlp: Any, text: str, published: str | None, title: str
) -> int:
    """One text analysed, stored and linked as an import does it; its article id."""
    (result,) = Analyzer(nlp=nlp).analyse_texts([(text, published)])
    aid, _ = writes.save_article(
        conn,
        {"body": text, "title": title, "published_at": published},
        mentions=result["mentions"],
        event_mentions=result["event_mentions"],
        analysed=True,
    )
    link_article(conn, [aid])
    return int(aid)


def _store(conn: sqlite3.Connection, analysed: list[dict[str, Any]]) -> list[int]:
    ids = []
    for (fname, outlet, title, published), result in zip(ARTICLES, analysed, strict=True):
        aid, created = writes.save_article(
            conn,
            {
                "body": (FIX / fname).read_text(),
                "outlet": outlet,
                "title": title,
                "published_at": published,
            },
            mentions=result["mentions"],
            event_mentions=result["event_mentions"],
            analysed=True,
        )
        assert created
        link_article(conn, [aid])
        ids.append(aid)
    return ids


def _event_of(conn: sqlite3.Connection, article_id: int, trigger: str, actor: str) -> int:
    rows = [
        r
        for r in store_events.article_mentions(conn, article_id)
        if r["trigger"] == trigger and r["actor_name"] == actor
    ]
    assert rows, f"no {trigger} by {actor} in article {article_id}"
    return int(rows[0]["event_id"])


def test_hamas_attack_is_one_event_across_both_articles(
    conn: sqlite3.Connection, analysed: list[dict[str, Any]]
) -> None:
    cnn, ahram = _store(conn, analysed)
    a = _event_of(conn, cnn, "attack", "Hamas")
    b = _event_of(conn, ahram, "attack", "Hamas")
    assert a == b
    event = store_events.get_event(conn, a)
    assert event is not None
    assert event["article_count"] == 2
    assert (event["date_start"], event["date_end"]) == ("2023-10-07", "2023-10-07")
    assert event["title"] == "Hamas attacks Israel"
    outlets = {m["outlet"] for m in event["mentions"]}
    assert outlets == {"CNN", "Al-Ahram Weekly"}
    texts = " ".join(m["sentence_text"] for m in event["mentions"])
    assert "Hamas' October 7, 2023 attack on Israel" in texts
    assert "On 7 October 2023, Hamas fighters launched a large-scale attack" in texts


def test_other_events_of_the_seed_page(
    conn: sqlite3.Connection, analysed: list[dict[str, Any]]
) -> None:
    cnn, ahram = _store(conn, analysed)
    iran = store_events.get_event(conn, _event_of(conn, cnn, "attack", "Israel"))
    assert iran is not None and iran["date_start"].startswith("2025-06")
    magic = store_events.get_event(conn, _event_of(conn, cnn, "targeted", "Houthis"))
    assert magic is not None and magic["type"] == "attack"
    assert "Magic Seas" in magic["title"]
    # Different events stay apart: the Hamas attack is not Israel's attack on Iran.
    assert _event_of(conn, cnn, "attack", "Hamas") != iran["id"]
    panel = store_events.article_events(conn, ahram)
    assert panel and panel[0]["salience"] >= panel[-1]["salience"]
    assert any(e["article_count"] == 2 for e in panel)


def test_linking_twice_changes_nothing(
    conn: sqlite3.Connection, analysed: list[dict[str, Any]]
) -> None:
    cnn, _ = _store(conn, analysed)
    before = conn.execute("SELECT id, event_id FROM event_mentions ORDER BY id").fetchall()
    link_article(conn, [cnn])
    after = conn.execute("SELECT id, event_id FROM event_mentions ORDER BY id").fetchall()
    assert [tuple(r) for r in before] == [tuple(r) for r in after]


def test_overrides_survive_a_full_relink(
    conn: sqlite3.Connection, analysed: list[dict[str, Any]]
) -> None:
    cnn, ahram = _store(conn, analysed)
    hamas = _event_of(conn, cnn, "attack", "Hamas")
    ahram_mention = next(
        r
        for r in store_events.article_mentions(conn, ahram)
        if r["trigger"] == "attack" and r["actor_name"] == "Hamas"
    )
    # Reject: the Al-Ahram mention leaves the event, and stays out after a re-link.
    add_override(conn, "reject", event_mention_id=ahram_mention["id"], event_id=hamas)
    assert _event_of(conn, ahram, "attack", "Hamas") != _event_of(conn, cnn, "attack", "Hamas")
    relink_all(conn)
    assert _event_of(conn, ahram, "attack", "Hamas") != _event_of(conn, cnn, "attack", "Hamas")
    # Merge two events the linker keeps apart; a re-link keeps them merged.
    iran = _event_of(conn, cnn, "attack", "Israel")
    magic = _event_of(conn, cnn, "targeted", "Houthis")
    add_override(conn, "merge", event_id=iran, other_event_id=magic)
    assert _event_of(conn, cnn, "targeted", "Houthis") == _event_of(conn, cnn, "attack", "Israel")
    relink_all(conn)
    assert _event_of(conn, cnn, "targeted", "Houthis") == _event_of(conn, cnn, "attack", "Israel")
    ev = store_events.get_event(conn, _event_of(conn, cnn, "attack", "Israel"))
    assert ev is not None
    assert ev["mention_count"] == len(ev["mentions"])
    # Split: the Houthi mention goes back to an event of its own.
    houthi = next(
        r
        for r in store_events.article_mentions(conn, cnn)
        if r["trigger"] == "targeted" and r["actor_name"] == "Houthis"
    )
    add_override(conn, "split", event_mention_id=houthi["id"])
    assert _event_of(conn, cnn, "targeted", "Houthis") != _event_of(conn, cnn, "attack", "Israel")
    relink_all(conn)
    assert _event_of(conn, cnn, "targeted", "Houthis") != _event_of(conn, cnn, "attack", "Israel")
    counts = conn.execute(
        "SELECT count(*) FROM events ev WHERE mention_count != "
        "(SELECT count(*) FROM event_mentions em WHERE em.event_id = ev.id)"
    ).fetchone()[0]
    assert counts == 0


def test_story_candidates_walk_the_story_without_statistics(tmp_path: Path) -> None:
    """A user's store has no statistics for articles (ANALYZE ran when it was empty): the
    in-story candidate lookup must still start from the story's articles, not from every
    mention of the lemma or type (bench/linking_speed.py: that grew 6.9x from 10k to 100k
    stored event mentions)."""
    from store import open_store

    conn = open_store(tmp_path / "plan.db")
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    store_candidates.story_candidates(conn, 1, lemma="attack", etype="conflict")
    conn.set_trace_callback(None)
    sql = next(s for s in seen if "DISTINCT em.event_id" in s)
    plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert "idx_articles_story (story_id=?)" in plan
    assert "lemma" not in plan and "type_date" not in plan
    conn.close()


def test_inside_one_article_another_named_party_is_another_happening(
    conn: sqlite3.Connection, nlp: Any
) -> None:
    """A real report of Jamal Williams's DUI arrest that recalls Vincent Jackson's: the
    two arrests stay two events, though one article tells both with one word."""
    text = (FIX / "ecbplus-35_5-williams-dui.txt").read_text()
    aid = _one_article(conn, nlp, text, "2009-02-04", text.splitlines()[0])
    arrests: dict[str, set[int]] = {}
    for r in store_events.article_mentions(conn, aid):
        if r["lemma"] == "arrest" and r["target_name"]:
            arrests.setdefault(r["target_name"], set()).add(int(r["event_id"]))
    assert set(arrests) >= {"Jamal Williams", "Vincent Jackson"}
    assert not arrests["Jamal Williams"] & arrests["Vincent Jackson"]


def test_an_articles_vague_mentions_are_linked_after_its_informative_ones() -> None:
    # ECB+ 23 (real): the lede's "the second climber to die" names no one; "Buckley's
    # death", deeper in, does: it is linked first, so the lede can meet its event
    from ingest.linking import link_order
    from ingest.mentions import mention_features

    base: dict[str, Any] = {"article_id": 1, "type": "kill", "modality": "asserted"}
    lede = {"id": 1, "lemma": "die", "salience": 0.9, "trigger_start": 10, **base}
    named = {
        "id": 2,
        "lemma": "death",
        "salience": 0.6,
        "trigger_start": 900,
        "actor_id": 7,
        "actor_name": "Robert Buckley",
        "actor_label": "PERSON",
        **base,
    }
    features = {r["id"]: mention_features(r, {}) for r in (lede, named)}
    assert [r["id"] for r in link_order([lede, named], features)] == [2, 1]


def _poll_events(conn: sqlite3.Connection, nlp: Any) -> list[int]:
    text = (FIX / "extraction-nyt-republicans-polls.txt").read_text()
    (result,) = Analyzer(nlp=nlp).analyse_texts([(text, "2019-11-19")])
    aid, _ = writes.save_article(
        conn,
        {"body": text, "title": "Republicans Are Following Trump to Nowhere"},
        mentions=result["mentions"],
        event_mentions=result["event_mentions"],
        analysed=True,
    )
    link_article(conn, [aid])
    rows = store_events.article_mentions(conn, aid)
    return [int(r["event_id"]) for r in rows if r["lemma"] == "poll" and r["event_id"]]


def test_a_word_told_far_on_in_a_long_article_is_not_its_sole_event_by_default(
    tmp_path: Path, nlp: Any, monkeypatch: Any
) -> None:
    """A real opinion piece (The New York Times, 19 November 2019, from the
    article-extraction benchmark; MIT, see extraction.LICENSE): "Americans have gone to
    the polls" opens it; "a similarly fresh Reuters poll" (an opinion poll) comes many
    sentences on. Polls are a kind a story tells many times (link_rules.
    STORY_RECURRING_LEMMAS), and, that aside, being the only other "poll" of the article
    does not make it the same happening (in_story.SOLE_SENTENCES)."""
    import analysis.in_story as in_story
    from analysis import link_rules
    from store import open_store

    polls = _poll_events(open_store(str(tmp_path / "a.db")), nlp)
    assert len(polls) >= 2 and len(set(polls)) == len(polls), polls
    monkeypatch.setattr(link_rules, "STORY_RECURRING_LEMMAS", frozenset())
    polls = _poll_events(open_store(str(tmp_path / "b.db")), nlp)
    assert len(set(polls)) == len(polls), polls
    monkeypatch.setattr(in_story, "SOLE_SENTENCES", None)
    polls = _poll_events(open_store(str(tmp_path / "c.db")), nlp)
    assert len(set(polls)) < len(polls), polls


#: One article's two tellings of one word that are two happenings: (switch module, switch,
#: text, published, lemma, the row field that tells them apart, its two values).
_TWO_IN_ONE_ARTICLE = [
    # ECB+ 20 (real sentences of two reports of Iran's quake, the second also telling
    # China's of the day before; undated here so that no day parts them): two deaths
    # (the place told by the clause or the cause: analysis.clause_place)
    (
        "analysis.place_rules",
        "COUNTRIES_APART",
        "A powerful earthquake has hit southern Iran, killing at least 10 people, injuring "
        "dozens more and damaging several villages, officials say.\n\nMore than a dozen "
        "people were killed by a quake in eastern China.",
        None,
        "kill",
        "location_name",
        ("Iran", "China"),
    ),
    # ECB+ 8 (real, one report of 5 May 2010): the march through Athens and the one in
    # Thessaloniki were one event; the store must hand the linker each place's label.
    (
        "analysis.place_rules",
        "TOWNS_APART_IN_ARTICLE",
        "The two women and a man were killed during demonstrations by tens of thousands who "
        "marched through Athens.\n\nViolence also broke out in the northern city of "
        "Thessaloniki, where another 20,000 people marched through the city center.",
        "2010-05-05",
        "march",
        "location_name",
        ("Athens", "Thessaloniki"),
    ),
]


def test_a_sale_not_made_and_one_made_in_one_sentence_are_two(
    conn: sqlite3.Connection, nlp: Any
) -> None:
    """A bundled sample (Wikinews interview): the magician did not sell him the trick, he
    sold him two books: two sales, though one sentence tells both with one word. (The
    switch told_apart.NEGATED_APART_IN_ARTICLE, which once alone parted them, is tested in
    tests/test_linking.py: since "today" is the books' owning, not the sale's,
    other_times.NOUN_CLAUSE_TIME, neither sale is dated and nothing joins them.)"""
    text = (
        "The magician behind the counter was wise enough not to sell it to me, but instead "
        "sold me two books which I still own today."
    )
    aid = _one_article(conn, nlp, text, "2015-01-06", "One article")
    events = {
        r["modality"]: r["event_id"]
        for r in store_events.article_mentions(conn, aid)
        if r["lemma"] == "sell"
    }
    assert set(events) == {"negated", "asserted"}
    assert events["negated"] != events["asserted"]


@pytest.mark.parametrize("apart", [True, False])
@pytest.mark.parametrize(
    ("module", "switch", "text", "published", "lemma", "field", "sides"), _TWO_IN_ONE_ARTICLE
)
def test_inside_one_article_two_tellings_of_a_word_are_two_happenings(
    conn: sqlite3.Connection,
    nlp: Any,
    monkeypatch: Any,
    apart: bool,
    module: str,
    switch: str,
    text: str,
    published: str | None,
    lemma: str,
    field: str,
    sides: tuple[str, str],
) -> None:
    import importlib

    monkeypatch.setattr(importlib.import_module(module), switch, apart)
    aid = _one_article(conn, nlp, text, published, "One article")
    events = {
        r[field]: r["event_id"]
        for r in store_events.article_mentions(conn, aid)
        if r["lemma"] == lemma
    }
    assert set(events) == set(sides)
    assert (events[sides[0]] != events[sides[1]]) is apart
