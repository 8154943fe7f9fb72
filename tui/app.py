"""The app and its factory. The CLI, the Pilot tests, the snapshot tests and the
screenshot script all build the app through :func:`make_app`."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from store import open_store

if TYPE_CHECKING:
    from ingest.linking import Correction
from store.stories import needs_relink
from tui.screens.detail import counted
from tui.screens.main import MainScreen

#: Said once at start when the store was linked by an older version (schema 5 upgrade).
RELINK_NOTICE = (
    "This store was linked by an older newsreader: run `newsreader relink` to group "
    "stories and re-link events (tags and notes are kept)."
)


#: Cursor moves: keys, not commands (the palette would fill with Up / Down / Page down).
PALETTE_SKIP = {
    "cursor_down",
    "cursor_up",
    "page_down",
    "page_up",
    "first",
    "last",
    "next_paragraph",
    "previous_paragraph",
    "cycle_pane(-1)",
}


class NewsReaderApp(App[None]):
    """A terminal news reader over one SQLite store."""

    CSS_PATH = "newsreader.tcss"
    TITLE = "newsreader"

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "toggle_keys", "Keys", id="app.keys"),
        Binding("R", "refresh_feeds", "Refresh feeds", id="app.refresh"),
    ]

    def __init__(
        self,
        db_path: str | os.PathLike[str],
        *,
        import_paths: Sequence[str | os.PathLike[str]] = (),
        analyse: bool = True,
        import_options: dict[str, object] | None = None,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.conn: sqlite3.Connection = open_store(self.db_path)
        self.import_paths = [Path(p) for p in import_paths]
        self.import_options = import_options or {}
        self.analyse = analyse
        #: The reader's last link or story correction, to undo (u).
        self.last_correction: Correction | None = None

    @property
    def db_label(self) -> str:
        """The store's file name (the full path is in `newsreader stats`)."""
        return self.db_path.name

    def on_mount(self) -> None:
        self._load_theme()
        self.push_screen(MainScreen())
        if needs_relink(self.conn):
            # A notification, not a dialog: the store stays readable as it is.
            self.notify(RELINK_NOTICE, severity="warning", timeout=15, markup=False)
        if self.import_paths:
            self.import_files(self.import_paths, **self.import_options)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every key that works here (the focused widget's, the
        screen's, the app's), named by its description: the same BINDINGS as the Footer
        and the help panel, so the three cannot drift apart. On the main screen the keys of
        the other panes come too ("n Next entity · in the reader"): choosing one moves the
        cursor into that pane first."""
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":
                # Textual's saves to ~/Downloads and fails when there is none.
                command = SystemCommand(command.title, command.help, self.action_save_screenshot)
            yield command
        builtin = {"quit", "toggle_keys"}  # already offered as Quit / Keys
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.action in builtin or not binding.description:
                continue
            name = binding.description
            if name in seen or binding.action in PALETTE_SKIP:
                continue
            seen.add(name)
            # A key greyed out here (no article yet) is still found, and says why.
            needs = "" if active.enabled else " · needs an article"
            yield SystemCommand(
                name,
                f"key {self.get_key_display(binding)}{needs}",
                partial(self.run_action, binding.action, active.node),
            )
        if isinstance(screen, MainScreen):
            for pane, where, binding in screen.pane_bindings():
                name = binding.description
                if name in seen or binding.action in PALETTE_SKIP:
                    continue
                seen.add(name)
                yield SystemCommand(
                    name,
                    f"key {self.get_key_display(binding)} · {where}",
                    partial(screen.run_in_pane, pane, binding.action),
                )

    def undo_last_correction(self) -> bool:
        """Undo the last link or story correction; says what happened. True if undone."""
        from ingest.linking import undo

        correction = self.last_correction
        if correction is None:
            self.notify("No correction to undo.", timeout=2)
            return False
        undo(self.conn, correction)
        self.last_correction = None
        what = "link" if correction.kind == "event" else "story"
        self.notify(f"Undid the last {what} correction.", timeout=3)
        return True

    def action_save_screenshot(self) -> None:
        """Save an SVG of the screen (Downloads, else the data directory) and say where."""
        from tui.settings import screenshot_dir

        try:
            path = self.save_screenshot(path=str(screenshot_dir()))
        except OSError as exc:
            self.notify(f"Could not save the screenshot: {exc}", severity="error", markup=False)
            return
        self.notify(f"Screenshot saved to {path}", timeout=6, markup=False)

    def _load_theme(self) -> None:
        """The theme chosen last time (any app run), if it still exists."""
        from tui.settings import load_settings

        theme = load_settings().get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: object) -> None:
        from tui.settings import save_setting

        save_setting("theme", self.theme)

    def action_toggle_keys(self) -> None:
        """Show or hide the panel that lists every key of the focused widget and screen."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    # Workers ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="import", name="import")
    def import_files(self, paths: Sequence[Path], **options: object) -> int:
        """Import files in a thread with its own connection; the list fills in as it goes."""
        from ingest.draft import IngestError
        from ingest.pipeline import default_analyzer, drafts_from_path, store_drafts

        worker = get_current_worker()
        conn = open_store(self.db_path)
        drafts = []
        for path in paths:
            try:
                drafts.extend(drafts_from_path(path, **options))
            except IngestError as exc:
                self.call_from_thread(self.notify, str(exc), severity="error", markup=False)
        total = len(drafts)
        analyzer = None
        if self.analyse:
            self.call_from_thread(self._progress, "Loading the language model…", 0, None)
            analyzer = default_analyzer()
        done = 0
        added = 0

        def on_article(article_id: int, created: bool) -> None:
            nonlocal done, added
            done += 1
            added += created
            if worker is not None and worker.is_cancelled:
                raise InterruptedError
            self.call_from_thread(self._progress, f"Importing {done}/{total}", done, total)
            if created and (added <= 3 or added % 10 == 0):
                self.call_from_thread(self._refresh_list)

        try:
            store_drafts(conn, drafts, analyzer=analyzer, on_article=on_article)
        except InterruptedError:
            pass
        finally:
            conn.close()
        return added

    def action_refresh_feeds(self) -> None:
        """Fetch every subscribed feed in the background; stored articles stay readable."""
        count = self.conn.execute("SELECT count(*) FROM sources WHERE kind = 'feed'").fetchone()[0]
        if not count:
            self.notify(
                "No feeds yet. Subscribe with:  newsreader feed add URL", timeout=4, markup=False
            )
            return
        self.refresh_feeds(count)

    @work(thread=True, exclusive=True, group="refresh", name="refresh")
    def refresh_feeds(self, total: int) -> tuple[int, list[str]]:
        """Refresh feeds in a thread (the network runs concurrently inside refresh_all)."""
        from ingest.pipeline import default_analyzer
        from ingest.refresh import refresh_all

        worker = get_current_worker()
        self.call_from_thread(self._progress, f"Refreshing {counted(total, 'feed')}…", 0, total)
        analyzer = default_analyzer() if self.analyse else None
        new_so_far = 0

        def on_progress(url: str, done: int, all_: int, new: int, error: str | None) -> None:
            nonlocal new_so_far
            new_so_far += new
            self.call_from_thread(
                self._progress, f"Feeds {done}/{all_} · {new_so_far} new", done, all_
            )
            if new:
                self.call_from_thread(self._refresh_list)

        report = refresh_all(
            self.db_path,
            analyzer=analyzer,
            on_progress=on_progress,
            is_cancelled=(lambda: bool(worker and worker.is_cancelled)),
        )
        errors = [f"{f.url}: {f.error}" for f in report.errors]
        return report.added, errors

    def _progress(self, label: str, done: int, total: int | None) -> None:
        if isinstance(self.screen, MainScreen):
            self.screen.show_progress(label, done, total)

    def _refresh_list(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.refresh_list()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """One place turns worker endings into what the reader sees."""
        worker = event.worker
        if worker.group not in ("import", "refresh"):
            return
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            for screen in self.screen_stack:
                if isinstance(screen, MainScreen):
                    screen.hide_progress()
            self._refresh_list()
        if event.state == WorkerState.SUCCESS and worker.group == "import":
            self.notify(f"Imported {counted(worker.result, 'new article')}.", timeout=4)
        elif event.state == WorkerState.SUCCESS and worker.group == "refresh":
            added, errors = worker.result  # type: ignore[misc]
            self.notify(f"{counted(added, 'new article')} from feeds.", timeout=4)
            for line in errors[:5]:
                self.notify(line, severity="warning", timeout=8, markup=False)
            if len(errors) > 5:
                self.notify(
                    f"…and {len(errors) - 5} more feeds failed (newsreader feed list).",
                    severity="warning",
                    timeout=8,
                )
        elif event.state == WorkerState.ERROR:
            what = "Import" if worker.group == "import" else "Refresh"
            self.notify(f"{what} failed: {worker.error}", severity="error", markup=False)


def make_app(
    db_path: str | os.PathLike[str],
    *,
    import_paths: Sequence[str | os.PathLike[str]] = (),
    analyse: bool = True,
    import_options: dict[str, object] | None = None,
) -> NewsReaderApp:
    """The one way to build the app (CLI, tests, screenshots)."""
    return NewsReaderApp(
        db_path, import_paths=import_paths, analyse=analyse, import_options=import_options
    )
