"""Open an article in the real app and time it until the reader is painted.

    python -m bench.reader_open [--runs 30]

The article: 2,000 words of real sample text with 150 highlighted mentions (spread over
the body, entity labels cycling through the highlighted types), plus notes and an event
mention. Prints median and p95 milliseconds, and one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent.parent))

from store import open_store, writes
from tui.app import make_app
from tui.widgets.reader import DEFAULT_LABELS

LABELS = [lb for lb in DEFAULT_LABELS if lb != "DATE"]


def long_article(words: int = 2000) -> str:
    from bench.build_store import sample_texts

    paras: list[str] = []
    count = 0
    for t in sample_texts():
        for p in t["body"].split("\n"):
            if p.strip():
                paras.append(p.strip())
                count += len(p.split())
                if count >= words:
                    return "\n\n".join(paras)
    return "\n\n".join(paras)


def make_store(path: Path, n_mentions: int = 150) -> tuple[int, int]:
    conn = open_store(path)
    body = long_article()
    # 150 mentions on capitalised words spread evenly through the body.
    import re

    caps = [m for m in re.finditer(r"\b[A-Z][a-z]{3,}\b", body)]
    step = max(1, len(caps) // n_mentions)
    mentions = []
    for i, m in enumerate(caps[::step][:n_mentions]):
        label = LABELS[i % len(LABELS)]
        mentions.append(
            {
                "start": m.start(),
                "end": m.end(),
                "text": m.group(),
                "label": label,
                "sentence": i,
                "entity": {
                    "key": f"{label}:{m.group().lower()}",
                    "label": label,
                    "name": m.group(),
                    "aliases": [],
                },
            }
        )
    aid, _ = writes.save_article(
        conn, {"title": "A long article", "outlet": "Bench", "body": body}, mentions=mentions
    )
    other, _ = writes.save_article(conn, {"title": "Another", "body": "Short one."})
    for k in range(5):
        writes.add_annotation(conn, aid, k * 500, k * 500 + 80, f"note {k}")
    conn.close()
    return aid, other


async def measure(db: Path, aid: int, other: int, runs: int) -> list[float]:
    app = make_app(db, analyse=False)
    times: list[float] = []
    async with app.run_test(size=(160, 45)) as pilot:
        screen = app.screen
        for i in range(runs + 3):
            target = aid if i % 2 == 0 else other
            loop = asyncio.get_running_loop()
            done: asyncio.Future[float] = loop.create_future()
            t0 = time.perf_counter()
            screen.show_article(target)  # type: ignore[attr-defined]
            app.call_after_refresh(lambda d=done: d.set_result(time.perf_counter()))
            t1 = await done
            await pilot.pause()
            if target == aid and i >= 2:
                times.append((t1 - t0) * 1000)
    return times


def run(runs: int = 30) -> dict[str, Any]:
    """Median and p95 ms to show the long article (``runs`` opens, alternating with a short one)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "open.db"
        aid, other = make_store(db)
        times = asyncio.run(measure(db, aid, other, runs * 2))
    times.sort()
    med = statistics.median(times)
    p95 = times[int(0.95 * (len(times) - 1))]
    print(
        f"open 2,000-word article, 150 mentions: median {med:.1f} ms, p95 {p95:.1f} ms ({len(times)} runs)"
    )
    return {"median_ms": round(med, 2), "p95_ms": round(p95, 2), "runs": len(times)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    print(json.dumps({"open": run(args.runs)}))


if __name__ == "__main__":
    main()
