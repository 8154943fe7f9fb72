"""The header lets go of a title change that lands while it is taken down (see
tui.widgets.header): a worker's list reload as the app closes once raised NoMatches in
tests/test_stories.py under load. Here the race is made to happen, deterministically."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Header
from textual.widgets._header import HeaderTitle

from tui.widgets.header import StoreHeader


def _app(header: type[Header]) -> App[None]:
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield header()

    return One()


async def test_a_title_set_while_the_header_is_taken_down_is_let_go() -> None:
    app = _app(StoreHeader)
    async with app.run_test() as pilot:
        await app.query_one(HeaderTitle).remove()  # the header's title is gone first
        app.sub_title = "3 articles · 1 unread"
        await pilot.pause()
    assert app.return_code in (None, 0)


async def test_textuals_own_header_raises_there() -> None:
    # the check bites: Textual's Header, in the same order of events, fails
    app = _app(Header)
    with pytest.raises(Exception, match=r"HeaderTitle|NoMatches|No nodes match"):
        async with app.run_test() as pilot:
            await app.query_one(HeaderTitle).remove()
            app.sub_title = "3 articles · 1 unread"
            await pilot.pause()
