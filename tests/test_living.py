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


# Basics ------------------------------------------------------------------------------------


def _unread(db: Path) -> int:
    return int(
        sqlite3.connect(db)
        .execute("SELECT count(*) FROM articles WHERE read_at IS NULL")
        .fetchone()[0]
    )


async def test_n_in_the_list_moves_to_the_next_unread_and_bracket_opens_it(sample_db: Path) -> None:
    conn = open_store(sample_db)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    for article_id in ids:
        writes.mark_read(conn, article_id)
    conn.close()
    app = make_app(sample_db, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        lst = app.screen.query_one(ArticleList)
        third, fifth = lst.source.row(3), lst.source.row(5)
        assert third is not None and fifth is not None
        for row in (third, fifth):
            writes.mark_read(app.conn, row.id, read=False)
        lst.reload()
        await pilot.press("n")
        assert lst.cursor == 3
        await pilot.press("n")
        assert lst.cursor == 5
        await pilot.press("n")  # wraps round to the first unread
        assert lst.cursor == 3
        # ] opens the next unread from the reader, with the cursor in it.
        await pilot.press("enter")
        reader = app.screen.query_one(ReaderView)
        assert reader.article is not None and reader.article["id"] == third.id
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert reader.article["id"] == fifth.id and app.focused is reader
        assert _unread(sample_db) == 0
        # The keys are in the Footer's bindings and the palette.
        names = {c.title for c in app.get_system_commands(app.screen)}
        assert "Open next unread" in names


async def test_mark_all_read_asks_first_and_the_header_counts_unread(sample_db: Path) -> None:
    from tui.screens.modals import ConfirmScreen

    app = make_app(sample_db, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert "167 articles · 167 unread" in app.screen.sub_title
        await pilot.press("enter")  # opening one reads it: the count follows
        await pilot.pause()
        assert "167 articles · 166 unread" in app.screen.sub_title
        await pilot.press("m")  # and marking it unread again
        await pilot.pause()
        assert "167 articles · 167 unread" in app.screen.sub_title
        await pilot.press("escape", "A")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "167 unread articles" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert _unread(sample_db) == 167
        await pilot.press("A", "y")
        await pilot.pause()
        assert _unread(sample_db) == 0
        assert "167 articles · 0 unread" in app.screen.sub_title
        lst = app.screen.query_one(ArticleList)
        assert not any(lst.source.row(i).unread for i in range(10))  # type: ignore[union-attr]


async def test_counts_say_1_article_not_1_articles(tmp_path: Path) -> None:
    db = tmp_path / "one.db"
    conn = open_store(db)
    writes.save_article(conn, {"title": "Only one", "body": "Just one article here."})
    conn.close()
    app = make_app(db, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert "1 article · 1 unread" in app.screen.sub_title
        assert "1 articles" not in app.screen.sub_title
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(ReaderView)
        assert "4 words" in reader.document.plain


async def test_a_tag_can_be_removed_from_every_article(store: Path) -> None:
    conn = open_store(store)
    for (article_id,) in conn.execute("SELECT id FROM articles").fetchall():
        writes.add_tags(conn, article_id, ["iran", "keep"])
    conn.close()
    app = make_app(store, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("T")
        await pilot.pause()
        await pilot.press("down")  # past "all articles" to #iran
        await pilot.press("x")
        await pilot.pause()
        assert "Remove #iran from 2 articles?" in app.screen.question  # type: ignore[attr-defined]
        await pilot.press("y")
        await pilot.pause()
        lst = app.screen.query_one(ArticleList)
        assert [lst.source.row(i).tags for i in range(2)] == [["keep"], ["keep"]]  # type: ignore[union-attr]
    names = [r[0] for r in sqlite3.connect(store).execute("SELECT name FROM tags")]
    assert names == ["keep"]


async def test_the_list_shows_star_and_unread_marks_together(store: Path) -> None:
    conn = open_store(store)
    article_id = conn.execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
    writes.set_starred(conn, article_id, True)
    conn.close()
    app = make_app(store, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        lst = app.screen.query_one(ArticleList)
        row = next(lst.source.row(i) for i in range(2) if lst.source.row(i).id == article_id)  # type: ignore[union-attr]
        assert row is not None and row.unread
        assert lst.row_text(row, 80).plain.startswith("●★")


async def test_the_side_panel_follows_a_link_correction(store: Path) -> None:
    from tui.screens.detail import EventScreen

    app = make_app(store, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_title(pilot, app, "Armed resistance")
        panel = app.screen.query_one(SidePanel)
        assert [e.get("event_article_count") for e in panel._events.values()] == [2]
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        await pilot.press("r")  # the first mention is not this event
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert [e.get("event_article_count") for e in panel._events.values()] == [1]


# The command palette -----------------------------------------------------------------------


async def _palette(pilot, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    from textual.command import CommandList

    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*text)
    await pilot.pause(0.5)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    found = pilot.app.screen.query_one(CommandList)
    return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]


async def test_the_palette_finds_tag_and_every_panes_keys(store: Path) -> None:
    app = make_app(store, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        found = " | ".join(await _palette(pilot, "tag"))
        assert "Tag" in found and "Filter by tag" in found
        await pilot.press("escape")
        await pilot.pause()
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        for name in (
            "Tag",
            "Note",
            "Star",
            "Read/unread",
            "Sort",
            "Filter by tag",
            "Unread only",
            "Search",
            "Import files",
            "Refresh feeds",
            "Highlight types",
            "Open in browser",
            "Story",
            "Event",
            "Next entity",
            "Entity card",
            "Filter list by entity",
            "Side panel",
            "Mark all read",
            "Theme",
        ):
            assert name in commands, name
        assert "key n · in the reader" in commands["Next entity"].help
        # From the list, the reader's command moves the cursor into the reader first.
        await pilot.press("enter", "escape")
        await pilot.pause()
        await commands["Next entity"].callback()
        await pilot.pause()
        reader = app.screen.query_one(ReaderView)
        assert app.focused is reader and reader.current_entity is not None
        await commands["Event"].callback()
        await pilot.pause()
        from tui.screens.detail import EventScreen

        assert isinstance(app.screen, EventScreen)


# Back and out ------------------------------------------------------------------------------


async def test_q_and_escape_go_back_from_every_pushed_screen(story_store: Path) -> None:
    from tui.screens.detail import EventScreen, SearchScreen, StoryScreen
    from tui.screens.main import MainScreen

    app = make_app(story_store, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_title(pilot, app, "Armed resistance")
        for keys, kind in (
            (("slash", "h", "a", "m", "a", "s", "enter"), SearchScreen),  # results focused
            (("c",), StoryScreen),
            (("E",), EventScreen),
            (("2", "n", "enter"), EntityScreen),
        ):
            for back in ("q", "escape"):
                await pilot.press(*keys)
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert isinstance(app.screen, kind), (keys, app.screen)
                await pilot.press(back)
                await pilot.pause()
                assert app.is_running and isinstance(app.screen, MainScreen), (kind, back)
        # On the search screen q is a letter while the cursor is in the query.
        await pilot.press("slash", "q")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#search-input").value == "q"  # type: ignore[attr-defined]


async def test_o_never_lets_a_terminal_browser_draw_over_the_app(
    store: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import webbrowser

    ran = tmp_path / "ran"
    script = tmp_path / "w3m"
    script.write_text(f'#!/bin/sh\necho "$1" > {ran}\n')
    script.chmod(0o755)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("BROWSER", str(script))
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    app = make_app(store, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_title(pilot, app, "Armed resistance")
        await pilot.press("o")
        await pilot.pause()
        # Pilot's terminal cannot step aside: the address is copied instead, not drawn over.
        assert app.clipboard == "https://example.org/a"
        assert not ran.exists()


# Themes ------------------------------------------------------------------------------------


def _contrast(fg, bg) -> float:  # type: ignore[no-untyped-def]
    """WCAG contrast ratio of two rich colours."""

    def lum(c) -> float:  # type: ignore[no-untyped-def]
        r, g, b = c.get_truecolor()

        def ch(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)

    a, b = sorted((lum(fg), lum(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


async def test_every_builtin_theme_keeps_the_list_readable(sample_db: Path) -> None:
    """What the list draws (every segment of a starred, tagged row, and of the cursor's
    row, focused or not) measured against its own background in every built-in theme."""
    conn = open_store(sample_db)
    first = conn.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()[0]
    writes.set_starred(conn, first, True)
    writes.add_tags(conn, first, ["iran"])
    conn.close()
    app = make_app(sample_db, analyse=False)
    poor: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        lst = app.screen.query_one(ArticleList)
        reader = app.screen.query_one(ReaderView)
        # The ANSI themes use the terminal's own palette: nothing to measure.
        themes = sorted(t for t in app.available_themes if not t.startswith("ansi"))
        assert "catppuccin-latte" in themes
        tagged = next(i for i in range(lst.source.count) if lst.source.row(i).id == first)  # type: ignore[union-attr]
        lst.cursor = 0 if tagged else 1
        for focused in (lst, reader):
            focused.focus()
            await pilot.pause()
            for name in themes:
                app.theme = name
                await pilot.pause()
                for y, need in ((tagged, 4.5), (lst.cursor, 3.0)):
                    for seg in lst.render_line(y - lst.scroll_offset.y):
                        if seg.text.strip() and seg.style is not None:
                            ratio = _contrast(seg.style.color, seg.style.bgcolor)
                            if ratio < need:
                                where = "cursor" if y == lst.cursor else "row"
                                poor.append(f"{name} {where} {seg.text.strip()[:10]!r} {ratio:.1f}")
    assert not poor, poor


async def test_the_theme_is_kept_across_restarts(store: Path) -> None:
    app = make_app(store, analyse=False)
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = "catppuccin-latte"
        await pilot.pause()
    again = make_app(store, analyse=False)
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert again.theme == "catppuccin-latte"


async def test_the_palettes_screenshot_command_saves_a_file(store: Path) -> None:
    app = make_app(store, analyse=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shot = next(c for c in app.get_system_commands(app.screen) if c.title == "Screenshot")
        shot.callback()
        await pilot.pause(0.5)
        said = [n.message for n in app._notifications]
        assert any(m.startswith("Screenshot saved to ") for m in said), said
        path = Path(next(m for m in said if m.startswith("Screenshot saved"))[20:])
        assert path.is_file() and path.read_text().startswith("<svg")


# Feeds -------------------------------------------------------------------------------------


async def test_the_feeds_view_refreshes_one_feed_and_filters_the_list(store: Path) -> None:
    from feeds_http import file_routes, serve, static

    from store.sources import add_source
    from tui.screens.feeds import FeedsScreen

    real = Path(__file__).parent / "fixtures" / "feeds" / "real" / "rss2"
    routes = file_routes(real, "/f/")
    routes["/gone"] = static(b"no", "text/plain", status=404)
    with serve(routes) as server:
        conn = open_store(store)
        good, _ = add_source(conn, f"http://127.0.0.1:{server.port}/f/rss_2.0_bbc.xml")
        add_source(conn, f"http://127.0.0.1:{server.port}/gone", title="[b]Gone[/b]")
        conn.close()
        app = make_app(store, analyse=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("F")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, FeedsScreen)
            lst = screen.query_one("#feeds-list")
            text = str(lst.get_option_at_index(0).prompt)  # type: ignore[attr-defined]
            assert "0 unread · 0 articles" in text and "last refresh: never" in text
            for step in range(2):  # r on each feed
                if step:
                    await pilot.press("down")
                await pilot.press("r")
                await app.workers.wait_for_complete()
                await pilot.pause()
            first = str(lst.get_option_at_index(0).prompt)  # type: ignore[attr-defined]
            second = str(lst.get_option_at_index(1).prompt)  # type: ignore[attr-defined]
            stored = (
                sqlite3.connect(store)
                .execute("SELECT count(*) FROM articles WHERE source_id = ?", (good,))
                .fetchone()[0]
            )
            assert stored > 0 and f"{stored} unread · {stored} article" in first
            assert "last refresh: never" not in first
            assert "[b]Gone[/b]" in second and "last error:" in second and "404" in second
            # Enter on the first feed: the list shows only its articles.
            assert lst.highlighted == 1  # type: ignore[attr-defined]
            await pilot.press("up")
            assert lst.highlighted == 0  # type: ignore[attr-defined]
            await pilot.press("enter")
            await pilot.pause()
            articles = app.screen.query_one(ArticleList)
            assert articles.source.count == stored, (app.screen.sub_title, articles.source.filter)
            assert "feed " in app.screen.sub_title


# Sentences ---------------------------------------------------------------------------------

LONG_SENTENCES = [
    f"Sentence number {i} says that U.S. officials met Dr. Smith in the city on day {i}."
    for i in range(1, 41)
]


def test_sentence_spans_skip_initials_and_abbreviations() -> None:
    from tui.widgets.reader import sentence_spans

    text = " ".join(LONG_SENTENCES[:3]) + ' He said: "Enough." Then he left.'
    spans = [text[s:e] for s, e in sentence_spans(text, 0, len(text))]
    assert spans == [*LONG_SENTENCES[:3], 'He said: "Enough."', "Then he left."]


async def test_a_long_paragraph_is_read_a_sentence_at_a_time(tmp_path: Path) -> None:
    from tui.screens.modals import NoteEditor

    db = tmp_path / "long.db"
    conn = open_store(db)
    short = "A short paragraph. It has two sentences."
    body = short + "\n\n" + " ".join(LONG_SENTENCES)
    writes.save_article(conn, {"title": "One long paragraph", "body": body})
    conn.close()
    app = make_app(db, analyse=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(ReaderView)
        # The short paragraph stays one unit; the long one is cut into its 40 sentences.
        assert len(reader.paragraphs) == 41
        assert reader.current_paragraph == (0, len(short))
        await pilot.press("j", "j")
        start, end = reader.current_paragraph  # type: ignore[misc]
        assert body[start:end] == LONG_SENTENCES[1]
        # A note attaches to the sentence under the cursor.
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"second", "ctrl+s")
        await pilot.pause()
        note = sqlite3.connect(db).execute("SELECT quote FROM annotations").fetchone()[0]
        assert note == LONG_SENTENCES[1]
        # Moving far down keeps the sentence under the cursor on screen.
        for _ in range(30):
            await pilot.press("j")
        await pilot.pause()
        first, last = reader.unit_lines(reader.paragraph)
        top = reader.scroll_offset.y
        assert top <= first and last < top + reader.scrollable_content_region.height


def test_a_heading_glued_to_the_next_sentence_is_split_at_import() -> None:
    from ingest.pagedump import split_glued_headings
    from ingest.pipeline import drafts_from_path
    from ingest.samples import sample_paths

    page = next(p for p in sample_paths() if p.name == "aggregator-iran-proxies.txt")
    draft = next(d for d in drafts_from_path(page) if "War and resistance" in d.body)
    assert "September.\n\nWar and resistance\n\nOn 7 October 2023, Hamas" in draft.body
    assert "War and resistance" in [draft.body[s:e] for s, e in draft.headings]
    # Ordinary prose is left alone.
    prose = "Hamas said on Saturday it would not. The group is strong. After the war it grew."
    assert split_glued_headings(prose) == [(prose, False)]


# Undo --------------------------------------------------------------------------------------


def _links(db: Path) -> list[tuple[int, int | None]]:
    return (
        sqlite3.connect(db)
        .execute("SELECT id, event_id FROM event_mentions ORDER BY id")
        .fetchall()
    )


async def test_u_undoes_the_last_link_correction_and_the_panel_follows(store: Path) -> None:
    from tui.screens.detail import EventScreen

    before = _links(store)
    app = make_app(store, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_title(pilot, app, "Armed resistance")
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        await pilot.press("r")
        await pilot.pause()
        assert _links(store) != before
        await pilot.press("u")
        await pilot.pause()
        assert _links(store) == before
        assert (
            sqlite3.connect(store).execute("SELECT count(*) FROM event_overrides").fetchone()[0]
            == 0
        )
        await pilot.press("q")
        await pilot.pause()
        panel = app.screen.query_one(SidePanel)
        assert [e.get("event_article_count") for e in panel._events.values()] == [2]
        # Nothing left to undo: said, nothing changes.
        await pilot.press("U")
        await pilot.pause()
        assert "No correction to undo." in [n.message for n in app._notifications]


def test_undo_takes_back_a_merge_and_a_story_move(story_store: Path) -> None:
    from ingest.corrections import correct_event, correct_story, undo

    conn = open_store(story_store)
    _first, second = (
        r[0] for r in conn.execute("SELECT id FROM event_mentions ORDER BY id LIMIT 2")
    )
    correct_event(conn, "split", event_mention_id=second)  # kept: two events now
    split = _links(story_store)
    (_a, ea), (_b, eb) = split[:2]
    assert ea != eb
    merge = correct_event(conn, "merge", event_id=ea, other_event_id=eb)
    assert len({e for _, e in _links(story_store)[:2]}) == 1
    undo(conn, merge)
    assert _links(story_store) == split
    titles = dict(conn.execute("SELECT id, title FROM events").fetchall())
    assert ea in titles and eb in titles and all(titles.values())

    stories = dict(conn.execute("SELECT id, story_id FROM articles").fetchall())
    lone = next(i for i, s in stories.items() if list(stories.values()).count(s) == 1)
    other = next(i for i, s in stories.items() if list(stories.values()).count(s) == 3)
    move = correct_story(conn, "move", lone, other)
    assert (
        conn.execute("SELECT story_id FROM articles WHERE id = ?", (lone,)).fetchone()[0]
        == stories[other]
    )
    undo(conn, move)
    assert dict(conn.execute("SELECT id, story_id FROM articles").fetchall()) == stories
    counts = dict(conn.execute("SELECT id, article_count FROM stories").fetchall())
    assert counts[stories[lone]] == 1 and counts[stories[other]] == 3
    assert conn.execute("SELECT count(*) FROM story_overrides").fetchone()[0] == 0
    conn.close()


def test_no_pane_key_hides_a_screen_or_app_key() -> None:
    """A pane's key wins over the main screen's while the pane has the cursor: the same key
    in both would make the screen's unreachable from there (l was both "next tab" in the
    side panel and "highlight types")."""
    from tui.app import NewsReaderApp
    from tui.keys import _bindings
    from tui.screens.main import MainScreen

    def keys(cls: type) -> dict[str, str]:
        return {k: b.description for b in _bindings(cls) for k in b.key.split(",")}

    outer = keys(MainScreen) | keys(NewsReaderApp)
    for pane in (ArticleList, ReaderView, SidePanel):
        clash = {k: (d, outer[k]) for k, d in keys(pane).items() if k in outer}
        assert not clash, (pane.__name__, clash)


async def test_n_passes_over_dates_so_enter_always_opens_a_card(tmp_path: Path) -> None:
    db = tmp_path / "dates.db"
    conn = open_store(db)
    body = "Hamas said on Saturday it would not disarm. Israel said on Sunday it would not stop."
    mentions = []
    for text, label in (
        ("Hamas", "ORG"),
        ("Saturday", "DATE"),
        ("Israel", "GPE"),
        ("Sunday", "DATE"),
    ):
        i = body.index(text)
        m: dict[str, object] = {"start": i, "end": i + len(text), "text": text, "label": label}
        m["sentence"] = 0
        if label != "DATE":
            m["entity"] = {
                "key": f"{label}:{text}",
                "label": label,
                "name": text,
                "aliases": [text],
            }
        mentions.append(m)
    writes.save_article(conn, {"title": "Dates", "body": body}, mentions=mentions)
    conn.close()
    app = make_app(db, analyse=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")
        reader = app.screen.query_one(ReaderView)
        seen = []
        for _ in range(3):
            await pilot.press("n")
            seen.append(reader.current_entity["text"])  # type: ignore[index]
        assert seen == ["Hamas", "Israel", "Hamas"]
        await pilot.press("N")
        assert reader.current_entity["text"] == "Israel"  # type: ignore[index]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen)
