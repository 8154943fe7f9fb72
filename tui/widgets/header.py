"""The screen's header: Textual's own, but a title change that lands while the app shuts
down is let go.

Textual's Header watches the app's and the screen's title and sub-title and writes them
into its HeaderTitle; the watcher forgives a screen that is gone but not a HeaderTitle
already removed. A list reload finished by a worker as the app closes (the main screen's
``update_title`` after an analysis) could then raise NoMatches in the teardown, as
tests/test_stories.py saw once under load.
"""

from __future__ import annotations

from contextlib import suppress

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widget import Widget
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


class StoreHeader(Header):
    """A Header whose title watchers let go of a title that is gone (see the module)."""

    def _on_mount(self, event: Mount) -> None:
        # In place of Header's own watchers (Textual calls every class's handler unless
        # told not to); what Widget's handler does is done here too.
        event.prevent_default()
        Widget._on_mount(self, event)

        async def set_title() -> None:
            # (the header may be being taken down with its screen)
            with suppress(NoScreen, NoMatches):
                self.query_one(HeaderTitle).update(self.format_title())

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
