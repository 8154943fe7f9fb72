"""Does the UI keep answering keys while an import and its language analysis run?

    python -m bench.ui_during_import

Starts the real app headless on an empty store, starts the import of the bundled samples
in its worker (then the analysis queue in a process of its own, spaCy included), and
presses j / k every 50 ms until the import and the analysis end, timing each key from its
arrival to the list's cursor having moved. Prints the key latencies (median, p95, max) and
how many articles were imported meanwhile, then one JSON line.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from textual import events

from ingest.samples import sample_paths
from tui.app import make_app
from tui.widgets.article_list import ArticleList


async def run(db: Path) -> dict[str, float]:
    app = make_app(db, import_paths=sample_paths(), analyse=True)
    latencies: list[float] = []
    async with app.run_test(size=(160, 45)):
        lst = app.screen.query_one(ArticleList)
        start = time.perf_counter()
        # Until the import and then the analysis (its own process, followed by a worker)
        # are done.
        while True:
            busy = any(w.group in ("import", "analyse") and w.is_running for w in app.workers)
            if not busy and (app._analysis is not None or time.perf_counter() - start > 600):
                break
            if lst.source.count > 2:
                before = lst.cursor
                key = "j" if before == 0 else "k"
                t0 = time.perf_counter()
                # As a terminal delivers a key: one Key event to the app. (Pilot.press also
                # waits for the app to be idle, which it is not while progress flows.)
                app.post_message(events.Key(key, key))
                while lst.cursor == before and time.perf_counter() - t0 < 5:
                    await asyncio.sleep(0.001)
                latencies.append((time.perf_counter() - t0) * 1000)
            await asyncio.sleep(0.05)
        elapsed = time.perf_counter() - start
        count = lst.source.count
    latencies.sort()
    return {
        "keys": len(latencies),
        "median_ms": round(statistics.median(latencies), 1) if latencies else -1,
        "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1) if latencies else -1,
        "max_ms": round(latencies[-1], 1) if latencies else -1,
        "import_s": round(elapsed, 1),
        "articles": count,
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = asyncio.run(run(Path(tmp) / "ui.db"))
    print(
        f"{result['keys']} keys during a {result['import_s']} s import of {result['articles']} "
        f"articles: median {result['median_ms']} ms, p95 {result['p95_ms']} ms, max {result['max_ms']} ms"
    )
    print(json.dumps({"ui_during_import": result}))


if __name__ == "__main__":
    main()
