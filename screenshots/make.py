"""Regenerate the SVG screenshots of the real app on the bundled sample articles.

    python screenshots/make.py            # writes screenshots/*.svg

The sample store is imported fresh (with language analysis unless --no-analyse) into a
temporary database, then each screen is driven with Pilot at 160x45 (and the main screen
at a laptop's 80x24 too) and saved.
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

from textual.widgets import Input  # noqa: E402

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
    """Open the CNN article, go to its Events tab, open its first event that is linked
    across articles (the top one may be told in this article only)."""
    await open_first_cnn(app, pilot)
    await pilot.press("3")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    panel = app.screen.query_one("#side-panel")
    events = panel.query_one("#tab-events-list")
    for i in range(events.option_count):  # type: ignore[attr-defined]
        em = panel._events.get(events.get_option_at_index(i).id or "")  # type: ignore[attr-defined]
        if em is not None and (em.get("event_article_count") or 0) >= 2:
            events.highlighted = i  # type: ignore[attr-defined]
            break
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


#: Articles whose story shows what a story is, best first: GM's bankruptcy coverage, the
#: stock-market turmoil of autumn 2008. Chosen by content (the story of the article with
#: this title), never by id: ids change with the import order and the story step.
STORY_ARTICLES = (
    "General Motors seeks bankruptcy protection",
    "Worldwide markets fall precipitously",
    "Stock markets worldwide continue to fall",
)


def story_article_title(app: NewsReaderApp) -> str:
    """The title of the first of STORY_ARTICLES whose story has two articles or more."""
    for needle in STORY_ARTICLES:
        row = app.conn.execute(
            "SELECT a.title FROM articles a JOIN stories s ON s.id = a.story_id "
            "WHERE a.title LIKE ? AND s.article_count >= 2",
            (f"%{needle}%",),
        ).fetchone()
        if row is not None:
            return str(row[0])
    raise SystemExit(
        "no multi-article story among the sample articles: were they imported with analysis?"
    )


async def open_story_article(app: NewsReaderApp, pilot: object) -> None:
    """Open an article of a multi-article story; the side panel shows the story above
    the article's events."""
    title = story_article_title(app)
    lst = app.screen.query_one("#article-list")
    for i in range(lst.source.count):  # type: ignore[attr-defined]
        row = lst.source.row(i)  # type: ignore[attr-defined]
        if row is not None and row.title == title:
            lst.cursor = i  # type: ignore[attr-defined]
            break
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def story_screen(app: NewsReaderApp, pilot: object) -> None:
    """The same article's story: its articles and linked events on one timeline."""
    await open_story_article(app, pilot)
    await pilot.press("c")  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause(0.3)  # type: ignore[attr-defined]


async def the_list(app: NewsReaderApp, pilot: object) -> None:
    """The list alone, as an 80x24 terminal shows it before an article is opened."""
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
    "story-panel": open_story_article,
    "story": story_screen,
    "list-80x24": the_list,
    "main-80x24": open_first_cnn,
}

#: Shots taken at another size than SIZE.
SIZES = {"list-80x24": (80, 24), "main-80x24": (80, 24)}


async def shoot(db: Path, name: str, steps: Steps) -> Path:
    app = make_app(db, analyse=False)
    async with app.run_test(size=SIZES.get(name, SIZE)) as pilot:
        await pilot.pause()
        await steps(app, pilot)
        for field in app.screen.query(Input):
            field.cursor_blink = False  # (blinking, the cursor is in one run's shot, not another's)
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
