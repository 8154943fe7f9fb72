"""Cold start: process start to the first painted article list, at 0 / 10k / 100k articles.

    python -m bench.coldstart [--sizes 0,10000,100000] [--runs 5] [--data bench/data]

Stores are built once from the bundled real texts (bench.build_store) and reused. Prints a
table, then one JSON line with medians.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from bench.build_store import build  # noqa: E402
from store import open_store  # noqa: E402


def store_for(n: int, data: Path) -> Path:
    path = data / f"store-{n}.db"
    if n == 0:
        path.unlink(missing_ok=True)
        open_store(path).close()
        return path
    return build(n, path)


def probe(db: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, str(HERE / "startup_probe.py"), str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(sizes: list[int], runs: int = 5, data: Path = HERE / "data") -> dict[int, dict[str, Any]]:
    """Median (min, max) first paint and peak RSS per store size; prints a table."""
    data.mkdir(parents=True, exist_ok=True)
    results: dict[int, dict[str, Any]] = {}
    print(f"{'articles':>9}  {'first paint (median)':>21}  {'min':>6}  {'max':>6}  {'peak RSS':>9}")
    for n in sizes:
        db = store_for(n, data)
        probe(db)  # warm the page cache once, as a second launch would be
        runs_ = [probe(db) for _ in range(runs)]
        times = [float(r["first_paint_s"]) for r in runs_]  # type: ignore[arg-type]
        rss = max(float(r["peak_rss_mb"]) for r in runs_)  # type: ignore[arg-type]
        results[n] = {
            "median_s": round(statistics.median(times), 3),
            "min_s": round(min(times), 3),
            "max_s": round(max(times), 3),
            "peak_rss_mb": rss,
            "spacy_imported": any(r["modules"]["spacy"] for r in runs_),  # type: ignore[index]
        }
        r = results[n]
        print(
            f"{n:>9}  {r['median_s']:>19.3f} s  {r['min_s']:>6.3f}  {r['max_s']:>6.3f}  {rss:>6.1f} MB"
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="0,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=HERE / "data")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(json.dumps({"cold_start": run(sizes, args.runs, args.data)}))


if __name__ == "__main__":
    main()
