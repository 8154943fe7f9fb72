"""Bad input: one clear line each, a non-zero exit, the good inputs still imported, and the
database untouched by the failed ones. Run as the user runs it (a subprocess on a real
database file) and against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from ingest.draft import IngestError
from ingest.files import MAX_FILE_BYTES, decode_text, read_bytes
from ingest.pipeline import import_paths, parse_input
from tests.conftest import run_newsreader
from tests.feeds_http import serve, slow, static

ROOT = Path(__file__).parent.parent

ARTICLE = (
    "Storm closes the northern ferry route\n\n"
    "The ferry between the two northern ports was cancelled on Monday after the storm "
    "damaged the landing stage, the operator said.\n\n"
    "Repairs are expected to take a week, and passengers were offered refunds.\n"
)

HTML_ARTICLE = (
    "<html><head><title>Council approves the new library</title></head><body><article>"
    "<h1>Council approves the new library</h1>"
    + "".join(
        f"<p>Paragraph {i}: the council voted on Thursday to build the library near the "
        f"river, after residents asked for a quieter place to read and study in town.</p>"
        for i in range(5)
    )
    + "</article></body></html>"
).encode()


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_newsreader("--db", str(db), "import", "--no-analyse", *args)


def snapshot(db: Path) -> str:
    """Everything the database holds, as one digest (to show nothing changed)."""
    conn = sqlite3.connect(db)
    digest = hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    conn.close()
    return digest


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "image.jpg",
        "huge": tmp_path / "huge.txt",
        "truncated": tmp_path / "cut.html",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 64)
    with files["huge"].open("wb") as fh:  # 200 MB, sparse: nothing is really written
        fh.truncate(200 * 1024 * 1024)
    files["truncated"].write_bytes(
        b"<!DOCTYPE html><html><head><title>Cut</title></head><body><div cl"
    )
    return files


@pytest.fixture
def good_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "good": tmp_path / "good.txt",
        "latin1": tmp_path / "latin1.txt",
        "broken_utf8": tmp_path / "broken.txt",
    }
    files["good"].write_text(ARTICLE, encoding="utf-8")
    files["latin1"].write_bytes(
        (
            "Le café du port ferme pour l'été\n\n"
            "Le propriétaire a annoncé lundi que le café fermerait pendant deux mois, "
            "après une saison très difficile à cause des travaux sur le quai.\n"
        ).encode("latin-1")
    )
    files["broken_utf8"].write_bytes(
        "Zürich opens a new tram line\n\nThe tram line to Örlikon opens on Monday, the city "
        "said, after three years of work on the route.".encode()
        + b" Tickets cost \xff\xfe four francs.\n"
    )
    return files


def test_each_bad_file_is_one_line_and_the_rest_imports(
    tmp_path: Path, bad_files: dict[str, Path], good_files: dict[str, Path]
) -> None:
    db = tmp_path / "store.db"
    inputs = [str(p) for p in [*bad_files.values(), *good_files.values()]]
    out = run_cli(db, *inputs)
    assert out.returncode == 1
    errors = [ln for ln in out.stderr.splitlines() if ln.startswith("newsreader: error: ")]
    assert len(errors) == len(bad_files), out.stderr
    for path in bad_files.values():
        (_line,) = [e for e in errors if e.startswith(f"newsreader: error: {path}: ")]
        assert "Traceback" not in out.stderr
    by_name = {path.name: next(e for e in errors if str(path) in e) for path in bad_files.values()}
    assert "empty" in by_name["empty.txt"]
    assert "binary" in by_name["image.jpg"]
    assert "too large" in by_name["huge.txt"]
    assert "no article" in by_name["cut.html"]
    assert "3 new articles, 0 already stored, 4 inputs failed" in out.stderr

    conn = sqlite3.connect(db)
    titles = {r[0]: r[1] for r in conn.execute("SELECT title, body FROM articles")}
    assert set(titles) == {
        "Storm closes the northern ferry route",
        "Le café du port ferme pour l'été",  # Latin-1 read as such, accents intact
        "Zürich opens a new tram line",  # valid UTF-8 kept; only the broken bytes replaced
    }
    assert "propriétaire" in titles["Le café du port ferme pour l'été"]
    assert "Örlikon" in titles["Zürich opens a new tram line"]


def test_failed_inputs_leave_the_database_unchanged(
    tmp_path: Path, bad_files: dict[str, Path], good_files: dict[str, Path]
) -> None:
    db = tmp_path / "store.db"
    assert run_cli(db, str(good_files["good"])).returncode == 0
    before = snapshot(db)
    out = run_cli(db, *[str(p) for p in bad_files.values()])
    assert out.returncode == 1
    assert snapshot(db) == before
    # Importing the good one again adds nothing either (and is not an error).
    again = run_cli(db, str(good_files["good"]))
    assert again.returncode == 0 and "0 new articles, 1 already stored" in again.stderr
    assert snapshot(db) == before


def test_a_200_mb_file_is_refused_without_reading_it(bad_files: dict[str, Path]) -> None:
    huge = bad_files["huge"]
    assert huge.stat().st_size > MAX_FILE_BYTES
    started = time.perf_counter()
    with pytest.raises(IngestError, match=r"too large \(210 MB; the limit is"):
        read_bytes(huge)
    assert time.perf_counter() - started < 0.5


def test_decoding_rules() -> None:
    with pytest.raises(IngestError, match="binary data"):
        decode_text(b"\x00\x01\x02garbage" * 100, "x")
    assert decode_text("naïve façade".encode("latin-1")) == "naïve façade"
    assert decode_text("naïve façade".encode("cp1252")) == "naïve façade"
    assert decode_text("naïve".encode() + b"\xff") == "naïve\ufffd"
    with pytest.raises(IngestError, match=r"^x: no text"):
        parse_input(b"   \n\n  ", "x")


def test_truncated_html_with_an_article_imports_what_is_there() -> None:
    cut = HTML_ARTICLE[: len(HTML_ARTICLE) - 60]  # stops inside the last paragraph
    (d,) = parse_input(cut, "cut.html")
    assert d.title == "Council approves the new library"
    assert d.body.count("Paragraph") == 5


def test_urls_timeout_500_and_good_in_one_command(tmp_path: Path) -> None:
    routes = {
        "/article": static(HTML_ARTICLE, content_type="text/html; charset=utf-8"),
        "/broken": static(b"<h1>Internal Server Error</h1>", content_type="text/html", status=500),
        "/hang": slow(5.0, HTML_ARTICLE),
        "/image": static(b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="image/png"),
    }
    db = tmp_path / "store.db"
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    with serve(routes) as srv:
        started = time.perf_counter()
        out = run_cli(
            db,
            "--timeout",
            "0.5",
            srv.url("/hang"),
            srv.url("/broken"),
            srv.url("/image"),
            srv.url("/article?utm_source=x"),
            str(good),
        )
        elapsed = time.perf_counter() - started
    assert out.returncode == 1
    errors = [ln for ln in out.stderr.splitlines() if ln.startswith("newsreader: error: ")]
    assert len(errors) == 3, out.stderr
    assert errors[0].startswith(f"newsreader: error: {srv.url('/hang')}: ")
    assert "timed out" in errors[0] or "timeout" in errors[0]
    assert errors[1].startswith(f"newsreader: error: {srv.url('/broken')}: ") and "500" in errors[1]
    assert errors[2].startswith(f"newsreader: error: {srv.url('/image')}: ")
    assert elapsed < 30
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT title, url FROM articles ORDER BY id").fetchall()
    assert rows == [
        ("Council approves the new library", srv.url("/article")),
        ("Storm closes the northern ferry route", None),
    ]


def test_importing_a_url_twice_adds_nothing(conn: sqlite3.Connection) -> None:
    with serve({"/a": static(HTML_ARTICLE, content_type="text/html")}) as srv:
        first = import_paths(conn, [srv.url("/a")], timeout=5)
        second = import_paths(conn, [srv.url("/a?utm_campaign=feed")], timeout=5)
    assert (first[0].added, second[0].added, second[0].skipped) == (1, 0, 1)


GZ_PAGE = Path(__file__).parent / "fixtures" / "ingest" / "page-1ee91d1fce65.html.gz"


def test_a_gzipped_page_is_read_unpacked(tmp_path: Path) -> None:
    # The extraction benchmark ships its pages gzipped (real page, see fixtures/ingest):
    # "binary data, not text" before; now the page's article, as the unpacked file gives
    import gzip
    import shutil

    plain = tmp_path / "page.html"
    plain.write_bytes(gzip.decompress(GZ_PAGE.read_bytes()))
    packed = tmp_path / "page.html.gz"
    shutil.copy(GZ_PAGE, packed)
    got = run_cli(tmp_path / "gz.db", str(packed))
    assert got.returncode == 0 and "1 new article" in got.stderr
    assert read_bytes(packed) == read_bytes(plain)


def test_bad_gzip_gets_one_line_and_nothing_is_written(tmp_path: Path) -> None:
    import gzip

    from ingest.files import gunzip

    bomb = gzip.compress(b"a" * 5000)  # unpacks past the limit given below
    whole = gzip.compress(b"<html><body><p>" + b"word " * 400 + b"</p></body></html>")
    with pytest.raises(IngestError, match=r"^x: too large once unpacked"):
        gunzip(bomb, "x", limit=1000)
    with pytest.raises(IngestError, match=r"^x: gzip data cut short$"):
        gunzip(whole[: len(whole) // 2], "x")
    with pytest.raises(IngestError, match=r"^x: corrupt gzip data$"):
        gunzip(b"\x1f\x8b" + b"garbage" * 20, "x")
    # two members one after the other are one file, read whole
    assert gunzip(gzip.compress(b"first ") + gzip.compress(b"second"), "x") == b"first second"
    assert gunzip(gzip.compress(b"padded") + b"\x00" * 64, "x") == b"padded"
    corrupt = tmp_path / "corrupt.html.gz"
    corrupt.write_bytes(b"\x1f\x8b" + b"garbage" * 20)
    db = tmp_path / "bad.db"
    got = run_cli(db, str(corrupt))
    assert got.returncode != 0
    assert [line for line in got.stderr.splitlines() if "error" in line] == [
        f"newsreader: error: {corrupt}: corrupt gzip data"
    ]
