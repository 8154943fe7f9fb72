"""An entity mention as the entity step writes it (a mapping with its text and label, and
its entity's name and label): the name and the label it goes by.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def label_of(m: Mapping[str, Any]) -> str | None:
    return m.get("label") or (m.get("entity") or {}).get("label")


def name_of(m: Mapping[str, Any]) -> str:
    """An entity mention's canonical name (else its text)."""
    ent = m.get("entity") or {}
    return str(ent.get("name") or m.get("text") or "")
