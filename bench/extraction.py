"""Body extraction, scored the way the article-extraction benchmark scores it.

    python bench/extraction.py DIR [--half dev|held|all] [--worst N] [--dumper w3m|lynx]

DIR is laid out like scrapinghub/article-extraction-benchmark: ``html/ID.html.gz`` and
``ground-truth.json`` (``{ID: {"articleBody": ...}}``). Two paths are scored on each page:

- html: the HTML through :func:`ingest.html.parse_html` -> the body;
- dump: the same page dumped to text by w3m (``w3m -dump -T text/html``), then through
  :func:`ingest.pagedump.parse_page_dump` -> the main article's body.

The measure is the benchmark's: per page, true/false positives and false negatives over
word 4-gram shingles (counted with multiplicity, normalised so each page weighs the same);
precision and recall are averaged over pages, then F1 = 2PR / (P + R).

Pages are split into two halves by their ID (first byte even: "dev", odd: "held") so the
dump rules can be tuned on one half and checked on the other. The last line printed is JSON:
``{"html": {"p", "r", "f1"}, "dump": {"p", "r", "f1"}, "pages": N}``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.draft import IngestError
from ingest.html import parse_html
from ingest.pagedump import parse_page_dump

_TOKEN = re.compile(r"\w+")
Counts = tuple[float, float, float]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Word n-grams of the benchmark's tokenisation (``\\w+``, case kept)."""
    tokens = _TOKEN.findall(text or "")
    grams: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(tokens) - n + 1)):
        gram = tuple(tokens[i : i + n])
        if gram:
            grams[gram] += 1
    return grams


def page_counts(true: str, pred: str) -> Counts:
    """(tp, fp, fn) of one page, normalised to sum to 1 so long pages weigh no more."""
    t, p = shingles(true), shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def summarise(counts: list[Counts]) -> dict[str, float]:
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}


def half_of(page_id: str) -> str:
    return "dev" if int(page_id[:2], 16) % 2 == 0 else "held"


def dump_html(html: bytes, dumper: str = "w3m") -> str:
    """The text a standard text browser makes of the page (80 columns)."""
    if dumper == "lynx":
        cmd = ["lynx", "-dump", "-nolist", "-stdin", "-display_charset=UTF-8"]
    else:
        cmd = ["w3m", "-dump", "-T", "text/html", "-O", "UTF-8"]
    out = subprocess.run(cmd, input=html, capture_output=True, timeout=60, check=False)
    return out.stdout.decode("utf-8", errors="replace")


def html_body(html: bytes, name: str) -> str:
    try:
        drafts = parse_html(html, name)
    except IngestError:
        return ""
    return drafts[0].body if drafts else ""


def dump_body(text: str, name: str) -> str:
    drafts = parse_page_dump(text, name)
    main = [d for d in drafts if d.role in (None, "main")]
    return main[0].body if main else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--half", choices=("dev", "held", "all"), default="all")
    ap.add_argument("--dumper", choices=("w3m", "lynx"), default="w3m")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst dump pages")
    ap.add_argument("--save-dumps", type=Path, help="write each page's dump here")
    args = ap.parse_args(argv)

    truth = json.loads((args.dir / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(k for k in truth if args.half == "all" or half_of(k) == args.half)

    def run(page_id: str) -> tuple[str, Counts, Counts]:
        html = gzip.decompress((args.dir / "html" / f"{page_id}.html.gz").read_bytes())
        gold = truth[page_id].get("articleBody", "")
        dump = dump_html(html, args.dumper)
        if args.save_dumps:
            args.save_dumps.mkdir(parents=True, exist_ok=True)
            (args.save_dumps / f"{page_id}.txt").write_text(dump, encoding="utf-8")
        return (
            page_id,
            page_counts(gold, html_body(html, page_id)),
            page_counts(gold, dump_body(dump, page_id)),
        )

    with ThreadPoolExecutor(max_workers=2) as pool:
        rows = list(pool.map(run, ids))

    for half in ("dev", "held"):
        part = [r for r in rows if half_of(r[0]) == half]
        if part:
            print(
                f"{half:5} pages={len(part):3}  html={summarise([r[1] for r in part])}  "
                f"dump={summarise([r[2] for r in part])}"
            )
    if args.worst:
        worst = sorted(rows, key=lambda r: r[2][0])[: args.worst]
        for page_id, _, c in worst:
            print(
                f"worst dump {page_id[:12]} {half_of(page_id)} tp={c[0]:.2f} fp={c[1]:.2f} fn={c[2]:.2f}"
            )
    result = {
        "html": summarise([r[1] for r in rows]),
        "dump": summarise([r[2] for r in rows]),
        "pages": len(rows),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
