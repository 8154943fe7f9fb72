"""Reading input files safely: size caps, binary detection, encodings.

Every failure is an :class:`IngestError` with a one-line message; nothing here writes.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from ingest.draft import IngestError

#: Inputs larger than this are refused before they are read (bytes).
MAX_FILE_BYTES = 50 * 1024 * 1024


def read_bytes(path: str | os.PathLike[str], *, limit: int = MAX_FILE_BYTES) -> bytes:
    p = Path(path)
    try:
        if not p.exists():
            raise IngestError(f"{p}: no such file")
        if p.is_dir():
            raise IngestError(f"{p}: is a directory")
        size = p.stat().st_size
        if size == 0:
            raise IngestError(f"{p}: empty file")
        if size > limit:
            raise IngestError(
                f"{p}: too large ({size / 1e6:.0f} MB; the limit is {limit / 1e6:.0f} MB)"
            )
        with p.open("rb") as fh:
            data = fh.read(limit + 1)
    except PermissionError as exc:
        raise IngestError(f"{p}: permission denied") from exc
    except OSError as exc:
        raise IngestError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > limit:
        raise IngestError(f"{p}: too large (the limit is {limit / 1e6:.0f} MB)")
    if data[:2] == GZIP_MAGIC:
        return gunzip(data, str(p), limit=limit)
    return data


#: The first bytes of a gzip file: a saved page or feed "page.html.gz" is read unpacked.
GZIP_MAGIC = b"\x1f\x8b"


def gunzip(data: bytes, origin: str, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The gzip ``data`` unpacked, never more than ``limit`` bytes of it (a small file may
    unpack to gigabytes); an IngestError when it is corrupt, cut short or too large."""
    parts: list[bytes] = []
    size = 0
    rest = data
    while rest:  # members one after another ("cat a.gz b.gz" is one gzip file)
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out = inflater.decompress(rest, limit + 1 - size)
        except zlib.error as exc:
            raise IngestError(f"{origin}: corrupt gzip data") from exc
        size += len(out)
        if size > limit:
            raise IngestError(
                f"{origin}: too large once unpacked (the limit is {limit / 1e6:.0f} MB)"
            )
        if not inflater.eof:
            raise IngestError(f"{origin}: gzip data cut short")
        parts.append(out)
        rest = inflater.unused_data
        if not rest.strip(b"\x00"):
            break  # zero padding after the last member
    if not size:
        raise IngestError(f"{origin}: empty once unpacked")
    return b"".join(parts)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KiB: not text."""
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 text has NULs too; a BOM says it is text.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 100)


_LATIN_EXTRA = frozenset("“”‘’‚„–—…€«»°·•×÷¡¿ßªº§¶©®™ ")


def _plausible_cp1252(text: str) -> bool:
    """Every non-ASCII character a Latin letter or common typography: Western text."""
    return all(
        ord(ch) < 128 or ch in _LATIN_EXTRA or ("\u00c0" <= ch <= "\u00ff" and ch.isalpha())
        for ch in text
    )


def decode_text(data: bytes, origin: str = "input") -> str:
    """Bytes to text: BOMs honoured; UTF-8 preferred (a few broken bytes in otherwise valid
    UTF-8 become U+FFFD rather than turning every accent into mojibake); then Windows-1252
    (what browsers read "Latin-1" as) when it yields plain Western text; then the charset
    detection trafilatura already ships (charset_normalizer)."""
    if looks_binary(data):
        raise IngestError(f"{origin}: binary data, not text")
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ord(ch) > 127) - broken
    if multibyte > 0 and broken <= max(3, multibyte // 10):
        return lenient
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _plausible_cp1252(western):
        return western
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace")
    except ImportError:  # pragma: no cover - trafilatura depends on it
        pass
    return data.decode("cp1252", errors="replace")
