"""Writes from the UI thread, guarded: a store that refuses a write (full disk,
read-only file, a lock another process holds) is a notification, and the app stays
open and readable.

The app's connection has a short busy timeout (see :class:`tui.app.NewsReaderApp`), so
a lock held by another process (an import writing) costs the UI thread at most that
long; the write is then retried in a thread worker on a connection of its own, which
waits as long as any writer does, and the reader is told how it went.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from store import connect, write_failure

#: What :func:`store_write` returns when nothing was saved (yet).
FAILED: Any = object()


def store_write(node: Any, write: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``write(conn, *rest, **kwargs)``'s result, or FAILED after telling the reader why
    (``node`` is the widget or screen asking: it notifies)."""
    try:
        return write(*args, **kwargs)
    except Exception as exc:
        message = write_failure(exc)
        if message is None:
            raise
        if "locked" in message and args:
            node.notify(
                "The store is busy (locked by another process): saving in the background.",
                severity="warning",
                timeout=4,
                markup=False,
            )
            _retry_in_thread(node.app, write, args[1:], kwargs)
        else:
            node.notify(f"Not saved: {message}", severity="error", timeout=8, markup=False)
        return FAILED


def _retry_in_thread(
    app: Any, write: Callable[..., Any], rest: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    path = app.db_path

    def run() -> None:
        conn = connect(path)
        try:
            write(conn, *rest, **kwargs)
        except Exception as exc:
            why = write_failure(exc) or f"{type(exc).__name__}: {exc}"
            app.call_from_thread(
                app.notify, f"Not saved: {why}", severity="error", timeout=8, markup=False
            )
        else:
            app.call_from_thread(app.notify, "Saved.", timeout=2)
            app.call_from_thread(app._refresh_list)  # the list shows what was saved
        finally:
            conn.close()

    app.run_worker(run, thread=True, group="write-retry", exit_on_error=False)
