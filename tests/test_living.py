"""The reader as people live in it (issue 16): layout at real terminal sizes, focus that
follows intent, the basics newsboat users expect. Real app through Pilot, real store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from store import open_store, writes
from tests.test_reader_flows import open_title
from tui.app import make_app
from tui.screens.detail import EntityScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import ReaderView
from tui.widgets.side_panel import SidePanel

# Layout ------------------------------------------------------------------------------------


async def test_at_80x24_the_reader_gets_the_whole_width(sample_db: Path) -> None:
    app = make_app(sample_db, analyse=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lst = app.screen.query_one(ArticleList)
        reader = app.screen.query_one(ReaderView)
        panel = app.screen.query_one(SidePanel)
        assert lst.size.width >= 78 and not reader.display and not panel.display
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is reader
        assert reader.display and reader.size.width >= 78
        assert not lst.display and not panel.display
        # p: the side panel takes the screen; p again: back to the reader.
        await pilot.press("p")
        await pilot.pause()
        assert panel.display and panel.size.width >= 78 and not reader.display
        await pilot.press("p")
        await pilot.pause()
        assert reader.display and app.focused is reader
        # Esc: back to the list.
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is lst and lst.display and not reader.display


async def test_at_100x30_titles_keep_30_cells_even_with_tags(sample_db: Path) -> None:
    conn = open_store(sample_db)
    longest, short = (
        conn.execute(f"SELECT id FROM articles ORDER BY length(title) {order} LIMIT 1").fetchone()[
            0
        ]
        for order in ("DESC", "ASC")
    )
    writes.add_tags(conn, longest, ["middle-east-security", "long-reads", "follow-up"])
    writes.add_tags(conn, short, ["iran", "middle-east-security"])
    conn.close()
    app = make_app(sample_db, analyse=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        lst = app.screen.query_one(ArticleList)
        reader = app.screen.query_one(ReaderView)
        assert lst.display and reader.display and reader.size.width >= 40
        width = lst.scrollable_content_region.width
        for i in range(lst.source.count):
            row = lst.source.row(i)
            assert row is not None
            plain = lst.row_text(row, width).plain
            title = row.title.strip()
            assert title[: min(len(title), 29)] in plain, (i, plain)
            if row.id == short:  # a short title leaves room for the tags
                assert "#iran +1" in plain, plain


def test_fit_tags_cuts_whole_tags_and_counts_the_rest() -> None:
    from tui.widgets.article_list import fit_tags

    assert fit_tags(["iran", "gaza"], 20) == "#iran #gaza"
    assert fit_tags(["iran", "gaza", "red-sea"], 14) == "#iran #gaza +1"
    assert fit_tags(["middle-east-security"], 5) == "+1"
    assert fit_tags(["iran"], 1) == ""


# Focus -------------------------------------------------------------------------------------


async def test_enter_puts_the_cursor_in_the_reader_so_n_works_at_once(store: Path) -> None:
    app = make_app(store, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(ReaderView)
        assert app.focused is reader
        await pilot.press("n")
        assert reader.entity_cursor == 0 and reader.current_entity is not None


async def test_tab_moves_between_the_entity_cards_lists_each_with_a_cursor(store: Path) -> None:
    app = make_app(store, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_title(pilot, app, "Armed resistance")
        await pilot.press("n", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EntityScreen)
        assert app.focused is not None and app.focused.id == "entity-articles"
        await pilot.press("tab")
        events = screen.query_one("#entity-events")
        assert app.focused is events
        assert events.highlighted is not None  # type: ignore[attr-defined]
        await pilot.press("shift+tab")
        assert app.focused is not None and app.focused.id == "entity-articles"
        assert app.focused.highlighted is not None  # type: ignore[attr-defined]


def _row_read(db: Path, article_id: int) -> object:
    return (
        sqlite3.connect(db)
        .execute("SELECT read_at FROM articles WHERE id = ?", (article_id,))
        .fetchone()[0]
    )
