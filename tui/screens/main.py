"""The main screen: article list | reader | side panel. It coordinates: the list posts
messages up, the screen sets the reader's and the panel's article down."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, ProgressBar

from store import writes
from store.queries import get_article
from tui.widgets.article_list import ArticleList, ArticleSource
from tui.widgets.reader import ReaderView
from tui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from tui.app import NewsReaderApp


class MainScreen(Screen[None]):
    """Three panes over the store."""

    BINDINGS = [
        Binding("tab", "cycle_pane(1)", "Next pane", id="main.next_pane"),
        Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False, id="main.prev_pane"),
        Binding("1", "focus_pane('article-list')", "List", show=False, id="main.focus_list"),
        Binding("2", "focus_pane('reader')", "Reader", show=False, id="main.focus_reader"),
        Binding("3", "focus_pane('side-panel')", "Panel", show=False, id="main.focus_panel"),
    ]

    PANES = ("article-list", "reader", "side-panel")

    app: NewsReaderApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            yield ArticleList(ArticleSource(self.app.conn), id="article-list")
            yield ReaderView(id="reader")
            yield SidePanel(id="side-panel")
        with Horizontal(id="progress-bar"):
            yield Label("", id="progress-label")
            yield ProgressBar(id="progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#progress-bar").display = False
        self.query_one(ArticleList).focus()
        self.update_title()

    def update_title(self) -> None:
        source = self.query_one(ArticleList).source
        self.title = "newsreader"
        self.sub_title = f"{source.count} articles · {self.app.db_label}"

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    # Messages up, attributes down ---------------------------------------------------------

    @on(ArticleList.Selected)
    def open_article(self, message: ArticleList.Selected) -> None:
        article = get_article(self.app.conn, message.article_id)
        if article is None:
            self.notify("That article is no longer in the store.", severity="warning")
            return
        if article.get("read_at") is None:
            writes.mark_read(self.app.conn, article["id"])
            self.article_list.mark(article["id"], unread=False)
        self.query_one(ReaderView).article = article
        self.query_one(SidePanel).article = article

    # Actions ------------------------------------------------------------------------------

    def action_cycle_pane(self, step: int) -> None:
        focused = self.focused
        current = 0
        for i, pane_id in enumerate(self.PANES):
            pane = self.query_one(f"#{pane_id}")
            if focused is not None and (focused is pane or pane in focused.ancestors):
                current = i
                break
        self.action_focus_pane(self.PANES[(current + step) % len(self.PANES)])

    def action_focus_pane(self, pane_id: str) -> None:
        pane = self.query_one(f"#{pane_id}")
        if pane.can_focus:
            pane.focus()
        else:
            for child in pane.query("*"):
                if child.can_focus:
                    child.focus()
                    break

    # Progress of the app's workers ----------------------------------------------------------

    def show_progress(self, label: str, done: int, total: int | None) -> None:
        bar = self.query_one("#progress-bar")
        bar.display = True
        self.query_one("#progress-label", Label).update(label)
        self.query_one("#progress", ProgressBar).update(total=total, progress=done)

    def hide_progress(self) -> None:
        self.query_one("#progress-bar").display = False

    def refresh_list(self) -> None:
        lst = self.article_list
        current = lst.current
        lst.reload(keep=current.id if current else None)
        self.update_title()
