"""Import: inputs -> drafts -> analysis -> store, one transaction per article.

This is where ingest/ wires analysis/ (pure NLP) to store/ (SQLite). Already-stored
articles are recognised before analysis, so re-importing costs no NLP.
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


#: Called after each stored article with the ids of its new event mentions.
Linker = Callable[[sqlite3.Connection, list[int]], None]


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


def store_drafts(
    conn: sqlite3.Connection,
    drafts: Sequence[ArticleDraft],
    *,
    analyzer: Analyzer | None = None,
    linker: Linker | None = None,
    batch: int = 16,
    on_article: Callable[[int, bool], None] | None = None,
) -> tuple[list[int], int]:
    """Store drafts (analysing the new ones in batches); returns (new ids, skipped).

    Analysed articles are linked to the stored events (:func:`ingest.linking.link_article`)
    unless another ``linker`` is given.
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

    _store(conn, drafts, analyzer=analyzer, linker=linker, batch=batch, on_draft=on_draft)
    return added, skipped


def _store(
    conn: sqlite3.Connection,
    drafts: Sequence[ArticleDraft],
    *,
    analyzer: Analyzer | None,
    linker: Linker | None,
    batch: int,
    on_draft: Callable[[int, int, bool | None], None],
) -> None:
    """Store drafts, the new ones analysed in one stream; ``on_draft(index, article id,
    created)`` for each draft once it is handled (``created`` None: an empty body, 0 as id;
    False: already stored, before any analysis, or a duplicate met on saving)."""
    if linker is None and analyzer is not None:
        from ingest.linking import link_article, link_pending

        linker = link_article
        # An import killed between storing an article and linking it left mentions
        # without an event: finish those first (an indexed lookup; usually none).
        link_pending(conn)
    fresh: list[tuple[int, ArticleDraft, dict[str, Any]]] = []
    for i, d in enumerate(drafts):
        rec = d.record()
        if not rec["body"] or not rec["body"].strip():
            on_draft(i, 0, None)
            continue
        rec["content_hash"] = writes.content_hash(rec["body"])
        existing = writes.find_existing(conn, rec)
        if existing is not None:
            on_draft(i, 0, False)
        else:
            fresh.append((i, d, rec))
    results = _analysed(analyzer, [d for _, d, _ in fresh], batch)
    try:
        # Each article is stored and linked as its analysis arrives; with a streaming
        # analyser the next articles are analysed meanwhile (in worker processes).
        for (i, draft, rec), result in zip(fresh, results, strict=True):
            article_id, created = writes.save_article(
                conn,
                rec,
                mentions=result.get("mentions", ()),
                event_mentions=result.get("event_mentions", ()),
                tags=draft.tags,
                # A text the analysis failed on is stored unanalysed (the rest go on).
                analysed=analyzer is not None and not result.get("error"),
            )
            if created and linker and analyzer is not None:
                linker(conn, [article_id])  # its story, then its events
            on_draft(i, article_id, created)
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stops the analysis workers when storing stops early


def _analysed(
    analyzer: Analyzer | None, drafts: list[ArticleDraft], batch: int
) -> Iterator[dict[str, Any]]:
    """Analysis results for ``drafts`` in order: streamed when the analyser can
    (``analyse_stream``), else in batches of ``batch``; empty dicts without an analyser."""
    if analyzer is None or not drafts:
        return iter([{} for _ in drafts])
    stream = getattr(analyzer, "analyse_stream", None)
    if stream is not None:
        return iter(stream(drafts))
    return (
        r for i in range(0, len(drafts), batch) for r in analyzer.analyse(drafts[i : i + batch])
    )


def import_paths(
    conn: sqlite3.Connection,
    paths: Iterable[str | os.PathLike[str]],
    *,
    analyzer: Analyzer | None = None,
    linker: Linker | None = None,
    on_progress: Callable[[ImportResult], None] | None = None,
    **options: Any,
) -> list[ImportResult]:
    """Import each path on its own: one failing input never stops the others.

    Every path is read first; then the drafts of all of them are analysed in one stream
    (as the app's import does), so with worker processes the workers are started once and
    kept busy across files instead of idling at the end of each file while the next one
    starts a pool of its own (bench/ingest_speed.py, n_process=2: 0.58x of plain
    ``nlp.pipe``). ``on_progress`` gets each path's result, in order, once its last
    article is stored."""
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
    _store(conn, drafts, analyzer=analyzer, linker=linker, batch=16, on_draft=on_draft)
    report()
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
        return self.analyzer.analyse_texts([(d.body, reference(d)) for d in drafts])

    def analyse_stream(self, drafts: Sequence[ArticleDraft]) -> Iterator[dict[str, Any]]:
        """Results one by one as they are ready (see ``Analyzer.analyse_stream``)."""
        return self.analyzer.analyse_stream((d.body, reference(d)) for d in drafts)


def default_analyzer() -> Analyzer | None:
    """The analysis step imports use: entities (and, when analysis/ has them, events)."""
    return DraftAnalyzer()


def reanalyse_all(
    conn: sqlite3.Connection,
    analyzer: Any,
    on_progress: Callable[[int, int], None] | None = None,
) -> int:
    """Analyse every stored article again (a newer model or newer rules), one transaction
    per article, then group stories and link events afresh
    (:func:`ingest.linking.relink_all`). Tags, notes and the reader's corrections are kept.
    ``analyzer`` is an :class:`analysis.analyzer.Analyzer` (``analyse_stream``).
    ``on_progress(done, total)`` follows the articles. Returns the number of events."""
    import json

    from ingest.linking import relink_all

    ids = [int(r[0]) for r in conn.execute("SELECT id FROM articles ORDER BY id")]

    def items() -> Iterator[tuple[str, str | None]]:
        # One body at a time: an archive's bodies never sit in memory together.
        for article_id in ids:
            r = conn.execute(
                "SELECT body, published_at, fetched_at, captions FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
            captions = json.loads(r["captions"] or "[]")
            yield r["body"], reference_date(r["published_at"], r["fetched_at"], r["body"], captions)

    results = analyzer.analyse_stream(items())
    try:
        for k, (article_id, result) in enumerate(zip(ids, results, strict=True), 1):
            if not result.get("error"):  # the analysis failed on this text: keep what it had
                writes.replace_analysis(
                    conn, article_id, result.get("mentions", ()), result.get("event_mentions", ())
                )
            if on_progress:
                on_progress(k, len(ids))
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()
    return relink_all(conn, on_progress=on_progress)
