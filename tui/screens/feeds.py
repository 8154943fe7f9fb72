"""The feeds view (F): every subscribed feed with its unread count, when it was last
refreshed and what went wrong then. Enter shows the feed's articles in the list; r
refreshes the highlighted feed in a worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ingest.normalise import clean_terminal
from store import sources as store_sources
from tui.widgets.article_list import safe
from tui.widgets.header import StoreHeader
from tui.widgets.lists import CursorList
from tui.words import counted

if TYPE_CHECKING:
    from ingest.refresh import RefreshReport
    from store.sources import Source
    from tui.app import NewsReaderApp


def feed_prompt(src: Source, unread: int) -> Text:
    """Title (or URL), counts, last refresh and last error: text from the feed is never
    markup."""
    text = Text(safe(src.title or src.url), style="bold" if unread else "")
    text.append(f"   {unread} unread · {counted(src.article_count, 'article')}", style="dim")
    when = (src.last_fetched_at or "")[:16].replace("T", " ")
    text.append(f"\n  {safe(src.url)}", style="dim italic")
    text.append(f"\n  last refresh: {when or 'never'}", style="dim")
    if src.last_error:
        text.append(f"\n  last error: {safe(src.last_error)[:200]}", style="red")
    return text


class FeedsScreen(Screen[int | None]):
    """The subscribed feeds. Dismisses with a source id to show its articles, or None."""

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="feeds.back"),
        Binding("r", "refresh_feed", "Refresh this feed", id="feeds.refresh"),
    ]

    app: NewsReaderApp  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.sources: dict[str, Source] = {}

    def compose(self) -> ComposeResult:
        yield StoreHeader()
        yield Static(id="feeds-head")
        yield CursorList(id="feeds-list")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Feeds"
        self.load()
        self.query_one("#feeds-list").focus()

    def load(self) -> None:
        """Re-read the feeds (a few rows: cheap on the UI thread)."""
        conn = self.app.conn
        feeds = store_sources.list_sources(conn, "feed")
        unread = store_sources.unread_counts(conn)
        lst = self.query_one("#feeds-list", OptionList)
        keep = lst.highlighted
        lst.clear_options()
        self.sources = {str(s.id): s for s in feeds}
        head = self.query_one("#feeds-head", Static)
        if not feeds:
            head.update(
                Text("No feeds yet. Subscribe with:  newsreader feed add URL", style="italic")
            )
            return
        failing = sum(1 for s in feeds if s.last_error)
        summary = counted(len(feeds), "feed")
        if failing:
            summary += f" · {failing} with an error"
        head.update(Text(summary + "   Enter: its articles · r: refresh it", style="dim"))
        options: list[Option | None] = []
        for src in feeds:
            options.append(Option(feed_prompt(src, unread.get(src.id, 0)), id=str(src.id)))
            options.append(None)
        lst.add_options(options[:-1])
        if lst.option_count:
            lst.highlighted = min(keep or 0, lst.option_count - 1)

    def _current(self) -> Source | None:
        lst = self.query_one("#feeds-list", OptionList)
        if lst.highlighted is None or not lst.option_count:
            return None
        return self.sources.get(lst.get_option_at_index(lst.highlighted).id or "")

    @on(OptionList.OptionSelected, "#feeds-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        src = self.sources.get(event.option.id or "")
        if src is not None:
            self.dismiss(src.id)

    def action_refresh_feed(self) -> None:
        src = self._current()
        if src is None:
            return
        self.notify(f"Refreshing {safe(src.title or src.url)}…", timeout=2, markup=False)
        self.refresh_one(src.id)

    @work(
        thread=True, exclusive=True, group="feed-refresh", name="feed-refresh", exit_on_error=False
    )
    def refresh_one(self, source_id: int) -> None:
        """One feed, in a thread on a connection of its own (refresh_all opens it); its
        new items are stored only: the analysis follows in another process."""
        from ingest.refresh import refresh_all

        report = refresh_all(self.app.db_path, source_ids=[source_id])
        self.app.call_from_thread(self._refreshed, report)

    def _refreshed(self, report: RefreshReport) -> None:
        if not self.is_mounted:
            return
        for res in report.feeds:
            name = safe(res.title or res.url)
            if res.error:
                self.notify(
                    clean_terminal(f"{name}: {res.error}"), severity="warning", markup=False
                )
            else:
                self.notify(f"{name}: {counted(res.added, 'new article')}.", markup=False)
        self.load()
        if any(res.added for res in report.feeds):
            self.app.start_analysis()

    def action_close(self) -> None:
        self.dismiss(None)
