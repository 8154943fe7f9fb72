"""Snapshot tests of each screen (pytest-textual-snapshot). Update with --snapshot-update
after an intended change to the screen, and look at the report before committing."""

from __future__ import annotations

from pathlib import Path

from tui.app import make_app


def test_main_screen(snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(sample_db, analyse=False)
    assert snap_compare(app, terminal_size=(160, 45), press=["j", "enter"])
