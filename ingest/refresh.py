"""Refresh: fetch every subscribed feed concurrently, store the new items (then analyse).

The network runs on an asyncio loop in a helper thread (bounded concurrency, conditional
requests, per-request and whole-refresh time limits); parsing, storing and analysis run
in the calling thread, one feed at a time as its download completes, on the caller's
connection. So :func:`refresh_all` can be called from a Textual thread worker or from
the CLI, and a slow feed never holds up the others.

One feed's failure never stops the refresh: it is recorded on the source
(``sources.last_error``) and reported in the :class:`RefreshReport`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from ingest.draft import ArticleDraft, IngestError
from ingest.feeds import MAX_ENTRIES, FeedEntry, ParsedFeed, parse_feed
from ingest.fetch import (
    DEFAULT_MAX_BYTES,
    FetchResult,
    async_client,
    fetch_url_async,
)
from ingest.normalise import clean_text
from ingest.pipeline import STORE_BATCH, Analyzer, analyse_queue, store_drafts, store_records
from store import open_store, write_failure
from store import sources as store_sources
from store.writes import (
    content_hash,
    end_bulk_writes,
    find_existing,
    now_iso,
    prepare_article,
    prepare_bulk_writes,
)

#: Feeds fetched at the same time.
DEFAULT_CONCURRENCY = 8
#: Seconds per network operation of one request.
DEFAULT_TIMEOUT = 15.0
#: Seconds the whole network phase may take; feeds not done by then fail with a message.
DEFAULT_TOTAL_TIMEOUT = 300.0
#: Full pages fetched at the same time for one feed.
PAGE_CONCURRENCY = 4
#: A linked page larger than this is not read for its full text.
MAX_PAGE_BYTES = 5 * 1024 * 1024
#: Fetched documents held at once (downloading, waiting, parsing, or parsed and waiting
#: to be stored), per fetch slot: fetches wait for the store instead of piling up every
#: document in memory (100 feeds x 1,000 items: 456 MB peak RSS before,
#: bench/refresh_speed.py).
BUFFERED_PER_SLOT = 2
#: Articles in the first transaction of a refresh: readable sooner than a full batch.
FIRST_BATCH = 50

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, "
    "*/*;q=0.5"
)

#: ``on_progress(feed_url, done, total, new_count, error)``: called once per feed.
ProgressCallback = Callable[[str, int, int, int, str | None], None]
ConnSource = str | os.PathLike[str] | sqlite3.Connection | Callable[[], sqlite3.Connection]


@dataclass
class FeedResult:
    """How one feed's refresh went."""

    source_id: int
    url: str
    title: str | None = None
    added: int = 0
    #: Items already stored (same guid, link or text).
    duplicates: int = 0
    #: Items with no text at all.
    empty: int = 0
    #: Items in the document, as parsed.
    items: int = 0
    not_modified: bool = False
    error: str | None = None
    #: A problem that did not stop the import (malformed XML with items recovered).
    warning: str | None = None
    #: Full pages fetched and extracted / that failed (summary kept).
    full_fetched: int = 0
    full_failed: int = 0
    article_ids: list[int] = field(default_factory=list)


@dataclass
class RefreshReport:
    feeds: list[FeedResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def added(self) -> int:
        return sum(f.added for f in self.feeds)

    @property
    def errors(self) -> list[FeedResult]:
        return [f for f in self.feeds if f.error]

    @property
    def not_modified(self) -> int:
        return sum(1 for f in self.feeds if f.not_modified)


@dataclass
class _Job:
    source: store_sources.Source
    result: FetchResult | None = None
    error: str | None = None
    #: It holds a place in the buffer of fetched documents (freed once it is stored).
    buffered: bool = False


@dataclass
class PreparedFeed:
    """A parsed feed as rows ready to insert (:func:`store.writes.prepare_article`),
    built in a parser process so the storing thread only de-duplicates and inserts."""

    title: str | None
    item_count: int
    skipped: int
    warning: str | None
    records: list[dict[str, Any]]


class _Network:
    """An asyncio loop in a daemon thread with one shared client; coroutines are
    submitted from the calling thread."""

    def __init__(self, timeout: float, concurrency: int) -> None:
        self.timeout = timeout
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.client = self.call(self._make_client(concurrency)).result()

    async def _make_client(self, concurrency: int) -> Any:
        return async_client(self.timeout, max_connections=max(concurrency, PAGE_CONCURRENCY) * 2)

    def call(self, coro: Any) -> Future[Any]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing must not mask the real outcome
            self.call(self.client.aclose()).result(timeout=5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)
        self.loop.close()


class _Buffer:
    """Places for fetched documents: a fetch takes one before it starts, the storing
    thread gives it back once the document is stored. While the network is idle because
    every place is taken (the store is behind), the refresh's network deadline is moved
    back by that time: waiting for the store is not the network's slowness. Used on the
    network loop only (the storing thread gives places back through it)."""

    def __init__(self, size: int) -> None:
        self.places = asyncio.Semaphore(size)
        self.in_flight = 0
        self.stalled_since: float | None = None
        self.stalled = 0.0

    async def take(self) -> None:
        loop = asyncio.get_running_loop()
        if self.places.locked() and self.in_flight == 0 and self.stalled_since is None:
            self.stalled_since = loop.time()
        await self.places.acquire()
        if self.stalled_since is not None:
            self.stalled += loop.time() - self.stalled_since
            self.stalled_since = None
        self.in_flight += 1

    def fetched(self) -> None:
        self.in_flight -= 1
        if self.in_flight == 0 and self.places.locked() and self.stalled_since is None:
            self.stalled_since = asyncio.get_running_loop().time()

    def give_back(self) -> None:
        self.places.release()


async def _fetch_feeds(
    net: _Network,
    jobs: Sequence[_Job],
    out: queue.Queue[_Job | None],
    *,
    concurrency: int,
    total_timeout: float,
    max_bytes: int,
    buffer: _Buffer,
) -> None:
    """Fetch every job's feed; each finished job goes on ``out`` as soon as it is done,
    then None marks the end. A fetch starts once ``buffer`` has a place for it."""
    loop = asyncio.get_running_loop()
    gate = asyncio.Semaphore(concurrency)
    pending = set(range(len(jobs)))
    started = loop.time()

    async def one(i: int) -> None:
        job = jobs[i]
        await buffer.take()
        job.buffered = True
        try:
            async with gate:
                job.result = await fetch_url_async(
                    job.source.url,
                    etag=job.source.etag,
                    last_modified=job.source.last_modified,
                    timeout=net.timeout,
                    max_bytes=max_bytes,
                    accept=FEED_ACCEPT,
                    http_client=net.client,
                )
        except IngestError as exc:
            job.error = str(exc)
        except Exception as exc:  # one feed never stops the refresh
            job.error = str(
                IngestError(f"{job.source.url}: unexpected error ({type(exc).__name__}: {exc})")
            )
        finally:
            buffer.fetched()
        pending.discard(i)
        out.put(job)

    tasks = [asyncio.ensure_future(one(i)) for i in range(len(jobs))]
    try:
        while True:
            left = started + buffer.stalled + total_timeout - loop.time()
            if buffer.stalled_since is not None:
                left = max(left, 0.5)  # the clock stands while the store catches up
            if left <= 0:
                break
            done, _ = await asyncio.wait(tasks, timeout=min(left, 1.0))
            if len(done) == len(tasks):
                break
    finally:
        # Past the deadline, or the whole refresh was cancelled: stop what is left.
        not_done = [t for t in tasks if not t.done()]
        for task in not_done:
            task.cancel()
        if not_done:
            await asyncio.gather(*not_done, return_exceptions=True)
        late = f"not fetched (refresh took over {total_timeout:.0f} s)"
        for i in sorted(pending):
            jobs[i].error = f"{jobs[i].source.url}: {late}"
            out.put(jobs[i])
        out.put(None)


async def _fetch_pages(net: _Network, urls: Sequence[str]) -> list[FetchResult | str]:
    gate = asyncio.Semaphore(PAGE_CONCURRENCY)

    async def one(url: str) -> FetchResult | str:
        async with gate:
            try:
                return await fetch_url_async(
                    url,
                    timeout=net.timeout,
                    max_bytes=MAX_PAGE_BYTES,
                    accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                    http_client=net.client,
                )
            except IngestError as exc:
                return str(exc)

    return list(await asyncio.gather(*(one(u) for u in urls)))


def extract_article_text(html: bytes | str, url: str | None = None) -> str | None:
    """The main text of an article page (trafilatura), or None when none is found."""
    import trafilatura

    try:
        text = trafilatura.extract(
            html, url=url, include_comments=False, include_tables=False, deduplicate=True
        )
    except Exception:  # a page trafilatura chokes on keeps its summary
        return None
    if not text:
        return None
    paragraphs = [p.strip() for p in clean_text(text).split("\n") if p.strip()]
    return "\n\n".join(paragraphs) or None


def _is_new(conn: sqlite3.Connection, draft: ArticleDraft) -> bool:
    rec = draft.record()
    rec["content_hash"] = content_hash(draft.body)
    return find_existing(conn, rec) is None


def _fill_full_text(
    conn: sqlite3.Connection, net: _Network, entries: Sequence[FeedEntry], res: FeedResult
) -> None:
    """Replace the summary of each new summary-only entry by its page's full text."""
    wanted = [e for e in entries if e.summary_only and e.draft.url and _is_new(conn, e.draft)]
    if not wanted:
        return
    urls = [e.draft.url or "" for e in wanted]
    timeout = net.timeout * 4 * (len(urls) // PAGE_CONCURRENCY + 1)
    try:
        pages = net.call(_fetch_pages(net, urls)).result(timeout=timeout)
    except Exception:  # full text is a bonus: keep the summaries
        res.full_failed += len(wanted)
        return
    for entry, page in zip(wanted, pages, strict=True):
        text = None
        if isinstance(page, FetchResult) and "html" in (page.content_type or "html"):
            text = extract_article_text(page.content, entry.draft.url)
        if text and len(text) > len(entry.draft.body):
            entry.draft.body = text
            entry.summary_only = False
            res.full_fetched += 1
        else:
            res.full_failed += 1


def _guid_scope(parsed: ParsedFeed, feed_url: str) -> None:
    """Make guids unique across feeds: a guid that is not a URI ("42") is only unique
    within its feed, so it is stored as ``feed_url#guid``."""
    for entry in parsed.entries:
        guid = entry.draft.guid
        if guid and ":" not in guid:
            entry.draft.guid = f"{feed_url}#{guid}"


def _store_feed(
    conn: sqlite3.Connection,
    job: _Job,
    net: _Network,
    *,
    full: bool,
    parsed: ParsedFeed | PreparedFeed | Exception | None = None,
    first_batch: int = STORE_BATCH,
) -> FeedResult:
    """Parse (unless ``parsed`` came from a parser process: the feed, its rows, or the
    exception parsing raised), store and record one fetched feed."""
    src = job.source
    res = FeedResult(source_id=src.id, url=src.url, title=src.title)
    if job.error or job.result is None:
        res.error = job.error or f"{src.url}: not fetched"
        store_sources.record_fetch(conn, src.id, error=res.error, fetched=False)
        return res
    fetched = job.result
    if fetched.not_modified and not (src.etag or src.last_modified):
        # Nothing was asked to compare with: "unchanged" would be kept for ever.
        res.error = f"{src.url}: HTTP 304 Not Modified to an unconditional request"
        store_sources.record_fetch(conn, src.id, error=res.error, fetched=False)
        return res
    if fetched.not_modified:
        res.not_modified = True
        # The same document as last time: a parse error it gave still stands.
        res.error = src.last_error
        store_sources.record_fetch(conn, src.id, not_modified=True)
        return res
    # The refresh's first feed, parsed here: its first items are made into rows and
    # stored before the rest is parsed (of 1,000 items, parsing them all took 0.2-0.5 s
    # before the first article was readable).
    head: PreparedFeed | Exception | None = None
    if parsed is None and not _wants_full(src, full) and first_batch < STORE_BATCH:
        try:
            head = _prepare_job(fetched, src.url, src.id, limit=first_batch)
        except Exception as exc:  # the whole document is parsed next: it reports this
            head = exc
    head_ids: list[int] = []
    head_duplicates = 0
    if isinstance(head, PreparedFeed):
        try:
            head_ids, head_duplicates = store_records(conn, head.records, src.tags)
        except Exception as exc:  # a store failure stays per feed
            return _store_failed(conn, res, exc)
    try:
        if parsed is None:
            parsed = (
                _parse_job(fetched, src.url)
                if _wants_full(src, full)
                else _prepare_job(fetched, src.url, src.id)
            )
        if isinstance(parsed, Exception):
            raise parsed
    except IngestError as exc:
        res.error = str(exc)
        store_sources.record_fetch(
            conn, src.id, error=res.error, etag=fetched.etag, last_modified=fetched.last_modified
        )
        return res
    except Exception as exc:  # a parser bug stays per feed
        res.error = f"{src.url}: could not parse ({type(exc).__name__}: {exc})"
        store_sources.record_fetch(conn, src.id, error=res.error, fetched=False)
        return res
    res.items, res.empty, res.warning = parsed.item_count, parsed.skipped, parsed.warning
    res.title = src.title or parsed.title
    try:
        if isinstance(parsed, PreparedFeed) and isinstance(head, PreparedFeed):
            # The same rows in the same order: the head's are the first of them.
            ids, res.duplicates = store_records(conn, parsed.records[len(head.records) :], src.tags)
            ids, res.duplicates = head_ids + ids, head_duplicates + res.duplicates
        elif isinstance(parsed, PreparedFeed):
            ids, res.duplicates = store_records(
                conn, parsed.records, src.tags, first_batch=first_batch
            )
        else:
            _guid_scope(parsed, src.url)
            for entry in parsed.entries:
                entry.draft.source_id = src.id
                entry.draft.tags = list(src.tags)
            if _wants_full(src, full):
                _fill_full_text(conn, net, parsed.entries, res)
            ids, res.duplicates = store_drafts(conn, parsed.drafts)
    except Exception as exc:  # a store failure stays per feed
        return _store_failed(conn, res, exc)
    res.added, res.article_ids = len(ids), ids
    store_sources.record_fetch(
        conn,
        src.id,
        etag=fetched.etag,
        last_modified=fetched.last_modified,
        title=parsed.title,
    )
    return res


def _store_failed(conn: sqlite3.Connection, res: FeedResult, exc: Exception) -> FeedResult:
    """A feed whose items could not be stored: its one-line error (the store refusing
    every write stops the refresh: raised again)."""
    if write_failure(exc):
        raise exc
    res.error = str(IngestError(f"{res.url}: could not store items ({type(exc).__name__}: {exc})"))
    # Not the document's fault: drop the validators so the next refresh retries.
    store_sources.record_fetch(conn, res.source_id, error=res.error, fetched=False)
    return res


def _wants_full(src: store_sources.Source, full: bool) -> bool:
    """Are summary-only items of this feed replaced by their pages' text? (Then the
    feed is stored from its drafts, in this thread, after the pages are fetched.)"""
    return full or src.fetch_full


def _failed_feed(conn: sqlite3.Connection, job: _Job, exc: Exception) -> FeedResult:
    """The one-line error of a feed whose handling raised what nothing foresaw."""
    src = job.source
    error = str(IngestError(f"{src.url}: could not be read ({type(exc).__name__}: {exc})"))
    with contextlib.suppress(Exception):  # recording it must not fail the refresh
        store_sources.record_fetch(conn, src.id, error=error, fetched=False)
    return FeedResult(source_id=src.id, url=src.url, title=src.title, error=error)


def _parse_job(fetched: FetchResult, url: str, limit: int = MAX_ENTRIES) -> ParsedFeed | Exception:
    """Parse one fetched feed (in a parser process, or inline); an IngestError is
    returned, not raised, so it crosses the process boundary as a value."""
    try:
        return parse_feed(
            fetched.content,
            url,
            base_url=fetched.final_url,
            content_type=fetched.content_type,
            limit=limit,
        )
    except IngestError as exc:
        return exc


def _prepare_job(
    fetched: FetchResult, url: str, source_id: int, limit: int = MAX_ENTRIES
) -> PreparedFeed | Exception:
    """Parse one fetched feed and build its rows (in a parser process, or inline): guids
    scoped to the feed, text cleaned and hashed (:func:`store.writes.prepare_article`),
    items with no text left out, so the storing thread only de-duplicates and inserts.
    ``limit``: the rows of the first items only (see :func:`ingest.feeds.parse_feed`).
    An IngestError is returned, as by :func:`_parse_job`."""
    parsed = _parse_job(fetched, url, limit)
    if isinstance(parsed, Exception):
        return parsed
    _guid_scope(parsed, url)
    stamp = now_iso()
    records = []
    for draft in parsed.drafts:
        if draft.body and draft.body.strip():
            draft.source_id = source_id
            records.append(prepare_article(draft.record(), stamp))
    return PreparedFeed(parsed.title, parsed.item_count, parsed.skipped, parsed.warning, records)


#: How much lower the parser processes run than the storing thread (``nice``): storing
#: is the one part that cannot be spread over processes, so it goes first.
PARSER_NICENESS = 5


def _warm() -> None:
    """Runs first in each parser process: the parsing libraries load before a feed waits."""
    import feedparser  # noqa: F401
    import lxml.html  # noqa: F401


def _lower_priority() -> None:
    """Parser process initializer: yield the CPU to the storing process."""
    with contextlib.suppress(OSError, AttributeError):  # not permitted, or not POSIX
        os.nice(PARSER_NICENESS)


#: Feeds parsed in parser processes only from this many feeds on (a few feeds parse
#: faster inline than processes start).
PARSE_POOL_MIN_FEEDS = 4


def _parser_pool(feeds: int) -> concurrent.futures.ProcessPoolExecutor | None:
    """Processes that parse feeds and build their rows while this thread stores: one per
    core but the one storing takes. Storing is the serial part: with a
    parser on every core, the parsers took CPU from it and a refresh of 100 feeds x
    1,000 items was slower (bench/refresh_speed.py). None on one core or for a few feeds. Forkserver,
    not fork: the app refreshes from a thread."""
    import multiprocessing

    from ingest.analysis_queue import default_processes

    cores = default_processes()
    if cores < 2 or feeds < PARSE_POOL_MIN_FEEDS:
        return None
    workers = max(1, min(cores - 1, feeds))
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    pool = concurrent.futures.ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=_lower_priority
    )
    for _ in range(workers):
        pool.submit(_warm)
    return pool


def _needs_parse(job: _Job) -> bool:
    return job.error is None and job.result is not None and not job.result.not_modified


def _connect(db: ConnSource) -> tuple[sqlite3.Connection, bool]:
    """(connection, owned): we close only what we opened."""
    if isinstance(db, sqlite3.Connection):
        return db, False
    if callable(db):
        return db(), True
    return open_store(db), True


def refresh_all(
    db: ConnSource,
    *,
    source_ids: Sequence[int] | None = None,
    analyzer: Analyzer | None = None,
    full: bool = False,
    concurrency: int = DEFAULT_CONCURRENCY,
    timeout: float = DEFAULT_TIMEOUT,
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> RefreshReport:
    """Refresh the subscribed feeds (all, or ``source_ids``) and store their new items.

    ``db`` is a database path, an open connection (left open), or a factory returning a
    connection (closed at the end): a thread worker passes the path or a factory, since a
    connection belongs to the thread that uses it. Every feed's items are stored first;
    then, with an ``analyzer``, the analysis queue runs (None: store only; the app runs
    the queue in another process). ``full`` fetches the full page of summary-only items for
    every feed (otherwise only for feeds with ``fetch_full``). ``on_progress`` is called
    in the calling thread after each feed; ``is_cancelled`` is polled between feeds.

    Never raises for one feed's failure; each is in the report and in
    ``sources.last_error``.
    """
    started = time.monotonic()
    conn, owned = _connect(db)
    report = RefreshReport()
    try:
        feeds = store_sources.list_sources(conn, "feed")
        if source_ids is not None:
            wanted = set(source_ids)
            feeds = [s for s in feeds if s.id in wanted]
        if not feeds:
            return report
        cache_size = prepare_bulk_writes(conn)
        jobs = [_Job(s) for s in feeds]
        done_q: queue.Queue[_Job | None] = queue.Queue()
        net = _Network(timeout, concurrency)
        buffer = _Buffer(max(2, concurrency * BUFFERED_PER_SLOT))
        pool = _parser_pool(len(jobs))
        parsing: dict[Future[ParsedFeed | PreparedFeed | Exception], _Job] = {}
        fetched_all = False

        def store(job: _Job, parsed: ParsedFeed | PreparedFeed | Exception | None = None) -> None:
            first = not report.feeds
            try:
                res = _store_feed(
                    conn,
                    job,
                    net,
                    full=full,
                    parsed=parsed,
                    first_batch=FIRST_BATCH if first else STORE_BATCH,
                )
            except Exception as exc:  # one poisoned feed stops no other
                if write_failure(exc):
                    raise
                res = _failed_feed(conn, job, exc)
            finally:
                if job.buffered:  # the document is stored: its place is free
                    job.buffered = False
                    net.loop.call_soon_threadsafe(buffer.give_back)
            job.result = None  # let the document go
            report.feeds.append(res)
            if on_progress:
                on_progress(res.url, len(report.feeds), len(jobs), res.added, res.error)

        try:
            fetching = net.call(
                _fetch_feeds(
                    net,
                    jobs,
                    done_q,
                    concurrency=concurrency,
                    total_timeout=total_timeout,
                    max_bytes=max_bytes,
                    buffer=buffer,
                )
            )
            while not fetched_all or parsing:
                if is_cancelled and is_cancelled():
                    fetching.cancel()
                    # Let the fetches wind down before the loop stops.
                    concurrent.futures.wait([fetching], timeout=5)
                    break
                # Parsed feeds are stored as they come back, in whatever order.
                for fut in [f for f in parsing if f.done()]:
                    job = parsing.pop(fut)
                    try:
                        parsed = fut.result()
                    except BrokenProcessPool:
                        # The parser processes died (or could not start: a script
                        # without a __main__ guard): parse here from now on.
                        parsed = None
                        if pool is not None:
                            pool.shutdown(wait=False, cancel_futures=True)
                            pool = None
                    except Exception as exc:  # what the parser raised: that feed's error
                        parsed = exc
                    store(job, parsed)
                if fetched_all:
                    concurrent.futures.wait(
                        parsing, timeout=0.1, return_when=concurrent.futures.FIRST_COMPLETED
                    )
                    continue
                try:
                    # Short, so a cancel and the parsed feeds are seen promptly.
                    got = done_q.get(timeout=0.02 if parsing else 0.1)
                except queue.Empty:
                    continue
                if got is None:
                    fetched_all = True
                elif pool is None or not _needs_parse(got) or not report.feeds:
                    # The first feed is parsed here while the parser processes start,
                    # so the first articles are readable at once.
                    store(got)
                elif _wants_full(got.source, full):
                    assert got.result is not None
                    parsing[pool.submit(_parse_job, got.result, got.source.url)] = got
                else:
                    assert got.result is not None
                    src = got.source
                    parsing[pool.submit(_prepare_job, got.result, src.url, src.id)] = got
        finally:
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            net.close()
            if not owned:  # the caller's connection keeps its own cache
                end_bulk_writes(conn, cache_size)
        if analyzer is not None and report.added and not (is_cancelled and is_cancelled()):
            # Everything is stored and readable: now the analysis queue, newest first.
            analyse_queue(conn, analyzer)
    finally:
        report.seconds = time.monotonic() - started
        if owned:
            conn.close()
    return report
