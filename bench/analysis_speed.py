"""Speed of our whole analysis step vs plain ``nlp.pipe`` over the same texts, same run.

    python -m bench.analysis_speed [FILE.jsonl ...] [--repeat 3] [--n-process 1]

Texts: the ``body`` of each JSON line of the files given (default: the samples bundled in
ingest/samples/*.jsonl). Each round times plain ``list(nlp.pipe(texts))`` (the full
pipeline, nothing else) and ``Analyzer.analyse_texts`` (the same pipe plus corrections,
re-cased capitals, canonical entities, result dicts), alternating, after one warm-up; the
best round of each counts (the least disturbed by the machine). Words are
whitespace-separated words of the texts. Last line JSON::

    {"words": N, "plain_wps": .., "analysis_wps": .., "ratio": ..}
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

SAMPLES = HERE.parent / "ingest" / "samples"


def load_texts(paths: Sequence[Path]) -> list[str]:
    texts: list[str] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                body = json.loads(line).get("body")
                if body:
                    texts.append(body)
    return texts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args(argv)
    files = args.files or sorted(SAMPLES.glob("*.jsonl"))
    texts = load_texts(files)
    words = sum(len(t.split()) for t in texts)

    from analysis.analyzer import Analyzer

    analyzer = Analyzer(n_process=args.n_process, batch_size=args.batch_size)
    nlp = analyzer.nlp
    items = [(t, None) for t in texts]
    list(nlp.pipe(texts[:8]))  # warm-up
    analyzer.analyse_texts(items[:8])
    plain: list[float] = []
    ours: list[float] = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        list(nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process))
        plain.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        results = analyzer.analyse_texts(items)
        ours.append(time.perf_counter() - t0)
    mentions = sum(len(r["mentions"]) for r in results)
    plain_wps = words / min(plain)
    ours_wps = words / min(ours)
    print(f"{len(texts)} texts, {words} words, {mentions} mentions; rounds: {args.repeat}")
    print(f"plain nlp.pipe: {plain_wps:,.0f} words/s  (s: {', '.join(f'{x:.2f}' for x in plain)})")
    print(f"analysis step:  {ours_wps:,.0f} words/s  (s: {', '.join(f'{x:.2f}' for x in ours)})")
    print(
        json.dumps(
            {
                "texts": len(texts),
                "words": words,
                "plain_wps": round(plain_wps),
                "analysis_wps": round(ours_wps),
                "ratio": round(ours_wps / plain_wps, 3),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
