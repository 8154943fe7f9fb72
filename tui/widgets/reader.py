"""The reader pane: a line-API view of one article, laid out once per width.

The document (title, meta line, body, captions) is one rich Text styled by offset from the
stored mentions, notes and the selected event: article text is never parsed as markup. It
is wrapped into lines that remember their character offsets, so the paragraph cursor, the
entity cursor (n / N), notes and search hits all map straight to lines, and only the visible
lines are drawn.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.widgets.article_list import safe

#: Entity label -> style. Bold colours that read on dark and light backgrounds alike.
ENTITY_STYLES: dict[str, str] = {
    "PERSON": "bold #e5a50a",
    "ORG": "bold #3584e4",
    "GPE": "bold #2ec27e",
    "LOC": "bold #26a269",
    "NORP": "#c061cb",
    "FAC": "#1c9fa5",
    "EVENT": "#e66100",
    "DATE": "underline #9a9996",
}
DEFAULT_LABELS = tuple(ENTITY_STYLES)
LABEL_NAMES = {
    "PERSON": "people",
    "ORG": "organisations",
    "GPE": "countries, cities",
    "LOC": "places",
    "NORP": "groups",
    "FAC": "facilities",
    "EVENT": "named events",
    "DATE": "dates",
}
NOTE_STYLE = "underline2"
TRIGGER_STYLE = "bold reverse"
ARGUMENT_STYLE = "underline"
SEARCH_STYLE = "bold black on #f6d32d"
GUTTER = 2


@dataclass
class Line:
    """One wrapped line: document offsets [start, end) and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int  # index into ReaderView.paragraphs, or -1 for title/meta/captions


_WORD = re.compile(r"\S+")


def _width(word: str) -> int:
    return len(word) if word.isascii() else cell_len(word)


def wrap_offsets(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of text[start:end] into (start, end) offset pairs of <= width cells.
    Word by word (a regex finds them), so a 2,000-word article wraps in ~1 ms."""
    width = max(8, width)
    out: list[tuple[int, int]] = []
    line_start = -1
    line_end = start
    cells = 0
    for m in _WORD.finditer(text, start, end):
        ws, we = m.span()
        w = _width(m.group())
        if line_start < 0:
            line_start, line_end, cells = ws, we, w
        elif cells + (ws - line_end) + w <= width:
            cells += (ws - line_end) + w
            line_end = we
        else:
            out.append((line_start, line_end))
            line_start, line_end, cells = ws, we, w
        while cells > width:  # a word longer than the line: hard break it
            cut = (
                line_start + width
                if text[line_start:line_end].isascii()
                else line_start + max(1, width // 2)
            )
            out.append((line_start, cut))
            line_start = cut
            cells = _width(text[line_start:line_end])
    if line_start >= 0:
        out.append((line_start, line_end))
    if not out:
        out.append((start, start))
    return out


#: A sentence ends at . ! or ? (and any closing quotes or brackets), then space, then
#: what can start a sentence.
_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9])")
#: Words ending in a full stop that rarely end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "pres",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_INITIALS = re.compile(r"(?:\b[A-Za-z]\.)+$")


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] cut into sentences, as (start, end) offsets, by punctuation (no
    NLP in the UI: stored bodies are often one long paragraph, and the reader steps
    through them a sentence at a time). Initials ("U.S.") and common abbreviations
    ("Dr.") do not end a sentence."""
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        stop = m.start() + 1
        head = text[begin:stop]
        word = head.rsplit(None, 1)[-1] if head.strip() else ""
        if _INITIALS.search(word) or word.rstrip(".").lower() in _ABBREVIATIONS:
            continue
        close = m.end() - len(m.group()) + len(m.group().rstrip())
        spans.append((begin, close))
        begin = m.end()
    if begin < end:
        spans.append((begin, end))
    return spans


def _words(n: int) -> str:
    return f"{n} word{'s' * (n != 1)}"


def legend() -> Text:
    text = Text("Highlights: ", style="dim")
    for label in DEFAULT_LABELS:
        text.append(LABEL_NAMES[label], style=ENTITY_STYLES[label])
        text.append("  ")
    return text


class ReaderView(ScrollView, can_focus=True):
    """The open article. j/k move the paragraph cursor, n/N the entity cursor."""

    DEFAULT_CSS = """
    ReaderView {
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        /* Reserve the scrollbar's column: wrapping depends on the width. */
        scrollbar-gutter: stable;
    }
    ReaderView > .reader--paragraph { background: $boost; }
    ReaderView > .reader--gutter { color: $accent; }
    ReaderView > .reader--entity-cursor { background: $accent 50%; }
    ReaderView > .reader--selection { background: $secondary 35%; }
    """

    COMPONENT_CLASSES = {
        "reader--paragraph",
        "reader--gutter",
        "reader--entity-cursor",
        "reader--selection",
    }

    BINDINGS = [
        Binding("j,down", "next_paragraph", "Next paragraph", show=False, id="reader.down"),
        Binding("k,up", "previous_paragraph", "Previous paragraph", show=False, id="reader.up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="reader.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="reader.page_up"),
        Binding("n", "next_entity", "Next entity", id="reader.next_entity"),
        Binding("N", "previous_entity", "Previous entity", show=False, id="reader.previous_entity"),
        Binding("enter", "open_entity", "Entity card", id="reader.open_entity"),
    ]

    #: The article shown (as returned by store.queries.get_article), or None.
    article: reactive[dict[str, Any] | None] = reactive(None, always_update=True, layout=False)
    #: Entity labels highlighted; the reader toggles them from the legend screen.
    labels: reactive[frozenset[str]] = reactive(frozenset(DEFAULT_LABELS))
    #: Index of the paragraph under the cursor (notes attach to it).
    paragraph: reactive[int] = reactive(0)
    #: Index into the visible mentions of the entity under the cursor, or -1.
    entity_cursor: reactive[int] = reactive(-1)
    #: The event mention selected in the Events tab: its trigger and arguments are marked.
    event_mention: reactive[dict[str, Any] | None] = reactive(None, always_update=True)
    #: A selected span of the body (start, end): set by jumping to an event mention or a
    #: search hit, cleared by moving the paragraph cursor. Notes attach to it.
    selection: reactive[tuple[int, int] | None] = reactive(None)
    #: Words of the search that opened this article, highlighted.
    search_terms: reactive[tuple[str, ...]] = reactive(())

    class EntityOpened(Message):
        """The reader asked for an entity's card."""

        def __init__(self, entity_id: int) -> None:
            super().__init__()
            self.entity_id = entity_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = Text()
        self.body_offset = 0
        self.lines: list[Line] = []
        self.line_starts: list[int] = []
        self.line_texts: list[Text] = []
        #: Paragraphs as body offsets (start, end), in order.
        self.paragraphs: list[tuple[int, int]] = []
        self.paragraph_first_line: list[int] = []
        self._visible_mentions: list[dict[str, Any]] = []
        self._width = 0
        #: The widget's style while a frame is drawn (see render_lines).
        self._frame_base: Style | None = None

    # Layout ----------------------------------------------------------------------------------

    def _build_document(self) -> None:
        art = self.article
        self.paragraphs = []
        if art is None:
            self.document = Text(
                "\nSelect an article on the left and press Enter to read it.", style="italic"
            )
            self.body_offset = len(self.document)
            self._visible_mentions = []
            return
        doc = Text()
        title = safe(art.get("title") or "(untitled)")
        if len(title) > 300:  # a pathological title must not push the body off screen
            title = title[:299] + "…"
        doc.append(title, style="bold")
        doc.append("\n")
        doc.append_text(self._meta_line(art))
        doc.append("\n")
        doc.append_text(legend())
        doc.append("\n\n")
        self.body_offset = len(doc)
        body = safe(art["body"], newlines=True)
        body_text = Text(body)
        for start, end in art.get("headings", []):
            body_text.stylize("bold underline", start, end)
        self._visible_mentions = [
            m for m in art.get("mentions", []) if m.get("label") in self.labels
        ]
        for m in self._visible_mentions:
            if m["label"] in ENTITY_STYLES:
                body_text.stylize(ENTITY_STYLES[m["label"]], m["start"], m["end"])
        for note in art.get("notes", []):
            if note.get("start") is not None and note.get("end") is not None:
                body_text.stylize(NOTE_STYLE, note["start"], note["end"])
        em = self.event_mention
        if em and em.get("article_id") == art["id"]:
            if em.get("trigger_start") is not None:
                body_text.stylize(TRIGGER_STYLE, em["trigger_start"], em["trigger_end"])
            for key in ("actor_id", "target_id", "location_id"):
                eid = em.get(key)
                if eid is None:
                    continue
                for m in art.get("mentions", []):
                    if m.get("entity_id") == eid and em["start"] <= m["start"] < em["end"]:
                        body_text.stylize(ARGUMENT_STYLE, m["start"], m["end"])
        if self.search_terms:
            body_text.highlight_words(
                [t for t in self.search_terms if t], SEARCH_STYLE, case_sensitive=False
            )
        doc.append_text(body_text)
        # Paragraphs (the cursor's units) are cut in _layout: they depend on the width.
        if art.get("captions"):
            doc.append("\n\nPhotos\n", style="bold dim")
            for line in art["captions"]:
                doc.append("• " + safe(line).replace("\n", " ") + "\n", style="italic dim")
        self.document = doc

    @staticmethod
    def _meta_line(art: dict[str, Any]) -> Text:
        outlet = safe(art.get("outlet") or "")
        byline = safe(art.get("byline") or "")
        parts = [
            outlet,
            _when(art),
            byline if byline and byline != outlet else "",
            _words(int(art.get("word_count") or len(art["body"].split()))),
        ]
        meta = Text(" · ".join(p for p in parts if p), style="italic dim")
        if art.get("tags"):
            meta.append("   ")
            meta.append(" ".join(f"#{safe(t)}" for t in art["tags"]), style="bold green")
        return meta

    def _layout(self) -> None:
        width = max(10, self.scrollable_content_region.width - GUTTER)
        self._width = width
        text = self.document.plain
        body_start = self.body_offset
        body_end = body_start + (len(self.article["body"]) if self.article else 0)
        here = self.paragraphs[self.paragraph][0] if self.paragraphs else None
        raw: list[tuple[int, int, list[tuple[int, int]]]] = []
        pos = 0
        for chunk in text.split("\n"):
            start, end = pos, pos + len(chunk)
            raw.append((start, end, wrap_offsets(text, start, end, width)))
            pos = end + 1
        # Cursor units: paragraphs, and the sentences of a paragraph taller than the
        # screen (a body stored as one long paragraph is read a sentence at a time).
        screen = max(4, self.scrollable_content_region.height - 2)
        units: list[tuple[int, int]] = []
        for start, end, wrapped_lines in raw:
            if not (body_start <= start < body_end + 1) or not text[start:end].strip():
                continue
            s0, e0 = start - body_start, end - body_start
            if len(wrapped_lines) > screen:
                units.extend(
                    (a - body_start, b - body_start) for a, b in sentence_spans(text, start, end)
                )
            else:
                units.append((s0, e0))
        self.paragraphs = units
        unit_starts = [body_start + s for s, _ in units]
        lines: list[Line] = []
        for start, end, wrapped_lines in raw:
            in_body = body_start <= start < body_end + 1 and text[start:end].strip()
            for s, e in wrapped_lines:
                para = bisect.bisect_right(unit_starts, s) - 1 if in_body else -1
                lines.append(Line(s, e, para))
        self.lines = lines
        self.line_starts = [ln.start for ln in lines]
        # One divide of the whole document into line Texts (slicing a styled Text line by
        # line costs ~1 ms a line; dividing once costs about the same for all of them).
        cuts = sorted({c for ln in lines for c in (ln.start, ln.end)} | {len(text)})
        pieces = self.document.divide(cuts)
        by_start = {start: piece for start, piece in zip([0, *cuts], pieces, strict=False)}
        self.line_texts = [
            by_start.get(ln.start, Text()) if ln.end > ln.start else Text() for ln in lines
        ]
        self.paragraph_first_line = [self.line_of(s) for s, _ in units]
        self.virtual_size = Size(width + GUTTER, len(lines))
        if here is not None and units:
            # Keep the cursor where it was (a resize may cut a paragraph into sentences).
            index = max(0, bisect.bisect_right([s for s, _ in units], here) - 1)
            self.set_reactive(ReaderView.paragraph, index)
        self.refresh()

    def _relayout(self) -> None:
        self._build_document()
        self._layout()

    def line_of(self, body_offset: int) -> int:
        """The wrapped line holding a body offset."""
        return max(0, bisect.bisect_right(self.line_starts, self.body_offset + body_offset) - 1)

    # Reactive plumbing ------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width - GUTTER != self._width:
            self._layout()

    def watch_article(self, old: dict[str, Any] | None, new: dict[str, Any] | None) -> None:
        same = old is not None and new is not None and old.get("id") == new.get("id")
        if not same:
            self.set_reactive(ReaderView.paragraph, 0)
            self.set_reactive(ReaderView.entity_cursor, -1)
            self.set_reactive(ReaderView.event_mention, None)
            self.set_reactive(ReaderView.selection, None)
        if not self.is_mounted:
            return
        self._relayout()
        if not same:
            self.scroll_to(y=0, animate=False)

    def watch_labels(self) -> None:
        if self.is_mounted:
            self.entity_cursor = -1
            self._relayout()

    def watch_event_mention(self, mention: dict[str, Any] | None) -> None:
        if not self.is_mounted:
            return
        self._relayout()
        if mention and self.article and mention.get("article_id") == self.article["id"]:
            self.go_to_offset(mention["start"])
            self.selection = (int(mention["start"]), int(mention["end"]))

    def watch_search_terms(self) -> None:
        if self.is_mounted:
            self._relayout()

    def watch_selection(self) -> None:
        self.refresh()

    def validate_paragraph(self, value: int) -> int:
        return max(0, min(value, len(self.paragraphs) - 1)) if self.paragraphs else 0

    def watch_paragraph(self, value: int) -> None:
        if not self.is_mounted or not self.paragraphs:
            return
        first, last = self.unit_lines(value)
        self.scroll_to_region(Region(0, first, 1, last - first + 1), animate=False, top=False)
        self.refresh()

    def watch_entity_cursor(self, value: int) -> None:
        if not self.is_mounted or value < 0 or value >= len(self._visible_mentions):
            self.refresh()
            return
        m = self._visible_mentions[value]
        self.go_to_offset(m["start"], center=True)
        self.refresh()

    def unit_lines(self, index: int) -> tuple[int, int]:
        """The first and last wrapped lines of a cursor unit (paragraph or sentence)."""
        start, end = self.paragraphs[index]
        return self.line_of(start), self.line_of(max(start, end - 1))

    def go_to_offset(self, body_offset: int, *, center: bool = False) -> None:
        """Move the paragraph cursor to the paragraph holding body_offset and show it."""
        for i, (s, e) in enumerate(self.paragraphs):
            if s <= body_offset <= e:
                self.paragraph = i
                break
        line = self.line_of(body_offset)
        self.scroll_to_region(Region(0, line, 1, 1), animate=False, center=center)

    @property
    def current_paragraph(self) -> tuple[int, int] | None:
        """Body offsets of the paragraph under the cursor."""
        if not self.paragraphs:
            return None
        return self.paragraphs[self.paragraph]

    @property
    def current_entity(self) -> dict[str, Any] | None:
        if 0 <= self.entity_cursor < len(self._visible_mentions):
            return self._visible_mentions[self.entity_cursor]
        return None

    # Actions ------------------------------------------------------------------------------

    @property
    def note_span(self) -> tuple[int, int] | None:
        """What a new note attaches to: the selection, else the paragraph under the cursor."""
        return self.selection or self.current_paragraph

    def action_next_paragraph(self) -> None:
        self.selection = None
        if self.paragraph >= len(self.paragraphs) - 1:
            self.scroll_down(animate=False)
        self.paragraph += 1

    def action_previous_paragraph(self) -> None:
        self.selection = None
        if self.paragraph == 0:
            self.scroll_home(animate=False)
        self.paragraph -= 1

    def _entity_step(self, step: int) -> None:
        """n / N: the next highlighted mention that has a card (dates and unlinked
        mentions are passed over, so Enter always opens something)."""
        mentions = self._visible_mentions
        stops = [i for i, m in enumerate(mentions) if m.get("entity_id") is not None]
        if not stops:
            self.notify("No highlighted entities in this article.", timeout=2)
            return
        if self.entity_cursor < 0:
            # Start from the paragraph under the cursor.
            para = self.current_paragraph
            start = para[0] if para else 0
            k = next((k for k, i in enumerate(stops) if mentions[i]["start"] >= start), 0)
            self.entity_cursor = stops[k if step > 0 else k - 1]
        else:
            k = bisect.bisect_left(stops, self.entity_cursor)
            if step > 0:
                k = k + 1 if k < len(stops) and stops[k] == self.entity_cursor else k
            else:
                k -= 1
            self.entity_cursor = stops[k % len(stops)]

    def action_next_entity(self) -> None:
        self._entity_step(1)

    def action_previous_entity(self) -> None:
        self._entity_step(-1)

    def action_open_entity(self) -> None:
        m = self.current_entity
        if m is None:
            self.notify("Move to an entity with n first.", timeout=2)
            return
        if m.get("entity_id") is None:
            self.notify("That mention is not linked to an entity.", timeout=2)
            return
        self.post_message(self.EntityOpened(int(m["entity_id"])))

    def on_click(self, event: events.Click) -> None:
        y = self.scroll_offset.y + event.y
        if 0 <= y < len(self.lines) and self.lines[y].paragraph >= 0:
            self.paragraph = self.lines[y].paragraph

    # Drawing ------------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's style is worked out once per frame, not once per line (rich_style
        # walks the widget's ancestors).
        self._frame_base = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._frame_base = None

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style if self._frame_base is None else self._frame_base
        if index >= len(self.lines):
            return Strip.blank(width, base)
        line = self.lines[index]
        text = self.line_texts[index]
        entity = self.current_entity
        if entity is not None or self.selection is not None:
            text = text.copy()
        if self.selection is not None:
            s = self.body_offset + self.selection[0] - line.start
            e = self.body_offset + self.selection[1] - line.start
            if e > 0 and s < len(text):
                text.stylize(self.get_component_rich_style("reader--selection"), max(0, s), e)
        if entity is not None:
            s = self.body_offset + entity["start"] - line.start
            e = self.body_offset + entity["end"] - line.start
            if e > 0 and s < len(text):
                text.stylize(self.get_component_rich_style("reader--entity-cursor"), max(0, s), e)
        unit = self.current_paragraph if self.article is not None else None
        us, ue = (self.body_offset + unit[0], self.body_offset + unit[1]) if unit else (0, -1)
        in_paragraph = (
            line.paragraph >= 0 and line.start < ue and us < max(line.end, line.start + 1)
        )
        gutter_style = self.get_component_rich_style("reader--gutter")
        marker = "▌ " if in_paragraph and self.has_focus else "  "
        if self._has_note(line):
            marker = "✎ "
        segments = [Segment(marker, base + gutter_style)]
        line_style = base
        if in_paragraph and self.has_focus:
            unit_style = self.get_component_rich_style("reader--paragraph")
            if us <= line.start and line.end <= ue:
                line_style = base + unit_style  # the whole line is in it
            else:  # a sentence starts or ends inside this line
                text = text.copy()
                text.stylize(unit_style, max(0, us - line.start), ue - line.start)
        for seg in text.render(self.app.console):
            if seg.text == "\n":
                continue
            segments.append(Segment(seg.text, line_style + (seg.style or Style())))
        return Strip(segments).adjust_cell_length(width, line_style)

    def _has_note(self, line: Line) -> bool:
        if self.article is None or line.paragraph < 0:
            return False
        if not self.paragraph_first_line:
            return False
        first = self.paragraph_first_line[line.paragraph]
        if self.line_starts[first] != line.start:
            return False  # the note marker goes on the paragraph's first line only
        ps, pe = self.paragraphs[line.paragraph]
        return any(
            n.get("start") is not None and ps <= n["start"] < pe + 1
            for n in self.article.get("notes", [])
        )

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


def _when(art: dict[str, Any]) -> str:
    """When the article is from: its date, or for an undated one the time it was captured
    with its page (a page dump) or fetched; "" when neither is known."""
    if art.get("published_at"):
        return safe(str(art["published_at"])[:16].replace("T", " "))
    if not art.get("fetched_at"):
        return ""
    how = "captured" if art.get("page_id") else "fetched"
    return f"undated · {how} " + safe(str(art["fetched_at"])[:16].replace("T", " "))
