"""ECB+ documents as plain news articles (JSON lines), to import through the whole
pipeline and judge its cross-article events by reading, as a reader would see them:

    python -m bench.ecb_articles ../shared/data/ecbplus /tmp/ecb.jsonl
    newsreader --db /tmp/ecb.db import /tmp/ecb.jsonl
    python -m bench.cross_links /tmp/ecb.db --sample 20 --seed 11

Unlike ``bench.event_coref`` (the gold event mentions, scored against the gold chains),
the system finds its own triggers here, and nothing scores it: the point is to read what
it links. Only documents with a dateline are written (an article without a date would
take the import's clock). Each text's URL line and dateline are dropped, its first line
becomes the title, and the corpus's tokens are re-joined with ordinary spacing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from bench.event_coref import read_topics

_URL_LINE = re.compile(r"/ /|\bwww\b|\. (?:com|org|net|co|uk|ca|au|nl|in)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SPACED = re.compile(r" ([,.;:!?'’])")


def _spaced(text: str) -> str:
    """The corpus's tokens re-joined: no space before punctuation or inside brackets."""
    text = _SPACED.sub(r"\1", text).replace(" n't", "n't")
    return text.replace("( ", "(").replace(" )", ")").strip()


def article(name: str, text: str, published: str) -> dict[str, str] | None:
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
    return {"title": title, "body": body, "published": published, "url": f"ecb://{name}"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ecb_dir", type=Path)
    parser.add_argument("out", type=Path, help="the JSON lines file to write")
    parser.add_argument(
        "--topics", default=",".join(str(t) for t in range(1, 36)), help="comma-separated"
    )
    args = parser.parse_args(argv)
    topics = [int(t) for t in args.topics.split(",") if t.strip()]
    written = 0
    with args.out.open("w") as fh:
        for d in read_topics(args.ecb_dir, topics):
            if not d.published:
                continue
            row = article(d.name, d.text, d.published)
            if row is not None:
                fh.write(json.dumps(row) + "\n")
                written += 1
    print(json.dumps({"articles": written, "out": str(args.out)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
