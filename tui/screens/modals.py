"""Small modal screens: tag input, note editor, highlight types, tag filter, import path,
confirmation. Each returns its result through ``dismiss``; the main screen writes to the
store."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from tui.widgets.article_list import safe
from tui.widgets.lists import CursorList
from tui.widgets.reader import ENTITY_STYLES, LABEL_NAMES
from tui.widgets.side_panel import event_when

MODAL_CSS = """
{name} {{
    align: center middle;
    background: $background 60%;
}}
{name} > Vertical {{
    width: 72;
    height: auto;
    max-height: 80%;
    padding: 1 2;
    border: thick $accent;
    background: $surface;
}}
{name} .hint {{
    color: $text-muted;
    margin-top: 1;
}}
"""


class TagSuggester(Suggester):
    """Completes the last comma-separated tag from the store's tags."""

    def __init__(self, tags: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.tags = tags

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(",")
        last = last.lstrip()
        if not last:
            return None
        for tag in self.tags:
            if tag.startswith(last.lower()) and tag != last.lower():
                prefix = f"{head}, " if head else ""
                return prefix + tag
        return None


@dataclass
class TagEdit:
    add: list[str]
    remove: list[str]


class TagScreen(ModalScreen[TagEdit | None]):
    """Add tags (comma-separated, Tab completes) or remove one with -tag."""

    DEFAULT_CSS = MODAL_CSS.format(name="TagScreen")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="tags.cancel")]

    def __init__(self, title: str, current: list[str], known: list[str]) -> None:
        super().__init__()
        self.article_title = title
        self.current = current
        self.known = known

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text("Tag: " + safe(self.article_title)[:60], style="bold"))
            current = " ".join(f"#{safe(t)}" for t in self.current) or "no tags yet"
            yield Static(Text(current, style="green"))
            yield Input(
                placeholder="iran, red-sea   (-tag removes; → or Tab completes)",
                suggester=TagSuggester(self.known),
                id="tag-input",
            )
            yield Static(
                "Enter saves · Esc cancels · known tags complete as you type", classes="hint"
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        add, remove = [], []
        for part in event.value.split(","):
            part = part.strip()
            if part.startswith("-") and len(part) > 1:
                remove.append(part[1:].strip())
            elif part:
                add.append(part.lstrip("#"))
        self.dismiss(TagEdit(add, remove) if add or remove else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteEditor(ModalScreen[str | None]):
    """Write or edit a note. ctrl+s saves, Esc cancels."""

    DEFAULT_CSS = (
        MODAL_CSS.format(name="NoteEditor")
        + """
    NoteEditor TextArea { height: 8; }
    """
    )
    BINDINGS = [
        Binding("ctrl+s", "save", "Save note", priority=True, id="note.save"),
        Binding("escape", "cancel", "Cancel", priority=True, id="note.cancel"),
    ]

    def __init__(self, quote: str, text: str = "") -> None:
        super().__init__()
        self.quote = quote
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            q = safe(self.quote).replace("\n", " ")
            yield Static(
                Text("“" + (q[:240] + ("…" if len(q) > 240 else "")) + "”", style="italic")
            )
            yield TextArea(self.text, id="note-text", soft_wrap=True)
            yield Static("ctrl+s saves · Esc cancels", classes="hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        text = self.query_one(TextArea).text.strip()
        self.dismiss(text or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LabelsScreen(ModalScreen[frozenset[str] | None]):
    """Choose which entity types the reader highlights."""

    DEFAULT_CSS = MODAL_CSS.format(name="LabelsScreen")
    BINDINGS = [
        Binding("escape", "done", "Done", id="labels.done"),
        Binding("enter", "done", "Done", show=False, id="labels.enter"),
    ]

    def __init__(self, shown: frozenset[str]) -> None:
        super().__init__()
        self.shown = shown

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text("Highlight which entity types?", style="bold"))
            yield SelectionList[str](
                *(
                    Selection(
                        Text(f"{LABEL_NAMES[label]} ({label})", style=ENTITY_STYLES[label]),
                        label,
                        label in self.shown,
                    )
                    for label in ENTITY_STYLES
                )
            )
            yield Static("Space toggles · Enter or Esc closes", classes="hint")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_done(self) -> None:
        self.dismiss(frozenset(self.query_one(SelectionList).selected))


@dataclass
class DeleteTag:
    """The reader asked to take this tag off every article."""

    name: str


class TagFilterScreen(ModalScreen[str | DeleteTag | None]):
    """Pick a tag to filter the list by; the first entry clears the filter; x removes the
    highlighted tag from every article (the main screen asks first)."""

    DEFAULT_CSS = MODAL_CSS.format(name="TagFilterScreen")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="tagfilter.cancel"),
        Binding("x", "delete", "Remove tag everywhere", id="tagfilter.delete"),
    ]

    def __init__(self, tags: list[tuple[str, int]]) -> None:
        super().__init__()
        self.tags = tags

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text("Show articles tagged…", style="bold"))
            options = [Option(Text("all articles (no filter)", style="italic"), id="")]
            for name, n in self.tags:
                prompt = Text("#" + safe(name), style="green")
                prompt.append(f"  {n}", style="dim")
                options.append(Option(prompt, id=name))
            yield CursorList(*options)
            if not self.tags:
                yield Static("No tags yet: press t on an article to tag it.", classes="hint")
            else:
                yield Static(
                    "Enter filters · x removes the tag from every article · Esc cancels",
                    classes="hint",
                )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id or "")

    def action_delete(self) -> None:
        lst = self.query_one(OptionList)
        if lst.highlighted is None:
            return
        name = lst.get_option_at_index(lst.highlighted).id
        if name:
            self.dismiss(DeleteTag(name))

    def action_cancel(self) -> None:
        self.dismiss(None)


class PathScreen(ModalScreen[str | None]):
    """Ask for files or URLs to import."""

    DEFAULT_CSS = MODAL_CSS.format(name="PathScreen")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="path.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text("Import files (space-separated paths)", style="bold"))
            yield Input(placeholder="~/news/page.txt ~/exports/articles.jsonl", id="path-input")
            yield Static("Enter imports in the background · Esc cancels", classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """Yes / no."""

    DEFAULT_CSS = MODAL_CSS.format(name="ConfirmScreen")
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.question))
            with Horizontal():
                yield Button("Yes (y)", id="yes", variant="error")
                yield Button("No (n)", id="no")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class EventPickScreen(ModalScreen[int | None]):
    """Pick another event to merge into this one (same type and nearest date first)."""

    DEFAULT_CSS = MODAL_CSS.format(name="EventPickScreen")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="eventpick.cancel")]

    def __init__(self, event: dict[str, object]) -> None:
        super().__init__()
        self.event = event

    def compose(self) -> ComposeResult:
        from store.queries import similar_events

        with Vertical():
            yield Label(Text("Merge which event into this one?", style="bold"))
            options = []
            for e in similar_events(self.app.conn, int(self.event["id"])):  # type: ignore[attr-defined,call-overload]
                prompt = Text(f"{event_when(e['date_start'], e['date_end']):<10}  ", style="dim")
                prompt.append(safe(e["title"] or e["type"] or "event"))
                n = int(e["article_count"] or 0)  # type: ignore[call-overload]
                prompt.append(f"  {n} article{'s' * (n != 1)}", style="dim")
                options.append(Option(prompt, id=str(e["id"])))
            yield CursorList(*options)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0) or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class StoryPickScreen(ModalScreen[int | None]):
    """Pick the story to move an article into: the most recently active first, narrowed
    by typing part of a title. Dismisses with an article of the chosen story (a "move"
    correction points at an article, so it survives the story being renumbered)."""

    DEFAULT_CSS = MODAL_CSS.format(name="StoryPickScreen")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="storypick.cancel"),
        Binding("down", "focus_list", "Stories", show=False, id="storypick.list"),
    ]

    def __init__(self, exclude: int | None, title: str = "") -> None:
        super().__init__()
        self.exclude = exclude
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text("Move it to which story?", style="bold"))
            if self.heading:
                yield Static(Text(safe(self.heading), style="italic"))
            yield Input(placeholder="type to narrow by title", id="storypick-input")
            yield CursorList(id="storypick-list")
            yield Static(
                "↓ or Enter: to the list · Enter on a story moves it there · Esc cancels",
                classes="hint",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.load("")

    @on(Input.Changed, "#storypick-input")
    def _changed(self, event: Input.Changed) -> None:
        self.load(event.value)

    @on(Input.Submitted, "#storypick-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.action_focus_list()

    @work(thread=True, exclusive=True, group="storypick")
    def load(self, text: str) -> None:
        """A title filter is a LIKE over the stories: read off the UI thread."""
        from store import connect
        from store.stories import recent_stories

        conn = connect(self.app.db_path, readonly=True)  # type: ignore[attr-defined]
        try:
            stories = recent_stories(conn, exclude=self.exclude, title=text.strip())
        finally:
            conn.close()
        self.app.call_from_thread(self._show, text, stories)

    def _show(self, text: str, stories: list[dict[str, object]]) -> None:
        if not self.is_mounted or text != self.query_one(Input).value:
            return  # closed, or a newer filter is on its way
        lst = self.query_one("#storypick-list", OptionList)
        lst.clear_options()
        for s in stories:
            if s.get("article_id") is None:
                continue
            prompt = Text(f"{s.get('date_end') or 'undated':<10}  ", style="dim")
            prompt.append(safe(str(s.get("title") or "(untitled)")))
            n = int(s.get("article_count") or 0)
            prompt.append(f"  {n} article{'s' * (n != 1)}", style="dim")
            lst.add_option(Option(prompt, id=str(s["article_id"])))
        if not lst.option_count:
            lst.add_option(Option(Text("No other story found.", style="italic"), disabled=True))

    def action_focus_list(self) -> None:
        lst = self.query_one("#storypick-list", OptionList)
        lst.focus()
        if lst.highlighted is None and lst.option_count:
            lst.action_first()

    @on(OptionList.OptionSelected, "#storypick-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0) or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
