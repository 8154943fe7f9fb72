"""The command line, run as a user runs it: a real subprocess on a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLES, run_newsreader

ROOT = Path(__file__).parent.parent


run = run_newsreader


def count(db: Path) -> int:
    import sqlite3

    return sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    p = tmp_path / "story.txt"
    p.write_text("A headline about a storm\n\nThe storm hit the coast on Monday.\nPower was cut.\n")
    return p


def test_version() -> None:
    out = run("--version")
    assert out.returncode == 0
    assert out.stdout.startswith("newsreader, version ")


def test_import_twice_adds_nothing(tmp_path: Path, story: Path) -> None:
    db = tmp_path / "x.db"
    first = run("--db", str(db), "import", "--no-analyse", str(story))
    assert first.returncode == 0, first.stderr
    assert count(db) == 1
    second = run("--db", str(db), "import", "--no-analyse", str(story))
    assert second.returncode == 0
    assert count(db) == 1
    assert "0 new articles, 1 already stored" in second.stderr


def test_env_var_chooses_the_database(tmp_path: Path, story: Path) -> None:
    db = tmp_path / "env.db"
    out = run("import", "--no-analyse", str(story), env={"NEWSREADER_DB": str(db)})
    assert out.returncode == 0, out.stderr
    assert count(db) == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blob.bin", bytes(range(256)) * 64, "binary"),
        ("missing.txt", None, "no such file"),
    ],
)
def test_bad_input_is_one_line_and_the_rest_still_imports(
    tmp_path: Path, story: Path, name: str, content: bytes | None, message: str
) -> None:
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    db = tmp_path / "x.db"
    out = run("--db", str(db), "import", "--no-analyse", str(bad), str(story))
    assert out.returncode == 1
    errors = [ln for ln in out.stderr.splitlines() if ln.startswith("newsreader: error:")]
    assert len(errors) == 1 and message in errors[0] and str(bad) in errors[0]
    assert "Traceback" not in out.stderr
    assert count(db) == 1  # the good file beside it went in


def test_directory_as_database_is_one_line(tmp_path: Path, story: Path) -> None:
    out = run("--db", str(tmp_path), "import", "--no-analyse", str(story))
    assert out.returncode == 1
    assert out.stderr.strip().count("\n") == 0 and "directory" in out.stderr


def test_stats_counts_the_samples(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    out = run(
        "--db",
        str(db),
        "import",
        "--no-analyse",
        *(str(p) for p in sorted(SAMPLES.glob("*.jsonl"))),
    )
    assert out.returncode == 0, out.stderr
    stats = run("--db", str(db), "stats")
    assert "articles: 163" in stats.stdout  # 120 MEANTIME + 43 Wikinews


def test_error_lines_carry_no_escape_sequences(tmp_path: Path) -> None:
    hostile = tmp_path / "evil\x1b]0;pwned\x07\x1b[31mname.txt"
    out = run("--db", str(tmp_path / "x.db"), "import", "--no-analyse", str(hostile))
    assert out.returncode == 1
    assert "\x1b" not in out.stderr and "\x07" not in out.stderr
    assert "no such file" in out.stderr


def test_relink_reports_stories_and_events(store: Path) -> None:
    """`newsreader relink` on a small store: exit 0, one line of counts on stderr."""
    import re
    import sqlite3

    # The two linked articles of the fixture, as an older version left them: analysed,
    # linked, in no story, marked for a re-link.
    conn = sqlite3.connect(store)
    conn.execute("UPDATE articles SET analysed_at = '2025-08-05T00:00:00+00:00'")
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('needs_relink', '1')")
    conn.commit()
    conn.close()
    out = run("--db", str(store), "relink")
    assert out.returncode == 0, out.stderr
    m = re.fullmatch(r"(\d+) stor(?:y|ies), (\d+) events?\n", out.stderr)
    assert m, out.stderr
    conn = sqlite3.connect(store)
    stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    assert (int(m[1]), int(m[2])) == (stories, events)
    assert stories >= 1 and events >= 1
    assert conn.execute("SELECT value FROM meta WHERE key = 'needs_relink'").fetchone() is None


@pytest.mark.parametrize("kind", ["missing", "missing-dir", "corrupt", "directory"])
def test_relink_on_a_bad_store_is_one_line(tmp_path: Path, kind: str) -> None:
    db = {
        "missing": tmp_path / "none.db",
        "missing-dir": tmp_path / "no" / "such" / "dir.db",
        "corrupt": tmp_path / "corrupt.db",
        "directory": tmp_path,
    }[kind]
    if kind == "corrupt":
        db.write_bytes(b"not a database" * 300)
    out = run("--db", str(db), "relink")
    assert out.returncode != 0
    lines = out.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsreader: error: "), out.stderr
    assert "Traceback" not in out.stderr
    if kind.startswith("missing"):
        assert not db.exists() and not (tmp_path / "no").exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--db", "x.db"], "x.db"),
        (["--db=~/x.db"], "~/x.db"),
        (["--db", "x.db", "stats"], None),
        (["stats"], None),
        (["--version"], None),
        (["--help"], None),
        (["--db"], None),
        (["--db", "--help"], None),
        (["--db="], None),
    ],
)
def test_console_script_opens_the_reader_only_for_plain_arguments(
    args: list[str], expected: str | None
) -> None:
    """`newsreader [--db PATH]` goes straight to the reader; everything else to the CLI."""
    from tui.launch import reader_db

    assert reader_db(args) == (Path(expected).expanduser() if expected else None)


def test_console_script_without_arguments_opens_the_default_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.launch import reader_db

    monkeypatch.setenv("NEWSREADER_DB", str(tmp_path / "env.db"))
    assert reader_db([]) == tmp_path / "env.db"


def test_console_script_reports_a_bad_store_like_the_cli(tmp_path: Path) -> None:
    """The reader's fast path fails as the CLI does: one line, exit 1, no traceback."""
    import subprocess
    import sys

    from tests.conftest import CLI_ENV

    fast = subprocess.run(
        [sys.executable, "-m", "tui.launch", "--db", str(tmp_path)],
        capture_output=True,
        text=True,
        env=CLI_ENV,
        timeout=60,
    )
    cli = run("--db", str(tmp_path))
    assert fast.returncode == cli.returncode == 1
    assert fast.stderr == cli.stderr
    assert fast.stderr.startswith("newsreader: error: ") and fast.stderr.count("\n") == 1


def test_console_script_passes_everything_else_to_the_cli() -> None:
    import subprocess
    import sys

    from tests.conftest import CLI_ENV

    out = subprocess.run(
        [sys.executable, "-m", "tui.launch", "--version"],
        capture_output=True,
        text=True,
        env=CLI_ENV,
        timeout=60,
    )
    assert out.returncode == 0
    assert out.stdout.startswith("newsreader, version ")
