"""The bundled aggregator page, imported as a user would (capture time only, real spaCy,
stories and linking): its undated CNN article is placed by its capture and by the days it
writes out, so "last month" is June 2025; Hamas' 7 October attack links the CNN and
Al-Ahram Weekly articles and nothing else."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from store import open_store

PAGE = Path(__file__).parent / "fixtures" / "ingest" / "aggregator-iran-proxies.txt"


@pytest.fixture(scope="module")
def page_store(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> sqlite3.Connection:
    from ingest.pipeline import default_analyzer, import_paths

    conn = open_store(tmp_path_factory.mktemp("page") / "page.db")
    captured = datetime.fromisoformat("2025-08-02T18:00:00+00:00")
    res = import_paths(conn, [PAGE], analyzer=default_analyzer(), captured=captured)
    assert res[0].error is None and res[0].added == 4
    return conn


def _events(conn: sqlite3.Connection, where: str, *args: object) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT DISTINCT e.* FROM events e JOIN event_mentions em ON em.event_id = e.id "
        "LEFT JOIN entities a ON a.id = em.actor_id LEFT JOIN entities t ON t.id = em.target_id "
        f"WHERE {where}",
        args,
    ).fetchall()


def test_the_undated_main_article_is_placed_by_its_capture(page_store: sqlite3.Connection) -> None:
    row = page_store.execute(
        "SELECT published_at, fetched_at FROM articles WHERE title LIKE '%Nothing has changed%'"
    ).fetchone()
    assert row["published_at"] is None and row["fetched_at"].startswith("2025-08-02")


def test_israel_attack_on_iran_is_dated_june_2025(page_store: sqlite3.Connection) -> None:
    events = _events(page_store, "em.type = 'attack' AND a.name LIKE 'Israel%' AND t.name = 'Iran'")
    assert events
    for e in events:
        assert e["date_start"] >= "2025-06-01" and e["date_end"] <= "2025-06-30", dict(e)


def test_hamas_attack_links_cnn_and_al_ahram_and_holds_nothing_else(
    page_store: sqlite3.Connection,
) -> None:
    events = _events(page_store, "em.date = '2023-10-07' AND em.type = 'attack'")
    linked = [e for e in events if e["article_count"] == 2]
    assert len(linked) == 1
    rows = page_store.execute(
        'SELECT a.outlet, a.title, substr(a.body, em."start" + 1, em."end" - em."start") '
        "AS sentence FROM event_mentions em JOIN articles a ON a.id = em.article_id "
        "WHERE em.event_id = ?",
        (linked[0]["id"],),
    ).fetchall()
    titles = {r["title"] for r in rows}
    assert any("Nothing has changed" in t for t in titles)
    assert any("Armed resistance" in t for t in titles)
    # every mention is the 7 October attack itself: no drone attacks, no war, no retaliation
    for r in rows:
        assert "October 7" in r["sentence"] or "7 October" in r["sentence"], r["sentence"]


def test_every_page_article_has_a_story(page_store: sqlite3.Connection) -> None:
    n = page_store.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone()[0]
    assert n == 0
