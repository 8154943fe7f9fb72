"""``newsreader import`` options added for ingestion: --captured, URLs, JSON lines."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from tests.conftest import run_newsreader

ROOT = Path(__file__).parent.parent
FIX = Path(__file__).parent / "fixtures" / "ingest"
SAMPLES = ROOT / "ingest" / "samples"


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_newsreader("--db", str(db), "import", "--no-analyse", *args)


def test_captured_dates_the_related_articles(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    out = run(
        db, "--captured", "2025-08-02T12:00:00+00:00", str(FIX / "aggregator-iran-proxies.txt")
    )
    assert out.returncode == 0, out.stderr
    assert "4 new articles" in out.stderr
    rows = (
        sqlite3.connect(db)
        .execute("SELECT role, outlet, published_at, date_precision FROM articles ORDER BY id")
        .fetchall()
    )
    assert rows == [
        ("main", "CNN", None, None),
        ("related", "Sada Elbalad", "2025-08-02T10:00:00+00:00", "hour"),
        ("related", "Sada Elbalad", "2025-08-02T10:00:00+00:00", "hour"),
        ("related", "Al-Ahram Weekly", "2025-08-02T09:00:00+00:00", "hour"),
    ]


def test_a_bad_captured_value_is_one_usage_line(tmp_path: Path) -> None:
    out = run(
        tmp_path / "s.db", "--captured", "yesterday-ish", str(FIX / "aggregator-iran-proxies.txt")
    )
    assert out.returncode == 2
    assert "not an ISO date-time" in out.stderr
    assert "Traceback" not in out.stderr


def test_json_lines_corpora_import_once(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    corpus = SAMPLES / "wikinews-gum.jsonl"
    first = run(db, str(corpus))
    again = run(db, str(corpus))
    n = sum(1 for line in corpus.read_text().splitlines() if line.strip())
    assert first.returncode == 0 and f"{n} new articles" in first.stderr
    assert again.returncode == 0 and f"0 new articles, {n} already stored" in again.stderr
    title, url, date = (
        sqlite3.connect(db)
        .execute("SELECT title, url, published_at FROM articles ORDER BY id LIMIT 1")
        .fetchone()
    )
    assert title and url.startswith("https://") and date
