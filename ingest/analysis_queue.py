"""The analysis queue: stored articles not analysed yet -> analysis -> store + link.

Import and refresh store articles first (readable at once, see
:func:`ingest.pipeline.store_drafts`); the language analysis follows here, newest first
(what the reader sees first is understood first). Each result is stored and linked (its
story, then its events) in one transaction, so a queue killed at any moment leaves every
article either analysed and linked, or waiting: running the queue again finishes the
rest, and no article is analysed into the store twice.

The two halves are separate so another engine (a Dask cluster) can run the analysis in
between: :func:`pending_batches` yields what to analyse, in batches of
``(article id, body, reference date)``; :func:`store_result` writes one result back.
:func:`run_queue` joins them with an :class:`analysis.analyzer.Analyzer` on this machine
(``n_process`` forked workers; bodies are read a page at a time, never all at once).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from store import events as store_events
from store import queue as store_queue
from store import writes

if TYPE_CHECKING:
    from analysis.analyzer import Item
    from ingest.profiles import ProfileMemory

#: Articles read from the store at a time.
PAGE = 32


class QueueItem(NamedTuple):
    """One article to analyse: its id, its body, and the date its relative times count
    from (see :func:`ingest.pipeline.reference_date`)."""

    id: int
    body: str
    reference: str | None
    title: str | None = None


class TextAnalyzer(Protocol):
    """What the queue needs: results for ``(body, reference)`` items, in order, each as
    soon as it is ready (:meth:`analysis.analyzer.Analyzer.analyse_stream`); a result
    with an ``"error"`` key marks a text the analysis failed on.

    An engine that analyses shards elsewhere (:class:`ingest.cluster.DaskAnalyzer`) may
    offer ``analyse_groups(items)`` instead: lists of consecutive results, in order;
    each list is stored and linked in one transaction."""

    def analyse_stream(self, items: Iterable[Item]) -> Iterator[dict[str, Any]]: ...


@dataclass
class QueueReport:
    """How a run of the queue went."""

    #: Articles analysed, stored and linked by this run.
    analysed: int = 0
    #: (article id, message) of each article the analysis failed on (still waiting).
    failed: list[tuple[int, str]] = field(default_factory=list)
    #: Results not stored: the article was analysed meanwhile (another process) or is gone.
    skipped: int = 0
    #: Whether the run stopped early (``is_cancelled``).
    cancelled: bool = False
    #: Articles the run's closing second look moved to another story.
    moved: int = 0


def default_processes() -> int:
    """Worker processes for the queue: the machine's cores (those this process may use)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def pending_batches(
    conn: sqlite3.Connection, size: int = PAGE, *, skip: set[int] | None = None
) -> Iterator[list[QueueItem]]:
    """The articles waiting for analysis, newest first, ``size`` at a time (each batch is
    read when it is asked for). Ids in ``skip`` are left out (tried already in this run)."""
    from ingest.pipeline import reference_date

    for page in store_queue.pending_pages(conn, size):
        batch = []
        for p in page:
            if skip is not None and p.id in skip:
                continue
            captions = json.loads(p.captions or "[]")
            ref = reference_date(p.published_at, p.fetched_at, p.body, captions)
            batch.append(QueueItem(p.id, p.body, ref, p.title))
        if batch:
            yield batch


def store_result(conn: sqlite3.Connection, article_id: int, result: Mapping[str, Any]) -> bool:
    """Store one article's analysis (replacing any earlier one; entity counts follow) and
    link it (its story, then its events), in one transaction. Returns False, storing
    nothing, when the article is no longer waiting (analysed meanwhile, or deleted): each
    article is analysed into the store once."""
    return store_results(conn, [(article_id, result)])[0]


def store_results(
    conn: sqlite3.Connection,
    results: Sequence[tuple[int, Mapping[str, Any]]],
    memory: ProfileMemory | None = None,
) -> list[bool]:
    """:func:`store_result` for several articles in one transaction (a shard from a
    cluster), stored and linked one after the other in the order given, as one by one:
    an article linked here sees the ones before it. All land, or none (a kill between
    two batches leaves each article analysed and linked, or waiting). Returns, per
    article, whether it was stored. ``memory``: what the run's earlier linking read
    (:class:`ingest.profiles.ProfileMemory`), so it is not read again."""
    from ingest.linking import link_in, remembering

    stored: list[bool] = []
    if not results:
        return stored
    with remembering(conn, memory):
        for article_id, result in results:
            if not store_queue.is_pending(conn, article_id):
                stored.append(False)
                continue
            if memory is not None:  # their mentions go: what it holds of them is stale
                for event_id in store_events.linked_events(conn, article_id):
                    memory.events.pop(event_id, None)
            writes.replace_analysis_in(
                conn, article_id, result.get("mentions", ()), result.get("event_mentions", ())
            )
            link_in(conn, article_id, memory)
            stored.append(True)
    return stored


def run_queue(
    conn: sqlite3.Connection,
    analyzer: TextAnalyzer | Any,
    *,
    on_progress: Callable[[int, int, int], None] | None = None,
    on_error: Callable[[int, str], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    page: int = PAGE,
    on_second_look: Callable[[int, int], None] | None = None,
) -> QueueReport:
    """Analyse every article waiting for it, newest first, storing and linking each
    result as it lands, until none is left (articles stored meanwhile, by a refresh in
    another process, are taken in a further pass).

    ``analyzer``: an :class:`analysis.analyzer.Analyzer` (or an
    :class:`ingest.pipeline.DraftAnalyzer`, whose ``analyzer`` is used).
    ``on_progress(done, total, article_id)`` after each article; ``on_error(article_id,
    message)`` for each the analysis failed on (it stays in the queue for the next run);
    ``is_cancelled`` is polled after each article.

    A run that was not cancelled ends with a second look at the stories of the articles
    it stored (:func:`ingest.relinking.settle`: one placed early in the run saw none placed
    after it); ``on_second_look(done, total)`` follows it.
    """
    from ingest.linking import link_pending
    from ingest.profiles import ProfileMemory
    from ingest.relinking import settle

    texts: Any = getattr(analyzer, "analyzer", analyzer)
    report = QueueReport()
    memory = ProfileMemory()
    # A store written by an older version may hold analysed articles not linked yet.
    link_pending(conn)
    tried: set[int] = set()
    placed: list[int] = []  # stored and linked by this run, in that order
    done = 0
    while True:
        waiting = store_queue.pending_count(conn) - len(report.failed)
        if waiting <= 0:
            break
        total = done + waiting
        ids: deque[int] = deque()
        fresh = len(tried)

        def items(ids: deque[int]) -> Iterator[Item]:
            for batch in pending_batches(conn, page, skip=tried):
                for item in batch:
                    tried.add(item.id)
                    ids.append(item.id)
                    yield item.body, item.reference, item.title

        grouped = hasattr(texts, "analyse_groups")
        if grouped:
            results: Any = texts.analyse_groups(items(ids))
        else:
            results = texts.analyse_stream(items(ids))
        groups: Iterator[list[dict[str, Any]]] = results if grouped else ([r] for r in results)
        try:
            for group in groups:
                landed = [(ids.popleft(), result) for result in group]
                good = [(a, r) for a, r in landed if "error" not in r]
                stored = dict(
                    zip([a for a, _ in good], store_results(conn, good, memory), strict=True)
                )
                for article_id, result in landed:
                    done += 1
                    if "error" in result:
                        report.failed.append((article_id, str(result["error"])))
                        if on_error:
                            on_error(article_id, str(result["error"]))
                    elif stored[article_id]:
                        report.analysed += 1
                        placed.append(article_id)
                    else:
                        report.skipped += 1
                    if on_progress:
                        on_progress(done, max(total, done), article_id)
                if is_cancelled and is_cancelled():
                    report.cancelled = True
                    return report
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()  # stops the analysis workers when the run stops early
        if len(tried) == fresh:  # nothing new to try: the rest failed or is another's
            break
    report.moved = len(settle(conn, placed, memory, on_progress=on_second_look))
    return report
