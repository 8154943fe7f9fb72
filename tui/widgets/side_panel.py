"""The side panel: the open article's Events, Entities and Notes, one tab each."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static, TabbedContent, TabPane

from tui.widgets.article_list import safe
from tui.widgets.reader import ENTITY_STYLES

EMPTY_EVENTS = (
    "No events yet.\n\nWhen an article is analysed, what it reports (who did what to whom, "
    "where and when) appears here, each linked to every other stored article on the same event."
)
EMPTY_ENTITIES = (
    "No entities yet.\n\nThe people, organisations, places and dates found in the article "
    "appear here, grouped by type."
)
EMPTY_NOTES = "No notes on this article.\n\nYour notes on its paragraphs appear here."
NO_ARTICLE = "Open an article to see its {what} here."


def events_text(article: dict[str, Any]) -> Text:
    text = Text()
    for em in article.get("event_mentions", []):
        date = em.get("date") or "undated"
        title = em.get("event_title") or em.get("trigger") or ""
        text.append(f"{date:<10} ", style="dim")
        text.append(safe(title), style="bold")
        text.append(f"  [{em.get('type') or 'other'}]\n", style="cyan")
        who = " -> ".join(safe(x) for x in (em.get("actor"), em.get("target")) if x)
        if who or em.get("location"):
            text.append(f"           {who}")
            if em.get("location"):
                text.append(f" @ {safe(em['location'])}")
            text.append("\n")
        others = (em.get("event_article_count") or 1) - 1
        if others > 0:
            text.append(f"           also in {others} article{'s' * (others > 1)}\n", style="green")
    return text


def entities_text(article: dict[str, Any]) -> Text:
    groups: dict[str, Counter[str]] = {}
    for m in article.get("mentions", []):
        name = m.get("entity_name") or m.get("text") or ""
        groups.setdefault(m.get("label") or "OTHER", Counter())[name] += 1
    text = Text()
    for label in sorted(groups, key=lambda lb: (lb not in ENTITY_STYLES, lb)):
        text.append(f"{label}\n", style=ENTITY_STYLES.get(label, "bold"))
        for name, n in groups[label].most_common():
            text.append(f"  {safe(name)}", style="")
            text.append(f"  {n}\n", style="dim")
    return text


def notes_text(article: dict[str, Any]) -> Text:
    text = Text()
    for note in article.get("notes", []):
        quote = safe(note.get("quote") or "").replace("\n", " ")
        text.append("“" + (quote[:80] + ("…" if len(quote) > 80 else "")) + "”\n", style="italic dim")
        text.append(safe(note.get("note") or "") + "\n\n")
    return text


class SidePanel(Vertical):
    """Tabs over the open article's analysis and notes."""

    #: The article shown (from store.queries.get_article), or None.
    article: reactive[dict[str, Any] | None] = reactive(None, always_update=True)

    def compose(self) -> ComposeResult:
        with TabbedContent(initial="tab-events"):
            for tab_id, title, what in (
                ("tab-events", "Events", "events"),
                ("tab-entities", "Entities", "entities"),
                ("tab-notes", "Notes", "notes"),
            ):
                with TabPane(title, id=tab_id), VerticalScroll():
                    yield Static(
                        Text(NO_ARTICLE.format(what=what), style="italic"), id=f"{tab_id}-body"
                    )

    def watch_article(self, article: dict[str, Any] | None) -> None:
        if not self.is_mounted:
            return
        for tab_id, render, empty, what in (
            ("tab-events", events_text, EMPTY_EVENTS, "events"),
            ("tab-entities", entities_text, EMPTY_ENTITIES, "entities"),
            ("tab-notes", notes_text, EMPTY_NOTES, "notes"),
        ):
            body = self.query_one(f"#{tab_id}-body", Static)
            if article is None:
                body.update(Text(NO_ARTICLE.format(what=what), style="italic"))
                continue
            content = render(article)
            body.update(content if content.plain else Text(empty, style="italic"))
