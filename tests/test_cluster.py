"""The Dask engine (`newsreader analyse --engine dask`) on a real LocalCluster: the same
store as the local engine, row for row; clear one-line errors when it cannot run."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from ingest.analysis_queue import run_queue
from ingest.pipeline import import_paths
from store import open_store, writes
from store.queue import pending_count
from tests.conftest import SAMPLES, run_newsreader
from tests.store_rows import analysis_rows

pytest.importorskip("distributed")

#: Related reports (Boeing, Airbus, Apple, Ford, 2004-2006): stories and events span
#: articles, so the order they are linked in shows in the result.
N_ARTICLES = 24


@pytest.fixture
def meantime_store(tmp_path: Path) -> Path:
    """N_ARTICLES bundled sample reports stored without analysis, with a tag and a note."""
    lines = (SAMPLES / "meantime-en.jsonl").read_text(encoding="utf-8").splitlines()
    src = tmp_path / "reports.jsonl"
    src.write_text("\n".join(lines[:N_ARTICLES]) + "\n", encoding="utf-8")
    db = tmp_path / "reports.db"
    conn = open_store(db)
    (res,) = import_paths(conn, [src])
    assert res.added == N_ARTICLES, res
    writes.add_tags(conn, res.article_ids[0], ["boeing"])
    writes.add_annotation(conn, res.article_ids[1], 0, 10, "check the date")
    conn.close()
    return db


def _reader_data(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return [
        tuple(r)
        for r in conn.execute(
            "SELECT a.content_hash, 'tag', t.name FROM article_tags x "
            "JOIN tags t ON t.id = x.tag_id JOIN articles a ON a.id = x.article_id "
            "UNION ALL SELECT a.content_hash, 'note', n.note FROM annotations n "
            "JOIN articles a ON a.id = n.article_id ORDER BY 1, 2, 3"
        )
    ]


def test_dask_engine_stores_exactly_what_the_local_engine_stores(
    meantime_store: Path, tmp_path: Path, nlp: object
) -> None:
    from analysis.analyzer import Analyzer
    from ingest.cluster import DaskAnalyzer

    other = tmp_path / "dask.db"
    shutil.copy(meantime_store, other)

    local = open_store(meantime_store)
    report = run_queue(local, Analyzer(nlp=nlp))  # type: ignore[arg-type]
    assert report.analysed == N_ARTICLES and not report.failed
    expected = analysis_rows(local)

    conn = open_store(other)
    # Small shards on two workers: shards finish out of order, and are stored in order.
    with DaskAnalyzer(workers=2, shard_size=3) as engine:
        assert len(engine._client.nthreads()) == 2
        report = run_queue(conn, engine)
    assert report.analysed == N_ARTICLES and not report.failed
    got = analysis_rows(conn)

    assert pending_count(conn) == 0
    for table in ("mentions", "event_mentions", "events", "stories", "entities"):
        assert got[table] == expected[table], table
    # Something to compare: linking reached across articles.
    assert len(got["mentions"]) > 20 * N_ARTICLES
    assert any(len(members) > 1 for *_, members in got["stories"])
    assert _reader_data(conn) == _reader_data(local)
    assert len(_reader_data(conn)) == 2
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_cli_dask_engine_analyses_the_queue(meantime_store: Path) -> None:
    out = run_newsreader(
        "--db", str(meantime_store), "analyse", "--engine", "dask", "--workers", "2", timeout=600
    )
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip().splitlines()[-1] == f"{N_ARTICLES} articles analysed"
    conn = open_store(meantime_store)
    assert pending_count(conn) == 0
    assert len(_reader_data(conn)) == 2


def test_a_running_scheduler_is_used_for_the_queue_and_for_all(meantime_store: Path) -> None:
    """--scheduler: the workers of a cluster started elsewhere (here, a LocalCluster of
    this test process) analyse; `--all` re-analyses through them to the same rows."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        out = run_newsreader(
            "--db",
            str(meantime_store),
            "analyse",
            "--engine",
            "dask",
            "--scheduler",
            address,
            timeout=600,
        )
        assert out.returncode == 0, out.stderr
        conn = open_store(meantime_store)
        first = analysis_rows(conn)
        conn.close()
        out = run_newsreader(
            "--db",
            str(meantime_store),
            "analyse",
            "--all",
            "--engine",
            "dask",
            "--scheduler",
            address,
            timeout=600,
        )
        assert out.returncode == 0, out.stderr
        assert out.stderr.strip().splitlines()[-1] == f"{N_ARTICLES} articles analysed"
    conn = open_store(meantime_store)
    assert analysis_rows(conn) == first
    assert len(first["events"]) > N_ARTICLES
    assert len(_reader_data(conn)) == 2


def test_dask_missing_is_one_line(meantime_store: Path, tmp_path: Path) -> None:
    """Without the extra installed (a `distributed` that cannot be imported first on the
    path), --engine dask is refused in one line naming the install command."""
    fake = tmp_path / "nodask" / "distributed"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('No module named distributed')\n")
    from tests.conftest import ROOT

    out = run_newsreader(
        "--db",
        str(meantime_store),
        "analyse",
        "--engine",
        "dask",
        env={"PYTHONPATH": f"{fake.parent}:{ROOT}"},
    )
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert "pip install 'newsreader[cluster]'" in lines[0]
    conn = open_store(meantime_store)
    assert pending_count(conn) == N_ARTICLES


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
        (["--workers", "2"], "--workers needs --engine dask"),
        (["--engine", "dask", "--processes", "2"], "--processes is for --engine local"),
        (
            ["--engine", "dask", "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"],
            "--workers starts a local cluster",
        ),
    ],
)
def test_engine_options_that_do_not_fit_are_one_line(
    meantime_store: Path, args: list[str], message: str
) -> None:
    out = run_newsreader("--db", str(meantime_store), "analyse", *args)
    assert out.returncode == 1
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert message in out.stderr


def test_shards_are_bounded_by_count_and_characters() -> None:
    from ingest.cluster import shards

    items = [("x" * n, None) for n in (10, 10, 10, 500, 10, 10)]
    got = [[len(b) for b, _ in s] for s in shards(items, size=2, chars=100)]
    assert got == [[10, 10], [10], [500], [10, 10]]
    assert json.dumps(got)  # plain data
