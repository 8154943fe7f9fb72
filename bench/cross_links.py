"""Print a store's stories and cross-article events with their sentences, to judge by reading.

    python -m bench.cross_links STORE [--sample N] [--seed S] [--stories]

A score says how many links match an annotation; an analyst judges whether each link shown
joins one real-world happening. This prints what the reader shows across articles: every
event reported by two or more articles (or a seeded random N of them), each mention with
its article and its sentence, the trigger between ** **; with ``--stories``, the stories of
two or more articles with their articles' titles first. The last line is JSON with the
counts, so a judged sample can be reported as "k of N right".

Real news to try it on: the bundled samples (``newsreader demo`` builds their store), or
the 90 pages of the extraction benchmark imported as one store::

    newsreader --db /tmp/x.db import ../shared/data/extraction/html/*.html   (gunzipped)
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
from collections.abc import Sequence
from typing import Any


def cross_events(conn: sqlite3.Connection) -> list[tuple[int, str, str | None, str, int]]:
    """(id, title, date_start, type, articles) of every event told by 2+ articles."""
    return [
        (int(r[0]), str(r[1] or ""), r[2], str(r[3] or ""), int(r[4]))
        for r in conn.execute(
            "SELECT e.id, e.title, e.date_start, e.type, count(DISTINCT m.article_id) AS n "
            "FROM events e JOIN event_mentions m ON m.event_id = e.id "
            "GROUP BY e.id HAVING n >= 2 ORDER BY e.id"
        )
    ]


def _sentence(body: str, row: sqlite3.Row) -> str:
    start, end, ts, te = row["start"], row["end"], row["trigger_start"], row["trigger_end"]
    if ts is None or te is None or not start <= ts <= te <= end:
        text = body[start:end]
    else:
        text = body[start:ts] + "**" + body[ts:te] + "**" + body[te:end]
    return " ".join(text.split())


def describe(conn: sqlite3.Connection, event_id: int, width: int = 300) -> list[str]:
    """One line per mention: article, outlet, date, and the sentence."""
    lines = []
    for r in conn.execute(
        "SELECT m.article_id, m.start, m.end, m.trigger_start, m.trigger_end, a.title, "
        "a.outlet, IFNULL(a.published_at, a.fetched_at) AS day, a.body "
        "FROM event_mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.event_id = ? ORDER BY m.article_id, m.start",
        (event_id,),
    ):
        head = f"a{r['article_id']} {(r['outlet'] or '')[:14]} {(r['day'] or '')[:10]}"
        lines.append(f"  - {head} [{(r['title'] or '')[:48]}]: {_sentence(r['body'], r)[:width]}")
    return lines


def stories(conn: sqlite3.Connection) -> list[str]:
    """The stories of two or more articles, each with its articles' titles."""
    out = []
    for sid, title, n in conn.execute(
        "SELECT s.id, s.title, count(*) AS n FROM articles a JOIN stories s ON s.id = a.story_id "
        "GROUP BY s.id HAVING n >= 2 ORDER BY n DESC, s.id"
    ):
        titles = [
            str(r[0] or "")[:60]
            for r in conn.execute(
                "SELECT title FROM articles WHERE story_id = ? ORDER BY id", (sid,)
            )
        ]
        out.append(f"[story {sid}] {title!r} ({n}): {titles}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store")
    parser.add_argument("--sample", type=int, help="print a seeded random N of the events")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--stories", action="store_true", help="list stories of 2+ first")
    args = parser.parse_args(argv)
    try:
        conn = sqlite3.connect(f"file:{args.store}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        events = cross_events(conn)
    except sqlite3.Error as exc:
        print(f"cross_links: error: {args.store}: {exc}", file=sys.stderr)
        return 1
    n_stories = len(stories(conn))
    if args.stories:
        print("\n".join(stories(conn)) or "(no story of 2+ articles)")
    shown: list[Any] = events
    if args.sample is not None and args.sample < len(events):
        shown = sorted(random.Random(args.seed).sample(events, args.sample))
    for eid, title, date, etype, n in shown:
        print(f"\n### E{eid} {title!r} {date or 'undated'} {etype} ({n} articles)")
        print("\n".join(describe(conn, eid)))
    print(
        json.dumps(
            {
                "cross_article_events": len(events),
                "shown": len(shown),
                "stories_2plus": n_stories,
                "seed": args.seed,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
