"""The dependency direction of DESIGN.md, checked on the source: only tui/ imports textual;
store/ imports no other package of ours; analysis/ never imports store/ or ingest/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
OURS = {"tui", "store", "ingest", "analysis"}
FORBIDDEN = {
    "store": {"textual", "tui", "ingest", "analysis", "spacy"},
    "analysis": {"textual", "tui", "ingest", "store"},
    "ingest": {"textual", "tui"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_respects_the_dependency_direction(package: str) -> None:
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = imported_modules(path) & FORBIDDEN[package]
        if bad:
            offenders.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert not offenders, "\n".join(offenders)


def test_the_check_sees_imports() -> None:
    """The checker itself must be able to fail."""
    probe = ROOT / "tests" / "fixtures" / "_probe_imports.py"
    probe.parent.mkdir(parents=True, exist_ok=True)
    probe.write_text("import textual.app\nfrom store import writes\n")
    try:
        assert imported_modules(probe) >= {"textual", "store"}
    finally:
        probe.unlink()


def test_store_start_path_does_not_import_heavy_packages(tmp_path: Path) -> None:
    """Opening an up-to-date store and reading a page uses plain sqlite3 only: no
    sqlite-utils (numpy), no spaCy, no textual."""
    import subprocess
    import sys

    db = tmp_path / "s.db"
    create = f"from store import open_store; open_store({str(db)!r}).close()"
    subprocess.run([sys.executable, "-c", create], check=True, cwd=ROOT)
    probe = (
        "import sys; from store import open_store; from store.queries import page_articles; "
        f"c = open_store({str(db)!r}); page_articles(c); "
        "print(*(m in sys.modules for m in ('sqlite_utils', 'spacy', 'textual')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.split() == ["False", "False", "False"]


def test_reader_start_path_imports_only_what_the_first_screen_needs() -> None:
    """Opening the reader (the console script's path to a built app) loads neither the
    command-line parser (click), nor the screens and dialogs opened later (and the linking
    code and TextArea they pull in), nor importlib.metadata: each is tens of ms of a cold
    start of ~0.2 s (issue 18; bench/coldstart.py measures it). Nor what only comes after
    the first frame or on first use: the writes (hashlib, unicodedata), the stories, the
    header, the side panel's tabs, the progress bar, json."""
    import subprocess
    import sys

    heavy = (
        "click",
        "tui.cli",
        "tui.screens.detail",
        "tui.screens.modals",
        "ingest.linking",
        "ingest.normalise",
        "store.writes",
        "store.stories",
        "textual.widgets._text_area",
        "textual.widgets._tabbed_content",
        "textual.widgets._header",
        "textual.widgets._progress_bar",
        "importlib.metadata",
        "json",
    )
    probe = (
        "import sys; import tui.launch, tui.app; "
        f"print(*(m for m in {heavy!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.split() == []


def names_bound_twice(source: str) -> list[str]:
    """Module-level names a module binds more than once (constants, functions, classes).
    A second ``_PARTS = ...`` further down a module silently replaces the first for every
    rule that reads it: session 42 found one such in analysis/habits.py (``_SPANS``, the
    spans a tally is counted over, widened by a later rule's own list)."""
    lines: dict[str, list[int]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id] if node.value is not None else []
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [node.name]
        else:
            names = []
        for name in names:
            lines.setdefault(name, []).append(node.lineno)
    return [f"{name} (lines {v})" for name, v in lines.items() if len(v) > 1]


@pytest.mark.parametrize("package", sorted(OURS))
def test_no_module_binds_a_name_twice(package: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {', '.join(found)}"
        for path in sorted((ROOT / package).rglob("*.py"))
        if (found := names_bound_twice(path.read_text(encoding="utf-8")))
    ]
    assert not offenders, "\n".join(offenders)


def test_the_check_sees_a_name_bound_twice() -> None:
    assert names_bound_twice("A = 1\ndef f(): pass\nA = 2\n") == ["A (lines [1, 3])"]
    assert names_bound_twice("A = 1\nB = 2\n") == []


def _head_identity(node: ast.AST) -> bool:
    """Is ``node`` an ``is`` / ``is not`` comparison with a ``.head`` on either side?"""
    if not isinstance(node, ast.Compare) or not any(
        isinstance(op, ast.Is | ast.IsNot) for op in node.ops
    ):
        return False
    sides = [node.left, *node.comparators]
    return any(isinstance(s, ast.Attribute) and s.attr == "head" for s in sides)


def test_no_token_head_compared_by_identity() -> None:
    # spaCy makes a new Token object at every access, so "tok.head is tok" is never true:
    # misreads.stranded_subject returned the noun hung on the verb itself (found on
    # 6 December; compare with == instead)
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in sorted((ROOT / "analysis").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if _head_identity(node)
    ]
    assert not offenders, offenders
