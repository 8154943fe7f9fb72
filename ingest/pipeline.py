"""Import: inputs -> drafts -> analysis -> store, one transaction per article.

This is where ingest/ wires analysis/ (pure NLP) to store/ (SQLite). Already-stored
articles are recognised before analysis, so re-importing costs no NLP.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
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
    if linker is None and analyzer is not None:
        from ingest.linking import link_article, link_pending

        linker = link_article
        # An import killed between storing an article and linking it left mentions
        # without an event: finish those first (an indexed lookup; usually none).
        link_pending(conn)
    added: list[int] = []
    skipped = 0
    fresh: list[tuple[ArticleDraft, dict[str, Any]]] = []
    for d in drafts:
        rec = d.record()
        if not rec["body"] or not rec["body"].strip():
            continue
        rec["content_hash"] = writes.content_hash(rec["body"])
        if writes.find_existing(conn, rec) is not None:
            skipped += 1
            if on_article:
                on_article(0, False)
        else:
            fresh.append((d, rec))
    results = _analysed(analyzer, [d for d, _ in fresh], batch)
    try:
        # Each article is stored and linked as its analysis arrives; with a streaming
        # analyser the next articles are analysed meanwhile (in worker processes).
        for (draft, rec), result in zip(fresh, results, strict=True):
            article_id, created = writes.save_article(
                conn,
                rec,
                mentions=result.get("mentions", ()),
                event_mentions=result.get("event_mentions", ()),
                tags=draft.tags,
                analysed=analyzer is not None,
            )
            if created:
                added.append(article_id)
                if linker and analyzer is not None:
                    linker(conn, [article_id])  # its story, then its events
            else:
                skipped += 1
            if on_article:
                on_article(article_id, created)
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stops the analysis workers when storing stops early
    return added, skipped


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
    """Import each path on its own: one failing input never stops the others."""
    results = []
    for path in paths:
        res = ImportResult(origin=os.fspath(path))
        try:
            target = path if isinstance(path, str) and is_url(path) else Path(path)
            drafts = drafts_from_path(target, **options)
            ids, res.skipped = store_drafts(conn, drafts, analyzer=analyzer, linker=linker)
            res.added = len(ids)
            res.article_ids = ids
        except IngestError as exc:
            res.error = str(exc)
        results.append(res)
        if on_progress:
            on_progress(res)
    return results


def reference(draft: ArticleDraft) -> str | None:
    """The date relative times in a draft count from: its publication date, else when it
    was captured ("last month" in a page saved on 2 August 2025 is July 2025)."""
    return draft.published_at or draft.fetched_at


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
