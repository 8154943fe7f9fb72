"""The real app driven by Pilot at a fixed size, on a real store of the sample articles."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.app import make_app
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import ReaderView
from tui.widgets.side_panel import SidePanel

SIZE = (160, 45)


async def test_launch_shows_three_panes_with_articles(sample_db: Path) -> None:
    app = make_app(sample_db, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        lst = app.screen.query_one(ArticleList)
        assert lst.source.count == 167  # the seed page dump is 4 articles (main + 3 related)
        assert app.screen.query_one("#reader", ReaderView)
        assert app.screen.query_one("#side-panel", SidePanel)
        assert app.focused is lst
        assert "167 articles" in app.screen.sub_title
        await pilot.pause()


async def test_the_header_comes_after_the_first_frame_in_the_bars_place(sample_db: Path) -> None:
    """Cold start: the first frame is the list; the header (title, counts) is mounted
    right after it where a bar held its line, and what waits for the first frame runs
    once."""
    from textual.widgets import Header

    app = make_app(sample_db, analyse=False)
    calls: list[int] = []
    app.after_first_frame.append(lambda: calls.append(1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert not screen.query("#header-slot")
        header = screen.query_one(Header)
        assert header.region.y == 0 and header.region.height == 1
        assert screen.query_one(ArticleList).region.y == 1  # nothing moved
        assert "167 articles · 167 unread · sample.db" in str(header.format_title())
        assert calls == [1]


async def test_move_and_open_marks_read(sample_db: Path) -> None:
    app = make_app(sample_db, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        lst = app.screen.query_one(ArticleList)
        await pilot.press("j", "j", "down", "k")
        assert lst.cursor == 2
        row = lst.current
        assert row is not None and row.unread
        await pilot.press("enter")
        reader = app.screen.query_one(ReaderView)
        assert reader.article is not None and reader.article["id"] == row.id
        assert lst.current is not None and not lst.current.unread
        read_at = (
            sqlite3.connect(sample_db)
            .execute("SELECT read_at FROM articles WHERE id = ?", (row.id,))
            .fetchone()[0]
        )
        assert read_at is not None
        await pilot.press("escape")  # Enter put the cursor in the reader: back to the list
        await pilot.press("G")
        assert lst.cursor == 166
        await pilot.press("g")
        assert lst.cursor == 0


async def test_tab_cycles_the_panes(sample_db: Path) -> None:
    app = make_app(sample_db, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        assert app.focused is not None and app.focused.id == "article-list"
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "reader"
        await pilot.press("tab")
        side = app.screen.query_one("#side-panel")
        assert app.focused is not None and side in app.focused.ancestors_with_self
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "article-list"


async def test_question_mark_shows_keys_and_q_quits(sample_db: Path) -> None:
    app = make_app(sample_db, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert app.screen.query("HelpPanel")
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_empty_store_says_how_to_import(tmp_path: Path) -> None:
    app = make_app(tmp_path / "empty.db", analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lst = app.screen.query_one(ArticleList)
        assert lst.source.count == 0
        lines = ["".join(seg.text for seg in lst.render_line(y)) for y in range(6)]
        assert any("newsreader import PATH" in line for line in lines)


async def test_import_runs_in_a_worker_and_fills_the_list(tmp_path: Path) -> None:
    from ingest.samples import sample_paths

    app = make_app(tmp_path / "fresh.db", import_paths=sample_paths()[1:2], analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one(ArticleList).source.count == 120


async def test_refresh_key_without_feeds_says_how_to_add_one(sample_db: Path) -> None:
    app = make_app(sample_db, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        assert any("feed add" in str(n.message) for n in app._notifications)


async def test_import_progress_is_visible_above_the_footer(tmp_path: Path) -> None:
    app = make_app(tmp_path / "p.db", analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.show_progress("Importing 3/10", 3, 10)
        await pilot.pause()
        bar = screen.query_one("#progress-bar")
        footer = screen.query_one("Footer")
        assert bar.display and bar.region.height == 1
        assert bar.region.y < footer.region.y  # not hidden under the footer
        # Mounted on first use (not at start): it still shows what it was given.
        assert screen.query_one("#progress").percentage == 0.3
        assert "Importing 3/10" in str(screen.query_one("#progress-label").render())
        screen.show_progress("Importing 4/10", 4, 10)
        await pilot.pause()
        assert screen.query_one("#progress").percentage == 0.4
        assert "Importing 4/10" in str(screen.query_one("#progress-label").render())
        screen.hide_progress()
        await pilot.pause()
        assert not bar.display


def test_an_undated_article_shows_when_it_was_captured() -> None:
    # A page dump's main article has no date of its own (the CNN page of the samples):
    # the reader says so, with the time it was captured; a dated one shows its date.
    art = {
        "outlet": "CNN",
        "body": "one two three",
        "fetched_at": "2025-08-02T18:00:00+00:00",
        "page_id": "bc7f5729acadbc15",
    }
    assert ReaderView._meta_line(art).plain == "CNN · undated · captured 2025-08-02 18:00 · 3 words"
    fed = {**art, "page_id": None}  # a feed's item without a date: when it was fetched
    assert ReaderView._meta_line(fed).plain == "CNN · undated · fetched 2025-08-02 18:00 · 3 words"
    dated = {**art, "published_at": "2025-08-01T09:30:00+00:00"}
    assert ReaderView._meta_line(dated).plain == "CNN · 2025-08-01 09:30 · 3 words"
