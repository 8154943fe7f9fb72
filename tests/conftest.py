"""Shared fixtures. The spaCy model loads once per session (see ``nlp``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import open_store

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).parent.parent / "ingest" / "samples"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture
def conn(db_path: Path) -> Iterator[sqlite3.Connection]:
    c = open_store(db_path)
    yield c
    c.close()


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the real user's data directory or database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("NEWSREADER_DB", raising=False)


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The real spaCy pipeline, loaded once for the whole test session."""
    from analysis.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def _sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples imported once (no NLP) into a template database."""
    from ingest.pipeline import import_paths
    from ingest.samples import SAMPLE_CAPTURED, sample_paths

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    c = open_store(path)
    # A fixed capture time: the seed page's "2 hours ago" would otherwise count back from
    # the checkout's file mtime and the screens would change from one clone to another.
    from datetime import datetime

    captured = datetime.fromisoformat(SAMPLE_CAPTURED)
    results = import_paths(c, sample_paths(), captured=captured)
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()
    assert not [r.error for r in results if r.error]
    return path


@pytest.fixture
def sample_db(_sample_store: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store for one test."""
    import shutil

    dest = tmp_path / "sample.db"
    shutil.copy(_sample_store, dest)
    return dest
