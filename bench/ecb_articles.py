"""ECB+ documents as plain news articles (JSON lines), to import through the whole
pipeline and judge its cross-article events by reading, as a reader would see them:

    python -m bench.ecb_articles ../shared/data/ecbplus /tmp/ecb.jsonl
    newsreader --db /tmp/ecb.db import /tmp/ecb.jsonl
    python -m bench.cross_links /tmp/ecb.db --sample 20 --seed 11
    python -m bench.ecb_articles --spans /tmp/ecb.db

``--spans`` counts the store's cross-article events (and stories) by what the corpus
says of their articles: all of one gold subtopic; of two subtopics of one topic (ECB+
pairs each happening with a similar one: two quakes on Qeshm island, two Internet
Explorer patches; mostly two happenings, though a later report may recall the earlier
one); of two topics (two unrelated happenings: always wrong). ``--undated`` also writes
the documents without a dateline (they take the import's clock, as any undated import).

Unlike ``bench.event_coref`` (the gold event mentions, scored against the gold chains),
the system finds its own triggers here, and nothing scores it: the point is to read what
it links. Only documents with a dateline are written unless ``--undated`` (an article without a date would
take the import's clock). Each text's URL line and dateline are dropped, its first line
becomes the title, and the corpus's tokens are re-joined with ordinary spacing.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from bench.event_coref import read_topics

_URL_LINE = re.compile(r"/ /|\bwww\b|\. (?:com|org|net|co|uk|ca|au|nl|in)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SPACED = re.compile(r" ([,;:!?'’]|\.(?!\d))")
#: Numbers the corpus's tokens cut: "40 . 3 million", "hit . 308", "9 : 56 AM", "9 a . m .".
_DECIMAL = re.compile(r"(\d) ?\. (\d\d?)\b")
_AVERAGE = re.compile(r"(?<=[a-z]) ?\. ?(\d{3})\b")
_CLOCK = re.compile(r"(\d) ?: (\d\d)\b")
_MERIDIEM = re.compile(r"\b([ap]) ?\. m ?\.", re.IGNORECASE)
#: A hyphen the tokens spaced ("hit - and - run", "re - election"); not a dash before a
#: function word ("the law - although it wasn't").
_HYPHEN = re.compile(
    r"(?<=\w) - (?!(?:and|but|although|or|the|a|an|which|who|including|not|as|in|with|to"
    r"|that|it|he|she|they|we|this|for|if|when|while|even|just|so)\b(?! -))(?=\w)",
    re.IGNORECASE,
)


def _spaced(text: str) -> str:
    """The corpus's tokens re-joined: no space before punctuation or inside brackets, nor
    inside a number, a clock time or a hyphenated word."""
    text = _DECIMAL.sub(r"\1.\2", text)
    text = _AVERAGE.sub(r" .\1", text)
    text = _CLOCK.sub(r"\1:\2", text)
    text = _MERIDIEM.sub(lambda m: m.group(1) + ".m.", text)
    text = _HYPHEN.sub("-", text)
    text = _SPACED.sub(r"\1", text).replace(" n't", "n't")
    return text.replace("( ", "(").replace(" )", ")").strip()


def article(name: str, text: str, published: str | None) -> dict[str, str] | None:
    """One ECB+ text as an article (None when too little is left of it)."""
    lines = [line for line in text.split("\n") if line.strip()]
    if lines and _URL_LINE.search(lines[0]):
        lines = lines[1:]
    if not lines:
        return None
    title, lines = _spaced(lines[0]), lines[1:]
    while lines and len(lines[0]) < 90 and _YEAR.search(lines[0]):
        lines = lines[1:]  # the dateline
    body = "\n\n".join(_spaced(line) for line in lines)
    if len(body) < 200:
        return None
    row = {"title": title, "body": body, "url": f"{URL}{name}"}
    if published:
        row["published"] = published
    return row


#: Where the articles say they come from (a reserved domain: the import keeps web URLs).
URL = "https://ecbplus.invalid/"


def gold_of(url: str | None) -> tuple[str, str] | None:
    """(topic, subtopic) of an article written by this script: '2_11ecbplus' -> ('2', '2+')."""
    if not url or not url.startswith(URL):
        return None
    topic, rest = url[len(URL) :].split("_", 1)
    return topic, topic + ("+" if rest.endswith("ecbplus") else "")


def spans(store: Path) -> dict[str, dict[str, int]]:
    """Cross-article events and stories of 2+ articles by their articles' gold span."""
    with closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True)) as conn:
        return _spans(conn)


def _spans(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    queries = {
        "events": "SELECT m.event_id, a.url FROM event_mentions m "
        "JOIN articles a ON a.id = m.article_id",
        "stories": "SELECT story_id, url FROM articles WHERE story_id IS NOT NULL",
    }
    for kind, sql in queries.items():
        groups: dict[int, set[tuple[str, str]]] = {}
        articles: dict[int, set[str]] = {}
        for key, url in conn.execute(sql):
            gold = gold_of(url)
            if gold is not None:
                groups.setdefault(key, set()).add(gold)
                articles.setdefault(key, set()).add(url)
        counts = {"same_subtopic": 0, "two_subtopics": 0, "two_topics": 0}
        for key, golds in groups.items():
            if len(articles[key]) < 2:
                continue
            if len({t for t, _ in golds}) > 1:
                counts["two_topics"] += 1
            elif len(golds) > 1:
                counts["two_subtopics"] += 1
            else:
                counts["same_subtopic"] += 1
        out[kind] = counts
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ecb_dir", type=Path, nargs="?")
    parser.add_argument("out", type=Path, nargs="?", help="the JSON lines file to write")
    parser.add_argument("--undated", action="store_true", help="also undated documents")
    parser.add_argument("--spans", type=Path, metavar="STORE", help="count a store's links")
    parser.add_argument(
        "--topics", default=",".join(str(t) for t in range(1, 36)), help="comma-separated"
    )
    args = parser.parse_args(argv)
    if args.spans is not None:
        print(json.dumps({"spans": spans(args.spans)}))
        return 0
    if args.ecb_dir is None or args.out is None:
        parser.error("ECB_DIR and OUT are needed to write the articles")
    topics = [int(t) for t in args.topics.split(",") if t.strip()]
    written = 0
    with args.out.open("w") as fh:
        for d in read_topics(args.ecb_dir, topics):
            if not d.published and not args.undated:
                continue
            row = article(d.name, d.text, d.published)
            if row is not None:
                fh.write(json.dumps(row) + "\n")
                written += 1
    print(json.dumps({"articles": written, "out": str(args.out)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
