"""The examples written in docstrings (``>>>``) are run: a docstring that shows what a
function gives must still be true of it. Every module of ours with an example is found,
so a new one is run without being listed here."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PACKAGES = ("analysis", "store", "ingest", "tui", "bench")


def _with_examples() -> list[str]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if ">>> " in path.read_text(encoding="utf-8"):
                rel = path.relative_to(ROOT).with_suffix("")
                found.append(".".join(rel.parts))
    return found


def test_the_examples_are_found() -> None:
    assert "analysis.terms" in _with_examples()


@pytest.mark.parametrize("module", _with_examples())
def test_docstring_examples_hold(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
