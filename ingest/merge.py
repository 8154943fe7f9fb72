"""``newsreader merge``: stores analysed elsewhere (shards) merged into this one.

One transaction per shard: its rows (:func:`store.merge.merge_in`), then the linking of
its merged articles into this store's stories and events, oldest first (as a re-link
replays them), with the reader's corrections applied as each article comes round. A
failure anywhere leaves the store as it was before that shard.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from store import merge as store_merge
from store.db import transaction


@dataclass
class ShardResult:
    """How one shard went: its stats, or the one line it was refused with."""

    path: str
    stats: store_merge.MergeStats | None = None
    error: str | None = None


def merge_shard(
    conn: sqlite3.Connection,
    path: str | os.PathLike[str],
    on_linked: Callable[[int, int], None] | None = None,
) -> store_merge.MergeStats:
    """Merge one shard in one transaction; raises :class:`store.merge.MergeError` for a
    shard that cannot be merged (nothing written). ``on_linked(done, total)`` follows
    the linking. Ends with a second look at the merged articles' stories
    (:func:`ingest.relinking.settle`), as an import does."""
    from ingest.linking import link_in
    from ingest.relinking import settle

    shard = store_merge.open_shard(path, conn)
    try:
        with transaction(conn):
            stats = store_merge.merge_in(conn, shard)
            for k, article_id in enumerate(stats.analysed, 1):
                link_in(conn, article_id)
                if on_linked:
                    on_linked(k, len(stats.analysed))
    finally:
        shard.close()
    # As an import ends: a second look at the stories of the articles merged in (each
    # its own transaction; the shard is in whatever they decide).
    settle(conn, stats.analysed)
    return stats


def merge_shards(
    conn: sqlite3.Connection,
    paths: Iterable[str | os.PathLike[str]],
    on_shard: Callable[[ShardResult], None] | None = None,
    on_linked: Callable[[int, int], None] | None = None,
) -> list[ShardResult]:
    """Merge each shard on its own: one refused or failing shard leaves the store as it
    was before it, and the others still go in. ``on_shard`` after each shard;
    ``on_linked(done, total)`` follows the linking of each."""
    out = []
    for path in paths:
        res = ShardResult(os.fspath(path))
        try:
            res.stats = merge_shard(conn, path, on_linked)
        except store_merge.MergeError as exc:
            res.error = str(exc)
        except sqlite3.Error as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            res.error = f"{res.path}: not merged ({first}); the store is as it was before it"
        out.append(res)
        if on_shard:
            on_shard(res)
    return out
