"""An OptionList that always shows where its cursor is."""

from __future__ import annotations

from textual.widgets import OptionList


class CursorList(OptionList):
    """An OptionList whose cursor lands on the first enabled option when it gets focus
    without one, so a focused list always shows a highlighted row (Enter acts on what
    the reader sees)."""

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            for i in range(self.option_count):
                if not self.get_option_at_index(i).disabled:
                    self.highlighted = i
                    break
