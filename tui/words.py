"""Small wording helpers shared by the screens (kept light: the start path imports it)."""

from __future__ import annotations


def counted(n: int | None, word: str) -> str:
    """ "1 article", "5 articles" (``n`` may come from the store as None)."""
    k = int(n or 0)
    return f"{k} {word}{'s' * (k != 1)}"
