"""The app during a refresh with analysis: readable at once, understood right after.

A real feed on 127.0.0.1, the real app through Pilot, and the real analysis in a process
of its own (`newsreader analyse`, spaCy included): never in the app's process.
"""

from __future__ import annotations

from pathlib import Path

from bench.refresh_speed import FeedServer, make_feed, sample_articles
from store import open_store
from store.queue import pending_count
from store.sources import add_source
from tui.app import make_app
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import ReaderView

SIZE = (160, 45)
ITEMS = 6


async def test_refresh_lists_articles_first_and_highlights_them_once_analysed(
    tmp_path: Path,
) -> None:
    db = tmp_path / "r.db"
    with FeedServer([make_feed(0, ITEMS, sample_articles())]) as server:
        conn = open_store(db)
        add_source(conn, server.urls[0])
        conn.close()
        app = make_app(db)  # with analysis
        async with app.run_test(size=SIZE) as pilot:
            lst = app.screen.query_one(ArticleList)
            await pilot.press("R")
            for _ in range(600):
                await pilot.pause(0.05)
                if lst.source.count == ITEMS:
                    break
            assert lst.source.count == ITEMS
            # Listed before understood: the analysis has not landed yet.
            probe = open_store(db)
            assert pending_count(probe) > 0
            # Open the oldest item (the queue runs newest first: it is analysed last).
            await pilot.press("G", "enter")
            await pilot.pause()
            reader = app.screen.query_one(ReaderView)
            assert reader.article is not None
            oldest = reader.article["id"]
            assert reader.article["analysed_at"] is None and reader.article["mentions"] == []
            # Keys are answered meanwhile.
            lst.focus()
            await pilot.press("k")
            await pilot.pause()
            assert lst.cursor == ITEMS - 2
            assert app._analysis is not None and app._analysis.is_running
            await app.workers.wait_for_complete()
            await pilot.pause()
            # Its analysis landed: the open article shows its highlights.
            assert pending_count(probe) == 0
            assert reader.article is not None and reader.article["id"] == oldest
            assert reader.article["analysed_at"] is not None
            assert reader.article["mentions"]
            assert reader._visible_mentions  # drawn highlighted
            probe.close()
