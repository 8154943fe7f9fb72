"""The main screen: article list | reader | side panel. It coordinates: widgets post
messages up, the screen writes to the store and sets the widgets' attributes down."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from store.queries import ArticleFilter, all_tags, article_tags, count_articles, get_article
from tui.guard import FAILED, store_write
from tui.widgets.article_list import ArticleList, ArticleSource, safe
from tui.widgets.reader import ReaderView
from tui.widgets.side_panel import SidePanel
from tui.words import counted

if TYPE_CHECKING:
    import webbrowser

    from tui.app import NewsReaderApp
    from tui.screens.detail import OpenArticle, OpenOther
    from tui.screens.modals import TagEdit

# The detail screens and the dialogs (tui.screens.detail, tui.screens.modals) are imported
# where they are opened: they pull in the linking code and TextArea, and the first screen
# needs neither (cold start). So are store.writes and store.stories (hashlib, datetime,
# unicodedata: nothing is written before the reader acts) and the progress bar.

#: Actions that need an article (greyed out in the footer and palette without one).
NEEDS_ARTICLE = {"open_event", "tag", "annotate", "toggle_read", "toggle_star", "open_url", "story"}
#: Below this width one pane is shown at a time (the focused one), as in newsboat.
NARROW = 100
#: From this width on the side panel is shown beside the list and reader (below it, the
#: panel waits behind `p`, so the list keeps its titles and the reader its lines).
WIDE = 140
SORTS = [
    ("date", True, "newest first"),
    ("date", False, "oldest first"),
    ("outlet", False, "by outlet"),
]


def is_console_browser(browser: webbrowser.BaseBrowser) -> bool:
    """w3m, lynx, links, www-browser, or whatever BROWSER names: run in the terminal
    (GUI browsers are started in the background)."""
    import webbrowser

    if isinstance(browser, webbrowser.BackgroundBrowser):
        return False
    if isinstance(browser, webbrowser.UnixBrowser):
        return not browser.background
    return type(browser) is webbrowser.GenericBrowser


class MainScreen(Screen[None]):
    """Three panes over the store."""

    BINDINGS = [
        Binding("tab", "cycle_pane(1)", "Next pane", id="main.next_pane"),
        Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False, id="main.prev_pane"),
        Binding(
            "1", "focus_pane('article-list')", "Focus the list", show=False, id="main.focus_list"
        ),
        Binding(
            "2", "focus_pane('reader')", "Focus the reader", show=False, id="main.focus_reader"
        ),
        Binding(
            "3",
            "focus_pane('side-panel')",
            "Focus the side panel",
            show=False,
            id="main.focus_panel",
        ),
        Binding("slash", "search", "Search", id="main.search"),
        Binding("c", "story", "Story", id="main.story"),
        Binding("E", "open_event", "Event", show=False, id="main.event"),
        Binding("t", "tag", "Tag", id="main.tag"),
        Binding("a", "annotate", "Note", id="main.annotate"),
        Binding("m", "toggle_read", "Read/unread", show=False, id="main.toggle_read"),
        Binding("s", "toggle_star", "Star", show=False, id="main.toggle_star"),
        Binding("o", "open_url", "Open in browser", show=False, id="main.open_url"),
        Binding("S", "cycle_sort", "Sort", show=False, id="main.sort"),
        Binding("T", "filter_tag", "Filter by tag", show=False, id="main.filter_tag"),
        Binding("u", "toggle_unread_only", "Unread only", show=False, id="main.unread_only"),
        Binding("C", "toggle_one_per_story", "One per story", show=False, id="main.one_per_story"),
        Binding("escape", "back", "Back / clear filter", show=False, id="main.clear_filter"),
        Binding("p", "toggle_panel", "Side panel", id="main.panel"),
        Binding(
            "right_square_bracket", "open_next_unread", "Open next unread", id="main.next_unread"
        ),
        Binding("U", "undo_correction", "Undo last correction", show=False, id="main.undo"),
        Binding("F", "feeds", "Feeds", show=False, id="main.feeds"),
        Binding("A", "mark_all_read", "Mark all read", show=False, id="main.mark_all_read"),
        Binding("H", "labels", "Highlight types", show=False, id="main.labels"),
        Binding("i", "import", "Import files", show=False, id="main.import"),
    ]

    PANES = ("article-list", "reader", "side-panel")

    app: NewsReaderApp  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.sort_index = 0
        #: Shown in the header while the list is filtered.
        self.filter_label = ""

    def compose(self) -> ComposeResult:
        # The first frame is the list (cold start, issue 18): the header (its four
        # widgets, their styles and its module are a sixth of the work before that frame)
        # is mounted right after it, in place of a bar of its colour that holds its line,
        # so nothing moves. The progress line is mounted when there is progress to show
        # (show_progress).
        yield Widget(id="header-slot")
        with Horizontal(id="panes"):
            yield ArticleList(ArticleSource(self.app.conn), id="article-list")
            yield ReaderView(id="reader")
            yield SidePanel(id="side-panel")
        yield Footer()

    def on_mount(self) -> None:
        self.article_list.focus()
        # The unread count (~4 ms at 100k articles) is shown by the header: it is
        # counted when the header comes, after the first frame.
        self.update_title(unread=False)
        self.apply_layout()
        self.call_after_refresh(self._mount_header)

    async def _mount_header(self) -> None:
        from tui.widgets.header import StoreHeader

        if not self.is_attached:
            return
        self.update_title()
        # One update: no frame with neither the bar nor the header.
        with self.app.batch_update():
            await self.query_one("#header-slot").remove()
            await self.mount(StoreHeader(), before=0)

    # Layout -----------------------------------------------------------------------------

    #: The reader's choice of side panel (`p`); None: by the width (shown when wide).
    panel_wanted: bool | None = None

    @property
    def layout_mode(self) -> str:
        """ "narrow" (one pane at a time), "medium" (list | reader) or "wide" (all three)."""
        width = self.size.width
        return "narrow" if width < NARROW else "medium" if width < WIDE else "wide"

    def pane_of(self, widget: object) -> str | None:
        """The id of the pane holding ``widget`` (or None)."""
        for pane_id in self.PANES:
            pane = self.query_one(f"#{pane_id}")
            if widget is pane or (hasattr(widget, "ancestors") and pane in widget.ancestors):  # type: ignore[attr-defined]
                return pane_id
        return None

    def apply_layout(self) -> None:
        """Show the panes the width allows: when narrow, only the focused pane (the list
        until an article is opened); otherwise list and reader, and the side panel when
        wide or asked for with `p` (or focused)."""
        if not self.is_mounted:
            return
        mode = self.layout_mode
        self.set_class(mode == "narrow", "-narrow")
        active = self.pane_of(self.focused) or "article-list"
        panel_on = self.panel_wanted if self.panel_wanted is not None else mode == "wide"
        for pane_id in self.PANES:
            pane = self.query_one(f"#{pane_id}")
            if mode == "narrow":
                pane.display = pane_id == active
            elif pane_id == "side-panel":
                pane.display = panel_on or active == pane_id
            else:
                pane.display = True

    def on_resize(self) -> None:
        self.apply_layout()

    def on_descendant_focus(self) -> None:
        self.apply_layout()

    def action_toggle_panel(self) -> None:
        """Show or hide the side panel (events, entities, notes). When the screen is narrow
        it takes the screen; `p` or Esc brings back the reader."""
        panel = self.panel
        in_panel = self.pane_of(self.focused) == "side-panel"
        if self.layout_mode == "narrow":
            if in_panel:
                self.action_focus_pane("reader" if self.reader.article else "article-list")
            else:
                self.action_focus_pane("side-panel")
            return
        shown = panel.display
        self.panel_wanted = not shown
        if shown and in_panel:
            self.action_focus_pane("reader" if self.reader.article else "article-list")
        self.apply_layout()

    def pane_bindings(self) -> list[tuple[str, str, Binding]]:
        """The keys of the panes that do not have the cursor: (pane id, where, binding),
        for the command palette."""
        here = self.pane_of(self.focused)
        out: list[tuple[str, str, Binding]] = []
        for pane_id, where in (
            ("article-list", "in the list"),
            ("reader", "in the reader"),
            ("side-panel", "in the side panel"),
        ):
            if pane_id == here:
                continue
            pane = self.query_one(f"#{pane_id}")
            for binding in type(pane).__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.description:
                    out.append((pane_id, where, binding))
        return out

    async def run_in_pane(self, pane_id: str, action: str) -> None:
        """Run a pane's key from the palette: the cursor moves into the pane first."""
        self.action_focus_pane(pane_id)
        await self.app.run_action(action, self.query_one(f"#{pane_id}"))

    def action_back(self) -> None:
        """Esc: from the reader or the side panel back to the list; in the list, clear the
        filter."""
        if self.pane_of(self.focused) != "article-list":
            if self.pane_of(self.focused) == "side-panel" and self.reader.article is not None:
                self.action_focus_pane("reader")
            else:
                self.action_focus_pane("article-list")
            return
        self.action_clear_filter()

    # Convenience ------------------------------------------------------------------------

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> ReaderView:
        return self.query_one(ReaderView)

    @property
    def panel(self) -> SidePanel:
        return self.query_one(SidePanel)

    def update_title(self, *, unread: bool = True) -> None:
        """The header's line: articles in the list, how many unread (unless ``unread`` is
        False), the filter, the store."""
        source = self.article_list.source
        self.title = "newsreader"
        flt = f" · {self.filter_label}" if self.filter_label else ""
        parts = [counted(source.count, "article")]
        if unread:
            n = count_articles(self.app.conn, replace(source.filter, unread=True))
            parts.append(f"{n} unread")
        self.sub_title = " · ".join(parts) + f"{flt} · {self.app.db_label}"

    def target_article_id(self) -> int | None:
        """The article a key acts on: the list's cursor row when the list has focus, else
        the open article."""
        if self.focused is self.article_list or self.reader.article is None:
            row = self.article_list.current
            return row.id if row else None
        return int(self.reader.article["id"])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in NEEDS_ARTICLE and self.is_mounted:
            if action in ("annotate", "open_event"):
                return True if self.reader.article is not None else None
            return True if self.target_article_id() is not None else None
        return True

    # Opening articles -----------------------------------------------------------------

    def load_article(self, article_id: int) -> dict[str, Any] | None:
        """The article with what the reader and the panel draw, its story included (a
        bounded, indexed read: cheap on the UI thread whatever the story's size)."""
        from store.stories import story_brief

        article = get_article(self.app.conn, article_id)
        if article is not None:
            article["story"] = story_brief(self.app.conn, article_id)
        return article

    def show_article(
        self,
        article_id: int,
        *,
        offset: int | None = None,
        terms: tuple[str, ...] = (),
        event_mention: dict[str, Any] | None = None,
    ) -> None:
        from store import writes

        article = self.load_article(article_id)
        if article is None:
            self.notify("That article is no longer in the store.", severity="warning")
            return
        if article.get("read_at") is None and (
            store_write(self, writes.mark_read, self.app.conn, article_id) is not FAILED
        ):
            article["read_at"] = "now"
            self.article_list.mark(article_id, unread=False)
            self.update_title()  # the unread count
        reader = self.reader
        reader.article = article
        reader.search_terms = terms
        self.panel.article = article
        if event_mention is not None:
            reader.event_mention = event_mention
        elif offset is not None:
            reader.go_to_offset(offset, center=True)

    def reload_open_article(self) -> None:
        art = self.reader.article
        if art is None:
            return
        fresh = self.load_article(art["id"])
        if fresh is not None:
            top = self.reader.scroll_offset.y
            para = self.reader.paragraph
            self.reader.article = fresh
            self.panel.article = fresh
            self.reader.paragraph = para
            self.reader.scroll_to(y=top, animate=False)

    @on(ArticleList.Selected)
    def _open_from_list(self, message: ArticleList.Selected) -> None:
        """Enter opens the article and moves the cursor into it, so `n` works at once."""
        self.show_article(message.article_id)
        if self.reader.article is not None:
            self.reader.focus()

    def _after_detail(self, result: OpenArticle | OpenOther | None) -> None:
        from tui.screens.detail import OpenArticle, OpenOther

        if isinstance(result, OpenArticle):
            self.show_article(
                result.article_id,
                offset=result.offset,
                terms=result.terms,
                event_mention=result.event_mention,
            )
            self.reader.focus()
        elif isinstance(result, OpenOther):
            self.open_detail(result.kind, result.ident)

    def open_detail(self, kind: str, ident: int, *, article_id: int | None = None) -> None:
        if kind == "story":
            self.open_story(ident, article_id=article_id)
            return
        from tui.screens.detail import EntityScreen, EventScreen

        screen = EntityScreen(ident) if kind == "entity" else EventScreen(ident)

        def back(result: OpenArticle | OpenOther | None) -> None:
            if isinstance(screen, EventScreen) and screen.changed:
                # A link correction renames and recounts events: the panel re-reads them.
                self.reload_open_article()
            self._after_detail(result)

        self.app.push_screen(screen, back)

    def open_story(self, story_id: int, *, article_id: int | None = None) -> None:
        """The story screen; when the reader corrected the story there, the list's story
        counts and the open article's panel are re-read on the way back."""
        from tui.screens.detail import StoryScreen

        screen = StoryScreen(story_id, article_id=article_id)

        def back(result: OpenArticle | OpenOther | None) -> None:
            if screen.changed:
                self.refresh_list()
                self.reload_open_article()
            self._after_detail(result)

        self.app.push_screen(screen, back)

    # Side panel and reader messages ---------------------------------------------------

    @on(SidePanel.EventHighlighted)
    def _event_highlighted(self, message: SidePanel.EventHighlighted) -> None:
        self.reader.event_mention = message.mention

    @on(SidePanel.StoryOpened)
    def _story_opened(self, message: SidePanel.StoryOpened) -> None:
        art = self.reader.article
        self.open_story(message.story_id, article_id=int(art["id"]) if art else None)

    @on(SidePanel.ArticleOpened)
    def _story_article_opened(self, message: SidePanel.ArticleOpened) -> None:
        self.show_article(message.article_id)
        self.reader.focus()

    @on(SidePanel.EventOpened)
    def _event_opened(self, message: SidePanel.EventOpened) -> None:
        self.open_detail("event", message.event_id)

    @on(SidePanel.EntityOpened)
    @on(ReaderView.EntityOpened)
    def _entity_opened(self, message: SidePanel.EntityOpened | ReaderView.EntityOpened) -> None:
        self.open_detail("entity", message.entity_id)

    @on(SidePanel.EntityFilter)
    def _entity_filter(self, message: SidePanel.EntityFilter) -> None:
        self.apply_filter(
            replace(self.article_list.source.filter, entity_id=message.entity_id),
            f"mentions {safe(message.name)}",
        )

    @on(SidePanel.NoteOpened)
    def _note_opened(self, message: SidePanel.NoteOpened) -> None:
        if message.note.get("start") is not None:
            self.reader.go_to_offset(int(message.note["start"]), center=True)
            self.reader.focus()

    @on(SidePanel.NoteEdit)
    def _note_edit(self, message: SidePanel.NoteEdit) -> None:
        from store import writes
        from tui.screens.modals import ConfirmScreen, NoteEditor

        note = message.note
        if message.delete:

            def confirmed(yes: bool | None) -> None:
                if yes:
                    if (
                        store_write(self, writes.delete_annotation, self.app.conn, int(note["id"]))
                        is FAILED
                    ):
                        return
                    self.notify("Note deleted.", timeout=2)
                    self.reload_open_article()

            self.app.push_screen(ConfirmScreen("Delete this note?"), confirmed)
            return

        def saved(text: str | None) -> None:
            if text is not None:
                if (
                    store_write(
                        self, writes.update_annotation, self.app.conn, int(note["id"]), text
                    )
                    is FAILED
                ):
                    return
                self.notify("Note saved.", timeout=2)
                self.reload_open_article()

        self.app.push_screen(NoteEditor(note.get("quote") or "", note.get("note") or ""), saved)

    # Actions --------------------------------------------------------------------------

    def action_cycle_pane(self, step: int) -> None:
        focused = self.focused
        current = 0
        for i, pane_id in enumerate(self.PANES):
            pane = self.query_one(f"#{pane_id}")
            if focused is not None and (focused is pane or pane in focused.ancestors):
                current = i
                break
        panes = list(self.PANES)
        if self.layout_mode != "narrow" and not self.panel.display:
            panes.remove("side-panel")  # hidden behind `p`: Tab skips it
            current = min(current, len(panes) - 1)
        self.action_focus_pane(panes[(current + step) % len(panes)])

    def action_focus_pane(self, pane_id: str) -> None:
        pane = self.query_one(f"#{pane_id}")
        if pane.can_focus:
            pane.focus()
            return
        # The side panel: focus the list of the active tab.
        if isinstance(pane, SidePanel):
            pane.focus_list()

    def action_story(self) -> None:
        """Open the story of the list's highlighted article (or of the open one)."""
        article_id = self.target_article_id()
        if article_id is None:
            return
        from store.stories import story_of

        story_id = story_of(self.app.conn, article_id)
        if story_id is None:
            self.notify(
                "This article has no story yet: stories are formed when articles are analysed.",
                timeout=3,
            )
            return
        self.open_story(story_id, article_id=article_id)

    def action_open_event(self) -> None:
        """E: the linked event marked in the reader (chosen in the Events tab), else the
        open article's most salient one."""
        art = self.reader.article
        if art is None:
            return
        em = self.reader.event_mention
        if em is None or em.get("event_id") is None:
            em = next((m for m in art.get("event_mentions", []) if m.get("event_id")), None)
        if em is None:
            self.notify("This article has no linked events yet.", timeout=2)
            return
        self.open_detail("event", int(em["event_id"]))

    def action_search(self) -> None:
        from tui.screens.detail import SearchScreen

        self.app.push_screen(SearchScreen(), self._after_detail)

    def action_tag(self) -> None:
        from store import writes

        article_id = self.target_article_id()
        if article_id is None:
            return
        art = get_article(self.app.conn, article_id)
        if art is None:
            return

        def done(edit: TagEdit | None) -> None:
            if edit is None:
                return
            added = store_write(self, writes.add_tags, self.app.conn, article_id, edit.add)
            if added is FAILED:
                return
            for name in edit.remove:
                if store_write(self, writes.remove_tag, self.app.conn, article_id, name) is FAILED:
                    return
            tags = article_tags(self.app.conn, article_id)
            self.article_list.mark(article_id, tags=tags)
            if self.reader.article and self.reader.article["id"] == article_id:
                self.reload_open_article()
            said = ", ".join(f"#{t}" for t in added)
            self.notify(f"Tagged {said}" if added else "Tags updated.", timeout=2, markup=False)

        from tui.screens.modals import TagScreen

        known = [name for name, _ in all_tags(self.app.conn)]
        self.app.push_screen(TagScreen(art.get("title") or "", art["tags"], known), done)

    def action_annotate(self) -> None:
        art = self.reader.article
        span = self.reader.note_span
        if art is None or span is None:
            self.notify("Open an article first.", timeout=2)
            return
        start, end = span
        article_id = int(art["id"])
        from store import writes

        def saved(text: str | None) -> None:
            if text is None:
                return
            if (
                store_write(
                    self, writes.add_annotation, self.app.conn, article_id, start, end, text
                )
                is FAILED
            ):
                return
            self.notify("Note saved.", timeout=2)
            self.reload_open_article()

        from tui.screens.modals import NoteEditor

        self.app.push_screen(NoteEditor(art["body"][start:end]), saved)

    def action_undo_correction(self) -> None:
        """U: take back the last link or story correction; the list and panel follow."""
        if self.app.undo_last_correction():
            self.refresh_list()
            self.reload_open_article()

    def action_feeds(self) -> None:
        """F: the feeds view; Enter there shows one feed's articles here."""
        from tui.screens.feeds import FeedsScreen

        def back(source_id: int | None) -> None:
            if source_id is None:
                self.refresh_list()  # a feed refreshed there may have added articles
                return
            from store.sources import get_source

            src = get_source(self.app.conn, source_id)
            name = safe((src.title or src.url) if src else str(source_id))
            self.apply_filter(
                replace(self.article_list.source.filter, source_id=source_id), f"feed {name}"
            )
            self.article_list.focus()

        self.app.push_screen(FeedsScreen(), back)

    def action_open_next_unread(self) -> None:
        """]: open the next unread article below the list's cursor (from any pane)."""
        lst = self.article_list
        index = lst.next_unread(lst.cursor)
        if index is None:
            self.notify("No unread articles in this list.", timeout=2)
            return
        lst.cursor = index
        row = lst.current
        if row is not None:
            self.show_article(row.id)
            self.reader.focus()

    def action_mark_all_read(self) -> None:
        """A: mark every article of the list (as filtered) read, after asking."""
        from store import writes

        flt = self.article_list.source.filter
        unread = count_articles(self.app.conn, replace(flt, unread=True))
        if not unread:
            self.notify("Nothing unread in this list.", timeout=2)
            return
        where = f" ({self.filter_label})" if self.filter_label else ""

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            done = store_write(self, writes.mark_all_read, self.app.conn, flt)
            if done is FAILED:
                return
            self.refresh_list()
            self.notify(f"Marked {counted(done, 'article')} read.", timeout=2)

        question = f"Mark {counted(unread, 'unread article')} in this list{where} read?"
        from tui.screens.modals import ConfirmScreen

        self.app.push_screen(ConfirmScreen(question), confirmed)

    def action_toggle_read(self) -> None:
        from store import writes

        article_id = self.target_article_id()
        if article_id is None:
            return
        row = self.app.conn.execute(
            "SELECT read_at FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        now_unread = row is not None and row[0] is not None
        if (
            store_write(self, writes.mark_read, self.app.conn, article_id, read=not now_unread)
            is FAILED
        ):
            return
        self.article_list.mark(article_id, unread=now_unread)
        self.update_title()
        self.notify("Marked unread." if now_unread else "Marked read.", timeout=1.5)

    def action_toggle_star(self) -> None:
        from store import writes

        article_id = self.target_article_id()
        if article_id is None:
            return
        row = self.app.conn.execute(
            "SELECT starred FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        starred = not (row and row[0])
        if store_write(self, writes.set_starred, self.app.conn, article_id, starred) is FAILED:
            return
        self.article_list.mark(article_id, starred=starred)
        self.notify("Starred." if starred else "Unstarred.", timeout=1.5)

    def action_open_url(self) -> None:
        article_id = self.target_article_id()
        row = self.app.conn.execute(
            "SELECT url FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        url = row[0] if row else None
        if not url or not str(url).startswith(("http://", "https://")):
            self.notify("This article has no web address.", timeout=2)
            return
        import webbrowser

        try:
            browser = webbrowser.get()
        except webbrowser.Error:
            browser = None
        if browser is None or is_console_browser(browser):
            self.open_in_console(browser, str(url))
            return
        browser.open(url)
        self.notify(f"Opening {safe(url)}", timeout=2, markup=False)

    def open_in_console(self, browser: webbrowser.BaseBrowser | None, url: str) -> None:
        """A terminal browser (w3m, lynx) must not draw over the app: the app steps aside
        while it runs; where it cannot (or there is no browser at all), the address goes
        to the clipboard instead, and the reader is told."""
        from textual.app import SuspendNotSupported

        if browser is not None:
            try:
                with self.app.suspend():
                    browser.open(url)
                return
            except SuspendNotSupported:
                pass
        self.app.copy_to_clipboard(url)
        self.notify(f"No browser to open it here: copied {safe(url)}", timeout=4, markup=False)

    def apply_filter(self, flt: ArticleFilter, label: str) -> None:
        self.filter_label = label
        current = self.article_list.current
        self.article_list.reload(flt, keep=current.id if current else None)
        self.update_title()

    def action_cycle_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SORTS)
        sort, desc, label = SORTS[self.sort_index]
        flt = replace(self.article_list.source.filter, sort=sort, descending=desc)
        self.apply_filter(flt, self.filter_label)
        self.notify(f"Sorted {label}.", timeout=1.5)

    def action_filter_tag(self) -> None:
        from tui.screens.modals import DeleteTag, TagFilterScreen

        def chosen(tag: str | DeleteTag | None) -> None:
            if tag is None:
                return
            if isinstance(tag, DeleteTag):
                self._delete_tag(tag.name)
                return
            flt = replace(self.article_list.source.filter, tag=tag or None)
            self.apply_filter(flt, f"#{safe(tag)}" if tag else "")

        self.app.push_screen(TagFilterScreen(all_tags(self.app.conn)), chosen)

    def _delete_tag(self, name: str) -> None:
        """Take a tag off every article, after asking (the articles stay)."""
        from store import writes

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            n = store_write(self, writes.delete_tag, self.app.conn, name)
            if n is FAILED:
                return
            if self.article_list.source.filter.tag == name:
                self.apply_filter(replace(self.article_list.source.filter, tag=None), "")
            else:
                self.refresh_list()
            self.reload_open_article()
            self.notify(f"#{name} removed from {counted(n, 'article')}.", timeout=3, markup=False)

        n = dict(all_tags(self.app.conn)).get(name, 0)
        question = f"Remove #{name} from {counted(n, 'article')}? The articles stay."
        from tui.screens.modals import ConfirmScreen

        self.app.push_screen(ConfirmScreen(question), confirmed)

    def action_toggle_unread_only(self) -> None:
        flt = self.article_list.source.filter
        self.apply_filter(replace(flt, unread=not flt.unread), "" if flt.unread else "unread")

    def action_toggle_one_per_story(self) -> None:
        """Collapse the list to one row per story (its newest article; +N says how many
        more tell it), or expand it again."""
        flt = self.article_list.source.filter
        on = not flt.one_per_story
        self.apply_filter(replace(flt, one_per_story=on), "one per story" if on else "")

    def action_clear_filter(self) -> None:
        flt = self.article_list.source.filter
        cleared = ArticleFilter(sort=flt.sort, descending=flt.descending)
        if flt != cleared:
            self.apply_filter(cleared, "")

    def action_labels(self) -> None:
        def chosen(labels: frozenset[str] | None) -> None:
            if labels is not None:
                self.reader.labels = labels

        from tui.screens.modals import LabelsScreen

        self.app.push_screen(LabelsScreen(self.reader.labels), chosen)

    def action_import(self) -> None:
        def chosen(text: str | None) -> None:
            if text:
                import shlex
                from pathlib import Path

                paths = [Path(p).expanduser() for p in shlex.split(text)]
                self.app.import_files(paths)

        from tui.screens.modals import PathScreen

        self.app.push_screen(PathScreen(), chosen)

    # Progress of the app's workers ------------------------------------------------------

    def show_progress(self, label: str, done: int, total: int | None) -> None:
        from textual.widgets import Label, ProgressBar

        bars = self.query("#progress-bar")
        if bars:
            bar = bars.first()
            text = bar.query_one("#progress-label", Label)
            progress = bar.query_one("#progress", ProgressBar)
        else:  # the first progress to show: the line comes below the panes
            text = Label("", id="progress-label")
            progress = ProgressBar(id="progress", show_eta=False)
            bar = Horizontal(text, progress, id="progress-bar")
            self.mount(bar, after="#panes")
        bar.display = True
        text.update(Text(label))
        progress.update(total=total, progress=done)

    def hide_progress(self) -> None:
        for bar in self.query("#progress-bar"):
            bar.display = False

    def refresh_list(self) -> None:
        lst = self.article_list
        current = lst.current
        lst.reload(keep=current.id if current else None)
        self.update_title()
