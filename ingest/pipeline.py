"""Import: inputs -> drafts -> store (fast, batched) -> analysis queue.

This is where ingest/ wires analysis/ (pure NLP) to store/ (SQLite). Articles are
stored first, many per transaction, and readable at once; the language analysis follows
as a queue over the stored articles (:mod:`ingest.analysis_queue`), so re-importing
costs no NLP and an interrupted analysis resumes where it stopped.
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from ingest.detect import is_url, sniff
from ingest.draft import ArticleDraft, IngestError
from ingest.files import decode_text, read_bytes
from ingest.jsonlines import parse_json
from ingest.textfile import parse_text
from store import writes


class Analyzer(Protocol):
    """What the pipeline needs from analysis/: per draft, the mentions and event mentions
    to store (see :func:`store.writes.insert_analysis` for their shape)."""

    def analyse(self, drafts: Sequence[ArticleDraft]) -> list[dict[str, Any]]: ...


@dataclass
class ImportResult:
    origin: str
    added: int = 0
    skipped: int = 0
    error: str | None = None
    article_ids: list[int] = field(default_factory=list)


def parse_input(data: bytes, origin: str, **options: Any) -> list[ArticleDraft]:
    """Bytes from a file or a response -> drafts, by content kind.

    Options: ``kind`` (skip sniffing, e.g. from a Content-Type), ``url`` (where the bytes
    came from), ``charset`` (declared by the server), ``captured`` and ``mtime`` (when the
    page was saved: relative dates such as "2 hours ago" count back from them).
    """
    kind = options.get("kind") or sniff(data, origin)
    if kind == "json":
        return parse_json(decode_text(data, origin), origin)
    if kind == "feed":
        # A saved feed file imports its items once; `newsreader feed add` subscribes.
        from ingest.feeds import parse_feed

        parsed = parse_feed(data, origin, base_url=options.get("url"))
        drafts = parsed.drafts
        if not drafts:
            raise IngestError(f"{origin}: a feed with no items")
        return drafts
    if kind == "html":
        from ingest.html import parse_html

        return parse_html(data, origin, url=options.get("url"), charset=options.get("charset"))
    text = decode_text(data, origin)
    from ingest.pagedump import looks_like_page_dump, parse_page_dump

    if looks_like_page_dump(text):
        drafts = parse_page_dump(
            text, origin, captured=options.get("captured"), mtime=options.get("mtime")
        )
        if drafts:
            return drafts
    return parse_text(text, origin)


def unexpected(origin: str, exc: BaseException) -> str:
    """The one line for a failure no importer foresaw (a bug shown, not a traceback)."""
    return str(IngestError(f"{origin}: could not be read ({type(exc).__name__}: {exc})"))


def drafts_from_path(path: str | os.PathLike[str], **options: Any) -> list[ArticleDraft]:
    origin = os.fspath(path)
    if isinstance(path, str) and is_url(path):
        from ingest.url import drafts_from_url  # httpx and the fetch layer: only when needed

        drafts = drafts_from_url(path, **options)
    else:
        data = read_bytes(path)
        if "mtime" not in options:
            try:
                stamp = os.stat(path).st_mtime
                options["mtime"] = datetime.fromtimestamp(stamp).astimezone()
            except OSError:
                pass
        drafts = parse_input(data, origin, **options)
    if not drafts:
        raise IngestError(f"{origin}: no article found")
    return drafts


#: Articles stored per transaction on the fast path (import and refresh).
STORE_BATCH = 500


def store_drafts(
    conn: sqlite3.Connection,
    drafts: Sequence[ArticleDraft],
    *,
    analyzer: Analyzer | None = None,
    on_article: Callable[[int, bool], None] | None = None,
) -> tuple[list[int], int]:
    """Store drafts, then (with an ``analyzer``) run the analysis queue; returns (new ids,
    skipped).

    Storing comes first, in large transactions (:data:`STORE_BATCH` articles each), so
    every article is readable at once; the analysis follows through
    :func:`ingest.analysis_queue.run_queue` (newest first, linking each result as it
    lands), which also takes any other article still waiting for analysis.
    ``on_article(id, created)`` after each draft is stored.
    """
    added: list[int] = []
    skipped = 0

    def on_draft(_index: int, article_id: int, created: bool | None) -> None:
        nonlocal skipped
        if created is None:  # no body: nothing stored, nothing skipped
            return
        if created:
            added.append(article_id)
        else:
            skipped += 1
        if on_article:
            on_article(article_id, created)

    _store(conn, drafts, on_draft=on_draft)
    if analyzer is not None:
        analyse_queue(conn, analyzer)
    return added, skipped


def store_records(
    conn: sqlite3.Connection,
    records: Sequence[dict[str, Any]],
    tags: Sequence[str] = (),
    *,
    first_batch: int = STORE_BATCH,
) -> tuple[list[int], int]:
    """Store article rows already built (``writes.prepare_article`` of a draft's record,
    in a parser process: refresh) with ``tags`` each, :data:`STORE_BATCH` per
    transaction, the first transaction ``first_batch`` (small: the first articles of a
    refresh are readable sooner). Returns (new ids, skipped as already stored)."""
    added: list[int] = []
    skipped = 0
    lo = 0
    size = max(1, first_batch)
    while lo < len(records):
        chunk = records[lo : lo + size]
        saved = writes.save_articles(conn, chunk, [tags] * len(chunk) if tags else ())
        for article_id, created in saved:
            if created:
                added.append(article_id)
            else:
                skipped += 1
        lo += size
        size = STORE_BATCH
    return added, skipped


def _store(
    conn: sqlite3.Connection,
    drafts: Sequence[ArticleDraft],
    *,
    on_draft: Callable[[int, int, bool | None], None],
) -> None:
    """Store drafts without analysis, :data:`STORE_BATCH` per transaction;
    ``on_draft(index, article id, created)`` for each draft once it is handled
    (``created`` None: an empty body, 0 as id; False: already stored). With the same
    bulk-write settings as a refresh (:func:`store.writes.prepare_bulk_writes`)."""
    if not drafts:
        return
    cache = writes.prepare_bulk_writes(conn)
    try:
        for lo in range(0, len(drafts), STORE_BATCH):
            chunk = drafts[lo : lo + STORE_BATCH]
            keep = [k for k, d in enumerate(chunk) if d.body and d.body.strip()]
            saved = writes.save_articles(
                conn, [chunk[k].record() for k in keep], [chunk[k].tags for k in keep]
            )
            got = dict(zip(keep, saved, strict=True))
            for k in range(len(chunk)):
                if k in got:
                    on_draft(lo + k, *got[k])
                else:
                    on_draft(lo + k, 0, None)
    finally:
        writes.end_bulk_writes(conn, cache)


def analyse_queue(
    conn: sqlite3.Connection,
    analyzer: Any,
    on_progress: Callable[[int, int, int], None] | None = None,
    on_error: Callable[[int, str], None] | None = None,
    on_second_look: Callable[[int, int], None] | None = None,
) -> Any:
    """Run the analysis queue (:func:`ingest.analysis_queue.run_queue`) with ``analyzer``
    (a :class:`DraftAnalyzer` or an :class:`analysis.analyzer.Analyzer`);
    ``on_second_look(done, total)`` follows the run's closing second look at its stories."""
    from analysis.version import fingerprint
    from ingest.analysis_queue import run_queue
    from store.queue import record_if_fresh

    record_if_fresh(conn, fingerprint())  # a new store's first analysis is this code's
    return run_queue(
        conn,
        analyzer,
        on_progress=on_progress,
        on_error=on_error,
        on_second_look=on_second_look,
    )


def import_paths(
    conn: sqlite3.Connection,
    paths: Iterable[str | os.PathLike[str]],
    *,
    analyzer: Analyzer | None = None,
    on_progress: Callable[[ImportResult], None] | None = None,
    **options: Any,
) -> list[ImportResult]:
    """Import each path on its own: one failing input never stops the others.

    Every path is read and stored first (no analysis: readable at once); then, with an
    ``analyzer``, the analysis queue runs over everything waiting for it in one stream,
    so with worker processes the workers are started once and kept busy across files.
    ``on_progress`` gets each path's result, in order, once its last article is stored
    (before the analysis)."""
    results: list[ImportResult] = []
    drafts: list[ArticleDraft] = []
    owner: list[int] = []
    for k, path in enumerate(paths):
        res = ImportResult(origin=os.fspath(path))
        try:
            target = path if isinstance(path, str) and is_url(path) else Path(path)
            found = drafts_from_path(target, **options)
            drafts.extend(found)
            owner.extend([k] * len(found))
        except IngestError as exc:
            res.error = str(exc)
        except Exception as exc:  # whatever a hostile file makes a parser raise
            res.error = unexpected(res.origin, exc)
        results.append(res)
    left = Counter(owner)
    reported = 0

    def report() -> None:
        nonlocal reported
        while reported < len(results) and not left[reported]:
            if on_progress:
                on_progress(results[reported])
            reported += 1

    def on_draft(i: int, article_id: int, created: bool | None) -> None:
        res = results[owner[i]]
        if created:
            res.added += 1
            res.article_ids.append(article_id)
        elif created is not None:
            res.skipped += 1
        left[owner[i]] -= 1
        report()

    report()
    _store(conn, drafts, on_draft=on_draft)
    report()
    if analyzer is not None:
        analyse_queue(conn, analyzer)
    return results


#: An undated article's reference moves back from its capture to the latest day it
#: writes out only within this many days (older days are history it recalls).
REFERENCE_DAYS = 45


def reference(draft: ArticleDraft) -> str | None:
    """The date relative times in a draft count from: its publication date; for an undated
    article, the latest day it writes out ("July 8") within REFERENCE_DAYS before its
    capture, else the capture itself. A page saved on 2 August that reports 8 July and
    says "last month" means June (see :func:`analysis.timex.latest_written_day`)."""
    return reference_date(draft.published_at, draft.fetched_at, draft.body, draft.captions)


def reference_date(
    published_at: str | None, fetched_at: str | None, body: str, captions: Sequence[str] = ()
) -> str | None:
    """:func:`reference` for stored articles too."""
    if published_at or not fetched_at:
        return published_at
    from analysis.timex import latest_written_day

    try:
        captured = date.fromisoformat(fetched_at[:10])
    except ValueError:
        return fetched_at
    text = "\n\n".join([body[:50_000], *captions])
    latest = latest_written_day(text, captured)
    if latest is not None and (captured - latest).days <= REFERENCE_DAYS:
        return latest.isoformat()
    return fetched_at


class DraftAnalyzer:
    """Adapts :class:`analysis.analyzer.Analyzer` (plain ``(body, published_at)`` pairs) to
    drafts. spaCy loads on the first ``analyse`` call, not here."""

    def __init__(self, n_process: int = 1, batch_size: int = 32) -> None:
        from analysis.analyzer import Analyzer as TextAnalyzer

        self.analyzer = TextAnalyzer(n_process=n_process, batch_size=batch_size)

    def analyse(self, drafts: Sequence[ArticleDraft]) -> list[dict[str, Any]]:
        return self.analyzer.analyse_texts([(d.body, reference(d), d.title) for d in drafts])

    def analyse_stream(self, drafts: Sequence[ArticleDraft]) -> Iterator[dict[str, Any]]:
        """Results one by one as they are ready (see ``Analyzer.analyse_stream``)."""
        return self.analyzer.analyse_stream((d.body, reference(d), d.title) for d in drafts)


def default_analyzer() -> Analyzer | None:
    """The analysis step imports use: entities (and, when analysis/ has them, events)."""
    return DraftAnalyzer()


def reanalyse_all(
    conn: sqlite3.Connection,
    analyzer: Any,
    on_progress: Callable[[int, int], None] | None = None,
    on_error: Callable[[int, str], None] | None = None,
    on_second_look: Callable[[int, int], None] | None = None,
) -> int:
    """Analyse every stored article again (a newer model or newer rules) through the
    analysis queue: every story and event link is forgotten, every article goes back in
    the queue, and each new analysis is stored and linked in one transaction as it lands
    (killed half-way, ``newsreader analyse`` finishes the rest). The reader's corrections
    are replayed at the end; tags and notes are never touched. ``analyzer`` as for
    :func:`analyse_queue`; ``on_progress(done, total)`` follows the articles. Returns the
    number of events."""
    from analysis.version import fingerprint
    from ingest.corrections import replay_overrides
    from ingest.linking import clear_all_links
    from store.queue import mark_all_pending, record_analysis

    clear_all_links(conn)
    mark_all_pending(conn)
    # every article is queued for this analysis now (killed half-way, the queue finishes)
    record_analysis(conn, fingerprint())
    analyse_queue(
        conn,
        analyzer,
        on_progress=(lambda d, t, _id: on_progress(d, t)) if on_progress else None,
        on_error=on_error,
        on_second_look=on_second_look,
    )
    replay_overrides(conn)
    return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
