"""The analysis of one shard of articles, as a task on another process or machine.

A cluster engine (``newsreader analyse --engine dask``, :mod:`ingest.cluster`) ships
shards of ``(body, reference date)`` pairs to worker processes and gets the result dicts
back; nothing here touches the store, so a worker needs only newsreader and its model
installed, never the SQLite file. Each worker process builds its
:class:`analysis.analyzer.Analyzer` (the spaCy model) once, on the first shard or when
:func:`warm_up` runs there, and keeps it for every later shard.

Nothing here imports dask: the functions are plain, picklable by reference.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from analysis.analyzer import Analyzer, Item

#: The worker process's analyser, built once (see :func:`analyser`).
_ANALYSER: Analyzer | None = None
#: One shard at a time per process: spaCy's pipeline is not made to be shared by
#: threads, and a worker with several threads gains nothing on this CPU-bound work.
_LOCK = threading.Lock()


def analyser() -> Analyzer:
    """This process's analyser (one process, one model), loading the model the first time."""
    global _ANALYSER
    if _ANALYSER is None:
        made = Analyzer(n_process=1)
        made.nlp  # noqa: B018 - loads the model now, not inside the first shard's timing
        _ANALYSER = made
    return _ANALYSER


def versions() -> dict[str, str | None]:
    """The newsreader version and the model package's version installed here (read from
    the package metadata: no model is loaded). Two processes that agree on both analyse
    an article the same way."""
    from importlib.metadata import PackageNotFoundError, version

    from analysis.nlp import MODEL_NAMES

    def installed(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    model = next(
        (f"{name} {v}" for name in MODEL_NAMES if (v := installed(name)) is not None), None
    )
    return {"newsreader": installed("newsreader"), "model": model}


def warm_up() -> dict[str, str | None]:
    """Load the model in this process now; returns :func:`versions` (the client refuses
    workers that differ from it: their results would differ)."""
    with _LOCK:
        analyser()
    return versions()


def analyse_shard(items: Sequence[Item]) -> list[dict[str, Any]]:
    """One result dict per ``(body, reference)`` item, in order; an item the analysis
    fails on gets ``{"error": ...}`` (see :meth:`Analyzer.analyse_or_fail`)."""
    with _LOCK:
        return analyser().analyse_or_fail(list(items))
