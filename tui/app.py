"""The app and its factory. The CLI, the Pilot tests, the snapshot tests and the
screenshot script all build the app through :func:`make_app`."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from store import open_store, write_failure
from tui.screens.main import MainScreen
from tui.words import counted

if TYPE_CHECKING:
    from ingest.corrections import Correction

# Imported where they are used, not on the start path (cold start, issue 18):
# ingest.normalise (worker errors) and store.stories (which pulls in store.writes).

#: Said once at start when the store was linked by an older version (schema 5 upgrade).
RELINK_NOTICE = (
    "This store was linked by an older newsreader: run `newsreader relink` to group "
    "stories and re-link events (tags and notes are kept)."
)

#: Said once at start when the articles were analysed by other analysis code (an
#: upgrade since): the reader may analyse them again (action_analyse_all_again).
REANALYSE_NOTICE = (
    'These articles were analysed by an older newsreader: press L (or choose "Analyse '
    'all again" in the palette) to analyse them again in the background. Tags, notes '
    "and corrections are kept."
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
        Binding("L", "analyse_all_again", "Analyse all again", show=False, id="app.reanalyse"),
    ]

    def __init__(
        self,
        db_path: str | os.PathLike[str],
        *,
        import_paths: Sequence[str | os.PathLike[str]] = (),
        analyse: bool = True,
        import_options: dict[str, object] | None = None,
        reanalyse: bool = False,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.conn: sqlite3.Connection = open_store(self.db_path)
        # The UI thread's writes (read marks, tags, notes) wait at most this long for a
        # lock another process holds, then fail with a notification (tui.guard).
        self.conn.execute("PRAGMA busy_timeout = 100")
        self.import_paths = [Path(p) for p in import_paths]
        self.import_options = import_options or {}
        self.analyse = analyse
        #: Analyse every article again once, in the background (`newsreader analyse
        #: --all`): the store was analysed by other analysis code (see tui.cli.demo).
        self.reanalyse = reanalyse and analyse
        #: The worker following the analysing process, and that process.
        self._analysis: Worker[list[str]] | None = None
        self._analysis_proc: subprocess.Popen[str] | None = None
        self._analyse_again = False
        #: The reader's last link or story correction, to undo (u).
        self.last_correction: Correction | None = None
        #: Called once the first frame is on the screen (the console script turns the
        #: garbage collector back on there: see tui.launch).
        self.after_first_frame: list[Callable[[], object]] = []
        self._event_words_read = False

    def prepare_event_words(self) -> None:
        """Read the verbs that link reasons compare words with
        (:func:`analysis.nlp.known_verbs`) in a worker, once: the first read loads a
        lemmatizer, and the event screen shows its reasons on the UI thread. Called when
        an article with linked events is shown, before its event screen can be opened."""
        if self._event_words_read:
            return
        self._event_words_read = True
        from analysis.nlp import known_verbs

        self.run_worker(known_verbs, thread=True, group="event-words", exit_on_error=False)

    @property
    def db_label(self) -> str:
        """The store's file name (the full path is in `newsreader stats`)."""
        return self.db_path.name

    def get_default_screen(self) -> Screen:
        """The main screen is the app's base screen, composed once at start (pushing it
        over Textual's blank default screen would compose, lay out and draw that one too
        before the first list row: cold start)."""
        return MainScreen()

    def on_mount(self) -> None:
        self._load_theme()
        if self.import_paths:
            self.import_files(self.import_paths, **self.import_options)
        elif self.analyse:
            # Articles a refresh or an import left waiting (the app closed, a kill):
            # analysed in the background once the reader is up.
            self.set_timer(1.0, self.start_analysis)
        self.call_after_refresh(self._first_frame_drawn)

    def _first_frame_drawn(self) -> None:
        for callback in self.after_first_frame:
            callback()
        # After the first frame: the notice is not part of it, and store.stories (with
        # store.writes) need not load before it (cold start).
        from store.stories import needs_relink

        if needs_relink(self.conn):
            # A notification, not a dialog: the store stays readable as it is.
            self.notify(RELINK_NOTICE, severity="warning", timeout=15, markup=False)
        elif self.analyse and not self.reanalyse:
            self.run_worker(
                self._check_analysis, thread=True, group="analysis-check", exit_on_error=False
            )

    def _check_analysis(self) -> None:
        """Were the stored articles analysed by other analysis code (an upgrade since)?
        Then say so once. In a thread: the fingerprint reads the analysis code's files."""
        from analysis.version import fingerprint
        from store.db import connect
        from store.queue import analysed_by_other

        conn = connect(self.db_path, readonly=True)  # (opened and upgraded already)
        try:
            stale = analysed_by_other(conn, fingerprint())
        finally:
            conn.close()
        if stale:
            self.call_from_thread(
                self.notify, REANALYSE_NOTICE, severity="warning", timeout=20, markup=False
            )

    def action_analyse_all_again(self) -> None:
        """Analyse every article again in the analysing process (`newsreader analyse
        --all`), with its progress; tags, notes and corrections are kept."""
        if not self.analyse:
            self.notify("The analysis is off (--no-analyse).", timeout=4)
            return
        self.reanalyse = True
        self.clear_notifications()  # the notice that offered it, among others
        self.notify("Analysing every article again in the background…", timeout=4)
        self.start_analysis()  # (one running: this one follows it)

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
        from ingest.corrections import undo

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

    @work(thread=True, exclusive=True, group="import", name="import", exit_on_error=False)
    def import_files(self, paths: Sequence[Path], **options: object) -> int:
        """Import files in a thread with its own connection; the list fills in as it goes."""
        from ingest.draft import IngestError
        from ingest.pipeline import drafts_from_path, store_drafts, unexpected

        worker = get_current_worker()
        conn = open_store(self.db_path)
        drafts = []
        for path in paths:
            try:
                drafts.extend(drafts_from_path(path, **options))
            except Exception as exc:  # one bad file stops no other
                text = str(exc) if isinstance(exc, IngestError) else unexpected(str(path), exc)
                self.call_from_thread(self.notify, text, severity="error", markup=False)
        total = len(drafts)
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
            # Stored first (readable at once); the analysis follows in another process.
            store_drafts(conn, drafts, on_article=on_article)
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

    @work(thread=True, exclusive=True, group="refresh", name="refresh", exit_on_error=False)
    def refresh_feeds(self, total: int) -> tuple[int, list[str]]:
        """Refresh feeds in a thread (the network runs concurrently inside refresh_all);
        new items are stored only: the analysis follows in another process."""
        from ingest.refresh import refresh_all

        worker = get_current_worker()
        self.call_from_thread(self._progress, f"Refreshing {counted(total, 'feed')}…", 0, total)
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
            on_progress=on_progress,
            is_cancelled=(lambda: bool(worker and worker.is_cancelled)),
        )
        errors = [f"{f.url}: {f.error}" for f in report.errors]
        return report.added, errors

    def start_analysis(self) -> None:
        """Run the analysis queue (`newsreader analyse`) in a process of its own, unless
        one runs already (then it runs once more when that one ends, for what was stored
        meanwhile). spaCy never loads in the reader's process."""
        if not self.analyse:
            return
        if self._analysis is not None and self._analysis.is_running:
            self._analyse_again = True
            return
        from store.queue import pending_count

        if not pending_count(self.conn) and not self.reanalyse:
            return
        self._analyse_again = False
        self._analysis = self.analyse_articles()

    def analysis_argv(self) -> list[str]:
        """The `newsreader analyse` arguments of the next run: everything again once when
        the store was analysed by other code (:attr:`reanalyse`), else the queue."""
        if self.reanalyse:
            self.reanalyse = False
            return ["analyse", "--all", "--json-progress"]
        return ["analyse", "--json-progress"]

    @work(thread=True, group="analyse", name="analyse")
    def analyse_articles(self) -> list[str]:
        """Read the analysing process's progress (one JSON line per article): show
        "Analysing 340 / 1,000" and redraw the open article when its analysis lands.
        Returns the lines it wrote about articles it could not analyse."""
        import json
        import subprocess
        import sys
        import tempfile

        import tui

        root = str(Path(tui.__file__).resolve().parent.parent)
        path = os.environ.get("PYTHONPATH")
        env = {**os.environ, "PYTHONPATH": root + (os.pathsep + path if path else "")}
        argv = [sys.executable, "-m", "tui.cli", "--db", str(self.db_path)]
        argv += self.analysis_argv()
        worker = get_current_worker()
        with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                env=env,
            )
            self._analysis_proc = proc
            assert proc.stdout is not None
            self.call_from_thread(self._progress, "Analysing…", 0, None)
            try:
                for line in proc.stdout:
                    if worker.is_cancelled:
                        break
                    try:
                        step = json.loads(line)
                    except ValueError:
                        continue
                    done, total = int(step.get("done", 0)), int(step.get("total", 0))
                    if total:
                        doing = (
                            "Checking stories" if step.get("phase") == "stories" else "Analysing"
                        )
                        label = f"{doing} {done:,} / {total:,}"
                        self.call_from_thread(self._progress, label, done, total)
                    if step.get("id") is not None:
                        self.call_from_thread(self._analysed, int(step["id"]))
            finally:
                if proc.poll() is None:
                    proc.terminate()
                proc.wait()
                self._analysis_proc = None
            errors.seek(0)
            return [ln.strip() for ln in errors if ln.strip()]

    def _analysed(self, article_id: int) -> None:
        """One article's analysis landed: redraw it where it is open."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                art = screen.reader.article
                if art is not None and art.get("id") == article_id:
                    screen.reload_open_article()

    def on_unmount(self) -> None:
        proc = self._analysis_proc
        if proc is not None and proc.poll() is None:
            proc.terminate()  # kill-safe: the next start finishes the queue

    def _progress(self, label: str, done: int, total: int | None) -> None:
        if isinstance(self.screen, MainScreen):
            self.screen.show_progress(label, done, total)

    def _refresh_list(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.refresh_list()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """One place turns worker endings into what the reader sees."""
        from ingest.normalise import clean_terminal

        worker = event.worker
        if worker.group == "analyse":
            self._analysis_ended(event)
            return
        if worker.group not in ("import", "refresh"):
            return
        if event.state == WorkerState.SUCCESS:
            self.start_analysis()
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
                self.notify(clean_terminal(line), severity="warning", timeout=8, markup=False)
            if len(errors) > 5:
                self.notify(
                    f"…and {len(errors) - 5} more feeds failed (newsreader feed list).",
                    severity="warning",
                    timeout=8,
                )
        elif event.state == WorkerState.ERROR:
            what = "Import" if worker.group == "import" else "Refresh"
            error = worker.error
            why = (error and write_failure(error)) or f"{type(error).__name__}: {error}"
            self.notify(clean_terminal(f"{what} failed: {why}"), severity="error", markup=False)

    def _analysis_ended(self, event: Worker.StateChanged) -> None:
        from ingest.normalise import clean_terminal

        if event.state not in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            return
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.hide_progress()
                screen.reload_open_article()  # its story and events may have grown
        self._refresh_list()
        if event.state == WorkerState.SUCCESS:
            failed: list[str] = event.worker.result or []  # type: ignore[assignment]
            for line in failed[:5]:
                self.notify(line, severity="warning", timeout=8, markup=False)
        elif event.state == WorkerState.ERROR:
            self.notify(
                clean_terminal(f"Analysis failed: {event.worker.error}"),
                severity="error",
                markup=False,
            )
        if self._analyse_again:
            self.start_analysis()


def make_app(
    db_path: str | os.PathLike[str],
    *,
    import_paths: Sequence[str | os.PathLike[str]] = (),
    analyse: bool = True,
    import_options: dict[str, object] | None = None,
    reanalyse: bool = False,
) -> NewsReaderApp:
    """The one way to build the app (CLI, tests, screenshots)."""
    return NewsReaderApp(
        db_path,
        import_paths=import_paths,
        analyse=analyse,
        import_options=import_options,
        reanalyse=reanalyse,
    )
