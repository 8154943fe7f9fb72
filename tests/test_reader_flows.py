"""Reader flows driven with Pilot on a real store: tags, notes, search, entity card, event
screen, hostile text. Mentions and events are written through the store's own functions
(what the analysis step writes), so these tests do not need spaCy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store import open_store, writes
from tests.conftest import BODY_A
from tui.app import make_app
from tui.screens.detail import EntityScreen, EventScreen, SearchScreen
from tui.screens.modals import NoteEditor, TagScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import ReaderView
from tui.widgets.side_panel import SidePanel

SIZE = (160, 45)


async def open_title(pilot, app, needle: str) -> None:  # type: ignore[no-untyped-def]
    lst = app.screen.query_one(ArticleList)
    for i in range(lst.source.count):
        row = lst.source.row(i)
        if needle in row.title:
            lst.cursor = i
            break
    else:
        raise AssertionError(needle)
    lst.focus()
    await pilot.press("enter")
    await pilot.pause()


async def test_tag_with_completion_shows_in_list_and_survives_restart(store: Path) -> None:
    app = make_app(store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_title(pilot, app, "Armed resistance")
        await pilot.press("t")
        assert isinstance(app.screen, TagScreen)
        await pilot.press(*"iran, gaza", "enter")
        await pilot.pause()
        lst = app.screen.query_one(ArticleList)
        assert lst.current is not None and lst.current.tags == ["gaza", "iran"]
        # Second article: completion offers the existing tag.
        await open_title(pilot, app, "Nothing has changed")
        await pilot.press("t", "i", "r", "right", "enter")
        await pilot.pause()
        assert lst.current is not None and lst.current.tags == ["iran"]
    tags = (
        sqlite3.connect(store)
        .execute(
            "SELECT a.title, t.name FROM article_tags at JOIN tags t ON t.id=at.tag_id "
            "JOIN articles a ON a.id=at.article_id ORDER BY a.id, t.name"
        )
        .fetchall()
    )
    assert ("Armed resistance will not be abandoned", "iran") in tags
    assert ("Nothing has changed: Iran tries to rearm proxies", "iran") in tags
    # Relaunch: the tag is in the list.
    app = make_app(store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        lst = app.screen.query_one(ArticleList)
        assert any("iran" in (lst.source.row(i).tags) for i in range(lst.source.count))
        # Filter by tag (T), pick "iran".
        await pilot.press("T")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert lst.source.filter.tag == "iran" and lst.source.count == 2


async def test_note_on_a_paragraph_saves_and_shows_in_notes_tab(store: Path) -> None:
    app = make_app(store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_title(pilot, app, "Armed resistance")
        await pilot.press("2")  # focus the reader
        await pilot.press("j")  # second paragraph
        reader = app.screen.query_one(ReaderView)
        assert reader.paragraph == 1
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"check casualty figures")
        await pilot.press("ctrl+s")
        await pilot.pause()
        notes = reader.article["notes"]
        assert [n["note"] for n in notes] == ["check casualty figures"]
        assert notes[0]["quote"].startswith("The attack killed hundreds")
        panel = app.screen.query_one(SidePanel)
        assert (
            panel.article is not None
            and panel.article["notes"][0]["note"] == "check casualty figures"
        )
        # Esc in the editor cancels: nothing new is written.
        await pilot.press("a", *"discard me", "escape")
        await pilot.pause()
    rows = sqlite3.connect(store).execute("SELECT note, start FROM annotations").fetchall()
    assert rows == [("check casualty figures", BODY_A.index("The attack killed"))]


async def test_search_with_filter_opens_the_hit_highlighted(store: Path) -> None:
    app = make_app(store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"rockets outlet:cnn")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert next(iter(screen.hits.values())).title.startswith("Nothing has changed")
        assert len(screen.hits) == 1
        await pilot.press("enter", "enter")
        await pilot.pause()
        reader = app.screen.query_one(ReaderView)
        assert reader.article is not None and reader.article["outlet"] == "CNN"
        assert reader.search_terms == ("rockets",)
        # Esc from search returns without opening anything.
        await pilot.press("slash", "escape")
        assert not isinstance(app.screen, SearchScreen)


async def test_entity_card_lists_every_article(store: Path) -> None:
    app = make_app(store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_title(pilot, app, "Armed resistance")
        await pilot.press("2", "n")  # first entity in the text: Hamas
        reader = app.screen.query_one(ReaderView)
        assert reader.current_entity is not None and reader.current_entity["text"] == "Hamas"
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # the card is read in a worker
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen)
        assert app.screen.entity is not None
        assert {a["title"][:7] for a in app.screen.entity["articles"]} == {"Armed r", "Nothing"}
        assert [e["title"] for e in app.screen.entity["events"]] == ["Hamas attacks Israel"]
        # Enter on an article opens it (newest first: Al-Ahram, then CNN).
        from textual.widgets import OptionList

        arts = app.screen.query_one("#entity-articles", OptionList)
        arts.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(ReaderView).article["outlet"] == "CNN"


async def test_event_screen_jumps_to_the_other_article(store: Path) -> None:
    app = make_app(store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        assert not app._event_words_read
        await open_title(pilot, app, "Nothing has changed")
        # Shown linked events: the words their reasons compare are read in a worker, not
        # when the event screen opens (analysis.nlp.known_verbs may load a lemmatizer)
        assert app._event_words_read
        await app.workers.wait_for_complete()
        panel = app.screen.query_one(SidePanel)
        await pilot.press("3")
        await pilot.pause()
        reader = app.screen.query_one(ReaderView)
        assert reader.event_mention is not None  # highlighted in the panel -> marked in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        outlets = [m["outlet"] for m in app.screen.event["mentions"]]
        assert sorted(outlets) == ["Al-Ahram Weekly", "CNN"]
        # Each mention says what it shares with the other: the word, the actor, the day.
        from textual.widgets import OptionList

        mentions = app.screen.query_one("#event-mentions", OptionList)
        for i in range(mentions.option_count):
            prompt = str(getattr(mentions.get_option_at_index(i).prompt, "plain", ""))
            why = prompt.split("linked by: ")[1]
            assert "“attack”" in why and "by Hamas" in why and "same day" in why, why
        # Move to the Al-Ahram mention and open it.
        idx = outlets.index("Al-Ahram Weekly")
        for _ in range(idx):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert reader.article is not None and reader.article["outlet"] == "Al-Ahram Weekly"
        assert reader.event_mention is not None and reader.event_mention["trigger"] == "attack"
        assert panel.article is not None


@pytest.mark.parametrize(
    "title",
    [
        "[bold]Injected[/bold] [link=file:///etc/passwd]x[/link]",
        "[/x] broken markup",
        "\x1b[31mred\x1b[0m \x1b]8;;http://evil\x07link\x1b]8;;\x07",
        "W" * 5000,
    ],
    ids=["rich-markup", "closing-tag", "ansi-osc", "very-long"],
)
async def test_hostile_titles_render_as_plain_text(tmp_path: Path, title: str) -> None:
    conn = open_store(tmp_path / "h.db")
    body = "Body with [red]markup[/red] and \x1b[2J escapes.\n\n" + ("long " * 2000)
    writes.save_article(conn, {"title": title, "body": body, "outlet": "[i]Outlet[/i]"})
    conn.close()
    app = make_app(tmp_path / "h.db", analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        lst = app.screen.query_one(ArticleList)
        line = "".join(s.text for s in lst.render_line(0))
        assert "\x1b" not in line
        if title.startswith("[bold]"):
            assert "[bold]Injected" in line  # shown literally, not interpreted
        reader = app.screen.query_one(ReaderView)
        text = "".join("".join(s.text for s in reader.render_line(y)) for y in range(40))
        assert "\x1b" not in text
        assert "[red]markup[/red]" in text


async def open_event_from(pilot, app, title: str) -> EventScreen:  # type: ignore[no-untyped-def]
    """Open the article, then the first event of its Events tab."""
    await open_title(pilot, app, title)
    await pilot.press("3", "enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, EventScreen)
    return screen


async def test_reject_on_event_screen_is_saved_as_an_override(store: Path) -> None:
    app = make_app(store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_event_from(pilot, app, "Nothing has changed")
        assert len(screen.event["mentions"]) == 2
        await pilot.press("r")  # reject the highlighted mention's link
        await pilot.pause()
        assert screen.event is not None and len(screen.event["mentions"]) == 1
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT action FROM event_overrides").fetchall() == [("reject",)]
    # The rejected mention now stands in an event of its own.
    assert conn.execute("SELECT count(DISTINCT event_id) FROM event_mentions").fetchone()[0] == 2


async def test_note_after_jumping_to_an_event_attaches_to_its_sentence(store: Path) -> None:
    app = make_app(store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_event_from(pilot, app, "Nothing has changed")
        outlets = [m["outlet"] for m in screen.event["mentions"]]
        screen.query_one("#event-mentions").highlighted = outlets.index("Al-Ahram Weekly")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(ReaderView)
        assert reader.selection is not None
        await pilot.press("a", *"sentence note", "ctrl+s")
        await pilot.pause()
        note = reader.article["notes"][0]
        assert note["quote"] == BODY_A[: BODY_A.index(".") + 1]
        # Moving the paragraph cursor drops the selection: the next note takes a paragraph.
        await pilot.press("j")
        assert reader.selection is None


async def test_q_goes_back_from_the_event_and_entity_screens(store: Path) -> None:
    """On a pushed screen q is Back, as on the story screen; only the main screen quits."""
    app = make_app(store, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_title(pilot, app, "Nothing has changed")
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, EventScreen)
        await open_title(pilot, app, "Armed resistance")
        await pilot.press("2", "n", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, EntityScreen)
