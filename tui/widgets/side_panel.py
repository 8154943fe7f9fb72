"""The side panel: the open article's Events, Entities and Notes, one tab each.

Each tab is an OptionList of rich Text prompts (never markup strings: names and quotes come
from articles). The panel only posts messages; the screen decides what they do.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.widgets.article_list import safe
from tui.widgets.lists import CursorList
from tui.widgets.reader import ENTITY_STYLES, LABEL_NAMES

if TYPE_CHECKING:
    from textual.widgets import TabbedContent

EMPTY = {
    "events": (
        "No events found in this article yet. When an article is analysed, what it reports "
        "(who did what to whom, where and when) appears here, linked to every other stored "
        "article on the same event."
    ),
    "entities": (
        "No entities found yet. The people, organisations, places and dates of the article "
        "appear here, grouped by type."
    ),
    "notes": "No notes on this article. Press a in the reader to note the paragraph under the cursor.",
}
NO_ARTICLE = "Open an article to see its {what} here."
STORY_ALONE = "Story: no other article tells this story yet."


def span_text(date_start: str | None, date_end: str | None) -> str:
    """A story's or event's dates: one day, a span, or "undated"."""
    if not date_start and not date_end:
        return "undated"
    if not date_start or not date_end or date_start == date_end:
        return str(date_start or date_end)
    return f"{date_start} – {date_end}"


def event_when(date_start: str | None, date_end: str | None) -> str:
    """An event's time at the precision it is known: "2023-10-07", "week of 2025-07-14",
    "2025-06", "2024", else its span. The stored span of "2024" is 1 January to 31
    December; showing its first day would claim a date nobody reported."""
    if not date_start or not date_end or date_start == date_end:
        return span_text(date_start, date_end)
    try:
        start, end = date.fromisoformat(date_start), date.fromisoformat(date_end)
    except ValueError:
        return span_text(date_start, date_end)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return date_start[:4]
    whole_month = (end + timedelta(days=1)).day == 1
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) and whole_month:
        return date_start[:7]
    if start.weekday() == 0 and end - start == timedelta(days=6):
        return f"week of {date_start}"
    return span_text(date_start, date_end)


def story_counts(story: dict[str, Any], sep: str = " · ") -> str:
    """ "3 articles · 2 outlets · 2025-07-23 – 2025-08-02" (``sep`` between the parts)."""
    n = int(story.get("article_count") or 0)
    m = int(story.get("outlet_count") or 0)
    # articles that name no outlet (JSON lines without a source) count none: say nothing
    outlets = f" · {m} outlet{'s' * (m != 1)}" if m else ""
    return (
        f"{n} article{'s' * (n != 1)}{outlets}{sep}"
        f"{span_text(story.get('date_start'), story.get('date_end'))}"
    )


def story_head_prompt(story: dict[str, Any]) -> Text:
    text = Text("Story", style="bold reverse")
    text.append("  Enter opens it", style="dim")
    title = safe(story.get("title") or "(untitled)")
    if len(title) > 90:
        title = title[:89] + "…"
    text.append("\n" + title, style="bold")
    # Counts and span on lines of their own: short enough never to wrap in the panel.
    text.append("\n" + story_counts(story, sep="\n"), style="dim")
    return text


def story_article_prompt(art: dict[str, Any]) -> Text:
    text = Text(f"{(art.get('date') or '')[:10] or 'undated'}  ", style="dim")
    text.append(safe(art.get("outlet") or ""), style="bold")
    title = safe(art.get("title") or "(untitled)")
    if len(title) > 90:
        title = title[:89] + "…"
    text.append("\n" + title, style="dim" if art.get("read_at") else "")
    return text


def wrapped(text: str, style: str = "italic") -> Text:
    return Text(text, style=style)


def event_prompt(em: dict[str, Any]) -> Text:
    text = Text()
    date = em.get("date") or em.get("event_date") or "undated"
    if em.get("date") and em.get("date_precision") == "week":
        date = f"week of {date}"  # a week's first day is not the day it happened
    text.append(f"{date}  ", style="dim")
    text.append(f"{em.get('type') or 'other'}\n", style="cyan")
    title = em.get("event_title") or em.get("trigger") or ""
    text.append(safe(title), style="bold")
    who = " → ".join(safe(x) for x in (em.get("actor"), em.get("target")) if x)
    if who:
        text.append(f"\n{who}")
    if em.get("location"):
        text.append(f"\n@ {safe(em['location'])}", style="green")
    others = (em.get("event_article_count") or 1) - 1
    if others > 0:
        text.append(f"\nalso in {others} other article{'s' * (others > 1)}", style="bold green")
    if em.get("modality") and em["modality"] != "asserted":
        text.append(f"  ({em['modality']})", style="dim")
    return text


class SidePanel(Vertical):
    """Tabs over the open article's events, entities and notes."""

    BINDINGS = [
        Binding("right,l", "switch_tab(1)", "Next tab", id="panel.next_tab"),
        Binding("left,h", "switch_tab(-1)", "Previous tab", show=False, id="panel.previous_tab"),
        Binding("f", "filter_entity", "Filter list by entity", id="panel.filter_entity"),
        Binding("e", "edit_note", "Edit note", id="panel.edit_note"),
        Binding("x", "delete_note", "Delete note", id="panel.delete_note"),
    ]

    #: The tabs: name -> title.
    NAMES = {"events": "Events", "entities": "Entities", "notes": "Notes"}

    #: The article shown (from store.queries.get_article), or None.
    article: reactive[dict[str, Any] | None] = reactive(None, always_update=True)

    # Messages are plain classes, not dataclasses: making a dataclass costs ~0.2 ms at
    # import, and these modules are on the start path (cold start, issue 18).

    class EventHighlighted(Message):
        """An event mention got the panel's cursor: the reader marks it."""

        def __init__(self, mention: dict[str, Any]) -> None:
            super().__init__()
            self.mention = mention

    class StoryOpened(Message):
        """Open the story screen of the open article's story."""

        def __init__(self, story_id: int) -> None:
            super().__init__()
            self.story_id = story_id

    class ArticleOpened(Message):
        """Open another article of the story in the reader."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    class EventOpened(Message):
        """Open the linked event's screen."""

        def __init__(self, event_id: int) -> None:
            super().__init__()
            self.event_id = event_id

    class EntityOpened(Message):
        """Open an entity's card."""

        def __init__(self, entity_id: int) -> None:
            super().__init__()
            self.entity_id = entity_id

    class EntityFilter(Message):
        """Show only the articles that mention this entity in the list."""

        def __init__(self, entity_id: int, name: str) -> None:
            super().__init__()
            self.entity_id = entity_id
            self.name = name

    class NoteOpened(Message):
        """Jump to a note's place in the reader."""

        def __init__(self, note: dict[str, Any]) -> None:
            super().__init__()
            self.note = note

    class NoteEdit(Message):
        """Edit (or, with delete=True, delete) a note."""

        def __init__(self, note: dict[str, Any], delete: bool = False) -> None:
            super().__init__()
            self.note = note
            self.delete = delete

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # The lists are held here, so the panel fills them mounted or not (see on_mount).
        self._lists = {name: CursorList(id=f"tab-{name}-list") for name in self.NAMES}
        #: The tabs, once mounted (after the first frame; see on_mount).
        self._tabs: TabbedContent | None = None
        #: The active tab until the tabs are mounted.
        self._initial_tab = "tab-events"

    def on_mount(self) -> None:
        self._fill(None)
        # The tabs are built and mounted right after the first frame: a TabbedContent is a
        # dozen widgets, a fifth of the app's work before its first frame, and its module
        # ~5 ms of imports; at start the panel only says that no article is open (cold
        # start, issue 18). Not textual.lazy.Lazy: it raises MountError when the app quits
        # before that frame is drawn.
        self.call_after_refresh(self._mount_tabs)

    def _mount_tabs(self) -> None:
        if not self.is_attached or self._tabs is not None:
            return
        from textual.widgets import TabbedContent, TabPane

        self._tabs = TabbedContent(initial=self._initial_tab)
        for name, title in self.NAMES.items():
            self._tabs.compose_add_child(TabPane(title, self._lists[name], id=f"tab-{name}"))
        self.mount(self._tabs)

    def watch_article(self, article: dict[str, Any] | None) -> None:
        if self.is_mounted:
            self._fill(article)

    def _list(self, name: str) -> OptionList:
        return self._lists[name]

    def _fill(self, article: dict[str, Any] | None) -> None:
        self._entities: dict[str, dict[str, Any]] = {}
        self._notes: dict[str, dict[str, Any]] = {}
        self._events: dict[str, dict[str, Any]] = {}
        self._story_articles: dict[str, int] = {}
        for name in ("events", "entities", "notes"):
            lst = self._list(name)
            lst.clear_options()
            if article is None:
                lst.add_option(Option(wrapped(NO_ARTICLE.format(what=name)), disabled=True))
                continue
            options = getattr(self, f"_{name}_options")(article)
            if not options:
                options = [Option(wrapped(EMPTY[name]), disabled=True)]
            lst.add_options(options)

    def _story_options(self, story: dict[str, Any] | None) -> list[Option | None]:
        """The article's story, above its events: a head (Enter opens the story screen)
        and its other articles, newest first (Enter opens one). The story comes with the
        article (``article["story"]``, from store.stories.story_brief)."""
        self._story_articles = {}
        if story is None:
            return []
        others = story.get("others") or []
        if not others:
            return [Option(wrapped(STORY_ALONE, "dim italic"), disabled=True), None]
        options: list[Option | None] = [Option(story_head_prompt(story), id="story")]
        for art in others:
            key = f"sa{art['id']}"
            self._story_articles[key] = int(art["id"])
            options.append(Option(story_article_prompt(art), id=key))
        more = int(story.get("article_count") or 0) - 1 - len(others)
        if more > 0:
            options.append(
                Option(Text(f"+ {more} more (Enter: the story)", style="dim"), id="story-more")
            )
        options.append(None)
        return options

    def _events_options(self, article: dict[str, Any]) -> list[Option | None]:
        options: list[Option | None] = self._story_options(article.get("story"))
        if options and article.get("event_mentions"):
            options.append(Option(Text("Events", style="bold reverse"), disabled=True))
        prepare = getattr(self.app, "prepare_event_words", None)
        if prepare and any(
            em.get("event_id") is not None for em in article.get("event_mentions", [])
        ):
            prepare()  # the event screen's word comparison, read off the UI thread
        story_part = len(options)
        seen: set[int] = set()
        # One entry per linked event: its most salient mention here (they come sorted by
        # salience), so an event told three times in the article is listed once.
        for em in article.get("event_mentions", []):
            if em.get("event_id") is not None:
                if em["event_id"] in seen:
                    continue
                seen.add(em["event_id"])
            key = f"em{em['id']}"
            self._events[key] = em
            options.append(Option(event_prompt(em), id=key))
            options.append(None)
        if len(options) > story_part:
            return options[:-1]
        if options:  # a story but no events: say so below it
            options.append(Option(wrapped(EMPTY["events"]), disabled=True))
        return options

    def _entities_options(self, article: dict[str, Any]) -> list[Option | None]:
        groups: dict[str, dict[Any, dict[str, Any]]] = defaultdict(dict)
        for m in article.get("mentions", []):
            label = m.get("label") or "OTHER"
            ident = m.get("entity_id") or f"text:{m.get('text')}"
            entry = groups[label].setdefault(
                ident,
                {
                    "name": m.get("entity_name") or m.get("text") or "",
                    "count": 0,
                    "entity_id": m.get("entity_id"),
                    "start": m["start"],
                },
            )
            entry["count"] += 1
        options: list[Option | None] = []
        order = sorted(
            groups,
            key=lambda lb: (
                lb not in ENTITY_STYLES,
                list(ENTITY_STYLES).index(lb) if lb in ENTITY_STYLES else 0,
                lb,
            ),
        )
        for label in order:
            entries = sorted(groups[label].values(), key=lambda e: (-e["count"], e["name"]))
            header = Text(
                f"{LABEL_NAMES.get(label, label.lower())}  ", style=ENTITY_STYLES.get(label, "bold")
            )
            header.append(str(len(entries)), style="dim")
            options.append(Option(header, disabled=True))
            for i, entry in enumerate(entries):
                key = f"ent-{label}-{i}"
                self._entities[key] = entry
                prompt = Text("  " + safe(entry["name"]))
                prompt.append(f"  {entry['count']}", style="dim")
                options.append(Option(prompt, id=key))
        return options

    def _notes_options(self, article: dict[str, Any]) -> list[Option | None]:
        options: list[Option | None] = []
        for note in article.get("notes", []):
            key = f"note{note['id']}"
            self._notes[key] = note
            quote = safe(note.get("quote") or "").replace("\n", " ")
            prompt = Text(
                "“" + (quote[:70] + ("…" if len(quote) > 70 else "")) + "”\n", style="italic dim"
            )
            prompt.append(safe(note.get("note") or ""))
            options.append(Option(prompt, id=key))
            options.append(None)
        return options[:-1] if options else options

    # Routing -----------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#tab-events-list")
    def _event_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        em = self._events.get(event.option.id or "")
        if em is not None:
            self.post_message(self.EventHighlighted(em))

    @on(OptionList.OptionSelected, "#tab-events-list")
    def _event_selected(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or ""
        story = (self.article or {}).get("story")
        if key in ("story", "story-more") and story:
            self.post_message(self.StoryOpened(int(story["id"])))
            return
        if key in self._story_articles:
            self.post_message(self.ArticleOpened(self._story_articles[key]))
            return
        em = self._events.get(key)
        if em is None:
            return
        if em.get("event_id") is None:
            self.notify("This event is not linked yet.", timeout=2)
            return
        self.post_message(self.EventOpened(int(em["event_id"])))

    @on(OptionList.OptionSelected, "#tab-entities-list")
    def _entity_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self._entities.get(event.option.id or "")
        if entry and entry.get("entity_id") is not None:
            self.post_message(self.EntityOpened(int(entry["entity_id"])))

    @on(OptionList.OptionSelected, "#tab-notes-list")
    def _note_selected(self, event: OptionList.OptionSelected) -> None:
        note = self._notes.get(event.option.id or "")
        if note is not None:
            self.post_message(self.NoteOpened(note))

    def _highlighted(self, name: str, table: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
        lst = self._list(name)
        if lst.highlighted is None:
            return None
        option = lst.get_option_at_index(lst.highlighted)
        return table.get(option.id or "")

    @property
    def active_tab(self) -> str:
        # Until the tabs are mounted (after the first frame) the one they will open on.
        if self._tabs is None or not self._tabs.active:
            return self._initial_tab
        return self._tabs.active

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "filter_entity":
            return self.active_tab == "tab-entities"
        if action in ("edit_note", "delete_note"):
            return self.active_tab == "tab-notes"
        return True

    def action_filter_entity(self) -> None:
        entry = self._highlighted("entities", self._entities)
        if entry and entry.get("entity_id") is not None:
            self.post_message(self.EntityFilter(int(entry["entity_id"]), entry["name"]))

    def action_edit_note(self) -> None:
        note = self._highlighted("notes", self._notes)
        if note:
            self.post_message(self.NoteEdit(note))

    def action_delete_note(self) -> None:
        note = self._highlighted("notes", self._notes)
        if note:
            self.post_message(self.NoteEdit(note, delete=True))

    TABS = ("tab-events", "tab-entities", "tab-notes")

    def action_switch_tab(self, step: int) -> None:
        """Move to the next / previous tab and put the cursor in its list."""
        index = (self.TABS.index(self.active_tab) + step) % len(self.TABS)
        self._set_tab(self.TABS[index])
        self.focus_list()

    def _set_tab(self, tab: str) -> None:
        if self._tabs is None:
            self._initial_tab = tab
        else:
            self._tabs.active = tab

    def focus_list(self) -> None:
        """Focus the active tab's list. Its cursor lands on the first real entry, and in
        Events on the first event (below the story), so the reader marks it at once and
        Enter opens it as before; the story is one step up."""
        options = self._lists[self.active_tab.removeprefix("tab-")]
        options.focus()
        if options.highlighted is not None or not options.option_count:
            return
        if self.active_tab == "tab-events":
            for i in range(options.option_count):
                if (options.get_option_at_index(i).id or "").startswith("em"):
                    options.highlighted = i
                    return
        options.action_first()

    def show_tab(self, name: str) -> None:
        self._set_tab(f"tab-{name}")
