"""bench/ner.py's readers and scorer, on small hand-checkable fixtures, and the entities
of an import landing in a real store (one row per entity across articles)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench import ner

FIX = Path(__file__).parent / "fixtures" / "entities"


def test_detokenise_keeps_offsets() -> None:
    tokens = [
        "Ford",
        "'s",
        "chief",
        ",",
        "Alan",
        "Mulally",
        "(",
        "CEO",
        ")",
        "said",
        '"',
        "yes",
        '"',
        ".",
    ]
    text, offsets = ner.detokenise(tokens)
    assert text == 'Ford\'s chief, Alan Mulally (CEO) said "yes".'
    assert [text[s:e] for s, e in offsets] == tokens


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["I-PER", "I-PER", "O", "I-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),  # IOB1
        (["B-PER", "I-PER", "B-PER", "O"], [(0, 2, "PER"), (2, 3, "PER")]),  # IOB2
        (["I-ORG", "B-ORG", "I-LOC"], [(0, 1, "ORG"), (1, 2, "ORG"), (2, 3, "LOC")]),  # IOB1 split
        (["O", "O"], []),
    ],
)
def test_decode_tags(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert ner._decode(tags) == spans


def test_read_conll_fixture() -> None:
    docs = ner.read_conll(FIX / "meantime-conll.txt")
    assert len(docs) == 4
    assert sum(len(d.gold) for d in docs) == 30
    first = docs[0]
    assert first.text.startswith("BOEING UNVEILS NEW 787 DREAMLINER\nSEATTLE 2007-07-09\nAircraft")
    gold = {(first.text[s:e], t) for s, e, t in first.gold}
    assert ("Boeing Commercial Airplanes", "ORG") in gold
    assert ("United States", "LOC") in gold
    assert ("787 Dreamliner", "MISC") in gold


def test_scores_count_exact_spans_only() -> None:
    doc = ner.EvalDoc("Alan Mulally runs Ford", {(0, 12, "PER"), (18, 22, "ORG")})
    s = ner.Scores()
    s.add(doc, {(0, 12, "PER"), (18, 22, "LOC"), (0, 4, "PER")})
    assert s.prf() == {"p": 0.3333, "r": 0.5, "f1": 0.4, "tp": 1, "fp": 2, "fn": 1}
    assert s.prf("PER")["tp"] == 1


def test_read_meantime_sample() -> None:
    docs = ner.read_meantime(FIX / "meantime")
    assert len(docs) == 1
    doc = docs[0]
    assert doc.text.startswith("Global stock markets plunge\n")
    gold = {(doc.text[s:e], t) for s, e, t in doc.gold}
    assert gold == {("Gordon Brown", "PER"), ("United Kingdom", "LOC")}
    # only the annotated sentences are scored: the title and the first sentences
    assert doc.in_scope(0) and not doc.in_scope(len(doc.text) - 1)


def test_bench_prints_one_json_line(capsys: pytest.CaptureFixture[str], nlp: Any) -> None:
    assert (
        ner.main(["--conll", str(FIX / "meantime-conll.txt"), "--meantime", str(FIX / "meantime")])
        == 0
    )
    last = capsys.readouterr().out.strip().splitlines()[-1]
    result = json.loads(last)
    assert set(result) >= {"raw", "pipeline", "per_type", "corpora"}
    assert set(result["per_type"]) == {"PER", "ORG", "LOC", "MISC"}
    assert 0 < result["raw"]["f1"] <= 1 and 0 < result["pipeline"]["f1"] <= 1
    assert set(result["corpora"]) == {"conll", "meantime"}
    # On this hand-made file the corrections (re-cased capitals, clean spans) help.
    assert result["pipeline"]["f1"] > result["raw"]["f1"]


def test_import_stores_one_entity_row_across_articles(conn: Any, nlp: Any) -> None:
    from analysis.analyzer import Analyzer
    from ingest.draft import ArticleDraft
    from ingest.pipeline import DraftAnalyzer, store_drafts

    analyzer = DraftAnalyzer()
    analyzer.analyzer = Analyzer(nlp=nlp)
    drafts = [
        ArticleDraft(
            title="a", body="Serena Williams won in Paris. Williams said the U.S. team was strong."
        ),
        ArticleDraft(title="b", body="Serena Williams lost in the United States on Monday."),
        ArticleDraft(title="c", body="Williams said nothing. The US team left early."),
    ]
    ids, skipped = store_drafts(conn, drafts, analyzer=analyzer)
    assert len(ids) == 3 and skipped == 0
    rows = {r["key"]: r for r in conn.execute("SELECT * FROM entities")}
    assert rows["person:serena williams"]["article_count"] == 2
    assert "Williams" in json.loads(rows["person:serena williams"]["aliases"])
    # the bare surname of article c is not folded into Serena Williams
    assert rows["person:williams"]["article_count"] == 1
    assert rows["place:united states"]["article_count"] == 3
    assert set(json.loads(rows["place:united states"]["aliases"])) >= {"U.S.", "US"}
    # offsets stored point into the stored body
    for r in conn.execute(
        'SELECT m.start, m."end", m.text, a.body FROM mentions m JOIN articles a ON a.id = m.article_id'
    ):
        assert r["body"][r["start"] : r["end"]] == r["text"]
    # re-importing adds nothing (and costs no NLP)
    assert store_drafts(conn, drafts, analyzer=analyzer) == ([], 3)


def test_a_name_first_stored_in_capitals_takes_its_running_text_form(conn: Any, nlp: Any) -> None:
    """Datelines as AP and Reuters write them: the first report names the city only in
    its dateline, "ROME" (too short to be read in title case, as an acronym would be);
    the reader's panels should say Rome once any report writes it so."""
    from analysis.analyzer import Analyzer
    from ingest.draft import ArticleDraft
    from ingest.pipeline import DraftAnalyzer, store_drafts

    analyzer = DraftAnalyzer()
    analyzer.analyzer = Analyzer(nlp=nlp)
    first = ArticleDraft(
        title="a",
        body="ROME (Reuters) - The Italian Senate voted on Tuesday to extend government funding.",
    )
    later = ArticleDraft(
        title="b", body="Lawmakers in Rome agreed on Thursday to keep the government open."
    )
    store_drafts(conn, [first], analyzer=analyzer)
    names = {r["key"]: r["name"] for r in conn.execute("SELECT key, name FROM entities")}
    assert names.get("place:rome") == "ROME"
    store_drafts(conn, [later], analyzer=analyzer)
    names = {r["key"]: r["name"] for r in conn.execute("SELECT key, name FROM entities")}
    assert names["place:rome"] == "Rome"


def test_a_place_only_ever_in_capitals_reads_in_title_case(conn: Any, nlp: Any) -> None:
    """Real dateline (USA Today, November 2019): no mention writes Sioux Falls otherwise;
    a place of five letters or more reads in title case, an acronym of three stays."""
    from analysis.analyzer import Analyzer
    from ingest.draft import ArticleDraft
    from ingest.pipeline import DraftAnalyzer, store_drafts

    analyzer = DraftAnalyzer()
    analyzer.analyzer = Analyzer(nlp=nlp)
    body = (
        "SIOUX FALLS, S.D. – People across the nation are talking about it: South Dakota"
        " is on meth. The UAE said nothing."
    )
    store_drafts(conn, [ArticleDraft(title="a", body=body)], analyzer=analyzer)
    names = {r["name"] for r in conn.execute("SELECT name FROM entities")}
    assert "Sioux Falls" in names
    assert "SIOUX FALLS" not in names
