"""An OptionList that always shows where its cursor is."""

from __future__ import annotations

from textual.widgets import OptionList


class CursorList(OptionList):
    """An OptionList whose cursor lands on the first enabled option when it gets focus
    without one, so a focused list always shows a highlighted row (Enter acts on what
    the reader sees)."""

    def on_resize(self) -> None:
        """Options added before the list had its size could not be scrolled to: once it
        has one, the highlighted option is brought into view."""
        if self.highlighted is not None:
            self.call_after_refresh(self.scroll_to_highlight)

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            for i in range(self.option_count):
                if not self.get_option_at_index(i).disabled:
                    self.highlighted = i
                    break
