"""Run the real app headless on a store and print, as JSON, when each step of its start
ended (seconds from process start): imports, store open (the app built), the list's first
query, the first painted list row; and peak RSS. bench/coldstart.py prints it as the
breakdown of the pty figures (headless, so no terminal setup and no bytes written).

    python bench/startup_probe.py STORE.db
"""

from __future__ import annotations

import json
import os
import sys
import time


def process_start() -> float:
    """Wall-clock time this process started, from /proc (falls back to now)."""
    try:
        with open(f"/proc/{os.getpid()}/stat") as fh:
            ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as fh:
            uptime = float(fh.read().split()[0])
        return time.time() - uptime + ticks / os.sysconf("SC_CLK_TCK")
    except OSError:
        return time.time()


T0 = process_start()
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from tui.app import make_app  # noqa: E402
from tui.widgets import article_list  # noqa: E402
from tui.widgets.article_list import ArticleList  # noqa: E402

T_IMPORTS = time.time()


def main() -> None:
    db = sys.argv[1]
    app = make_app(db, analyse=False)
    t_open = time.time()
    painted: dict[str, float] = {}
    page = article_list.page_articles

    def page_articles(*args, **kwargs):  # type: ignore[no-untyped-def]
        rows = page(*args, **kwargs)
        painted.setdefault("query", time.time())
        return rows

    article_list.page_articles = page_articles  # type: ignore[assignment]
    original = ArticleList.render_line

    def render_line(self: ArticleList, y: int):  # type: ignore[no-untyped-def]
        strip = original(self, y)
        if "first" not in painted:
            painted["first"] = time.time()
            # Exit after this frame is composed and written.
            app.call_after_refresh(app.exit)
        return strip

    ArticleList.render_line = render_line  # type: ignore[method-assign]
    app.run(headless=True, size=(160, 45))
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the parent, so a
    # probe started by a process that had loaded spaCy would report the parent's peak.
    with open("/proc/self/status") as fh:
        hwm_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
    print(
        json.dumps(
            {
                "imports_s": round(T_IMPORTS - T0, 4),
                "store_open_s": round(t_open - T0, 4),
                "first_query_s": round(painted.get("query", painted["first"]) - T0, 4),
                "first_paint_s": round(painted["first"] - T0, 4),
                "peak_rss_mb": round(hwm_kb / 1024, 1),
                "modules": {m: m in sys.modules for m in ("spacy", "sqlite_utils", "numpy")},
            }
        )
    )


if __name__ == "__main__":
    main()
