"""Text hygiene shared by every importer: no control characters or escape sequences
survive into a stored title, outlet or body."""

from __future__ import annotations

import re
import unicodedata

# CSI / OSC / other ESC sequences, then any remaining C0/C1 controls except \n and \t.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# Lone surrogates (a JSON "\\ud800", a feed's "&#xd800;") cannot be encoded: SQLite and
# the terminal would raise on them.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Bidirectional embeddings, overrides and isolates: they reorder what a terminal shows
# (U+202E makes "gpj.exe" read "exe.jpg").
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# What a URL may not carry raw: controls, whitespace, bidi controls, surrogates.
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


#: Any character :func:`clean_text` changes (before NFC): one scan finds the usual clean
#: text, which then skips the substitutions.
_UNCLEAN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Normalise newlines, strip escape sequences and control characters, NFC."""
    if not _UNCLEAN.search(text):
        return unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_ansi(_SURROGATE.sub("\ufffd", text))
    text = _CONTROL.sub("", text)
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", text)


_ANSI_BYTES = re.compile(_ANSI.pattern.encode("ascii"))


def strip_ansi(text: str) -> str:
    """:func:`strip_escapes` for markup already decoded."""
    return _ANSI.sub("", text) if "\x1b" in text else text


def strip_escapes(data: bytes) -> bytes:
    """Escape sequences taken out of raw markup before a parser sees it: an HTML or XML
    parser drops the ESC and BEL control characters themselves and leaves the rest
    (ESC "[31mEvil" becomes "[31mEvil" in a title). Byte for byte on ASCII-compatible
    encodings, where the sequences are written."""
    return _ANSI_BYTES.sub(b"", data) if b"\x1b" in data else data


def clean_line(text: str | None, limit: int = 500) -> str | None:
    """A one-line field (title, outlet, byline): cleaned, whitespace folded, capped."""
    if text is None:
        return None
    text = _SPACES.sub(" ", _BIDI.sub("", clean_text(text)).replace("\n", " ")).strip()
    return text[:limit] or None


def clean_terminal(text: str) -> str:
    """Text on its way to a terminal (or a notification, or a list cell): ``clean_text``
    and no bidirectional controls. Run where text leaves, whatever was cleaned on entry
    (a store may have been written by an older version or another tool)."""
    return _BIDI.sub("", clean_text(text))


def fix_surrogates(text: str) -> str:
    """Lone surrogates replaced by U+FFFD, one for one, so offsets into ``text`` hold."""
    return _SURROGATE.sub("\ufffd", text)


def url_problem(url: str) -> str | None:
    """Why ``url`` is not a URL to subscribe to or fetch (None: it is one): an absolute
    http(s) URL with a host and no control, space or bidi character. ``feed add``, OPML
    import and every fetch apply the same rule."""
    from urllib.parse import urlsplit

    if _URL_UNSAFE.search(url):
        return "not a valid URL (control or space characters)"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"'{scheme}'" if scheme else "no scheme"
        return f"refusing {shown}: only http and https URLs are fetched"
    if not parts.hostname:
        return "not a valid URL (no host)"
    return None


def safe_url(url: str | None) -> str | None:
    """A URL as stored: controls, spaces, bidi characters and surrogates percent-encoded
    (a link shown or exported can then never carry an escape sequence)."""
    if url is None:
        return None
    url = url.strip()

    def encode(m: re.Match[str]) -> str:
        ch = m.group(0)
        if "\ud800" <= ch <= "\udfff":
            return "%EF%BF%BD"
        return "".join(f"%{b:02X}" for b in ch.encode("utf-8"))

    return _URL_UNSAFE.sub(encode, url) or None
