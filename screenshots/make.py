"""Regenerate the SVG screenshots of the real app on the bundled sample articles.

    python screenshots/make.py            # writes screenshots/*.svg

The sample store is imported fresh (with language analysis unless --no-analyse) into a
temporary database, then each screen is driven with Pilot at 160x45 and saved.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from ingest.pipeline import default_analyzer, import_paths  # noqa: E402
from ingest.samples import sample_paths  # noqa: E402
from store import open_store  # noqa: E402
from tui.app import NewsReaderApp, make_app  # noqa: E402

SIZE = (160, 45)

Steps = Callable[[NewsReaderApp, object], Awaitable[None]]


async def open_first_cnn(app: NewsReaderApp, pilot: object) -> None:
    """Select the seed page's main article (the CNN one) and open it."""
    lst = app.screen.query_one("#article-list")
    for i in range(lst.source.count):  # type: ignore[attr-defined]
        row = lst.source.row(i)  # type: ignore[attr-defined]
        if row is not None and "Nothing has changed" in row.title:
            lst.cursor = i  # type: ignore[attr-defined]
            break
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


SHOTS: dict[str, Steps] = {
    "main": open_first_cnn,
}


async def shoot(db: Path, name: str, steps: Steps) -> Path:
    app = make_app(db, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await steps(app, pilot)
        await pilot.pause(0.2)
        out = HERE / f"{name}.svg"
        out.write_text(app.export_screenshot(title=f"newsreader: {name}"), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-analyse", action="store_true")
    parser.add_argument("--db", type=Path, help="reuse this store instead of a fresh import")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "sample.db"
        if args.db is None:
            conn = open_store(db)
            analyzer = None if args.no_analyse else default_analyzer()
            import_paths(conn, sample_paths(), analyzer=analyzer)
            conn.close()
        for name, steps in SHOTS.items():
            print(asyncio.run(shoot(db, name, steps)))


if __name__ == "__main__":
    main()
