"""Writes from the UI thread, guarded: a store that refuses a write (full disk,
read-only file, a lock another process holds) is a notification, and the app stays
open and readable. The app's connection has a short busy timeout (see
:class:`tui.app.NewsReaderApp`), so a held lock costs the UI a moment, not minutes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from store import write_failure


class _Notifies(Protocol):
    def notify(
        self, message: str, *, severity: Any = ..., timeout: Any = ..., markup: bool = ...
    ) -> None: ...


#: What :func:`store_write` returns when nothing was saved.
FAILED: Any = object()


def store_write(node: _Notifies, write: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``write(*args, **kwargs)``'s result, or FAILED after telling the reader why."""
    try:
        return write(*args, **kwargs)
    except Exception as exc:
        message = write_failure(exc)
        if message is None:
            raise
        node.notify(f"Not saved: {message}", severity="error", timeout=8, markup=False)
        return FAILED
