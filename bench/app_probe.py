"""Drive the real app (Pilot, headless) on a store in this process, and print one JSON line.

    python bench/app_probe.py STORE.db [--pages 100] [--full]

Scroll: the article list has focus; each page-down is delivered as a terminal delivers a
key (one Key event to the app) and timed from then until the screen has been refreshed
after the list moved its cursor. With ``--full`` it then also opens articles, runs
searches on the search screen and reads the article list under filters, as a reader
would in a session; the peak RSS of this process (``VmHWM``) is reported either way. Run
in its own process (bench/scroll.py does) so the peak belongs to the app alone.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

#: Searches typed on the search screen in ``--full`` mode (common words included).
SEARCHES = ["iran", "the", '"prime minister"', "outlet:CNN said", "police unread"]


def peak_rss_mb() -> float:
    """Peak resident set size of this process (VmHWM), in MB."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _stats(ms: list[float]) -> dict[str, float]:
    ms = sorted(ms)
    return {
        "median_ms": round(statistics.median(ms), 2),
        "p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 2),
        "max_ms": round(ms[-1], 2),
        "total_ms": round(sum(ms), 1),
    }


async def drive(db: Path, pages: int, full: bool) -> dict[str, Any]:
    from textual import events

    from tui.app import make_app
    from tui.widgets.article_list import ArticleList

    app = make_app(db, analyse=False)
    out: dict[str, Any] = {}
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        lst = app.screen.query_one(ArticleList)
        lst.focus()
        await pilot.pause()
        loop = asyncio.get_running_loop()
        times: list[float] = []
        for _ in range(pages):
            before = lst.cursor
            done: asyncio.Future[float] = loop.create_future()
            t0 = time.perf_counter()
            app.post_message(events.Key("pagedown", None))
            while lst.cursor == before:
                await asyncio.sleep(0)
            app.call_after_refresh(lambda d=done: d.done() or d.set_result(time.perf_counter()))
            t1 = await done
            times.append((t1 - t0) * 1000)
            await pilot.pause()
        out["scroll"] = {"pages": pages, "cursor": lst.cursor, **_stats(times)}
        if full:
            out["session"] = await _session(app, pilot, lst)
    out["peak_rss_mb"] = peak_rss_mb()
    return out


async def _session(app: Any, pilot: Any, lst: Any) -> dict[str, Any]:
    """Open articles, search, filter: the rest of a reader's session."""
    from textual.widgets import Input

    from tui.screens.detail import SearchScreen

    screen = app.screen
    opened = 0
    for _ in range(20):
        await pilot.press("enter")
        await pilot.pause()
        opened += 1
        lst.focus()
        await pilot.press("pagedown")
    searched = 0
    for q in SEARCHES:
        search = SearchScreen(q)
        await app.push_screen(search)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        searched += bool(search.query_one(Input).value)
        search.dismiss(None)
        await pilot.pause()
    await pilot.press("u")  # unread only
    await pilot.pause()
    await pilot.press("end")
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press("S")  # sort by outlet
    await pilot.pause()
    for _ in range(10):
        await pilot.press("pagedown")
    await pilot.pause()
    return {"opened": opened, "searches": searched, "screen": type(screen).__name__}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--full", action="store_true")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(drive(args.db, args.pages, args.full))))


if __name__ == "__main__":
    main()
