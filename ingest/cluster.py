"""The analysis queue on a Dask cluster (``newsreader analyse --engine dask``).

What runs where: the client (this process) reads the articles waiting for analysis from
the one SQLite store, newest first, a page at a time (:func:`ingest.analysis_queue.
pending_batches`), cuts them into shards and ships each shard's ``(body, reference
date)`` pairs to the workers as a dask.distributed task; a worker runs the pure analysis
(:func:`analysis.shard.analyse_shard`: spaCy, entities, dates, events; its model loaded
once per worker process by :class:`ingest.dask_plugin.LoadModel`) and sends the result
dicts back. The client stores and links each shard's results in one transaction, in the
queue's order, whatever order the shards finish in: :func:`ingest.analysis_queue.
run_queue` does that for both engines, so the store ends up exactly as with
``--engine local``. Workers never see the store.

Linking stays here, on one machine: it reads and writes the whole store (stories and
events across every article) and each article's links depend on those linked before it,
so it is sequential by nature; it costs a fraction of the analysis, and that fraction
(the client's write and link rate, ``bench/scale_out.py``) is the ceiling of how many
workers one store can feed.

Memory stays bounded: at most ``window`` shards are in flight, and at most
:data:`HOLD` times as many submitted and not stored yet (finished early, waiting for
their turn to be stored); the bodies of the rest stay in the store until their page is
read.
Kill-safe and resumable as the local engine: an article stays waiting until the
transaction that stores its result commits.

dask is an optional extra (``pip install 'newsreader[cluster]'``), imported only when
this engine starts, never on the app's start path.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from analysis.analyzer import Item

#: Articles per task (a shard): a few seconds of one worker's time, so the scheduling
#: costs nothing next to it and every worker stays busy to the end.
SHARD_ARTICLES = 16
#: Characters per shard at most (what is shipped to a worker at once; a longer body goes
#: alone).
SHARD_CHARS = 200_000

#: Shards submitted and not stored yet, at most, per shard in flight: those that finish
#: while an earlier one still runs wait for it (stored in order) without idling a worker.
HOLD = 4

INSTALL_HINT = "pip install 'newsreader[cluster]'"


class EngineError(Exception):
    """The cluster engine cannot run (dask missing, scheduler unreachable, workers that
    disagree on the model). One line for the user."""


def shards(
    items: Iterable[Item],
    size: int = SHARD_ARTICLES,
    chars: int = SHARD_CHARS,
) -> Iterator[list[Item]]:
    """Consecutive items in lists of at most ``size`` items and ``chars`` characters (an
    item longer than that goes alone)."""
    shard: list[Item] = []
    held = 0
    for item in items:
        n = len(item[0])
        if shard and (len(shard) >= size or held + n > chars):
            yield shard
            shard, held = [], 0
        shard.append(item)
        held += n
    if shard:
        yield shard


def versions() -> dict[str, str | None]:
    """The newsreader and model versions of this process (the client's and each
    worker's must agree, or the same article would be analysed differently)."""
    from analysis.shard import versions as shard_versions

    return shard_versions()


class DaskAnalyzer:
    """The analysis of :func:`ingest.analysis_queue.run_queue` as Dask tasks.

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``); None starts a
    LocalCluster here with ``workers`` single-threaded worker processes. ``shard_size``:
    articles per task; ``window``: shards in flight at most (default: two per worker
    thread, so each worker has one to run and one queued; see :data:`HOLD`). Use as a context manager (or
    call :meth:`close`): the cluster it started goes with it.
    """

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int | None = None,
        *,
        shard_size: int = SHARD_ARTICLES,
        window: int | None = None,
    ) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.shard_size = max(1, shard_size)
        self._window = window
        self._client: Any = None
        self._cluster: Any = None

    # ----------------------------------------------------------------- the cluster

    def start(self) -> DaskAnalyzer:
        """Connect (or start the LocalCluster), load the model on every worker, check
        that they all run this newsreader and this model."""
        if self._client is not None:
            return self
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise EngineError(
                f"--engine dask needs dask.distributed, which is not installed: {INSTALL_HINT}"
            ) from None
        from ingest.analysis_queue import default_processes
        from ingest.dask_plugin import LoadModel

        logging.getLogger("distributed").setLevel(logging.ERROR)
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout="20s")
            else:
                self._cluster = LocalCluster(
                    n_workers=self.workers or default_processes(),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster)
        except OSError as exc:
            self.close()
            where = self.scheduler or "a local cluster"
            raise EngineError(f"cannot reach {where}: {exc}") from None
        try:
            self._client.register_plugin(LoadModel(), name="newsreader-model")
            if self.scheduler and not self._client.nthreads():
                self._client.wait_for_workers(1, timeout=60)
            from analysis.shard import warm_up

            found = self._client.run(warm_up)
        except EngineError:
            self.close()
            raise
        except Exception as exc:
            self.close()
            raise EngineError(f"the workers could not load the analysis: {exc}") from None
        mine = versions()
        for address, theirs in sorted(found.items()):
            if theirs != mine:
                self.close()
                raise EngineError(
                    f"worker {address} runs {_describe(theirs)}, this client "
                    f"{_describe(mine)}: install the same on every worker"
                )
        return self

    def close(self) -> None:
        """Disconnect; a LocalCluster started here is shut down."""
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    def __enter__(self) -> DaskAnalyzer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def window(self) -> int:
        """Shards in flight at most."""
        if self._window:
            return self._window
        threads = sum(self._client.nthreads().values()) if self._client is not None else 1
        return max(2, 2 * threads)

    # ----------------------------------------------------------------- the analysis

    def analyse_groups(self, items: Iterable[Item]) -> Iterator[list[dict[str, Any]]]:
        """The results of ``items`` a shard at a time, in the items' order (a shard
        that finished early waits for those before it). A shard whose task failed (a
        worker lost, say) gets an ``error`` result for each of its items: they stay
        waiting in the store for the next run."""
        from distributed import as_completed

        from analysis.shard import analyse_shard

        self.start()
        client = self._client
        window = self.window
        hold = HOLD * window
        source = shards(items, self.shard_size)
        sizes: dict[int, int] = {}  # shard number -> its item count, until it is yielded
        order: dict[str, int] = {}  # task key -> shard number
        ready: dict[int, list[dict[str, Any]]] = {}
        flying = as_completed()
        submitted = done = 0

        def submit() -> bool:
            nonlocal submitted
            shard = next(source, None)
            if shard is None:
                return False
            future = client.submit(analyse_shard, shard, pure=False)
            order[future.key] = submitted
            sizes[submitted] = len(shard)
            flying.add(future)
            submitted += 1
            return True

        def fill() -> None:
            # Keep `window` shards running; a slow shard holds back the storing of those
            # after it, not the workers, until `hold` shards wait for their turn.
            while len(order) < window and submitted - done < hold and submit():
                pass

        try:
            fill()
            for future in flying:
                k = order.pop(future.key)
                try:
                    results = future.result()
                except Exception as exc:
                    message = f"the cluster lost the task ({type(exc).__name__}: {exc})"
                    results = [{"error": message}] * sizes[k]
                future.release()
                ready[k] = results
                fill()
                while done in ready:
                    yield ready.pop(done)
                    del sizes[done]
                    done += 1
                    fill()
        finally:
            for future in list(flying.futures):
                future.cancel()
            flying.clear()

    def analyse_stream(self, items: Iterable[Item]) -> Iterator[dict[str, Any]]:
        """The results one by one, in order (the shape of the local engine)."""
        for group in self.analyse_groups(items):
            yield from group


def _describe(v: dict[str, str | None]) -> str:
    return f"newsreader {v.get('newsreader')} with model {v.get('model')}"
