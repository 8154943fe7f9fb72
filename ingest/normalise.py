"""Text hygiene shared by every importer: no control characters or escape sequences
survive into a stored title, outlet or body."""

from __future__ import annotations

import re
import unicodedata

# CSI / OSC / other ESC sequences, then any remaining C0/C1 controls except \n and \t.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def clean_text(text: str) -> str:
    """Normalise newlines, strip escape sequences and control characters, NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ANSI.sub("", text)
    text = _CONTROL.sub("", text)
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", text)


def clean_line(text: str | None, limit: int = 500) -> str | None:
    """A one-line field (title, outlet, byline): cleaned, whitespace folded, capped."""
    if text is None:
        return None
    text = _SPACES.sub(" ", clean_text(text).replace("\n", " ")).strip()
    return text[:limit] or None
