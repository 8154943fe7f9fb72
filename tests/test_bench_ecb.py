"""bench.event_coref's dateline reader and gold descriptions, and bench.ecb_articles' corpus
spans, on the lines and store rows they read (a real SQLite store through the import path;
the descriptions' two sentences are written)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bench import ecb_articles
from bench.event_coref import _posted_before_download


def test_a_download_stamp_counts_back_to_when_the_page_was_posted() -> None:
    # ECB+ 6_2ecbplus's dateline (CC BY 3.0): posted 1 year and 160 days before the
    # corpus fetched it, not on the day it was fetched
    line = "Posted 1 year , 160 days ago [ downloaded on 2 October 2013 ] ."
    assert _posted_before_download(line) == "2012-04-25"
    assert _posted_before_download("Friday August 2 , 2013 @ 8 : 13am PDT") is None
    assert _posted_before_download("[ downloaded on 2 October 2013 ]") is None  # no "ago"


def test_spans_count_links_by_the_corpus_topics_of_their_articles(tmp_path: Path) -> None:
    from store import open_store, writes

    conn = open_store(tmp_path / "e.db")
    ids = {}
    for name in ("1_1ecb", "1_2ecb", "1_3ecbplus", "2_1ecb"):
        body = f"Article {name}. Police arrested a man on Monday in the city centre."
        row = {"title": name, "body": body, "url": ecb_articles.URL + name}
        ids[name], _ = writes.save_article(conn, row)
    assert ecb_articles.gold_of(ecb_articles.URL + "1_3ecbplus") == ("1", "1+")
    assert ecb_articles.gold_of("https://example.com/1_3ecbplus") is None
    # three events told by two articles each: of one subtopic, of two subtopics of one
    # topic, of two topics; and one told by one article (no link)
    pairs = [("1_1ecb", "1_2ecb"), ("1_2ecb", "1_3ecbplus"), ("1_3ecbplus", "2_1ecb"), ("2_1ecb",)]
    with conn:
        for event, names in enumerate(pairs, start=1):
            conn.execute("INSERT INTO events (id, title) VALUES (?, ?)", (event, f"e{event}"))
            for name in names:
                conn.execute(
                    "INSERT INTO event_mentions (article_id, event_id, start, end) "
                    "VALUES (?, ?, 0, 1)",
                    (ids[name], event),
                )
        # stories: the ECB half of topic 1 with its ECB+ twin; topic 2 alone
        conn.execute("INSERT INTO stories (id, title) VALUES (1, 'a'), (2, 'b')")
        for name in ("1_1ecb", "1_2ecb", "1_3ecbplus"):
            conn.execute("UPDATE articles SET story_id = 1 WHERE id = ?", (ids[name],))
        conn.execute("UPDATE articles SET story_id = 2 WHERE id = ?", (ids["2_1ecb"],))
    conn.close()
    got = ecb_articles.spans(tmp_path / "e.db")
    assert got["events"] == {"same_subtopic": 1, "two_subtopics": 1, "two_topics": 1}
    assert got["stories"] == {"same_subtopic": 0, "two_subtopics": 1, "two_topics": 0}


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        # ECB+ 10 (real): the batting average cut the sentence ("Teixeira hit." was joined
        # as one hitting across two reports)
        ("Teixeira hit . 308 , with 33 home runs", "Teixeira hit .308, with 33 home runs"),
        ("he averaged 14 . 4 points", "he averaged 14.4 points"),
        ("at 9 : 56 AM .", "at 9:56 AM."),
        ("around 9 a . m . , Lyons said", "around 9 a.m., Lyons said"),
        ("a hit - and - run crash", "a hit-and-run crash"),
        ("the re - election committee", "the re-election committee"),
        # a dash before a function word is a dash
        ("the law - although it was not", "the law - although it was not"),
        ("in 2003 . 600 people", "in 2003. 600 people"),
    ],
)
def test_the_corpus_tokens_rejoin_as_written(tokens: str, text: str) -> None:
    assert ecb_articles._spaced(tokens) == text


def test_a_gold_description_that_fails_says_which_document(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The analyser keeps one text's failure from the others; the bench must not: a
    description that fails names its document (it once died later on a bare KeyError),
    and the other documents are still described."""
    import analysis.events as events
    from bench.event_coref import Document, GoldMention, describe_gold

    def doc(name: str, text: str) -> Document:
        spans = {i: (m.start(), m.end()) for i, m in enumerate(re.finditer(r"\S+", text))}
        word = next(i for i, (a, b) in spans.items() if text[a:b] in ("attacked", "voted"))
        mention = GoldMention(f"{name}_1", name, 0, [word], "c1")
        return Document(name, text, spans, [mention])

    good = doc("1_1ecb", "Rebels attacked the town on Monday.")
    bad = doc("1_2ecb", "Citizens voted in the election on Sunday.")
    assert set(describe_gold([good, bad], nlp)) == {"1_1ecb", "1_2ecb"}
    real = events.describe

    def failing(tok: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        if tok.text == "voted":
            raise ValueError("a bug in describe")
        return real(tok, *args, **kwargs)

    monkeypatch.setattr(events, "describe", failing)
    with pytest.raises(RuntimeError, match=r"1_2ecb.*a bug in describe"):
        describe_gold([good, bad], nlp)


def test_per_topic_lines_say_which_topics_fall_below_the_baseline() -> None:
    from bench.event_coref import per_topic_summary, topic_row

    def result(ours: float, lemma: float, stories: float) -> dict[str, Any]:
        return {
            "ours": {"conll": ours},
            "lemma_subtopics": {"conll": lemma},
            "stories": {"b3": stories},
        }

    rows = [topic_row(24, result(67.25, 75.89, 0.76)), topic_row(34, result(75.53, 67.33, 1.0))]
    assert rows[0] == {
        "topic": 24,
        "ours": 67.25,
        "lemma_subtopics": 75.89,
        "difference": -8.64,
        "stories": 0.76,
    }
    assert per_topic_summary(rows) == {"below": [24], "mean_difference": -0.22}
    assert per_topic_summary([]) == {"below": [], "mean_difference": 0.0}
