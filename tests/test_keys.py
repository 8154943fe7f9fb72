"""The README's key table is generated from BINDINGS; this fails when they drift apart."""

from __future__ import annotations

import re
from pathlib import Path

from tui.keys import markdown_table

README = Path(__file__).parent.parent / "README.md"


def test_readme_key_table_matches_the_bindings() -> None:
    match = re.search(r"<!-- keys:start -->\n(.*?)\n<!-- keys:end -->", README.read_text(), re.S)
    assert match, "README.md lost its keys markers"
    assert match.group(1).strip() == markdown_table().strip(), (
        "README key table is stale: regenerate it with `python -m tui.keys`"
    )


def test_every_binding_has_an_id_and_description() -> None:
    from tui.keys import SCOPES, _bindings

    for _, cls in SCOPES:
        for b in _bindings(cls):
            assert b.id, f"{cls.__name__} binding {b.key} has no id (needed for remapping)"
            assert b.description, f"{cls.__name__} binding {b.key} has no description"
