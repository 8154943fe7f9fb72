"""`newsreader export` of tags and notes, in each format, for all or one tag."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from store import open_store, writes
from tui.cli import main


def make_store(path: Path) -> None:
    conn = open_store(path)
    a, _ = writes.save_article(conn, {"title": "First [x]", "body": "Alpha paragraph.\n\nBeta.", "url": "https://e.org/1"})
    b, _ = writes.save_article(conn, {"title": "Second", "body": "Gamma delta."})
    writes.save_article(conn, {"title": "Untouched", "body": "Nothing here."})
    writes.add_tags(conn, a, ["iran"])
    writes.add_tags(conn, b, ["gaza"])
    writes.add_annotation(conn, a, 0, 16, "a note, with a comma")
    conn.close()


def test_export_formats(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    make_store(db)
    runner = CliRunner()
    out = runner.invoke(main, ["--db", str(db), "export", "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert {a["title"] for a in data} == {"Second", "First [x]"}
    first = next(a for a in data if a["title"] == "First [x]")
    assert first["tags"] == ["iran"] and first["notes"][0]["quote"] == "Alpha paragraph."
    out = runner.invoke(main, ["--db", str(db), "export", "--format", "csv", "--tag", "iran"])
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert len(rows) == 1 and rows[0]["note"] == "a note, with a comma"
    target = tmp_path / "notes.md"
    out = runner.invoke(main, ["--db", str(db), "export", "--notes-only", "-o", str(target)])
    assert out.exit_code == 0
    md = target.read_text()
    assert "## [First \\[x\\]](https://e.org/1)" in md
    assert "> Alpha paragraph." in md and "Second" not in md
