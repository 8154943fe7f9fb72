"""The ``newsreader`` command. With no subcommand it opens the reader.

User errors are one line on stderr and a non-zero exit, never a traceback. Heavy imports
(textual, spaCy) happen inside the commands that need them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from tui.console import echo, echo_data


def _version() -> str:
    # importlib.metadata scans every installed distribution (~30 ms): only when asked.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsreader")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """--version: click's message, with the version looked up only when asked for."""
    if value and not ctx.resilient_parsing:
        click.echo(f"newsreader, version {_version()}")
        ctx.exit()


def fail(message: str, code: int = 1) -> None:
    """One line on stderr, then exit non-zero."""
    echo(f"newsreader: error: {message}", err=True)
    sys.exit(code)


def _open(db: Path) -> Any:
    from store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        fail(str(exc))


def _resolve_db(ctx: click.Context) -> Path:
    from store import default_db_path

    db = ctx.obj.get("db") if ctx.obj else None
    return Path(db).expanduser() if db else default_db_path()


def _run_app(
    db: Path,
    import_paths: list[Path] | None = None,
    analyse: bool = True,
    import_options: dict[str, Any] | None = None,
    reanalyse: bool = False,
) -> None:
    from store import StoreError

    try:
        from tui.app import make_app

        app = make_app(
            db,
            import_paths=import_paths or [],
            analyse=analyse,
            import_options=import_options,
            reanalyse=reanalyse,
        )
    except StoreError as exc:
        fail(str(exc))
    app.run()


class _Commands(click.Group):
    """Every command: a store that refuses a write (full disk, read-only file, a lock
    held by another process) is one line and exit 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        from store import write_failure

        try:
            return super().invoke(ctx)
        except Exception as exc:
            message = write_failure(exc)
            if message is None:
                raise
            fail(message)


@click.group(
    cls=_Commands,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    envvar="NEWSREADER_DB",
    help="The SQLite store (default: newsreader.db in the user data directory; env NEWSREADER_DB).",
)
@click.option(
    "--version",
    "-V",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
@click.pass_context
def main(ctx: click.Context, db: Path | None) -> None:
    """A terminal news reader that understands what it reads.

    Run without a command to open the reader. Try `newsreader demo` for the bundled
    sample articles.
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        _run_app(_resolve_db(ctx))


@main.command()
@click.option("--no-analyse", is_flag=True, help="Import without running the language analysis.")
@click.pass_context
def demo(ctx: click.Context, no_analyse: bool) -> None:
    """Open the reader on the bundled sample articles (its own database, imported on first run)."""
    from datetime import datetime

    from ingest.samples import SAMPLE_CAPTURED, sample_paths
    from store import data_dir

    db = ctx.obj.get("db") or data_dir() / "sample.db"
    conn = _open(Path(db))
    try:
        count, stale = demo_plan(conn)
    finally:
        conn.close()
    _run_app(
        Path(db),
        import_paths=[] if count else sample_paths(),
        analyse=not no_analyse,
        import_options={"captured": datetime.fromisoformat(SAMPLE_CAPTURED)},
        reanalyse=stale and not no_analyse,
    )


def demo_plan(conn: Any) -> tuple[int, bool]:
    """(articles the demo's store holds, was it analysed by other analysis code?). An old
    store the reader analyses again in the background, keeping its tags and notes; an
    empty one, about to be imported, is recorded as this code's."""
    from analysis.version import fingerprint
    from store.queue import analysed_with, record_analysis

    count = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    if not count:
        record_analysis(conn, fingerprint())
        return 0, False
    return count, analysed_with(conn) != fingerprint()


def _captured(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    """--captured: an ISO date-time; without a zone it is local time."""
    if value is None:
        return None
    from datetime import datetime

    try:
        stamp = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not an ISO date-time (e.g. 2025-08-02T14:30)"
        ) from None
    return stamp if stamp.tzinfo else stamp.astimezone()


@main.command("import")
@click.argument("paths", nargs=-1, required=True)
@click.option("--no-analyse", is_flag=True, help="Store the articles without language analysis.")
@click.option(
    "--captured",
    callback=_captured,
    metavar="DATETIME",
    help="When the pages were saved (ISO date-time): '2 hours ago' counts back from it "
    "(default: each file's modification time).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=15.0,
    show_default=True,
    help="Seconds to wait on each network operation when importing a URL.",
)
@click.pass_context
def import_(
    ctx: click.Context, paths: tuple[str, ...], no_analyse: bool, captured: Any, timeout: float
) -> None:
    """Import articles from files or URLs (text, page dumps, HTML, JSON, JSON lines).

    Each input is imported on its own: a bad one is reported in one line and the others
    still go in. Exits 1 if any input failed.
    """
    from ingest.detect import is_url
    from ingest.pipeline import import_paths

    inputs = [p if is_url(p) else Path(p).expanduser() for p in paths]
    options: dict[str, Any] = {"captured": captured} if captured else {}
    if any(isinstance(p, str) for p in inputs):
        options["timeout"] = timeout

    conn = _open(_resolve_db(ctx))
    failed = 0
    added = skipped = 0
    show_bar = len(paths) > 1 and sys.stderr.isatty()
    progress = None
    task = None
    if show_bar:
        from rich.console import Console
        from rich.progress import Progress

        progress = Progress(console=Console(stderr=True), transient=True)
        progress.start()
        task = progress.add_task("Importing", total=len(paths))

    def report(res: Any) -> None:
        nonlocal failed, added, skipped
        if res.error:
            failed += 1
            echo(f"newsreader: error: {res.error}", err=True)
        added += res.added
        skipped += res.skipped
        if progress is not None and task is not None:
            progress.advance(task)

    bad = 0
    try:
        try:
            import_paths(conn, inputs, on_progress=report, **options)
        finally:
            if progress is not None:
                progress.stop()
        echo(
            f"{added} new article{'s' * (added != 1)}, {skipped} already stored"
            + (f", {failed} input{'s' * (failed != 1)} failed" if failed else ""),
            err=True,
        )
        if not no_analyse:
            # Stored and readable; now the analysis queue (resumable: `newsreader analyse`).
            _, bad = run_analysis(conn)
    finally:
        conn.close()
    if failed or bad:
        sys.exit(1)


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(["md", "json", "csv"]), default="md", show_default=True
)
@click.option("--tag", help="Only articles with this tag.")
@click.option("--notes-only", is_flag=True, help="Only articles with notes.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file."
)
@click.pass_context
def export(
    ctx: click.Context, fmt: str, tag: str | None, notes_only: bool, output: Path | None
) -> None:
    """Export your tags and notes (all, or one tag's) as Markdown, JSON or CSV."""
    from store.queries import reader_data
    from store.writes import normalise_tag
    from tui.export import FORMATS

    conn = _open(_resolve_db(ctx))
    data = reader_data(conn, tag=normalise_tag(tag) if tag else None, with_notes_only=notes_only)
    text = FORMATS[fmt](data)
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror or exc}")
        echo(f"{len(data)} article{'s' * (len(data) != 1)} written to {output}", err=True)
    else:
        echo_data(text)


@main.command()
@click.pass_context
def doctor(ctx: click.Context) -> None:
    """Check the store: integrity, search index, counts, versions. Exits 1 on a problem."""
    from store.queries import counts, health

    db = _resolve_db(ctx)
    if not db.exists():
        fail(f"{db}: no database there yet")
    conn = _open(db)
    report = health(conn)
    echo(f"database: {db.resolve()} ({db.stat().st_size / 1e6:.1f} MB, {report['journal_mode']})")
    echo(f"newsreader: {_version()}")
    for key, value in sorted(report["meta"].items()):
        echo(f"{key}: {value}")
    for name, n in counts(conn).items():
        echo(f"{name}: {n}")
    echo(f"articles not analysed: {report['unanalysed']}")
    echo(f"integrity: {report['integrity']}")
    echo(f"search index: {report['fts']}")
    try:
        from analysis.nlp import ModelNotInstalled, model_info

        info = model_info()
        echo(f"language model: {info['name']} {info['version']}")
    except ModelNotInstalled as exc:
        echo(f"language model: missing ({exc})")
    fts_ok = report["fts"] == "ok" or report["fts"].startswith("not checked")
    if report["integrity"] != "ok" or not fts_ok or report["orphan_mentions"]:
        sys.exit(1)


@main.command()
@click.argument("dest", type=click.Path(path_type=Path))
@click.pass_context
def backup(ctx: click.Context, dest: Path) -> None:
    """Copy the store to DEST with SQLite's online backup (safe while the app is open)."""
    from store import backup as backup_db

    if dest.exists() and dest.is_dir():
        dest = dest / _resolve_db(ctx).name
    if dest.exists():
        fail(f"{dest} exists; choose a new file name")
    conn = _open(_resolve_db(ctx))
    try:
        backup_db(conn, dest)
    except OSError as exc:
        fail(f"cannot write {dest}: {exc.strerror or exc}")
    echo(f"backed up to {dest}", err=True)


def run_analysis(
    conn: Any,
    *,
    everything: bool = False,
    processes: int | None = None,
    json_lines: bool = False,
    analyzer: Any = None,
) -> tuple[int, int]:
    """Run the analysis queue with a progress bar (or, for the app, one JSON line per
    article on stdout); one line on stderr per article the analysis failed on. Returns
    (articles analysed, articles failed). ``everything``: analyse every article again (keeping tags, notes and
    corrections). ``analyzer``: another engine (:class:`ingest.cluster.DaskAnalyzer`);
    default: worker processes on this machine."""
    import json

    from ingest.analysis_queue import default_processes
    from ingest.pipeline import DraftAnalyzer, analyse_queue, reanalyse_all
    from store.queue import pending_count

    if not everything and not pending_count(conn):
        if json_lines:
            echo_data(json.dumps({"done": 0, "total": 0}) + "\n")
        return 0, 0
    if analyzer is None:
        analyzer = DraftAnalyzer(n_process=processes or default_processes())
    progress = task = None
    if not json_lines and sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        progress = Progress(console=Console(stderr=True), transient=True)
        progress.start()
        task = progress.add_task("Analysing", total=None)
    failed = landed = 0

    def step(done: int, total: int, article_id: int | None = None) -> None:
        nonlocal landed
        landed = done
        if json_lines:
            line = json.dumps({"done": done, "total": total, "id": article_id})
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
        elif progress is not None and task is not None:
            progress.update(task, completed=done, total=total)

    def looking(done: int, total: int) -> None:
        """The run's closing second look at its stories (ingest.relinking.settle)."""
        if json_lines:
            sys.stdout.write(json.dumps({"done": done, "total": total, "phase": "stories"}) + "\n")
            sys.stdout.flush()
        elif progress is not None and task is not None:
            progress.update(task, description="Stories", completed=done, total=total)

    def error(article_id: int, message: str) -> None:
        nonlocal failed
        failed += 1
        line = f"newsreader: error: article {article_id}: analysis failed ({message})"
        if progress is not None:
            progress.console.print(line, markup=False, highlight=False)
        else:
            echo(line, err=True)

    try:
        if everything:
            reanalyse_all(conn, analyzer, on_progress=step, on_error=error, on_second_look=looking)
        else:
            analyse_queue(conn, analyzer, on_progress=step, on_error=error, on_second_look=looking)
    finally:
        if progress is not None:
            progress.stop()
    return landed - failed, failed


@main.command()
@click.option(
    "--all",
    "everything",
    is_flag=True,
    help="Analyse every article again (a newer model or rules); tags, notes and your "
    "story and event corrections are kept.",
)
@click.option(
    "--processes",
    type=click.IntRange(1, 64),
    help="Worker processes (default: the machine's cores).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where the analysis runs: worker processes on this machine, or Dask tasks "
    "(a local cluster, or --scheduler's); results are stored and linked here either way.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --engine dask: a running Dask scheduler (tcp://HOST:8786) instead of a "
    "local cluster.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    help="With --engine dask and no --scheduler: single-threaded worker processes of the "
    "local cluster (default: the machine's cores).",
)
@click.option(
    "--shard-size",
    type=click.IntRange(1, 10_000),
    help="With --engine dask: articles per task (default: 16).",
)
@click.option("--json-progress", is_flag=True, hidden=True, help="One JSON line per article.")
@click.pass_context
def analyse(
    ctx: click.Context,
    everything: bool,
    processes: int | None,
    engine: str,
    scheduler: str | None,
    workers: int | None,
    shard_size: int | None,
    json_progress: bool,
) -> None:
    """Run the language analysis on the stored articles that wait for it, newest first.

    Import and refresh store articles first and run this right after (unless
    --no-analyse). Safe to stop at any moment (even kill -9): run it again and it
    finishes the rest; no article is analysed twice. Exits 1 if any article failed.

    With --engine dask the analysis runs as Dask tasks (pip install
    'newsreader[cluster]'); this process stores and links the results, in the same
    order and with the same outcome as the local engine.
    """
    from store import StoreError
    from store.queue import pending_count

    if engine == "local":
        for name, given in (("--scheduler", scheduler), ("--workers", workers)):
            if given is not None:
                fail(f"{name} needs --engine dask")
        if shard_size is not None:
            fail("--shard-size needs --engine dask")
    else:
        if processes is not None:
            fail("--processes is for --engine local; use --workers with --engine dask")
        if scheduler is not None and workers is not None:
            fail("--workers starts a local cluster; a --scheduler's cluster has its own workers")
    db = _resolve_db(ctx)
    if not db.exists():
        fail(f"no store at {db}")
    conn = _open(db)
    cluster: Any = None
    try:
        waiting = pending_count(conn)
        if engine == "dask" and (everything or waiting):
            cluster = _start_cluster(scheduler, workers, shard_size)
        analysed, failed = run_analysis(
            conn,
            everything=everything,
            processes=processes,
            json_lines=json_progress,
            analyzer=cluster,
        )
    except StoreError as exc:
        fail(str(exc))
    finally:
        if cluster is not None:
            cluster.close()
        conn.close()
    if not json_progress:
        if everything or waiting:
            echo(
                f"{analysed} article{'s' * (analysed != 1)} analysed"
                + (f", {failed} failed" if failed else ""),
                err=True,
            )
        else:
            echo("nothing to analyse: every article is analysed", err=True)
    if failed:
        sys.exit(1)


def _start_cluster(scheduler: str | None, workers: int | None, shard_size: int | None) -> Any:
    """The Dask engine, started (one line and exit 1 when it cannot be)."""
    from ingest.cluster import SHARD_ARTICLES, DaskAnalyzer, EngineError

    engine = DaskAnalyzer(scheduler, workers, shard_size=shard_size or SHARD_ARTICLES)
    try:
        return engine.start()
    except EngineError as exc:
        fail(str(exc))


@main.command()
@click.option(
    "--reanalyse",
    is_flag=True,
    help="Run the language analysis on every article again first (newer rules or model; "
    "minutes, not seconds).",
)
@click.pass_context
def relink(ctx: click.Context, reanalyse: bool) -> None:
    """Group the stored articles into stories and link their events again, with the
    current linker (after an upgrade). Tags, notes and your story and event corrections
    are kept and re-applied. Without --reanalyse no language analysis runs."""
    from store import StoreError
    from store.stories import story_count

    db = _resolve_db(ctx)
    if not db.exists():
        # Opening would create an empty store (and its directory): say so instead.
        fail(f"no store at {db}")
    conn = _open(db)
    from ingest.relinking import relink_all

    progress = None
    task = None
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        progress = Progress(console=Console(stderr=True), transient=True)
        progress.start()
        task = progress.add_task("Analysing" if reanalyse else "Linking", total=None)

    def step(done: int, total: int) -> None:
        if progress is not None and task is not None:
            progress.update(task, completed=done, total=total)

    try:
        if reanalyse:
            # The same as `newsreader analyse --all`: the queue links as it goes.
            if progress is not None:
                progress.stop()
                progress = None
            run_analysis(conn, everything=True)
            events = int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
        else:
            events = relink_all(conn, on_progress=step)
        stories = story_count(conn)
    except StoreError as exc:
        fail(str(exc))
    finally:
        if progress is not None:
            progress.stop()
        conn.close()
    echo(
        f"{stories} stor{'ies' if stories != 1 else 'y'}, {events} event{'s' * (events != 1)}",
        err=True,
    )


@main.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def merge(ctx: click.Context, shards: tuple[Path, ...]) -> None:
    """Merge stores analysed elsewhere (SHARDS: newsreader database files of this schema
    version) into this one.

    Articles already here are not doubled (same URL or body); entities are unified,
    mentions carried with their articles, stories and events linked here; every tag,
    note and correction of every shard is kept. Each shard goes in whole, in one
    transaction, or not at all. Exits 1 if any shard was refused or failed.
    """
    from ingest.merge import merge_shards

    conn = _open(_resolve_db(ctx))
    bad = 0
    progress = task = None
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        progress = Progress(console=Console(stderr=True), transient=True)
        progress.start()
        task = progress.add_task("Linking", total=None)

    def say(line: str) -> None:
        if progress is not None:
            progress.console.print(line, markup=False, highlight=False)
        else:
            echo(line, err=True)

    def report(res: Any) -> None:
        nonlocal bad
        if res.error:
            bad += 1
            say(f"newsreader: error: {res.error}")
            return
        st = res.stats
        say(
            f"{res.path}: {st.added} new article{'s' * (st.added != 1)}, "
            f"{st.duplicates} already stored, {len(st.analysed)} linked, "
            f"{st.tags} tag{'s' * (st.tags != 1)}, {st.notes} note{'s' * (st.notes != 1)}"
        )

    def linked(done: int, total: int) -> None:
        if progress is not None and task is not None:
            progress.update(task, completed=done, total=total)

    try:
        merge_shards(conn, shards, on_shard=report, on_linked=linked)
    finally:
        if progress is not None:
            progress.stop()
        conn.close()
    if bad:
        sys.exit(1)


@main.command()
@click.pass_context
def stats(ctx: click.Context) -> None:
    """Counts of what the store holds."""
    from store.queries import counts

    db = _resolve_db(ctx)
    conn = _open(db)
    echo(f"database: {db}")
    for name, n in counts(conn).items():
        echo(f"{name}: {n}")


from tui.cli_feeds import feed, refresh  # noqa: E402  (they use the helpers above)

main.add_command(feed)
main.add_command(refresh)


def run() -> None:  # pragma: no cover - for `python -m tui`
    main(prog_name="newsreader")


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    run()
