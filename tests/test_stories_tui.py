"""Stories in the reader: the side panel's story, the story screen (timeline, split, move),
the list's story column, and the store queries behind them. Stories are made directly
with store.stories.assign_story / refresh_story (what the story step writes), so these
tests need neither spaCy nor the story algorithm."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import OptionList

from store import open_store
from store.queries import ArticleFilter, page_articles
from store.stories import recent_stories, story_brief
from tests.conftest import add_article as add
from tests.conftest import make_story
from tui.app import make_app
from tui.screens.detail import EventScreen, StoryScreen, timeline
from tui.screens.modals import StoryPickScreen
from tui.widgets.article_list import ArticleList, story_cell
from tui.widgets.reader import ReaderView
from tui.widgets.side_panel import STORY_ALONE, SidePanel, event_when

SIZE = (160, 45)


def story_of(path: Path, title_start: str) -> tuple[int, int]:
    row = (
        sqlite3.connect(path)
        .execute(
            "SELECT s.id, s.article_count FROM articles a JOIN stories s ON s.id = a.story_id "
            "WHERE a.title LIKE ?",
            (title_start + "%",),
        )
        .fetchone()
    )
    return int(row[0]), int(row[1])


async def open_title(pilot, app, needle: str) -> None:  # type: ignore[no-untyped-def]
    lst = app.screen.query_one(ArticleList)
    for i in range(lst.source.count):
        if needle in lst.source.row(i).title:
            lst.cursor = i
            break
    else:
        raise AssertionError(needle)
    lst.focus()
    await pilot.press("enter")
    await pilot.pause()


def option_ids(lst: OptionList) -> list[str | None]:
    return [lst.get_option_at_index(i).id for i in range(lst.option_count)]


# ------------------------------------------------------------------------- store


def test_story_brief_lists_the_other_articles_newest_first(story_store: Path) -> None:
    conn = open_store(story_store)
    cnn = conn.execute("SELECT id FROM articles WHERE outlet = 'CNN'").fetchone()[0]
    story = story_brief(conn, cnn)
    assert story is not None
    assert (story["article_count"], story["outlet_count"]) == (3, 3)
    assert (story["date_start"], story["date_end"]) == ("2025-07-23", "2025-08-02")
    assert [a["outlet"] for a in story["others"]] == ["Al-Ahram Weekly", "Reuters"]
    assert [a["outlet"] for a in story_brief(conn, cnn, limit=1)["others"]] == [  # type: ignore[index]
        "Al-Ahram Weekly"
    ]
    lone = conn.execute("SELECT id FROM articles WHERE outlet = 'AP'").fetchone()[0]
    assert story_brief(conn, lone)["others"] == []  # type: ignore[index]
    conn.execute("UPDATE articles SET story_id = NULL WHERE id = ?", (lone,))
    assert story_brief(conn, lone) is None
    plan = " ".join(
        r[3]
        for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT a.id FROM articles a WHERE a.story_id = ? AND a.id != ? "
            "ORDER BY IFNULL(a.published_at, a.fetched_at) DESC, a.id DESC LIMIT ?",
            (1, 1, 5),
        )
    )
    assert "idx_articles_story" in plan and "TEMP B-TREE" not in plan


def test_recent_stories_excludes_and_filters_by_title(story_store: Path) -> None:
    conn = open_store(story_store)
    sid, _ = story_of(story_store, "Nothing has changed")
    stories = recent_stories(conn, exclude=sid)
    assert [s["title"] for s in stories] == [
        "Ceasefire talks resume in Cairo",
        "Floods close the coastal road",
    ]
    assert all(s["article_id"] for s in stories)
    assert [s["title"] for s in recent_stories(conn, title="cairo")] == [
        "Ceasefire talks resume in Cairo"
    ]
    assert recent_stories(conn, title="100%_") == []


def test_list_rows_carry_the_story_count_and_keep_their_index(story_store: Path) -> None:
    conn = open_store(story_store)
    rows = {r.outlet: r.story_count for r in page_articles(conn, ArticleFilter(), limit=50)}
    assert rows == {"Al-Ahram Weekly": 3, "Reuters": 3, "CNN": 3, "AP": 1, "BBC": 2, "AFP": 2}
    # Keyset paging still walks the list index; stories are joined by primary key.
    sqls: list[str] = []
    conn.set_trace_callback(sqls.append)
    first = page_articles(conn, ArticleFilter(), limit=2)
    page_articles(conn, ArticleFilter(), after=first[-1].cursor, limit=2)
    conn.set_trace_callback(None)
    for sql in [s for s in sqls if "FROM articles a" in s]:
        plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql)]
        assert plan[0] == "SCAN a USING INDEX idx_articles_list"
        assert "SEARCH s USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN" in plan
        assert not any("TEMP B-TREE" in p for p in plan)


@pytest.mark.parametrize(
    ("count", "cell"),
    [(0, "    "), (1, "    "), (2, "  +1"), (3, "  +2"), (31, " +30"), (5000, " +99")],
)
def test_story_cell(count: int, cell: str) -> None:
    assert story_cell(count) == cell


def test_timeline_orders_by_date_events_first_undated_last() -> None:
    story = {
        "articles": [
            {"id": 1, "date": "2025-08-02T10:00:00"},
            {"id": 2, "date": "2023-10-07"},
        ],
        "events": [
            {"id": 7, "date_start": None},
            {"id": 8, "date_start": "2023-10-07"},
        ],
    }
    assert [(k, r["id"]) for k, r in timeline(story)] == [
        ("event", 8),
        ("article", 2),
        ("article", 1),
        ("event", 7),
    ]


# ------------------------------------------------------------------------- side panel


async def test_panel_shows_the_story_above_the_events_and_opens_its_articles(
    story_store: Path,
) -> None:
    app = make_app(story_store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_title(pilot, app, "Nothing has changed")
        panel = app.screen.query_one(SidePanel)
        lst = panel.query_one("#tab-events-list", OptionList)
        ids = option_ids(lst)
        # Head, the two other articles (newest first; the open one left out), then events.
        story_keys = [i for i in ids if i and (i == "story" or i.startswith("sa"))]
        assert story_keys[0] == "story" and len(story_keys) == 3
        first_event = next(i for i, k in enumerate(ids) if k and k.startswith("em"))
        assert ids.index("story") < first_event
        head = str(lst.get_option_at_index(0).prompt)
        assert "3 articles · 3 outlets\n2025-07-23 – 2025-08-02" in head
        assert "Nothing has changed" in head  # the story's title: its first report
        await pilot.press("3")  # lands on the first event, marked in the reader
        await pilot.pause()
        reader = app.screen.query_one(ReaderView)
        assert reader.event_mention is not None
        assert (lst.get_option_at_index(lst.highlighted or 0).id or "").startswith("em")
        await pilot.press("up", "up", "enter")  # the story above: Al-Ahram, the newest
        await pilot.pause()
        reader = app.screen.query_one(ReaderView)
        assert reader.article is not None and reader.article["outlet"] == "Al-Ahram Weekly"
        assert reader.has_focus
        assert panel.article is not None and panel.article["id"] == reader.article["id"]


async def test_panel_says_so_quietly_when_the_story_is_only_this_article(
    story_store: Path,
) -> None:
    app = make_app(story_store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_title(pilot, app, "Floods close")
        lst = app.screen.query_one("#tab-events-list", OptionList)
        prompts = [str(lst.get_option_at_index(i).prompt) for i in range(lst.option_count)]
        assert prompts[0] == STORY_ALONE
        assert "story" not in option_ids(lst)
        assert "No events found" in prompts[-1]


async def test_panel_without_a_story_is_unchanged(store: Path) -> None:
    app = make_app(store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_title(pilot, app, "Nothing has changed")
        lst = app.screen.query_one("#tab-events-list", OptionList)
        assert all((i or "").startswith("em") for i in option_ids(lst))
        await pilot.press("c")  # no story yet: a notice, no screen
        await pilot.pause()
        assert not isinstance(app.screen, StoryScreen)


# ------------------------------------------------------------------------- story screen


async def open_story_from_list(pilot, app, needle: str) -> StoryScreen:  # type: ignore[no-untyped-def]
    lst = app.screen.query_one(ArticleList)
    for i in range(lst.source.count):
        if needle in lst.source.row(i).title:
            lst.cursor = i
            break
    lst.focus()
    await pilot.press("c")
    # The story is read by a worker the new screen starts on mount: under load it may not
    # have started when the key press returns, so wait for its result, not for workers.
    for _ in range(200):
        await app.workers.wait_for_complete()
        screen = app.screen
        if isinstance(screen, StoryScreen) and screen.items:
            break
        await pilot.pause(0.05)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, StoryScreen)
    return screen


async def test_story_screen_is_one_timeline_and_opens_articles_and_events(
    story_store: Path,
) -> None:
    app = make_app(story_store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_story_from_list(pilot, app, "Hezbollah rearms")
        lst = screen.query_one("#story-timeline", OptionList)
        kinds = [screen.items[i][0] for i in option_ids(lst) if i]
        outlets = [screen.items[i][1].get("outlet") for i in option_ids(lst) if i]
        # The 2023 event first, then the reports oldest first.
        assert kinds == ["event", "article", "article", "article"]
        assert outlets[1:] == ["CNN", "Reuters", "Al-Ahram Weekly"]
        # The cursor starts on the article the reader came from, marked as open.
        assert screen.items[option_ids(lst)[lst.highlighted or 0] or ""][1]["outlet"] == "Reuters"
        assert "◀ this article" in str(lst.get_option_at_index(2).prompt)
        await pilot.press("q")  # back, not quit
        await pilot.pause()
        assert not isinstance(app.screen, StoryScreen) and app.is_running
        # Enter on an article opens it; Enter on the event opens the event screen.
        screen = await open_story_from_list(pilot, app, "Hezbollah rearms")
        await pilot.press("down", "enter")  # Al-Ahram, the newest
        await pilot.pause()
        reader = app.screen.query_one(ReaderView)
        assert reader.article is not None and reader.article["outlet"] == "Al-Ahram Weekly"
        screen = await open_story_from_list(pilot, app, "Hezbollah rearms")
        await pilot.press("home", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        assert app.screen.event is not None and app.screen.event["title"] == "Hamas attacks Israel"


async def test_story_opens_from_the_panel_head(story_store: Path) -> None:
    app = make_app(story_store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_title(pilot, app, "Armed resistance")
        await pilot.press("3", "home", "enter")  # the story's head, above the events
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        assert app.screen.story is not None and app.screen.story["article_count"] == 3
        await pilot.press("escape")
        assert not isinstance(app.screen, StoryScreen)


async def test_split_takes_the_article_out_and_the_list_follows(story_store: Path) -> None:
    app = make_app(story_store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        lst = app.screen.query_one(ArticleList)
        line = "".join(seg.text for seg in lst.render_line(1))
        assert "Hezbollah rearms" in line and line.rstrip().endswith("+2 Reuters")
        screen = await open_story_from_list(pilot, app, "Hezbollah rearms")
        sid, _ = story_of(story_store, "Hezbollah rearms")
        await pilot.press("x")  # the Reuters report, where the cursor starts
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.changed and screen.story is not None
        assert screen.story["article_count"] == 2
        assert "Reuters" not in {a["outlet"] for a in screen.story["articles"]}
        # x and m are for articles: greyed out on the event row.
        screen.query_one("#story-timeline", OptionList).highlighted = 0
        await pilot.pause()
        assert screen.check_action("split", ()) is None
        await pilot.press("escape")
        await pilot.pause()
        rows = {
            r.outlet: r.story_count
            for r in (app.screen.query_one(ArticleList).source.row(i) for i in range(6))
            if r
        }
        assert rows["Reuters"] == 1 and rows["CNN"] == 2
        line = "".join(seg.text for seg in lst.render_line(1))
        assert line.rstrip().endswith("   Reuters")
    new_sid, n = story_of(story_store, "Hezbollah rearms")
    assert new_sid != sid and n == 1
    conn = sqlite3.connect(story_store)
    assert conn.execute("SELECT action FROM story_overrides").fetchall() == [("split",)]


async def test_move_puts_the_article_in_the_picked_story(story_store: Path) -> None:
    app = make_app(story_store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_story_from_list(pilot, app, "Hezbollah rearms")
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StoryPickScreen)
        await pilot.press(*"cairo")
        await app.workers.wait_for_complete()
        await pilot.pause()
        picks = app.screen.query_one("#storypick-list", OptionList)
        assert picks.option_count == 1
        await pilot.press("down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen and screen.changed
        assert screen.story is not None and screen.story["article_count"] == 2
    cairo, n = story_of(story_store, "Ceasefire talks")
    assert story_of(story_store, "Hezbollah rearms") == (cairo, 3) and n == 3
    conn = sqlite3.connect(story_store)
    assert conn.execute("SELECT action FROM story_overrides").fetchall() == [("move",)]


async def test_moving_a_lone_article_follows_it_to_its_new_story(story_store: Path) -> None:
    app = make_app(story_store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_story_from_list(pilot, app, "Floods close")
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*"cairo", "down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.story is not None
        assert screen.story["article_count"] == 3
        assert "Ceasefire talks resume in Cairo" in {a["title"] for a in screen.story["articles"]}
        await pilot.press("escape")
        await pilot.pause()
        lst = app.screen.query_one(ArticleList)
        assert {lst.source.row(i).story_count for i in range(lst.source.count)} == {3}


async def test_story_keys_are_in_the_palette(story_store: Path) -> None:
    app = make_app(story_store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        names = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Story", "Search", "Tag"} <= names
        screen = await open_story_from_list(pilot, app, "Hezbollah rearms")
        names = {c.title for c in app.get_system_commands(screen)}
        assert {"Split article off", "Move article to…", "Back"} <= names
        # The palette's Story command runs the key's action.
        await pilot.press("escape")
        story = next(c for c in app.get_system_commands(app.screen) if c.title == "Story")
        await story.callback()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)


async def test_hostile_titles_in_the_story_render_as_text(tmp_path: Path) -> None:
    conn = open_store(tmp_path / "h.db")
    a = add(conn, "[bold]Injected[/bold] [link=x]y[/link]", "[i]Out[/i]", "2025-01-02", "One.")
    b = add(conn, "\x1b[31mred\x1b[0m [/x]", "CNN", "2025-01-01", "Two.")
    make_story(conn, [a, b])
    conn.close()
    app = make_app(tmp_path / "h.db", analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_title(pilot, app, "red")
        prompt = str(
            app.screen.query_one("#tab-events-list", OptionList).get_option_at_index(1).prompt
        )
        assert "[bold]Injected[/bold]" in prompt and "[i]Out[/i]" in prompt
        screen = await open_story_from_list(pilot, app, "red")
        texts = [str(o.prompt) for o in screen.query_one("#story-timeline", OptionList).options]
        assert any("[bold]Injected[/bold] [link=x]y[/link]" in t for t in texts)
        assert not any("\x1b" in t for t in texts)


async def test_story_screen_scrolls_to_the_article_it_came_from(tmp_path: Path) -> None:
    conn = open_store(tmp_path / "long.db")
    a = add(conn, "First report", "AP", "2025-01-01", "One.")
    b = add(conn, "Latest report", "CNN", "2025-03-01", "Two.")
    make_story(conn, [a, b])
    for i in range(60):  # many events before the latest report push it off screen
        ev = conn.execute(
            "INSERT INTO events(type, title, date_start, article_count, mention_count) "
            "VALUES ('other', ?, ?, 1, 1)",
            (f"Event {i}", f"2025-02-{1 + i % 28:02d}"),
        ).lastrowid
        conn.execute(
            'INSERT INTO event_mentions(article_id, event_id, start, "end", trigger, lemma, '
            "type, modality, salience) VALUES (?, ?, 0, 4, 'x', 'x', 'other', 'asserted', 0.5)",
            (a, ev),
        )
    conn.close()
    app = make_app(tmp_path / "long.db", analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_story_from_list(pilot, app, "Latest report")
        await pilot.pause()
        lst = screen.query_one("#story-timeline", OptionList)
        assert lst.option_count == 62

        def shown() -> bool:
            lines = ["".join(s.text for s in lst.render_line(y)) for y in range(lst.size.height)]
            return any("Latest report" in ln and "◀ this article" in ln for ln in lines)

        for _ in range(40):  # the scroll lands after the list's layout: up to 2 s
            if shown():
                break
            await pilot.pause(0.05)
        assert shown()


async def test_story_keys_are_in_the_help_panel(story_store: Path) -> None:
    from rich.console import Console
    from textual.widgets._key_panel import BindingsTable

    app = make_app(story_store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:

        async def help_text() -> str:
            await pilot.press("question_mark")
            await pilot.pause()
            console = Console(width=80, record=True)
            console.print(app.screen.query_one(BindingsTable).render_bindings_table())
            await pilot.press("question_mark")
            await pilot.pause()
            return console.export_text()

        assert "Story" in await help_text()
        await open_story_from_list(pilot, app, "Hezbollah rearms")
        text = await help_text()
        assert "Split article off" in text and "Move article to" in text


async def test_one_per_story_collapses_the_list(story_store: Path) -> None:
    app = make_app(story_store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        lst = app.screen.query_one(ArticleList)
        assert lst.source.count == 6
        await pilot.press("C")
        await pilot.pause()
        rows = [lst.source.row(i) for i in range(lst.source.count)]
        # Each story's newest article, newest first; +N tells how many more.
        assert [(r.outlet, r.story_count) for r in rows] == [
            ("Al-Ahram Weekly", 3),
            ("AFP", 2),
            ("AP", 1),
        ]
        assert "one per story" in app.screen.sub_title
        await pilot.press("C")
        await pilot.pause()
        assert lst.source.count == 6


def test_one_per_story_keeps_the_list_index(story_store: Path) -> None:
    conn = open_store(story_store)
    conn.execute("UPDATE articles SET story_id = NULL WHERE outlet = 'AP'")
    flt = ArticleFilter(one_per_story=True)
    rows = page_articles(conn, flt, limit=2)
    rows += page_articles(conn, flt, after=rows[-1].cursor, limit=2)
    assert [r.outlet for r in rows] == ["Al-Ahram Weekly", "AFP", "AP"]
    sql = "EXPLAIN QUERY PLAN SELECT a.id FROM articles a WHERE {} ORDER BY {} LIMIT 5".format(
        flt.where()[0], "IFNULL(a.published_at, a.fetched_at) DESC, a.id DESC"
    )
    plan = [r[3] for r in conn.execute(sql)]
    assert plan[0] == "SCAN a USING INDEX idx_articles_list"
    assert any("idx_articles_story (story_id=?)" in p for p in plan)


async def test_closing_the_story_screen_at_once_is_safe(story_store: Path) -> None:
    app = make_app(story_store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "c", "escape")  # before the worker has read
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, StoryScreen) and app.is_running


# ------------------------------------------------------------------ older stores


async def test_a_store_linked_by_an_older_version_says_so_once(store: Path) -> None:
    """The schema 5 upgrade marks a store for re-linking; the app says how, once, without
    blocking (the list is usable at once) and without reading the text as markup."""
    from tui.app import RELINK_NOTICE

    conn = open_store(store)
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('needs_relink', '1')")
    conn.close()
    app = make_app(store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        said = [n for n in app._notifications if "relink" in str(n.message)]
        assert [str(n.message) for n in said] == [
            "This store was linked by an older newsreader: run `newsreader relink` to group "
            "stories and re-link events (tags and notes are kept)."
        ]
        assert said[0].message == RELINK_NOTICE and not said[0].markup
        assert isinstance(app.screen.focused, ArticleList)
        await pilot.press("j", "enter")
        assert app.screen.query_one(ReaderView).article is not None
        assert len([n for n in app._notifications if "relink" in str(n.message)]) == 1


async def test_a_current_store_says_nothing_about_relinking(store: Path) -> None:
    app = make_app(store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not [n for n in app._notifications if "relink" in str(n.message)]


def test_an_event_dated_to_a_week_says_so() -> None:
    from tui.widgets.side_panel import event_prompt

    week = event_prompt({"date": "2010-05-31", "date_precision": "week", "type": "other"})
    day = event_prompt({"date": "2010-06-07", "date_precision": "day", "type": "other"})
    assert week.plain.startswith("week of 2010-05-31")
    assert day.plain.startswith("2010-06-07")


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("2023-10-07", "2023-10-07", "2023-10-07"),
        ("2024-01-01", "2024-12-31", "2024"),  # "in 2024", not 1 January
        ("2025-06-01", "2025-06-30", "2025-06"),
        ("2024-02-01", "2024-02-29", "2024-02"),
        ("2025-07-14", "2025-07-20", "week of 2025-07-14"),
        ("2025-06-01", "2025-06-14", "2025-06-01 – 2025-06-14"),
        ("2025-07-15", "2025-07-21", "2025-07-15 – 2025-07-21"),  # not a Monday
        (None, None, "undated"),
    ],
)
def test_an_event_is_shown_at_the_precision_it_is_known(
    start: str | None, end: str | None, shown: str
) -> None:
    assert event_when(start, end) == shown


def test_story_counts_leave_out_outlets_no_article_names() -> None:
    # JSON lines without a source name no outlet: "6 articles · 0 outlets" said nothing
    from tui.widgets.side_panel import story_counts

    story = {"article_count": 6, "outlet_count": 0, "date_start": "2013-03-11"}
    assert story_counts(story).startswith("6 articles · 2013-03-11"), story_counts(story)
    story["outlet_count"] = 1
    assert story_counts(story).startswith("6 articles · 1 outlet · "), story_counts(story)
