"""Peak memory of analysing very long articles: `newsreader import` (with analysis) of one
file holding ``--articles`` articles of ``--chars`` characters each, in a child process
whose peak RSS is read from the kernel (getrusage of the children).

    python -m bench.long_body [--chars 990000] [--articles 1,2]

Budget (issue 15): importing any single input file peaks under 1 GB RSS. Before the
bodies were analysed in pieces, one 990,000-character article took 3.3 GB and 90 s, two
took 6.4 GB. The text is ordinary news prose (the bundled samples' bodies repeated), so
the pipeline finds entities and events all along it.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

BUDGET_MB = 1024


def prose(chars: int, seed: int) -> str:
    """``chars`` characters of news paragraphs from the bundled samples."""
    from ingest.samples import sample_paths

    paragraphs: list[str] = []
    for path in sample_paths():
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines()[:200]:
                body = json.loads(line).get("body") or ""
                paragraphs.extend(p for p in body.split("\n\n") if len(p) > 80)
    out: list[str] = [f"Article {seed}."]
    n = len(out[0])
    i = seed
    while n < chars:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        n += len(p) + 2
        i += 7
    return "\n\n".join(out)[:chars]


def run_one(chars: int, articles: int) -> dict[str, float | int]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "long.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for k in range(articles):
                fh.write(json.dumps({"title": f"Long {k}", "body": prose(chars, k)}) + "\n")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "tui.cli", "--db", str(Path(tmp) / "s.db"), "import", str(src)],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.monotonic() - start
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if proc.returncode:
            print(proc.stderr[-2000:], file=sys.stderr)
        return {
            "chars": chars,
            "articles": articles,
            "exit": proc.returncode,
            "seconds": round(seconds, 1),
            # ru_maxrss of the children is the largest child so far: runs go from small
            # to large, so a later run's figure is its own unless it is smaller.
            "peak_rss_mb": round(peak_kb / 1024),
            "peak_grew": peak_kb > before,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=990_000)
    parser.add_argument("--articles", default="1,2")
    args = parser.parse_args()
    rows = [run_one(args.chars, int(n)) for n in args.articles.split(",")]
    for row in rows:
        ok = row["exit"] == 0 and int(row["peak_rss_mb"]) < BUDGET_MB
        print(json.dumps({**row, "budget_mb": BUDGET_MB, "within_budget": ok}))


if __name__ == "__main__":
    main()
