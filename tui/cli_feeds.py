"""``newsreader feed ...`` and ``newsreader refresh``: subscriptions from the command line.

Kept apart from tui/cli.py so the feed commands stay one small module; cli.py registers
them. Like every command, a user error is one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ingest.normalise import clean_terminal
from tui.console import echo, echo_data


def _db(ctx: click.Context) -> Any:
    from tui.cli import _open, _resolve_db

    return _open(_resolve_db(ctx))


def _fail(message: str) -> None:
    from tui.cli import fail

    fail(message)


def _err(message: str) -> None:
    echo(message, err=True)


@click.group()
def feed() -> None:
    """Subscribe to feeds (RSS, Atom, JSON Feed), list, remove, import and export them."""


@feed.command("add")
@click.argument("url")
@click.option(
    "--tag", "-t", "tags", multiple=True, help="Tag every article of this feed (repeatable)."
)
@click.option("--title", help="A name for the feed (default: the feed's own title).")
@click.option(
    "--full/--no-full",
    default=None,
    help="Fetch the linked page when an item carries only a summary.",
)
@click.pass_context
def feed_add(
    ctx: click.Context, url: str, tags: tuple[str, ...], title: str | None, full: bool | None
) -> None:
    """Subscribe to the feed at URL (nothing is fetched until `newsreader refresh`)."""
    from ingest.fetch import FetchError, check_url
    from ingest.normalise import clean_line
    from store.sources import add_source, get_source

    try:
        url = check_url(url)
    except FetchError as exc:
        _fail(str(exc))
    conn = _db(ctx)
    try:
        source_id, created = add_source(
            conn, url, title=clean_line(title), tags=tags, fetch_full=full
        )
        src = get_source(conn, source_id)
    finally:
        conn.close()
    tag_text = f" [{', '.join(src.tags)}]" if src and src.tags else ""
    if created:
        echo(f"subscribed: {url} (feed {source_id}){tag_text}")
    else:
        echo(f"already subscribed: {url} (feed {source_id}); updated{tag_text}")


@feed.command("list")
@click.pass_context
def feed_list(ctx: click.Context) -> None:
    """The subscriptions, with their article counts and last errors."""
    from store.sources import list_sources

    conn = _db(ctx)
    try:
        feeds = list_sources(conn)
    finally:
        conn.close()
    if not feeds:
        _err("no feeds yet: add one with `newsreader feed add URL`")
        return
    for s in feeds:
        flags = " full" if s.fetch_full else ""
        tags = f" [{', '.join(s.tags)}]" if s.tags else ""
        echo(f"{s.id:>4}  {s.title or '(untitled)'}{tags}{flags}")
        when = s.last_fetched_at or "never fetched"
        count = f"{s.article_count} article{'s' * (s.article_count != 1)}"
        echo(f"      {s.url}  ({count}; {when})")
        if s.last_error:
            echo(f"      error: {s.last_error}")


@feed.command("remove")
@click.argument("feeds", nargs=-1, required=True)
@click.pass_context
def feed_remove(ctx: click.Context, feeds: tuple[str, ...]) -> None:
    """Unsubscribe from FEEDS (ids or URLs). Their articles stay in the store."""
    from store.sources import get_source, remove_source

    conn = _db(ctx)
    missing = []
    try:
        for key in feeds:
            src = get_source(conn, key)
            if src is None:
                missing.append(key)
                continue
            kept = remove_source(conn, src.id)
            echo(f"removed: {src.url} ({kept} article{'s' * (kept != 1)} kept)")
    finally:
        conn.close()
    if missing:
        _fail(f"no such feed: {', '.join(missing)}")


@feed.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--tag", "-t", "tags", multiple=True, help="Add this tag to every imported feed.")
@click.pass_context
def feed_import(ctx: click.Context, path: Path, tags: tuple[str, ...]) -> None:
    """Subscribe to the feeds of an OPML file or a newsboat `urls` file (folders and
    newsboat tags become tags)."""
    from ingest.draft import IngestError
    from ingest.files import read_bytes
    from ingest.opml import read_subscriptions
    from store.sources import add_source

    try:
        subs = read_subscriptions(read_bytes(path), str(path))
    except IngestError as exc:
        _fail(str(exc))
    conn = _db(ctx)
    added = updated = 0
    try:
        for spec in subs.feeds:
            _, created = add_source(conn, spec.url, title=spec.title, tags=[*spec.tags, *tags])
            added += created
            updated += not created
    finally:
        conn.close()
    for where, why in subs.skipped:
        _err(f"newsreader: skipped {where}: {why}")
    _err(
        f"{added} feed{'s' * (added != 1)} added, {updated} already subscribed"
        + (f", {len(subs.skipped)} skipped" if subs.skipped else "")
    )


@feed.command("export")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def feed_export(ctx: click.Context, path: Path | None) -> None:
    """Write the subscriptions as OPML 2.0 to PATH (default: standard output)."""
    from ingest.opml import export_opml
    from store.sources import list_sources

    conn = _db(ctx)
    try:
        feeds = list_sources(conn)
    finally:
        conn.close()
    text = export_opml((s.url, s.title, s.tags) for s in feeds)
    if path is None:
        echo_data(text)
        return
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"{path}: cannot write ({exc.strerror or exc})")
    _err(f"{len(feeds)} feed{'s' * (len(feeds) != 1)} written to {path}")


@click.command()
@click.option("--feed", "feed_ids", multiple=True, type=int, help="Only this feed id (repeatable).")
@click.option(
    "--full", is_flag=True, help="Fetch full articles for summary-only items of every feed."
)
@click.option("--no-analyse", is_flag=True, help="Store new items without language analysis.")
@click.option("--concurrency", default=8, show_default=True, type=click.IntRange(1, 64))
@click.option(
    "--timeout",
    default=15.0,
    show_default=True,
    type=click.FloatRange(0.1, 600),
    help="Seconds per network operation.",
)
@click.pass_context
def refresh(
    ctx: click.Context,
    feed_ids: tuple[int, ...],
    full: bool,
    no_analyse: bool,
    concurrency: int,
    timeout: float,
) -> None:
    """Fetch every subscribed feed and store the new items, then analyse them.

    Feeds are fetched concurrently with conditional requests, so an unchanged feed costs
    one short answer. A failing feed is reported in one line and never stops the others;
    exits 1 if any feed failed.
    """
    from ingest.refresh import refresh_all
    from tui.cli import _resolve_db, run_analysis

    db = _resolve_db(ctx)
    _db(ctx).close()  # creates / upgrades the store, or fails in one line
    progress = task = None
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        progress = Progress(console=Console(stderr=True), transient=True)
        progress.start()
        task = progress.add_task("Refreshing", total=None)

    def on_progress(url: str, done: int, total: int, new: int, error: str | None) -> None:
        if error:
            if progress is not None:
                progress.console.print(
                    clean_terminal(f"newsreader: error: {error}"), markup=False, highlight=False
                )
            else:
                _err(f"newsreader: error: {error}")
        if progress is not None and task is not None:
            progress.update(task, total=total, completed=done)

    try:
        report = refresh_all(
            db,
            source_ids=list(feed_ids) or None,
            full=full,
            concurrency=concurrency,
            timeout=timeout,
            on_progress=on_progress,
        )
    finally:
        if progress is not None:
            progress.stop()
    for res in report.feeds:
        if res.warning:
            _err(f"newsreader: warning: {res.url}: {res.warning}")
    n = len(report.feeds)
    if not n:
        _err("no feeds to refresh: add one with `newsreader feed add URL`")
        return
    failed = len(report.errors)
    full_note = ""
    fetched = sum(f.full_fetched for f in report.feeds)
    if fetched or any(f.full_failed for f in report.feeds):
        full_note = f", {fetched} full article{'s' * (fetched != 1)} fetched"
    _err(
        f"{report.added} new article{'s' * (report.added != 1)} from {n} feed{'s' * (n != 1)}"
        f" ({report.not_modified} unchanged"
        + (f", {failed} failed" if failed else "")
        + f"{full_note}) in {report.seconds:.1f} s"
    )
    bad = 0
    if not no_analyse:
        # Every item is stored and readable; now the analysis queue, newest first.
        conn = _db(ctx)
        try:
            _, bad = run_analysis(conn)
        finally:
            conn.close()
    if failed or bad:
        sys.exit(1)
