"""Cross-check our CoNLL scorer (bench/event_coref.py) against the ``scorch`` package.

    python -m bench.check_scorer                      # random clusterings only
    python -m bench.check_scorer --ecb ../shared/data/ecbplus --topic 2

scorch (pip install scorch; in pyproject's ``dev`` extra) implements MUC, B3 and CEAF-e
from Pradhan et al. (2014), with scipy's optimal assignment for CEAF. Both scorers get
the same key/response clusterings over the same mentions (the ECB+ setting: every mention
is in both, singletons included):

- random clusterings with a fixed seed, of several sizes and granularities (all
  singletons, one big cluster, and mixes of both), and a few whose mention sets differ
  (twinless mentions);
- with ``--ecb``, one real ECB+ topic: its gold chains against the same-lemma baseline
  and against our linker (spaCy parse of the topic, a few seconds).

Prints one line per case with the largest difference and, last, a JSON line. The scorers
agree when every metric's F1 x 100 differs by at most 0.01.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent.parent))

from bench.event_coref import b_cubed, ceaf_e, muc

TOLERANCE = 0.01
METRICS = ("muc", "b3", "ceafe", "conll")

Clustering = list[set[Hashable]]


def ours(key: Clustering, response: Clustering) -> dict[str, float]:
    """Our F1 x 100, unrounded."""
    out = {
        "muc": 100 * muc(key, response)[2],
        "b3": 100 * b_cubed(key, response)[2],
        "ceafe": 100 * ceaf_e(key, response)[2],
    }
    out["conll"] = (out["muc"] + out["b3"] + out["ceafe"]) / 3
    return out


def theirs(key: Clustering, response: Clustering) -> dict[str, float]:
    """scorch's F1 x 100."""
    from scorch import scores

    k = [set(c) for c in key]
    r = [set(c) for c in response]
    out = {
        "muc": 100 * scores.muc(k, r)[2],
        "b3": 100 * scores.b_cubed(k, r)[2],
        "ceafe": 100 * scores.ceaf_e(k, r)[2],
    }
    out["conll"] = (out["muc"] + out["b3"] + out["ceafe"]) / 3
    return out


def random_partition(items: Sequence[Hashable], rng: random.Random, mode: str) -> Clustering:
    """A partition of ``items``: ``singletons``, ``one`` cluster, or ``mixed`` (cluster
    sizes drawn from a heavy-tailed distribution, as coreference chains are)."""
    items = list(items)
    rng.shuffle(items)
    if mode == "singletons":
        return [{x} for x in items]
    if mode == "one":
        return [set(items)]
    out: Clustering = []
    i = 0
    while i < len(items):
        size = min(len(items) - i, max(1, int(rng.paretovariate(1.3))))
        out.append(set(items[i : i + size]))
        i += size
    return out


def perturb(key: Clustering, rng: random.Random, rate: float) -> Clustering:
    """A response near ``key``: each mention moves, with probability ``rate``, into a
    random other cluster or a new singleton."""
    clusters = [set(c) for c in key]
    for c in [set(c) for c in key]:
        for m in c:
            if rng.random() >= rate:
                continue
            for cl in clusters:
                cl.discard(m)
            if rng.random() < 0.5 or not clusters:
                clusters.append({m})
            else:
                rng.choice(clusters).add(m)
    return [c for c in clusters if c]


def random_cases(seed: int = 13) -> list[tuple[str, Clustering, Clustering]]:
    rng = random.Random(seed)
    cases = []
    for n in (1, 2, 5, 20, 100, 400):
        items = [f"m{i}" for i in range(n)]
        for kmode in ("singletons", "one", "mixed"):
            for rmode in ("singletons", "one", "mixed"):
                cases.append(
                    (
                        f"n={n} key={kmode} response={rmode}",
                        random_partition(items, rng, kmode),
                        random_partition(items, rng, rmode),
                    )
                )
        for rate in (0.1, 0.3):
            key = random_partition(items, rng, "mixed")
            cases.append(
                (f"n={n} key=mixed response=perturbed {rate}", key, perturb(key, rng, rate))
            )
    for k in range(20):
        n = rng.randint(2, 300)
        items = [f"m{i}" for i in range(n)]
        cases.append(
            (
                f"seeded #{k} n={n}",
                random_partition(items, rng, "mixed"),
                random_partition(items, rng, "mixed"),
            )
        )
    # Twinless mentions (not the ECB+ setting, but the scorers should still agree): the
    # response misses some key mentions and adds some of its own.
    for k in range(5):
        n = rng.randint(10, 200)
        items = [f"m{i}" for i in range(n)]
        kept = [x for x in items if rng.random() > 0.15] + [f"x{i}" for i in range(n // 10)]
        cases.append(
            (
                f"twinless #{k} n={n}",
                random_partition(items, rng, "mixed"),
                random_partition(kept, rng, "mixed"),
            )
        )
    return cases


def ecb_cases(ecb_dir: Path, topic: int) -> list[tuple[str, Clustering, Clustering]]:
    """One ECB+ topic: gold vs the same-lemma baseline, and gold vs our linker."""
    from analysis.nlp import load_nlp
    from bench.event_coref import _group, describe_gold, link_topic, read_topic, read_validated

    validated = read_validated(ecb_dir / "ECBplus_coreference_sentences.csv")
    docs = read_topic(ecb_dir, topic, validated)
    described = describe_gold(docs, load_nlp())
    assignment = link_topic(docs, described)
    mentions = [gm for d in docs for gm in d.mentions]
    lemmas = {
        gm.mid: em["head_lemma"]
        for d in docs
        for gm, em in zip(d.mentions, described[d.name][1], strict=True)
    }
    key: Clustering = [set(c) for c in _group((gm.mid, gm.chain) for gm in mentions)]
    lemma: Clustering = [set(c) for c in _group((gm.mid, lemmas[gm.mid]) for gm in mentions)]
    linked: Clustering = [set(c) for c in _group((gm.mid, assignment[gm.mid]) for gm in mentions)]
    return [
        (f"ECB+ topic {topic} gold vs lemma ({len(mentions)} mentions)", key, lemma),
        (f"ECB+ topic {topic} gold vs ours ({len(mentions)} mentions)", key, linked),
    ]


def compare(cases: list[tuple[str, Clustering, Clustering]]) -> dict[str, Any]:
    worst = dict.fromkeys(METRICS, 0.0)
    disagreements = []
    for name, key, response in cases:
        a, b = ours(key, response), theirs(key, response)
        diff = {m: abs(a[m] - b[m]) for m in METRICS}
        for m in METRICS:
            worst[m] = max(worst[m], diff[m])
        bad = [m for m in METRICS if diff[m] > TOLERANCE]
        flag = "DIFFERS " + ",".join(bad) if bad else "ok"
        print(
            f"{name:55s} ours "
            + " ".join(f"{m} {a[m]:6.2f}" for m in METRICS)
            + " | scorch "
            + " ".join(f"{m} {b[m]:6.2f}" for m in METRICS)
            + f" | {flag}"
        )
        if bad:
            disagreements.append({"case": name, "ours": a, "scorch": b})
    return {
        "cases": len(cases),
        "max_abs_diff": {m: round(v, 6) for m, v in worst.items()},
        "agree_to": TOLERANCE,
        "agree": not disagreements,
        "disagreements": disagreements,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--ecb", type=Path, help="ECB+ folder: also score one real topic")
    parser.add_argument("--topic", type=int, default=2)
    args = parser.parse_args(argv)
    cases = random_cases(args.seed)
    if args.ecb:
        cases += ecb_cases(args.ecb, args.topic)
    out = compare(cases)
    print(json.dumps(out))
    return 0 if out["agree"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
