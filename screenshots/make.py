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


async def event_screen(app: NewsReaderApp, pilot: object) -> None:
    """Open the CNN article, go to its Events tab, open the top event."""
    await open_first_cnn(app, pilot)
    await pilot.press("3")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def entity_card(app: NewsReaderApp, pilot: object) -> None:
    """Open the CNN article and the card of its first highlighted organisation."""
    await open_first_cnn(app, pilot)
    reader = app.screen.query_one("#reader")
    await pilot.press("2")  # type: ignore[attr-defined]
    for _ in range(60):
        await pilot.press("n")  # type: ignore[attr-defined]
        ent = reader.current_entity  # type: ignore[attr-defined]
        if ent is not None and ent.get("label") == "ORG" and ent.get("entity_id"):
            break
    await pilot.press("enter")  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def search(app: NewsReaderApp, pilot: object) -> None:
    await pilot.press("slash", *"attack israel")  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause(0.3)  # type: ignore[attr-defined]


SHOTS: dict[str, Steps] = {
    "main": open_first_cnn,
    "event": event_screen,
    "entity": entity_card,
    "search": search,
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
            from datetime import datetime

            from ingest.samples import SAMPLE_CAPTURED

            import_paths(
                conn,
                sample_paths(),
                analyzer=analyzer,
                captured=datetime.fromisoformat(SAMPLE_CAPTURED),
            )
            conn.close()
        for name, steps in SHOTS.items():
            print(asyncio.run(shoot(db, name, steps)))


if __name__ == "__main__":
    main()
