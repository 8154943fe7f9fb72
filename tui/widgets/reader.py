"""The reader pane: title, meta line, body with entities highlighted from stored offsets.

Article text is untrusted: it is only ever placed in a rich Text and styled by offset,
never parsed as markup.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from tui.widgets.article_list import safe

#: Entity label -> style, for dark and light themes alike (bold + colour on default bg).
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


def body_text(article: dict[str, Any], labels: set[str] | None = None) -> Text:
    """The body as a Text with headings and mentions styled by offset."""
    body = article["body"]
    text = Text(body)
    for start, end in article.get("headings", []):
        text.stylize("bold underline", start, end)
    shown = set(DEFAULT_LABELS) if labels is None else labels
    for m in article.get("mentions", []):
        label = m.get("label")
        if label in shown and label in ENTITY_STYLES:
            text.stylize(ENTITY_STYLES[label], m["start"], m["end"])
    return text


def meta_line(article: dict[str, Any]) -> Text:
    parts = [
        safe(article.get("outlet") or ""),
        (article.get("published_at") or "")[:16].replace("T", " "),
        safe(article.get("byline") or ""),
        f"{article.get('word_count') or len(article['body'].split())} words",
    ]
    meta = Text(" · ".join(p for p in parts if p), style="italic")
    if article.get("tags"):
        meta.append("   ")
        meta.append(" ".join(f"#{t}" for t in article["tags"]), style="bold green")
    return meta


class ReaderView(VerticalScroll, can_focus=True):
    """Scrolls the open article; j/k scroll when focused."""

    BINDINGS = [
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="reader.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="reader.up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="reader.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="reader.page_up"),
    ]

    #: The article shown (as returned by store.queries.get_article), or None.
    article: reactive[dict[str, Any] | None] = reactive(None, always_update=True)

    def compose(self) -> ComposeResult:
        yield Static(id="reader-title")
        yield Static(id="reader-meta")
        yield Static(
            Text("Select an article on the left and press Enter to read it.", style="italic"),
            id="reader-body",
        )
        yield Static(id="reader-captions")

    def watch_article(self, article: dict[str, Any] | None) -> None:
        if not self.is_mounted:
            return
        title = self.query_one("#reader-title", Static)
        meta = self.query_one("#reader-meta", Static)
        body = self.query_one("#reader-body", Static)
        captions = self.query_one("#reader-captions", Static)
        if article is None:
            title.update("")
            meta.update("")
            body.update(Text("Select an article on the left and press Enter to read it.", style="italic"))
            captions.update("")
            return
        title.update(Text(safe(article.get("title") or "(untitled)"), style="bold"))
        meta.update(meta_line(article))
        body.update(body_text(article))
        if article.get("captions"):
            cap = Text("Photos\n", style="bold")
            for line in article["captions"]:
                cap.append("• " + safe(line) + "\n", style="italic")
            captions.update(cap)
        else:
            captions.update("")
        self.scroll_home(animate=False)
