"""Very long bodies are analysed in pieces (issue 15): offsets stay right, a body over
spaCy's max_length is analysed instead of failing its batch, and one text the pipeline
fails on costs only that text its analysis."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

import analysis.analyzer as analyzer_mod
from analysis.analyzer import Analyzer
from analysis.pieces import split_pieces

PARA = (
    "Angela Merkel met Emmanuel Macron in Paris on Tuesday. "
    "The two leaders discussed trade with China and the war in Ukraine. "
    "Officials from the European Union attended the talks in the Elysee Palace."
)


def test_pieces_cover_the_text_and_cut_at_breaks() -> None:
    text = "\n\n".join(f"{i}. {PARA}" for i in range(200))
    pieces = split_pieces(text, 2000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(pieces))
    assert all(0 < end - start <= 2000 for start, end in pieces)
    assert all(text[end - 2 : end] == "\n\n" for _, end in pieces[:-1])
    one_run = "x" * 5000
    assert split_pieces(one_run, 2000) == [(0, 2000), (2000, 4000), (4000, 5000)]
    assert split_pieces("short", 2000) == [(0, 5)]


def _check(body: str, result: dict[str, Any]) -> None:
    assert not result.get("error"), result.get("error")
    for m in result["mentions"]:
        assert body[m["start"] : m["end"]] == m["text"]
    sentences = [m["sentence"] for m in result["mentions"]]
    assert sentences == sorted(sentences)
    for em in result["event_mentions"]:
        assert body[em["trigger_start"] : em["trigger_end"]] == em["trigger"]
        assert em["start"] <= em["trigger_start"] < em["trigger_end"] <= em["end"]


def test_a_body_over_max_length_is_analysed_in_pieces(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same path as a 1,000,000-character body, with the limits made small: before,
    spaCy refused the text (E088) and the whole batch failed with it."""
    monkeypatch.setattr(nlp, "max_length", 3000)
    monkeypatch.setattr(analyzer_mod, "PIECE_CHARS", 2000)
    body = "\n\n".join(f"Part {i}. {PARA}" for i in range(30))  # ~7,000 characters
    short = "Joe Biden visited Berlin on Monday."
    results = Analyzer(nlp=nlp).analyse_texts([(short, "2025-07-18"), (body, "2025-07-18")])
    _check(short, results[0])
    _check(body, results[1])
    names = {m["text"] for m in results[1]["mentions"]}
    assert {"Angela Merkel", "Emmanuel Macron", "Paris"} <= names
    # Every part was analysed, the last piece's mentions point into the end of the body.
    assert max(m["start"] for m in results[1]["mentions"]) > len(body) - len(PARA)
    assert max(m["sentence"] for m in results[1]["mentions"]) >= 80


def test_one_failing_text_costs_only_its_own_analysis(nlp: Any) -> None:
    """A text the pipeline raises on (here: over max_length with pieces turned off) gets an
    error result; the others in its batch are analysed."""
    ok = "Joe Biden visited Berlin on Monday."
    analyzer = Analyzer(nlp=nlp)
    saved = nlp.max_length
    nlp.max_length = 100
    try:
        results = analyzer.analyse_texts([(ok, None), ("word " * 40, None), (ok + " Again.", None)])
    finally:
        nlp.max_length = saved
    assert results[1]["error"] and not results[1]["mentions"]
    assert not results[0].get("error") and results[0]["mentions"]
    assert not results[2].get("error") and results[2]["mentions"]
