"""Ingest speed: the whole import pipeline vs plain ``nlp.pipe`` over the same texts, same run.

    python -m bench.ingest_speed [--n-process 1,2] [--rounds 2] [--limit N]

Ours: :func:`ingest.pipeline.import_paths` over the bundled samples (two JSON-lines files
and the aggregator page dump) into a fresh store, with the real analyser
(:class:`ingest.pipeline.DraftAnalyzer`, spaCy + entities + events) and the default
linker: parse and extract, analyse, store (one transaction per article), link. Plain:
``list(nlp.pipe(bodies, batch_size=b, n_process=k))`` over the bodies those files give,
nothing else (with several processes, the best of batch sizes 8 and 32). The model is loaded once before timing (both sides share it; worker
processes fork from it). Each round times plain then ours per ``n_process``; the best
round counts (the least disturbed by the machine). Words: whitespace-separated words of
the bodies. ``--limit`` imports only the first N articles of the JSON-lines files (a
quick run).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent.parent))


#: Batch sizes tried for plain ``nlp.pipe`` (one process; several), the best counting:
#: with several processes spaCy's own speed varies a lot with the batch size here
#: (6.3-10 s over the samples with 8, 16 or 32), and the baseline gets its best.
PLAIN_BATCH_SIZES = ((32,), (8, 32))


def inputs(folder: Path, limit: int | None) -> list[Path]:
    """The sample files, or (``limit``) one JSON-lines file of the first ``limit`` articles."""
    from ingest.samples import sample_paths

    paths = sample_paths()
    if limit is None:
        return paths
    lines: list[str] = []
    for path in paths:
        if path.suffix == ".jsonl":
            lines.extend(x for x in path.read_text(encoding="utf-8").splitlines() if x.strip())
    subset = folder / "subset.jsonl"
    subset.write_text("\n".join(lines[:limit]) + "\n", encoding="utf-8")
    return [subset]


def run(
    n_processes: tuple[int, ...] = (1, 2), rounds: int = 2, limit: int | None = None
) -> dict[str, Any]:
    from analysis.nlp import load_nlp
    from ingest.pipeline import DraftAnalyzer, drafts_from_path, import_paths
    from ingest.samples import SAMPLE_CAPTURED
    from store import open_store

    captured = datetime.fromisoformat(SAMPLE_CAPTURED)
    nlp = load_nlp()
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = inputs(folder, limit)
        bodies = [d.body for p in paths for d in drafts_from_path(p, captured=captured)]
        words = sum(len(b.split()) for b in bodies)
        out.update(articles=len(bodies), words=words)
        list(nlp.pipe(bodies[:4]))  # warm-up
        best: dict[str, float] = {}
        stored: dict[str, Any] = {}
        for r in range(rounds):
            for k in n_processes:
                for size in PLAIN_BATCH_SIZES[k > 1]:
                    t0 = time.perf_counter()
                    list(nlp.pipe(bodies, batch_size=size, n_process=k))
                    plain = time.perf_counter() - t0
                    best[f"plain_{k}"] = min(best.get(f"plain_{k}", plain), plain)
                db = folder / f"ingest-{k}-{r}.db"
                conn = open_store(db)
                t0 = time.perf_counter()
                results = import_paths(
                    conn, paths, analyzer=DraftAnalyzer(n_process=k), captured=captured
                )
                ours = time.perf_counter() - t0
                best[f"ours_{k}"] = min(best.get(f"ours_{k}", ours), ours)
                errors = [x.error for x in results if x.error]
                if errors:
                    raise RuntimeError(f"import failed: {errors}")
                stored[str(k)] = {
                    t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("articles", "mentions", "event_mentions", "events")
                }
                conn.close()
                print(
                    f"round {r + 1}, n_process={k}: plain nlp.pipe {plain:.2f} s, "
                    f"whole pipeline {ours:.2f} s",
                    file=sys.stderr,
                )
    for k in n_processes:
        plain_wps = words / best[f"plain_{k}"]
        ours_wps = words / best[f"ours_{k}"]
        out[f"n_process_{k}"] = {
            "plain_words_per_s": round(plain_wps),
            "words_per_s": round(ours_wps),
            "articles_per_s": round(len(bodies) / best[f"ours_{k}"], 2),
            "ratio_to_plain": round(ours_wps / plain_wps, 3),
            "stored": stored[str(k)],
        }
    if 1 in n_processes and 2 in n_processes:
        out["scaling_2_vs_1"] = round(best["ours_1"] / best["ours_2"], 3)
        out["plain_scaling_2_vs_1"] = round(best["plain_1"] / best["plain_2"], 3)
    out["rounds"] = rounds
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n-process", default="1,2")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    ks = tuple(int(k) for k in args.n_process.split(","))
    result = run(ks, args.rounds, args.limit)
    for k in ks:
        r = result[f"n_process_{k}"]
        print(
            f"n_process={k}: plain {r['plain_words_per_s']:,} words/s, whole pipeline "
            f"{r['words_per_s']:,} words/s ({r['articles_per_s']} articles/s), "
            f"ratio {r['ratio_to_plain']}"
        )
    print(json.dumps({"ingest": result}))


if __name__ == "__main__":
    main()
