"""The worker plugin of the Dask engine: each worker process loads the spaCy model once,
when it starts (or joins the cluster later), not inside its first task.

Imported only by :mod:`ingest.cluster` once dask is known to be installed; a worker
unpickles it by reference, so every worker needs newsreader (and its model) installed.
"""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin


class LoadModel(WorkerPlugin):
    """Loads the analysis (:func:`analysis.shard.warm_up`) on the worker at setup."""

    idempotent = True

    def setup(self, worker: Any) -> None:
        from analysis.shard import warm_up

        warm_up()
