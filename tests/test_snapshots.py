"""Snapshot tests of each screen (pytest-textual-snapshot). Update with --snapshot-update
after an intended change to the screen, and look at the report before committing."""

from __future__ import annotations

from pathlib import Path

from tui.app import make_app


def test_main_screen(snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(sample_db, analyse=False)
    assert snap_compare(app, terminal_size=(160, 45), press=["j", "enter"])


def test_event_screen(snap_compare, store: Path) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("G", "enter", "3", "enter")
        await pilot.pause()

    assert snap_compare(make_app(store, analyse=False), terminal_size=(160, 45), run_before=steps)


def test_entity_card(snap_compare, store: Path) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("enter", "2", "n", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(store, analyse=False), terminal_size=(160, 45), run_before=steps)


def test_search_screen(snap_compare, store: Path) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("slash", *"hamas attack")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(store, analyse=False), terminal_size=(160, 45), run_before=steps)


def test_tag_and_note_editors(snap_compare, store: Path) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("enter", "t", *"ira")
        await pilot.pause()

    assert snap_compare(make_app(store, analyse=False), terminal_size=(160, 45), run_before=steps)


def test_side_panel_with_a_story(snap_compare, story_store: Path) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("j", "j", "enter", "3")  # the first report: CNN
        await pilot.pause()

    app = make_app(story_store, analyse=False)
    assert snap_compare(app, terminal_size=(160, 45), run_before=steps)


def test_story_screen(snap_compare, story_store: Path) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("j", "c")  # the Reuters report
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = make_app(story_store, analyse=False)
    assert snap_compare(app, terminal_size=(160, 45), run_before=steps)


def test_main_screen_at_80x24(snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    """A laptop terminal: the list takes the width; Enter gives it to the reader."""
    app = make_app(sample_db, analyse=False)
    assert snap_compare(app, terminal_size=(80, 24), press=["j", "enter"])


def test_list_at_80x24(snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(sample_db, analyse=False)
    assert snap_compare(app, terminal_size=(80, 24), press=["j"])


def test_main_screen_at_120x36(snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    """List and reader side by side; the side panel waits behind p."""
    app = make_app(sample_db, analyse=False)
    assert snap_compare(app, terminal_size=(120, 36), press=["j", "enter"])
