"""Crash safety and concurrency on real files and real processes."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from store import open_store, writes
from tests.conftest import CLI_ENV, newsreader_argv
from tui.app import make_app
from tui.widgets.article_list import ArticleList

ROOT = Path(__file__).parent.parent


def many_files(tmp: Path, n: int, sample: str = "wikinews-gum.jsonl") -> list[Path]:
    """n small JSON-lines files of real sample texts (unique bodies)."""
    rows = [json.loads(line) for line in (ROOT / "ingest/samples" / sample).open()]
    out = []
    for i in range(n):
        path = tmp / f"batch{i:03d}.jsonl"
        with path.open("w") as fh:
            for j in range(5):
                r = dict(rows[(i * 5 + j) % len(rows)])
                r["body"] = f"{r['body']}\n\n(copy {i}-{j})"
                r["url"] = f"https://example.org/{i}/{j}"
                fh.write(json.dumps(r) + "\n")
        out.append(path)
    return out


cli = newsreader_argv
ENV = CLI_ENV


def import_and_kill(db: Path, files: list[Path], landed: int, *flags: str) -> int:
    """Run `newsreader import` and SIGKILL it as soon as ``landed`` more articles are
    stored (read from the store as it runs, not after a delay: a fast machine finished
    the import before a timed kill); 1 if it was killed."""
    return _kill_when_stored(db, files, landed, "SELECT count(*) FROM articles", flags)


def import_and_kill_analysing(db: Path, files: list[Path], landed: int) -> int:
    """Run `newsreader import` (with the analysis) and SIGKILL it as soon as ``landed``
    more articles are stored analysed (read from the store as it runs): the kill lands
    in the middle of the analysis queue. 1 if it was killed (0: it finished first)."""
    count = "SELECT count(*) FROM articles WHERE analysed_at IS NOT NULL"
    return _kill_when_stored(db, files, landed, count, ())


def _kill_when_stored(
    db: Path, files: list[Path], landed: int, count: str, flags: tuple[str, ...]
) -> int:
    """Run `newsreader import` and SIGKILL it once ``count`` (a query of the store) has
    grown by ``landed``; 1 if it was killed (0: it finished first)."""
    reader = sqlite3.connect(db, timeout=30)
    target = reader.execute(count).fetchone()[0] + landed
    proc = subprocess.Popen(
        cli("--db", str(db), "import", *flags, *map(str, files)),
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    hung = time.monotonic() + 300  # a guard against a hang, not a timing check
    try:
        while proc.poll() is None and reader.execute(count).fetchone()[0] < target:
            assert time.monotonic() < hung, f"the store grew by fewer than {landed} in 300 s"
            time.sleep(0.002)
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        reader.close()
    return int(killed)


def test_sigkill_during_import_never_corrupts_or_half_stores(tmp_path: Path) -> None:
    files = many_files(tmp_path, 200)
    db = tmp_path / "crash.db"
    open_store(db).close()
    conn0 = open_store(db)
    aid, _ = writes.save_article(conn0, {"title": "mine", "body": "My own article."})
    writes.add_tags(conn0, aid, ["keep"])
    writes.add_annotation(conn0, aid, 0, 6, "my note")
    conn0.close()
    rng = random.Random(11)
    kills = 0
    for _ in range(6):
        kills += import_and_kill(db, files, rng.randint(1, 300), "--no-analyse")
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Every stored article is whole: body, hash, and its FTS row.
        assert (
            conn.execute(
                "SELECT count(*) FROM articles WHERE body IS NULL OR content_hash IS NULL"
            ).fetchone()[0]
            == 0
        )
        n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        n_fts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert n_articles == n_fts
        conn.close()
    assert kills >= 1, "the import finished before any kill: the test proved nothing"
    # Re-running the import completes the set.
    done = subprocess.run(
        cli("--db", str(db), "import", "--no-analyse", *map(str, files)),
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 200 * 5 + 1
    assert conn.execute("SELECT note FROM annotations").fetchone()[0] == "my note"
    assert conn.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 1


async def test_app_stays_usable_while_another_process_imports(tmp_path: Path) -> None:
    files = many_files(tmp_path, 30)
    db = tmp_path / "busy.db"
    conn = open_store(db)
    first, _ = writes.save_article(
        conn, {"title": "already here", "body": "Stored before the import."}
    )
    conn.close()
    app = make_app(db, analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        proc = subprocess.Popen(
            cli("--db", str(db), "import", "--no-analyse", *map(str, files)),
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        writes_done = 0
        try:
            while proc.poll() is None:
                # The reader keeps working: open, tag, mark, while the import writes.
                await pilot.press("enter")
                writes.add_tags(app.conn, first, [f"t{writes_done % 3}"])
                writes.mark_read(app.conn, first, read=writes_done % 2 == 0)
                writes_done += 1
                await pilot.pause(0.05)
        finally:
            _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "locked" not in err
        assert writes_done > 0
        screen = app.screen
        screen.refresh_list()  # type: ignore[attr-defined]
        await pilot.pause()
        assert screen.query_one(ArticleList).source.count == 30 * 5 + 1


def test_sigkill_during_analysed_import_leaves_whole_articles_and_links_on_rerun(
    tmp_path: Path,
) -> None:
    """With the language analysis on: articles are stored first, then analysed; each
    analysis is stored and linked in one transaction, so after a kill an article is either
    analysed and linked, or waits with no analysis at all; the next import finishes the
    queue."""
    files = many_files(tmp_path, 8, "meantime-en.jsonl")  # 40 real (short) reports
    db = tmp_path / "crash-nlp.db"
    open_store(db).close()
    rng = random.Random(5)
    kills = 0
    for _ in range(3):
        # killed once a few more articles are analysed: mid-queue, never before it starts
        kills += import_and_kill_analysing(db, files, rng.randint(1, 6))
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        half = conn.execute(
            "SELECT count(*) FROM articles a WHERE a.analysed_at IS NULL AND EXISTS "
            "(SELECT 1 FROM mentions m WHERE m.article_id = a.id)"
        ).fetchone()[0]
        assert half == 0, "an article waiting for analysis holds part of one"
        unlinked = conn.execute(
            "SELECT count(*) FROM articles a WHERE a.analysed_at IS NOT NULL AND "
            "(a.story_id IS NULL OR EXISTS (SELECT 1 FROM event_mentions m "
            "WHERE m.article_id = a.id AND m.event_id IS NULL))"
        ).fetchone()[0]
        assert unlinked == 0, "an analysed article was left unlinked"
        conn.close()
    assert kills >= 1
    done = subprocess.run(
        cli("--db", str(db), "import", *map(str, files)), env=ENV, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 40
    assert (
        conn.execute("SELECT count(*) FROM articles WHERE analysed_at IS NULL").fetchone()[0] == 0
    )
    assert (
        conn.execute("SELECT count(*) FROM event_mentions WHERE event_id IS NULL").fetchone()[0]
        == 0
    )
    assert conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0] > 0
