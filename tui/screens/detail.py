"""Full screens over the store: search results, an entity's card, a linked event's timeline.

Each dismisses with an :class:`OpenArticle` request (or None on Esc); the main screen opens
the article. Queries that can take a while (search) run in thread workers on their own
connection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from ingest.mentions import mention_reasons
from store import connect
from store.events import get_event
from store.queries import entity_detail
from store.search import HIT_CLOSE, HIT_OPEN, Hit, parse_query, search
from tui.guard import FAILED, store_write
from tui.widgets.article_list import safe
from tui.widgets.header import StoreHeader
from tui.widgets.lists import CursorList
from tui.widgets.reader import ENTITY_STYLES, LABEL_NAMES, SEARCH_STYLE
from tui.widgets.side_panel import event_when
from tui.words import counted

if TYPE_CHECKING:
    from tui.app import NewsReaderApp


@dataclass
class OpenArticle:
    """What a detail screen asks the main screen to do when it closes."""

    article_id: int
    offset: int | None = None  # body offset to show (a sentence, a mention)
    terms: tuple[str, ...] = ()  # words to highlight
    event_mention: dict[str, Any] | None = None


@dataclass
class OpenOther:
    """Replace this screen by another detail screen."""

    kind: str  # "entity" | "event"
    ident: int
    extra: dict[str, Any] = field(default_factory=dict)


def snippet_text(snippet: str) -> Text:
    """FTS5 snippet with HIT markers -> Text with the matched words styled (no markup)."""
    text = Text()
    for i, part in enumerate(snippet.replace(HIT_CLOSE, HIT_OPEN).split(HIT_OPEN)):
        text.append(safe(part), style=SEARCH_STYLE if i % 2 else "")
    return text


def hit_prompt(hit: Hit) -> Text:
    text = Text()
    text.append(safe(hit.title), style="bold")
    text.append("\n")
    text.append(f"{hit.published_at[:10]}  {safe(hit.outlet)}\n", style="dim")
    text.append_text(snippet_text(hit.snippet))
    return text


class SearchScreen(Screen[OpenArticle | None]):
    """/ : full-text search with filters; Enter opens a result, Esc returns."""

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="search.back"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
    ]

    app: NewsReaderApp  # type: ignore[assignment]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.hits: dict[str, Hit] = {}

    def compose(self) -> ComposeResult:
        yield StoreHeader()
        with Vertical(id="search-box"):
            yield Input(
                value=self.initial,
                placeholder='words "a phrase"  tag:iran entity:Hezbollah outlet:CNN unread since:2025-06 until:2025-07',
                id="search-input",
            )
            yield Static(id="search-status")
        yield CursorList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Search"
        self.query_one(Input).focus()
        if self.initial:
            self.run_search(self.initial)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, text: str) -> None:
        """Search in a thread with its own read connection; results come back to the UI."""
        q = parse_query(text)
        if q.empty:
            self.app.call_from_thread(self._show, text, [], None)
            return
        conn = connect(self.app.db_path, readonly=True)
        try:
            hits = search(conn, q, limit=200)
            error = None
        except ValueError as exc:
            hits, error = [], str(exc)
        finally:
            conn.close()
        self.app.call_from_thread(self._show, text, hits, error)

    def _show(self, text: str, hits: list[Hit], error: str | None) -> None:
        if text != self.query_one(Input).value:
            return  # a newer query is on its way
        status = self.query_one("#search-status", Static)
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        self.hits = {str(h.id): h for h in hits}
        if error:
            status.update(Text(error, style="red"))
            return
        if not text.strip():
            status.update(Text("Type to search titles and bodies.", style="dim"))
            return
        # No timing here: it differs from run to run (bench/search.py measures it).
        more = "+" if len(hits) == 200 else ""
        status.update(
            Text(f"{len(hits)}{more} result{'s' * (len(hits) != 1 or bool(more))}", style="dim")
        )
        options: list[Option | None] = []
        for h in hits:
            options.append(Option(hit_prompt(h), id=str(h.id)))
            options.append(None)
        results.add_options(options[:-1])

    @on(OptionList.OptionSelected, "#search-results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits.get(event.option.id or "")
        if hit is None:
            return
        words = tuple(parse_query(self.query_one(Input).value).words())
        self.dismiss(OpenArticle(hit.id, terms=words))

    def action_focus_results(self) -> None:
        self.query_one("#search-results", OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(None)


class EntityScreen(Screen[OpenArticle | OpenOther | None]):
    """An entity's card: its names, every article that mentions it, its events."""

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="entity.back"),
        Binding("tab", "app.focus_next", "Next list", show=False, id="entity.next"),
        Binding(
            "shift+tab", "app.focus_previous", "Previous list", show=False, id="entity.previous"
        ),
    ]

    app: NewsReaderApp  # type: ignore[assignment]

    def __init__(self, entity_id: int) -> None:
        super().__init__()
        self.entity_id = entity_id
        self.entity: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        yield StoreHeader()
        yield Static(id="entity-head")
        yield Static(Text("Articles", style="bold"), classes="section")
        yield CursorList(id="entity-articles")
        yield Static(Text("Events", style="bold"), classes="section")
        yield CursorList(id="entity-events")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#entity-head", Static).update(Text("Loading…", style="italic"))
        self.load_entity()

    @work(thread=True, exclusive=True, group="entity")
    def load_entity(self) -> None:
        """A popular entity has tens of thousands of mentions: read its card off the UI
        thread, on a connection of the worker's own."""
        conn = connect(self.app.db_path, readonly=True)
        try:
            ent = entity_detail(conn, self.entity_id)
        finally:
            conn.close()
        self.app.call_from_thread(self._show, ent)

    def _show(self, ent: dict[str, Any] | None) -> None:
        self.entity = ent
        head = self.query_one("#entity-head", Static)
        if ent is None:
            head.update(Text("This entity is no longer in the store.", style="italic"))
            return
        self.title = safe(ent["name"])
        text = Text(safe(ent["name"]), style=ENTITY_STYLES.get(ent["label"], "bold"))
        text.append(f"   {LABEL_NAMES.get(ent['label'], ent['label'])}", style="dim")
        others = [a for a in ent["aliases"] if a != ent["name"]]
        if others:
            text.append("\nalso: " + ", ".join(safe(a) for a in others), style="italic")
        text.append(
            f"\n{counted(ent['article_count'], 'article')} · "
            f"{counted(ent['mention_count'], 'mention')}",
            style="dim",
        )
        head.update(text)
        arts = self.query_one("#entity-articles", OptionList)
        article_options = []
        for a in ent["articles"]:
            prompt = Text(f"{(a['published_at'] or '')[:10]:<10}  ", style="dim")
            prompt.append(safe(a["title"] or "(untitled)"))
            prompt.append(f"  {safe(a['outlet'] or '')} · {a['mentions']}×", style="dim")
            article_options.append(Option(prompt, id=f"a{a['id']}"))
        arts.add_options(article_options)
        evs = self.query_one("#entity-events", OptionList)
        event_options = []
        for e in ent["events"]:
            prompt = Text(f"{event_when(e['date_start'], e['date_end']):<10}  ", style="dim")
            prompt.append(safe(e["title"] or e["type"] or "event"), style="bold")
            prompt.append(
                f"  as {e['role']} · {counted(e['article_count'], 'article')}", style="dim"
            )
            event_options.append(Option(prompt, id=f"e{e['id']}"))
        evs.add_options(event_options)
        if not ent["events"]:
            evs.add_option(Option(Text("No linked events yet.", style="italic"), disabled=True))
        arts.focus()
        if arts.option_count:
            arts.highlighted = 0

    @on(OptionList.OptionSelected, "#entity-articles")
    def _article(self, event: OptionList.OptionSelected) -> None:
        article_id = int((event.option.id or "a0")[1:])
        first = next(
            (
                a["first_start"]
                for a in (self.entity or {}).get("articles", [])
                if a["id"] == article_id
            ),
            None,
        )
        self.dismiss(OpenArticle(article_id, offset=first))

    @on(OptionList.OptionSelected, "#entity-events")
    def _event(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(OpenOther("event", int((event.option.id or "e0")[1:])))

    def action_close(self) -> None:
        self.dismiss(None)


class EventScreen(Screen[OpenArticle | OpenOther | None]):
    """A linked event: its mentions across articles on a timeline. Enter opens the article
    at the sentence; c / r confirm or reject a mention's link; s splits it into its own
    event; m merges another event into this one."""

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="event.back"),
        Binding("c", "override('confirm')", "Confirm link", id="event.confirm"),
        Binding("r", "override('reject')", "Reject link", id="event.reject"),
        Binding("s", "override('split')", "Split off", id="event.split"),
        Binding("m", "merge", "Merge event…", id="event.merge"),
        Binding("u", "undo", "Undo last correction", id="event.undo"),
    ]

    app: NewsReaderApp  # type: ignore[assignment]

    def __init__(self, event_id: int) -> None:
        super().__init__()
        self.event_id = event_id
        self.event: dict[str, Any] | None = None
        self.mentions: dict[str, dict[str, Any]] = {}
        #: True once the reader corrected a link here (the main screen re-reads the panel).
        self.changed = False

    def compose(self) -> ComposeResult:
        yield StoreHeader()
        yield Static(id="event-head")
        yield CursorList(id="event-mentions")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        self.event = get_event(self.app.conn, self.event_id)
        head = self.query_one("#event-head", Static)
        lst = self.query_one("#event-mentions", OptionList)
        lst.clear_options()
        ev = self.event
        if ev is None:
            head.update(
                Text("This event is no longer in the store (merged or re-linked).", style="italic")
            )
            return
        self.title = safe(ev.get("title") or "Event")
        text = Text(safe(ev.get("title") or ev.get("type") or "event"), style="bold")
        dates = event_when(ev.get("date_start"), ev.get("date_end"))
        text.append(f"\n{ev.get('type') or 'other'} · {dates}", style="cyan")
        if ev.get("location"):
            text.append(f" · {safe(ev['location'])}", style="green")
        text.append(
            f"\n{counted(ev.get('article_count'), 'article')} · "
            f"{counted(len(ev['mentions']), 'mention')}",
            style="dim",
        )
        head.update(text)
        self.mentions = {}
        options: list[Option | None] = []
        reasons = mention_reasons(ev["mentions"])
        for em in ev["mentions"]:
            key = f"m{em['id']}"
            self.mentions[key] = em
            prompt = Text(
                f"{em.get('date') or (em.get('published_at') or '')[:10] or 'undated':<10}  ",
                style="cyan",
            )
            prompt.append(safe(em.get("outlet") or ""), style="bold")
            prompt.append(f"  {safe(em.get('article_title') or '')}\n", style="dim")
            sentence = safe(em.get("sentence_text") or "").replace("\n", " ")
            sent = Text(sentence)
            if em.get("trigger_start") is not None:
                s = em["trigger_start"] - em["start"]
                e = em["trigger_end"] - em["start"]
                sent.stylize("bold reverse", max(0, s), max(0, e))
            prompt.append_text(sent)
            if reasons.get(em["id"]):
                why = safe(" · ".join(reasons[em["id"]]))
                prompt.append(f"\nlinked by: {why}", style="dim italic")
            options.append(Option(prompt, id=key))
            options.append(None)
        lst.add_options(options[:-1])
        lst.focus()
        if lst.option_count:
            lst.highlighted = 0

    def _current(self) -> dict[str, Any] | None:
        lst = self.query_one("#event-mentions", OptionList)
        if lst.highlighted is None:
            return None
        return self.mentions.get(lst.get_option_at_index(lst.highlighted).id or "")

    @on(OptionList.OptionSelected, "#event-mentions")
    def _open(self, event: OptionList.OptionSelected) -> None:
        em = self.mentions.get(event.option.id or "")
        if em is not None:
            self.dismiss(OpenArticle(em["article_id"], offset=em["start"], event_mention=em))

    def action_override(self, action: str) -> None:
        em = self._current()
        if em is None:
            return
        from ingest.corrections import correct_event

        done_ = store_write(
            self,
            correct_event,
            self.app.conn,
            action,
            event_mention_id=em["id"],
            event_id=self.event_id,
        )
        if done_ is FAILED:
            return
        self.app.last_correction = done_
        self.changed = True
        done = {"confirm": "Confirmed", "reject": "Rejected", "split": "Split off"}[action]
        self.notify(f"{done}: the {safe(em.get('outlet') or '')} mention.", timeout=3, markup=False)
        self.load()

    def action_undo(self) -> None:
        """u: take back the last link or story correction (this session's)."""
        if self.app.undo_last_correction():
            self.changed = True
            self.load()

    def action_merge(self) -> None:
        from tui.screens.modals import EventPickScreen

        def merged(other: int | None) -> None:
            if other is None:
                return
            from ingest.corrections import correct_event

            done_ = store_write(
                self,
                correct_event,
                self.app.conn,
                "merge",
                event_id=self.event_id,
                other_event_id=other,
            )
            if done_ is FAILED:
                return
            self.app.last_correction = done_
            self.changed = True
            self.notify("Events merged.", timeout=3)
            self.load()

        if self.event is not None:
            self.app.push_screen(EventPickScreen(self.event), merged)

    def action_close(self) -> None:
        self.dismiss(None)


def timeline(story: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """A story's articles and linked events as one timeline: by date, oldest first, an
    event before the reports of the same day, undated last. Items are ("article", row)
    or ("event", row)."""
    items: list[tuple[tuple[bool, str, int], str, dict[str, Any]]] = []
    for a in story.get("articles", []):
        date = (a.get("date") or "")[:10]
        items.append(((not date, date, 1), "article", a))
    for e in story.get("events", []):
        date = e.get("date_start") or ""
        items.append(((not date, date, 0), "event", e))
    items.sort(key=lambda item: item[0])
    return [(kind, row) for _, kind, row in items]


class StoryScreen(Screen[OpenArticle | OpenOther | None]):
    """A story: the coverage of one developing happening across outlets. Its articles and
    the linked events they report on one timeline; Enter opens an article or an event;
    x splits the highlighted article out of the story, m moves it to another story."""

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="story.back"),
        Binding("x", "split", "Split article off", id="story.split"),
        Binding("m", "move", "Move article to…", id="story.move"),
        Binding("u", "undo", "Undo last correction", id="story.undo"),
    ]

    app: NewsReaderApp  # type: ignore[assignment]

    def __init__(self, story_id: int, *, article_id: int | None = None) -> None:
        super().__init__()
        self.story_id = story_id
        #: The article the reader came from: marked on the timeline.
        self.article_id = article_id
        self.story: dict[str, Any] | None = None
        self.items: dict[str, tuple[str, dict[str, Any]]] = {}
        #: True once the reader corrected the story here (the main screen re-reads).
        self.changed = False

    def compose(self) -> ComposeResult:
        yield StoreHeader()
        yield Static(id="story-head")
        yield CursorList(id="story-timeline")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Story"
        self.query_one("#story-head", Static).update(Text("Loading…", style="italic"))
        self.load_story()

    @work(thread=True, exclusive=True, group="story")
    def load_story(self) -> None:
        """A story may hold hundreds of articles and their events: read it off the UI
        thread, on a connection of the worker's own."""
        from store.stories import get_story

        conn = connect(self.app.db_path, readonly=True)
        try:
            story = get_story(conn, self.story_id)
        finally:
            conn.close()
        self.app.call_from_thread(self._show, story)

    def _show(self, story: dict[str, Any] | None) -> None:
        from tui.widgets.side_panel import story_counts

        if not self.is_mounted:
            return  # closed while the worker read
        self.story = story
        head = self.query_one("#story-head", Static)
        lst = self.query_one("#story-timeline", OptionList)
        keep = lst.highlighted
        lst.clear_options()
        self.items = {}
        if story is None:
            head.update(
                Text("This story is no longer in the store (its articles moved).", style="italic")
            )
            self.refresh_bindings()
            return
        self.title = safe(story.get("title") or "Story")
        text = Text(safe(story.get("title") or "(untitled)"), style="bold")
        text.append("\n" + story_counts(story), style="cyan")
        shown = len(story["articles"])
        if shown < int(story.get("article_count") or 0):
            text.append(f" (the newest {shown} shown)", style="dim")
        n_events = len(story["events"])
        shared = sum(1 for e in story["events"] if int(e.get("story_articles") or 0) > 1)
        text.append(
            f"\n{n_events} event{'s' * (n_events != 1)} reported by its articles, "
            f"{shared} in more than one",
            style="dim",
        )
        head.update(text)
        options: list[Option] = []
        for kind, row in timeline(story):
            key = f"{kind[0]}{row['id']}"
            self.items[key] = (kind, row)
            options.append(Option(self._prompt(kind, row), id=key))
        lst.add_options(options)
        lst.focus()
        if lst.option_count:
            if keep is not None:
                lst.highlighted = min(keep, lst.option_count - 1)
            else:
                here = f"a{self.article_id}"
                lst.highlighted = next((i for i, o in enumerate(options) if o.id == here), 0)
            # The new options are laid out on the next refresh: scroll once they are.
            self.call_after_refresh(lst.scroll_to_highlight)
        self.refresh_bindings()

    def _prompt(self, kind: str, row: dict[str, Any]) -> Text:
        if kind == "article":
            date = (row.get("date") or "")[:10] or "undated"
            text = Text(f"{date:<10}  ", style="cyan")
            text.append("▪ ", style="dim")
            text.append(safe(row.get("outlet") or ""), style="bold")
            text.append("  " + safe(row.get("title") or "(untitled)"))
            if row["id"] == self.article_id:
                text.append("  ◀ this article", style="bold reverse")
            return text
        when = event_when(row.get("date_start"), row.get("date_end"))
        text = Text(f"{when:<10}  ", style="cyan")
        text.append("◆ ", style="yellow")
        text.append(f"{row.get('type') or 'event'}: ", style="yellow")
        text.append(safe(row.get("title") or ""), style="bold")
        n = int(row.get("story_articles") or 0)
        total = int(row.get("article_count") or 0)
        text.append(f"  in {n} of the story's articles, {total} in all", style="dim")
        return text

    def _current(self) -> tuple[str, dict[str, Any]] | None:
        lst = self.query_one("#story-timeline", OptionList)
        if lst.highlighted is None or not lst.option_count:
            return None
        return self.items.get(lst.get_option_at_index(lst.highlighted).id or "")

    @on(OptionList.OptionHighlighted, "#story-timeline")
    def _highlighted(self) -> None:
        self.refresh_bindings()  # x and m act on articles only

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("split", "move"):
            current = self._current() if self.is_mounted else None
            return True if current is not None and current[0] == "article" else None
        return True

    @on(OptionList.OptionSelected, "#story-timeline")
    def _open(self, event: OptionList.OptionSelected) -> None:
        item = self.items.get(event.option.id or "")
        if item is None:
            return
        kind, row = item
        if kind == "article":
            self.dismiss(OpenArticle(int(row["id"])))
        else:
            self.dismiss(OpenOther("event", int(row["id"])))

    def action_split(self) -> None:
        """Take the highlighted article out of this story: it starts one of its own, and
        stays apart when the stories are re-run (the correction is kept)."""
        current = self._current()
        if current is None or current[0] != "article" or self.story is None:
            return
        art = current[1]
        if int(self.story.get("article_count") or 0) <= 1:
            self.notify("This article is already alone in its story.", timeout=3)
            return
        from ingest.corrections import correct_story

        done_ = store_write(self, correct_story, self.app.conn, "split", int(art["id"]))
        if done_ is FAILED:
            return
        self.app.last_correction = done_
        self.changed = True
        title = safe(art.get("title") or "(untitled)")
        self.notify(f"Split off: {title}", timeout=3, markup=False)
        self.load_story()

    def action_undo(self) -> None:
        """u: take back the last story or link correction (this session's)."""
        if self.app.undo_last_correction():
            self.changed = True
            self.load_story()

    def action_move(self) -> None:
        """Move the highlighted article to another story, picked from the recent ones."""
        current = self._current()
        if current is None or current[0] != "article":
            return
        art = current[1]
        from tui.screens.modals import StoryPickScreen

        def picked(other_article_id: int | None) -> None:
            if other_article_id is None:
                return
            from ingest.corrections import correct_story

            done_ = store_write(
                self, correct_story, self.app.conn, "move", int(art["id"]), other_article_id
            )
            if done_ is FAILED:
                return
            self.app.last_correction = done_
            self.changed = True
            if self.story is not None and int(self.story.get("article_count") or 0) <= 1:
                # Its only article left: this story is gone, follow the article.
                row = self.app.conn.execute(
                    "SELECT story_id FROM articles WHERE id = ?", (int(art["id"]),)
                ).fetchone()
                if row and row[0] is not None:
                    self.story_id = int(row[0])
            title = safe(art.get("title") or "(untitled)")
            self.notify(f"Moved: {title}", timeout=3, markup=False)
            self.load_story()

        self.app.push_screen(StoryPickScreen(self.story_id, title=art.get("title") or ""), picked)

    def action_close(self) -> None:
        self.dismiss(None)
