"""The article list: a line-API virtual list that draws only the visible rows.

It holds no rows of its own beyond a small page cache; rows come from SQLite a page at a
time through store.queries, so first paint costs the same at 100 or 100,000 articles.
"""

from __future__ import annotations

import re
import sqlite3
from typing import NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.color import Color as TColor
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.queries import ArticleFilter, ArticleRow, count_articles, page_articles

PAGE = 100
#: Rows looked through for the next unread article before giving up.
SCAN_LIMIT = 20_000
EMPTY_LINES = ("", "  No articles yet.", "", "  Import some with", "    newsreader import PATH")


# C0/C1 controls (ESC, BEL...), bidi overrides and isolates, line/paragraph separators.
# Lone surrogates too: a terminal cannot encode them (the app would end on drawing one).
_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
_UNSAFE_NL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def safe(text: str, *, newlines: bool = False) -> str:
    """Control characters (ESC and friends) become spaces, one for one, so offsets into the
    text stay valid. Stored text should have none; the screen never trusts that."""
    return (_UNSAFE if newlines else _UNSAFE_NL).sub(" ", text)


#: The least contrast (WCAG ratio) of the list's text against its background.
MIN_CONTRAST = 4.5


def contrast(a: TColor, b: TColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def lum(c: TColor) -> float:
        def ch(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b)

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


#: Cells before the title: the unread and star markers, a space, the date and a space.
LEAD_WIDTH = 14
#: The title keeps at least this many cells (or all of a shorter title).
MIN_TITLE = 30
#: At most this much of an outlet's name is shown.
OUTLET_WIDTH = 14

#: Cells of the story column (a space, then "+N" right-aligned; just before the outlet).
STORY_WIDTH = 4


def story_cell(count: int) -> str:
    """The story column of a row: "+2" when two other articles tell its story (capped at
    "+99"), blank when none does or it has no story yet, so coverage across outlets shows
    at a glance without costing the titles more than four cells."""
    if count <= 1:
        return " " * STORY_WIDTH
    return f"+{min(count - 1, 99)}".rjust(STORY_WIDTH)


class ArticleSource:
    """Pages of articles for one filter, cached. Reads on the calling thread (a page is
    ~1 ms), so it is only ever used from the UI thread."""

    def __init__(self, conn: sqlite3.Connection, flt: ArticleFilter | None = None) -> None:
        self.conn = conn
        self.filter = flt or ArticleFilter()
        self._pages: dict[int, list[ArticleRow]] = {}
        self.count = count_articles(conn, self.filter)

    def reset(self, flt: ArticleFilter | None = None) -> None:
        if flt is not None:
            self.filter = flt
        self._pages.clear()
        self.count = count_articles(self.conn, self.filter)

    def row(self, index: int) -> ArticleRow | None:
        if not 0 <= index < self.count:
            return None
        page_no, offset = divmod(index, PAGE)
        page = self._pages.get(page_no)
        if page is None:
            prev = self._pages.get(page_no - 1)
            if prev and len(prev) == PAGE:
                # Keyset from the previous page's last row: no OFFSET scan.
                page = page_articles(self.conn, self.filter, after=prev[-1].cursor, limit=PAGE)
            else:
                page = page_articles(self.conn, self.filter, offset=page_no * PAGE, limit=PAGE)
            if len(self._pages) > 64:
                self._pages.pop(next(iter(self._pages)))
            self._pages[page_no] = page
        return page[offset] if offset < len(page) else None

    def index_of(self, article_id: int) -> int | None:
        for page_no, page in self._pages.items():
            for i, row in enumerate(page):
                if row.id == article_id:
                    return page_no * PAGE + i
        return None

    def update_row(self, row_id: int, **changes: object) -> None:
        for page in self._pages.values():
            for row in page:
                if row.id == row_id:
                    for key, value in changes.items():
                        setattr(row, key, value)


class ArticleList(ScrollView, can_focus=True):
    """Newest first; j/k move, Enter opens."""

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--read",
        "article-list--date",
        "article-list--marker",
        "article-list--outlet",
        "article-list--tag",
        "article-list--story",
    }

    DEFAULT_CSS = """
    ArticleList {
        background: $surface;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    /* The cursor's text colour is picked against its background ("auto"), so it reads in
       every theme, light or dark (tests/test_living.py measures the contrast). */
    ArticleList > .article-list--cursor { background: $accent 40%; color: auto 90%; }
    ArticleList:focus > .article-list--cursor {
        background: $block-cursor-background;
        color: auto 90%;
        text-style: bold;
    }
    ArticleList > .article-list--unread { color: $text; text-style: bold; }
    ArticleList > .article-list--read { color: $text-muted; }
    ArticleList > .article-list--marker { color: $text-warning; }
    ArticleList > .article-list--date { color: $text-muted; }
    ArticleList > .article-list--outlet { color: $text-secondary; }
    ArticleList > .article-list--tag { color: $text-success; }
    ArticleList > .article-list--story { color: $text-accent; }
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
        Binding("enter", "open", "Open", id="list.open"),
        Binding("n", "next_unread", "Next unread", id="list.next_unread"),
    ]

    #: Index of the highlighted row.
    cursor: reactive[int] = reactive(0)

    # Plain classes, not dataclasses: ~0.2 ms each at import, on the start path.

    class Highlighted(Message):
        """The cursor moved onto an article."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    class Selected(Message):
        """The reader asked to open an article (Enter or click)."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, source: ArticleSource, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self._styles: dict[tuple[str, str, bool], Style] = {}
        #: The row styles of the frame being drawn (see render_lines).
        self._frame_styles: RowStyles | None = None

    def on_mount(self) -> None:
        self._sync_size()

    def on_resize(self) -> None:
        self._sync_size()

    def _sync_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.source.count)

    def reload(self, flt: ArticleFilter | None = None, *, keep: int | None = None) -> None:
        """Re-read the list (new articles, another filter), keeping the cursor on ``keep``."""
        self.source.reset(flt)
        self._sync_size()
        if keep is not None:
            self.source.row(self.cursor)
            index = self.source.index_of(keep)
            if index is not None:
                self.cursor = index
        self.cursor = min(self.cursor, max(0, self.source.count - 1))
        self.refresh()

    @property
    def current(self) -> ArticleRow | None:
        return self.source.row(self.cursor)

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.source.count - 1)) if self.source.count else 0

    def watch_cursor(self, old: int, new: int) -> None:
        if not self.is_mounted:
            return
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True)
        self.refresh()
        row = self.source.row(new)
        if row is not None:
            self.post_message(self.Highlighted(row.id))

    def mark(self, article_id: int, **changes: object) -> None:
        """Update one cached row in place (read state, star, tags) and redraw."""
        self.source.update_row(article_id, **changes)
        self.refresh()

    # Actions -----------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.source.count - 1

    def action_open(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Selected(row.id))

    def next_unread(self, start: int) -> int | None:
        """The index of the first unread row after ``start``, wrapping round to the top;
        rows come a cached page at a time, so a long read stretch costs a few page reads."""
        count = self.source.count
        for step in range(1, min(count, SCAN_LIMIT) + 1):
            index = (start + step) % count
            row = self.source.row(index)
            if row is not None and row.unread:
                return index
        return None

    def action_next_unread(self) -> None:
        """n: the cursor to the next unread article (Enter opens it), as in newsboat."""
        index = self.next_unread(self.cursor)
        if index is None:
            self.notify("No unread articles in this list.", timeout=2)
        else:
            self.cursor = index

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < self.source.count:
            if index == self.cursor or event.chain > 1:
                self.cursor = index
                self.action_open()
            else:
                self.cursor = index

    # Drawing -----------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # The styles of a row are worked out once per frame, not once per row (a widget's
        # rich_style walks its ancestors: ~2 ms of a first frame at 48 rows).
        self._frame_styles = self._row_styles()
        try:
            return super().render_lines(crop)
        finally:
            self._frame_styles = None

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        styles = self._row_styles() if self._frame_styles is None else self._frame_styles
        base = styles.base
        row = self.source.row(index)
        if row is None:
            if self.source.count == 0 and index < len(EMPTY_LINES):
                text = Text(EMPTY_LINES[index], style="italic")
                return Strip(list(text.render(self.app.console))).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        pieces = self._row_pieces(row, width, styles)
        if sum(cell_len(piece) for piece, _ in pieces) > width:
            # Too narrow for the columns: cut with an ellipsis, as row_text does.
            text = _assemble(pieces)
            text.truncate(width, overflow="ellipsis")
            pieces = [(s.text, s.style or Style()) for s in text.render(self.app.console)]
        if index == self.cursor:
            # The cursor's colours win over the row's, so an unread title stays legible.
            cursor = styles.cursor
            segments = [Segment(piece, base + style + cursor) for piece, style in pieces]
            return Strip(segments).adjust_cell_length(width, base + cursor)
        segments = [Segment(piece, base + style) for piece, style in pieces]
        return Strip(segments).adjust_cell_length(width, base)

    def _row_styles(self) -> RowStyles:
        # Whole styles, not partial ones: a partial style resolves the theme's "auto"
        # text colours without the background, to white (white on catppuccin-latte's
        # light lavender). The cursor's background still wins (render_line adds it last).
        return RowStyles(
            base=self.rich_style,
            cursor=self.get_component_rich_style("article-list--cursor"),
            unread=self.readable_style("article-list--unread"),
            read=self.readable_style("article-list--read"),
            marker=self.readable_style("article-list--marker"),
            date=self.readable_style("article-list--date"),
            fetched=self.readable_style("article-list--date") + Style(italic=True),
            outlet=self.readable_style("article-list--outlet"),
            tag=self.readable_style("article-list--tag"),
            story=self.readable_style("article-list--story"),
        )

    def readable_style(self, component: str) -> Style:
        """A component's style, its colour moved toward black or white (whichever the
        background needs) until it has MIN_CONTRAST against the list's background: some
        themes' accents are pale on their own surface (atom-one-light's green). Cached per
        theme."""
        key = (component, self.app.theme, self.has_focus)
        cached = self._styles.get(key)
        if cached is not None:
            return cached
        style = self.get_component_rich_style(component)
        fg, bg = style.color, self.rich_style.bgcolor
        if fg is not None and bg is not None and fg.triplet and bg.triplet:
            back = TColor.from_rich_color(bg)
            colour = TColor.from_rich_color(fg)
            target = back.get_contrast_text(1.0)
            for step in range(11):
                moved = colour.blend(target, step / 10)
                if contrast(moved, back) >= MIN_CONTRAST:
                    break
            style = style + Style(color=moved.rich_color)
        self._styles[key] = style
        return style

    def row_text(self, row: ArticleRow, width: int) -> Text:
        """One row as a Text of ``width`` cells at most (see :meth:`_row_pieces`)."""
        text = _assemble(self._row_pieces(row, width, self._row_styles()))
        text.truncate(width, overflow="ellipsis")
        return text

    def _row_pieces(
        self, row: ArticleRow, width: int, styles: RowStyles
    ) -> list[tuple[str, Style]]:
        """One row: markers, date, title, tags, story count, outlet, as (text, style)
        pieces. The title comes first: it keeps at least MIN_TITLE cells (or all of a
        shorter title); the outlet gives way first, then the tags (cut to what is left,
        with "+N" for the ones that did not fit)."""
        # Two marker cells: unread and starred are shown together.
        pieces = [
            ("●" if row.unread else " ", styles.marker),
            ("★ " if row.starred else "  ", styles.marker),
            # No date of its own (a page dump's main article): the day it was fetched or
            # captured, in italics, as the list sorts it.
            (f"{row.published_at[:10]:<10} ", styles.date)
            if row.published_at or not row.fetched_at
            else (f"{row.fetched_at[:10]:<10} ", styles.fetched),
        ]
        # Widths in cells, by the function Rich draws with (wide CJK, emoji sequences,
        # U+FE0F and tag characters would shift every column after them with len()).
        avail = width - LEAD_WIDTH - STORY_WIDTH
        title = safe(row.title)
        outlet = safe(row.outlet)
        outlet_room = min(OUTLET_WIDTH + 1, max(0, avail - MIN_TITLE))
        if outlet_room < 5:  # a stump of an outlet says nothing
            outlet_room = 0
        rest = avail - outlet_room
        keep = min(cell_len(title), MIN_TITLE, rest)
        tags = fit_tags([safe(t) for t in row.tags], max(0, rest - keep - 1))
        title_room = max(1, rest - (cell_len(tags) + 1 if tags else 0))
        if cell_len(title) > title_room:
            title = set_cell_size(title, title_room - 1) + "…"
        pieces.append(
            (set_cell_size(title, title_room), styles.unread if row.unread else styles.read)
        )
        if tags:
            pieces.append((" " + tags, styles.tag))
        pieces.append((story_cell(row.story_count), styles.story))
        if outlet_room:
            fits = cell_len(outlet) < outlet_room
            out = outlet if fits else set_cell_size(outlet, outlet_room - 2) + "…"
            pieces.append((" " + set_cell_size(out, outlet_room - 1), styles.outlet))
        return pieces


class RowStyles(NamedTuple):
    """The styles a list row is drawn with (worked out once per frame)."""

    base: Style
    cursor: Style
    unread: Style
    read: Style
    marker: Style
    date: Style
    #: The date of an article with none of its own: its fetch or capture day.
    fetched: Style
    outlet: Style
    tag: Style
    story: Style


def _assemble(pieces: list[tuple[str, Style]]) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    for piece, style in pieces:
        text.append(piece, style)
    return text


def fit_tags(tags: list[str], room: int) -> str:
    """ "#a #b +2": the tags that fit in ``room`` cells, then how many did not."""
    out = ""
    for i, tag in enumerate(tags):
        more = len(tags) - i - 1
        piece = ("#" if not out else " #") + tag
        suffix = f" +{more}" if more else ""
        if cell_len(out) + cell_len(piece) + len(suffix) > room:
            rest = f"+{len(tags) - i}"
            if out and cell_len(out) + 1 + len(rest) <= room:
                return out + " " + rest
            return out if out else (rest if len(rest) <= room else "")
        out += piece
    return out
