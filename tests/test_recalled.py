"""Happenings recalled in reports far apart, on real MEANTIME articles (CC BY 4.0, see
fixtures/stories/meantime.LICENSE.txt): Steve Jobs' fight with cancer told in January,
August and October 2011; General Motors' bankruptcy of June 2009 recalled in December 2013.
Each rule has a switch; with it off the link is not made, so each check can fail."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from analysis import antecedents, deaths, link_rules
from analysis.analyzer import Analyzer
from ingest.linking import link_article
from store import open_store, writes
from tests.conftest import RememberingAnalyzer

FIX = Path(__file__).parent / "fixtures" / "stories" / "meantime-recalled.jsonl"


@pytest.fixture(scope="module")
def articles(nlp: Any) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    rows = [json.loads(line) for line in FIX.read_text(encoding="utf-8").splitlines()]
    results = Analyzer(nlp=nlp).analyse_texts([(r["body"], r["date"]) for r in rows])
    return list(zip(rows, results, strict=True))


def _store(
    tmp_path: Path, articles: list[tuple[dict[str, Any], dict[str, Any]]]
) -> tuple[sqlite3.Connection, dict[str, int]]:
    conn = open_store(tmp_path / "news.db")
    ids = {}
    for row, res in articles:
        aid, _ = writes.save_article(
            conn,
            {"body": row["body"], "title": row["title"], "published_at": row["date"]},
            mentions=res["mentions"],
            event_mentions=res["event_mentions"],
            analysed=True,
        )
        link_article(conn, [aid])
        ids[row["id"]] = aid
    return conn, ids


def _events_of(
    conn: sqlite3.Connection, article_id: int, sentence_word: str, trigger: str
) -> set[int]:
    """The events of the article's mentions of ``trigger`` whose sentence holds
    ``sentence_word``."""
    body = conn.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    out = set()
    for event_id, start in conn.execute(
        "SELECT event_id, trigger_start FROM event_mentions WHERE article_id = ? AND trigger = ?",
        [article_id, trigger],
    ):
        left = max(body.rfind(". ", 0, start), 0)
        right = body.find(". ", start)
        if sentence_word in body[left : right if right > 0 else None] and event_id:
            out.add(event_id)
    return out


def _fight(conn: sqlite3.Connection, ids: dict[str, int]) -> list[set[int]]:
    # 238039: "He fought pancreatic cancer in 2004 and took six months off in early 2009";
    # 279494: "Steve Jobs has been fighting pancreatic cancer since 2004 and ...";
    # 287096: "He has been fighting pancreatic cancer since 2004."
    return [
        _events_of(conn, ids[doc], "pancreatic", word)
        for doc, word in (("238039", "fought"), ("279494", "fighting"), ("287096", "fighting"))
    ]


def test_one_partys_act_on_one_thing_in_one_year_is_one_happening_however_far_apart(
    tmp_path: Path, articles: list[tuple[dict[str, Any], dict[str, Any]]]
) -> None:
    conn, ids = _store(tmp_path, articles)
    fights = _fight(conn, ids)
    assert all(len(f) == 1 for f in fights), fights
    assert fights[0] == fights[1] == fights[2]  # months apart, three stories, one fight


def test_without_the_rule_the_year_is_no_date_for_reports_far_apart(
    tmp_path: Path,
    articles: list[tuple[dict[str, Any], dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(link_rules, "RECALLED_PAIRS", False)
    conn, ids = _store(tmp_path, articles)
    fights = _fight(conn, ids)
    # January's report is seven months before August's (October's is six weeks after
    # August's: near enough to need no date)
    assert fights[0] and fights[0].isdisjoint(fights[1] | fights[2])


def _bankruptcies(conn: sqlite3.Connection, ids: dict[str, int]) -> tuple[set[int], set[int]]:
    filed = _events_of(conn, ids["127226"], "filed for bankruptcy", "bankruptcy")
    recalled = _events_of(conn, ids["1007169"], "recovered from their", "bankruptcy")
    return filed, recalled


def test_a_companys_bankruptcy_recalled_years_on_is_its_bankruptcy(
    tmp_path: Path, articles: list[tuple[dict[str, Any], dict[str, Any]]]
) -> None:
    # 2009-06-01: "General Motors filed for bankruptcy and Chapter 11 protection ...";
    # 2013-12-10: "General Motors recovered from their bankruptcy a year after the
    # appointment of Akerson": "their" is General Motors, the subject of its clause
    conn, ids = _store(tmp_path, articles)
    filed, recalled = _bankruptcies(conn, ids)
    assert filed and filed == recalled


@pytest.mark.parametrize(
    ("module", "switch"),
    [(link_rules, "ONCE_FAR_LEMMAS"), (antecedents, "CLAUSE_OWNS")],
)
def test_without_either_rule_the_recalled_bankruptcy_stays_apart(
    tmp_path: Path,
    articles: list[tuple[dict[str, Any], dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
    nlp: Any,
    module: Any,
    switch: str,
) -> None:
    monkeypatch.setattr(module, switch, frozenset() if switch == "ONCE_FAR_LEMMAS" else False)
    if module is antecedents:  # the owner is found at analysis: analyse again
        rows = [row for row, _ in articles]
        results = Analyzer(nlp=nlp).analyse_texts([(r["body"], r["date"]) for r in rows])
        articles = list(zip(rows, results, strict=True))
    conn, ids = _store(tmp_path, articles)
    filed, recalled = _bankruptcies(conn, ids)
    assert filed and not filed & recalled


def test_its_and_their_stand_for_their_clauses_subject_only(nlp: Any) -> None:
    texts = [
        # the subject of the clause owns the noun
        "General Motors recovered from their bankruptcy a year after the appointment.",
        # a people named by one of them is not "their" (ECB+ 23)
        "One Australian and one English climber have fallen to their deaths in New Zealand.",
        # a heading the parser joined to the sentence (the aggregator page)
        "Iraq\nOver the past few months, suspected Iran-backed groups have also increased "
        "their attacks on Western allies in Iraq.",
    ]
    results = Analyzer(nlp=nlp).analyse_texts([(t, "2013-12-10") for t in texts])
    owners = [
        {m["trigger"]: (m["actor"] or {}).get("name") for m in r["event_mentions"]} for r in results
    ]
    assert owners[0]["bankruptcy"] == "General Motors"
    assert owners[1].get("deaths") is None
    assert owners[2].get("attacks") is None


def _sample_store(tmp_path: Path, analyzer: RememberingAnalyzer) -> sqlite3.Connection:
    """The bundled MEANTIME sample reports (2004-2013), imported and analysed as
    `newsreader import` does: newest first, so the 2013 report that recalls GM's
    bankruptcy is linked before the reports of the filing. Each report is analysed once
    for the session (``analyzer``): both runs below store the same analysis and differ
    only in how they link it."""
    from ingest.analysis_queue import run_queue
    from ingest.pipeline import import_paths
    from tests.conftest import SAMPLES

    conn = open_store(tmp_path / "samples.db")
    import_paths(conn, [SAMPLES / "meantime-en.jsonl"])
    run_queue(conn, analyzer)
    return conn


def _filing_and_recall(conn: sqlite3.Connection) -> tuple[set[int], set[int]]:
    def of(phrase: str) -> set[int]:
        aid = conn.execute("SELECT id FROM articles WHERE body LIKE ?", [f"%{phrase}%"]).fetchone()[
            0
        ]
        return _events_of(conn, aid, phrase, "bankruptcy")

    return of("General Motors filed for bankruptcy"), of("recovered from their bankruptcy")


#: A blocking cap one below the number of candidates the sample's GM story brings the
#: recalled bankruptcy (ingest.linking.MAX_LOADED is 8), so that the blocking must choose.
#: (At 8 it chose this way until the trigger and modality fixes of 5 December 2026
#: changed the story's events: with the default cap both orders now link.)
TIGHT_CAP = 7


@pytest.mark.parametrize("cap", [None, TIGHT_CAP])
def test_a_recalled_bankruptcy_linked_first_still_meets_the_filing(
    tmp_path: Path,
    remembering_analyzer: RememberingAnalyzer,
    monkeypatch: pytest.MonkeyPatch,
    cap: int | None,
) -> None:
    # GM's story holds many economic events of its own (sales, losses, loans): the
    # blocking cap must still weigh the bankruptcy that shares the word and the party
    from ingest import linking

    if cap is not None:
        monkeypatch.setattr(linking, "MAX_LOADED", cap)
    filed, recalled = _filing_and_recall(_sample_store(tmp_path, remembering_analyzer))
    assert filed and filed == recalled


def test_without_word_and_party_first_the_storys_other_economic_events_crowd_it_out(
    tmp_path: Path, remembering_analyzer: RememberingAnalyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ingest import linking

    monkeypatch.setattr(linking, "MAX_LOADED", TIGHT_CAP)
    monkeypatch.setattr(linking, "WORD_AND_PARTY_FIRST", False)
    filed, recalled = _filing_and_recall(_sample_store(tmp_path, remembering_analyzer))
    assert filed and recalled and not filed & recalled


HORTON = Path(__file__).parent / "fixtures" / "events" / "ecbplus-33-horton.jsonl"


def _two_reports(tmp_path: Path, name: str, fixture: Path, sql: str) -> list[Any]:
    """The rows ``sql`` reads from a store of ``name`` with the two reports of ``fixture``
    imported and analysed."""
    from ingest.pipeline import default_analyzer, import_paths

    conn = open_store(tmp_path / name)
    assert import_paths(conn, [fixture], analyzer=default_analyzer())[0].added == 2
    rows = conn.execute(sql).fetchall()
    conn.close()
    return rows


def _horton_deaths(tmp_path: Path, name: str) -> tuple[set[int], set[int], set[int]]:
    """Import the two ECB+ 33 reports (October 2011, April 2013); the stories of the two
    articles and the events of each one's killing or death of Zurana Horton."""
    rows = _two_reports(
        tmp_path,
        name,
        HORTON,
        "SELECT a.id, a.story_id, m.event_id FROM event_mentions m JOIN articles a "
        "ON a.id = m.article_id JOIN entities t ON t.id = m.target_id "
        "WHERE t.name = 'Zurana Horton' AND m.type = 'kill' ORDER BY a.published_at",
    )
    first, last = rows[0][0], rows[-1][0]
    stories = {s for _, s, _ in rows}
    return (
        stories,
        {e for a, _, e in rows if a == first},
        {e for a, _, e in rows if a == last},
    )


def test_a_person_dies_once_whichever_story_tells_it(tmp_path: Path) -> None:
    # Lopez's confession (25 October 2011, "the shooting ... that claimed the life of
    # 34-year old Zurana Horton", "Horton died instantly") and his conviction eighteen
    # months on ("found guilty of slaying Zurana Horton, 34, ... in October 2011"): two
    # stories, one death (deaths.ONE_DEATH)
    stories, confession, conviction = _horton_deaths(tmp_path, "on.db")
    assert len(stories) == 2
    assert confession & conviction


def test_without_the_rule_a_death_told_in_another_story_stays_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deaths, "ONE_DEATH", False)
    stories, confession, conviction = _horton_deaths(tmp_path, "off.db")
    assert len(stories) == 2
    assert not confession & conviction


TURKMEN = Path(__file__).parent / "fixtures" / "events" / "ecbplus-11-turkmen-elections.jsonl"


def _planned_elections(tmp_path: Path, name: str) -> list[set[int]]:
    """Import ECB+ 11's two reports of the election planned in Turkmenistan for 15
    December 2013; the events of each one's headline election."""
    rows = _two_reports(
        tmp_path,
        name,
        TURKMEN,
        "SELECT m.article_id, m.event_id, m.modality, m.date FROM event_mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE m.trigger_start = 14 "
        "AND m.trigger LIKE 'election%' ORDER BY a.published_at",
    )
    assert [(r[2], r[3]) for r in rows] == [("hypothetical", "2013-12-15")] * 2
    return [{r[1]} for r in rows]


def test_a_happening_set_for_a_day_and_a_place_is_one_across_reports(tmp_path: Path) -> None:
    # "Parliamentary elections in Turkmenistan to be held on two-party basis" (26
    # September 2013) and "Turkmenistan to hold first-ever parliamentary elections on a
    # two-party basis" (27 September): planned, naming no one, but set for one day in
    # one country (link_rules.SET_FOR_DAY_AND_PLACE)
    first, second = _planned_elections(tmp_path, "on.db")
    assert first == second


def test_without_the_rule_a_plan_naming_no_one_stays_in_its_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(link_rules, "SET_FOR_DAY_AND_PLACE", False)
    first, second = _planned_elections(tmp_path, "off.db")
    assert first != second


JENKIN = Path(__file__).parent / "fixtures" / "events" / "ecbplus-32-jenkin-accused.jsonl"


def test_an_accusation_of_a_crime_is_one_charge_in_two_reports(tmp_path: Path) -> None:
    # "a son accused of killing his mother, sister and pet dog" and "a Millom man accused
    # of murdering his mother and sister" (ECB+ 32, two reports of 12 June 2013): one
    # accusation, a charge (lexicon: "accuse" and "indict" are of the charge's type, not
    # sayings a story tells many times, which need two anchors to join)
    rows = _two_reports(
        tmp_path,
        "accused.db",
        JENKIN,
        "SELECT m.article_id, m.event_id, m.type FROM event_mentions m "
        "WHERE m.trigger = 'accused' ORDER BY m.article_id",
    )
    assert {t for _, _, t in rows} == {"seize"}
    assert len({a for a, _, _ in rows}) == 2
    assert len({e for _, e, _ in rows}) == 1
