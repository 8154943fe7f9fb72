"""Shared fixtures. The spaCy model loads once per session (see ``nlp``)."""

from __future__ import annotations

import copy
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

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
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("NEWSREADER_DB", raising=False)


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The real spaCy pipeline, loaded once for the whole test session."""
    from analysis.nlp import load_nlp

    return load_nlp()


class RememberingAnalyzer:
    """The real analysis (:class:`analysis.analyzer.Analyzer` on the session's pipeline),
    each ``(body, reference[, headline])`` analysed once per test session and handed out as a deep
    copy. For tests that need analysed articles in a store (the queue, merging, linking
    on real reports), not a fresh analysis: a text's analysis does not depend on the
    texts analysed with it (the Dask engine's shards store what the local engine's
    batches store, tests/test_cluster.py)."""

    def __init__(self, nlp: Any) -> None:
        from analysis.analyzer import Analyzer

        self.inner = Analyzer(nlp=nlp)
        self.done: dict[tuple[Any, ...], dict[str, Any]] = {}

    def analyse_texts(self, items: Iterable[tuple[Any, ...]]) -> list[dict[str, Any]]:
        items = list(items)
        todo = list(dict.fromkeys(it for it in items if it not in self.done))
        if todo:
            self.done.update(zip(todo, self.inner.analyse_texts(todo), strict=True))
        return [copy.deepcopy(self.done[it]) for it in items]

    def analyse_stream(self, items: Iterable[tuple[Any, ...]]) -> Iterator[dict[str, Any]]:
        # (No ``analyzer`` attribute: run_queue would take that and analyse again.)
        return iter(self.analyse_texts(items))


@pytest.fixture(scope="session")
def remembering_analyzer(nlp: Any) -> RememberingAnalyzer:
    """The session's :class:`RememberingAnalyzer`."""
    return RememberingAnalyzer(nlp)


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


BODY_A = (
    "Hamas fighters launched a large-scale attack on Israel on 7 October 2023.\n\n"
    "The attack killed hundreds of people. Israel responded with a campaign in Gaza."
)
BODY_B = (
    "Iran's regional influence has weakened since Hamas' October 7, 2023 attack on Israel.\n\n"
    "Hezbollah sought to support Hamas by firing rockets."
)


def ent(label: str, name: str) -> dict[str, object]:
    return {"key": f"{label}:{name.lower()}", "label": label, "name": name, "aliases": [name]}


def mentions_for(body: str, names: dict[str, str]) -> list[dict[str, object]]:
    out = []
    for name, label in names.items():
        start = 0
        while (i := body.find(name, start)) >= 0:
            out.append(
                {
                    "start": i,
                    "end": i + len(name),
                    "text": name,
                    "label": label,
                    "sentence": 0,
                    "entity": ent(label, name),
                }
            )
            start = i + len(name)
    return sorted(out, key=lambda m: m["start"])  # type: ignore[arg-type,return-value]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """Two articles on the same event, linked, with entities."""
    path = tmp_path / "flows.db"
    from store import writes

    conn = open_store(path)
    names = {"Hamas": "ORG", "Israel": "GPE", "Hezbollah": "ORG", "Gaza": "GPE", "Iran": "GPE"}
    a, _ = writes.save_article(
        conn,
        {
            "title": "Armed resistance will not be abandoned",
            "outlet": "Al-Ahram Weekly",
            "published_at": "2025-08-02",
            "body": BODY_A,
            "url": "https://example.org/a",
        },
        mentions=mentions_for(BODY_A, names),
    )
    b, _ = writes.save_article(
        conn,
        {
            "title": "Nothing has changed: Iran tries to rearm proxies",
            "outlet": "CNN",
            "published_at": "2025-07-23",
            "body": BODY_B,
        },
        mentions=mentions_for(BODY_B, names),
    )
    with conn:
        cur = conn.execute(
            "INSERT INTO events(type, title, date_start, date_end, article_count, mention_count) "
            "VALUES ('attack', 'Hamas attacks Israel', '2023-10-07', '2023-10-07', 2, 2)"
        )
        event_id = cur.lastrowid
    hamas = conn.execute("SELECT id FROM entities WHERE key='ORG:hamas'").fetchone()[0]
    israel = conn.execute("SELECT id FROM entities WHERE key='GPE:israel'").fetchone()[0]
    for article_id, body, trigger in ((a, BODY_A, "attack"), (b, BODY_B, "attack")):
        t = body.index(trigger)
        end = body.index(".", t) + 1
        conn.execute(
            'INSERT INTO event_mentions(article_id, event_id, start, "end", trigger_start, '
            "trigger_end, trigger, lemma, type, actor_id, target_id, date, date_precision, "
            "modality, salience) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article_id,
                event_id,
                0,
                end,
                t,
                t + len(trigger),
                trigger,
                "attack",
                "attack",
                hamas,
                israel,
                "2023-10-07",
                "day",
                "asserted",
                0.9,
            ),
        )
    conn.close()
    return path


STORY_FETCHED = "2025-08-05T00:00:00+00:00"


def add_article(conn: sqlite3.Connection, title: str, outlet: str, date: str, body: str) -> int:
    """Store one article with a fixed fetch time (dates on screen stay put)."""
    from store import writes

    article_id, _ = writes.save_article(
        conn,
        {
            "title": title,
            "outlet": outlet,
            "published_at": date,
            "fetched_at": STORY_FETCHED,
            "body": body,
        },
    )
    return article_id


def make_story(conn: sqlite3.Connection, ids: list[int]) -> int:
    """Put the articles in one new story, as the story step would."""
    from ingest.stories import refresh
    from store.stories import assign_story

    sid = assign_story(conn, ids[0], None)
    for i in ids[1:]:
        assign_story(conn, i, sid)
    refresh(conn, sid)
    return sid


@pytest.fixture
def story_store(store: Path) -> Path:
    """The two linked articles of ``store`` (Al-Ahram 2025-08-02, CNN 2025-07-23) plus a
    Reuters report form one story; a lone article has a story of its own; two more
    articles form a second story to move into."""
    conn = open_store(store)
    ids = dict(conn.execute("SELECT outlet, id FROM articles").fetchall())
    reuters = add_article(
        conn,
        "Hezbollah rearms as Iran's aid shrinks",
        "Reuters",
        "2025-07-28",
        "Hezbollah has rebuilt part of its arsenal, officials said.",
    )
    make_story(conn, [ids["CNN"], reuters, ids["Al-Ahram Weekly"]])
    lone = add_article(conn, "Floods close the coastal road", "AP", "2025-06-01", "Rain fell.")
    make_story(conn, [lone])
    b1 = add_article(conn, "Ceasefire talks resume in Cairo", "BBC", "2025-06-10", "Talks went on.")
    b2 = add_article(conn, "Cairo talks end without a deal", "AFP", "2025-06-12", "No deal.")
    make_story(conn, [b1, b2])
    conn.close()
    return store


ROOT = Path(__file__).parent.parent
#: The environment a `newsreader` subprocess runs with: this checkout first on the path.
CLI_ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def newsreader_argv(*args: str) -> list[str]:
    """argv of the real `newsreader` command, run from this checkout."""
    return [sys.executable, "-m", "tui.cli", *args]


def run_newsreader(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `newsreader ARGS` as a user would (a real process) and capture its output."""
    return subprocess.run(
        newsreader_argv(*args),
        capture_output=True,
        text=True,
        env={**CLI_ENV, **(env or {})},
        timeout=timeout,
    )
