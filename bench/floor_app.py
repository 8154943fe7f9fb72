"""The floor of cold start: the least a Textual app does to show one article title.

    python bench/floor_app.py STORE.db

One widget showing the newest article's title, read with plain sqlite3 (the same order as
the article list: newest first), or "No articles yet." on an empty store. bench/coldstart.py
runs it in a pseudo-terminal beside the real app: no Textual app can draw a title sooner,
so the real app's cold start is judged against it.
"""

from __future__ import annotations

import sqlite3
import sys

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Static


class Floor(App[None]):
    """One title on the screen."""

    def __init__(self, db: str) -> None:
        super().__init__()
        self.db = db

    def compose(self) -> ComposeResult:
        conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT title FROM articles"
                " ORDER BY IFNULL(published_at, fetched_at) DESC, id DESC LIMIT 1"
            ).fetchone()
        finally:
            conn.close()
        # Text, not markup: a title is untrusted.
        yield Static(Text(row[0] if row else "No articles yet."))


if __name__ == "__main__":
    Floor(sys.argv[1]).run()
