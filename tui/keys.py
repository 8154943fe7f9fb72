"""The key table of the README, generated from the widgets' BINDINGS so it cannot drift.

    python -m tui.keys                  # prints the Markdown table
    python -m tui.keys --write-readme   # updates README.md in place

tests/test_keys.py fails when README.md's table differs from this output.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from tui.app import NewsReaderApp
from tui.screens.detail import EntityScreen, EventScreen, SearchScreen, StoryScreen
from tui.screens.feeds import FeedsScreen
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import ReaderView
from tui.widgets.side_panel import SidePanel

#: (where the keys work, the class that declares them)
SCOPES: list[tuple[str, type]] = [
    ("everywhere", NewsReaderApp),
    ("main screen", MainScreen),
    ("article list", ArticleList),
    ("reader", ReaderView),
    ("side panel", SidePanel),
    ("search screen", SearchScreen),
    ("entity card", EntityScreen),
    ("event screen", EventScreen),
    ("story screen", StoryScreen),
    ("feeds screen", FeedsScreen),
]

_PRETTY = {
    "question_mark": "?",
    "enter": "Enter",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "space": "Space",
    "home": "Home",
    "end": "End",
    "down": "↓",
    "up": "↑",
    "escape": "Esc",
    "slash": "/",
}


def _keys(binding: Binding) -> str:
    return " / ".join(f"`{_PRETTY.get(k, k)}`" for k in binding.key.split(","))


def _bindings(cls: type) -> list[Binding]:
    out: list[Binding] = []
    raw: list[BindingType] = list(cls.__dict__.get("BINDINGS", []))
    for b in raw:
        if isinstance(b, Binding):
            out.append(b)
    return out


def markdown_table() -> str:
    lines = ["| keys | what they do | where |", "| --- | --- | --- |"]
    for scope, cls in SCOPES:
        for b in _bindings(cls):
            lines.append(f"| {_keys(b)} | {b.description} | {scope} |")
    lines.append("| `ctrl+p` | command palette: every command, searchable | everywhere |")
    return "\n".join(lines)


def write_readme(path: str = "README.md") -> None:
    """Replace the table between the README's keys markers."""
    import re
    from pathlib import Path

    readme = Path(path)
    text = readme.read_text(encoding="utf-8")
    new = re.sub(
        r"(<!-- keys:start -->\n).*?(\n<!-- keys:end -->)",
        lambda m: m.group(1) + markdown_table() + m.group(2),
        text,
        flags=re.S,
    )
    readme.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    import sys

    if "--write-readme" in sys.argv:
        write_readme()
    else:
        print(markdown_table())
