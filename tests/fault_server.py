"""Fault-injecting routes for the 127.0.0.1 server of tests/feeds_http.py (issue 15).

Each route misbehaves the way a hostile or broken server does: header bytes trickled one
at a time (no read ever times out), reason phrases carrying terminal escapes, bodies that
never end or drip, gzip bombs, floods of headers, lies about the length.
"""

from __future__ import annotations

import time
import zlib
from contextlib import suppress
from functools import cache
from http.server import BaseHTTPRequestHandler

from tests.feeds_http import Route

#: How long a trickling route keeps going at most (the client must give up far sooner).
TRICKLE_SECONDS = 30.0


def _raw(h: BaseHTTPRequestHandler, data: bytes) -> None:
    with suppress(OSError):
        h.wfile.write(data)
        h.wfile.flush()
    h.close_connection = True


def trickled_headers(interval: float = 0.05) -> Route:
    """The status line, then one byte of an endless header every ``interval`` seconds."""

    def route(h: BaseHTTPRequestHandler) -> None:
        _raw(h, b"HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nX-Slow: ")
        end = time.monotonic() + TRICKLE_SECONDS
        with suppress(OSError):
            while time.monotonic() < end:
                h.wfile.write(b"a")
                h.wfile.flush()
                time.sleep(interval)

    return route


def trickled_status(interval: float = 0.05) -> Route:
    """The status line itself, one byte at a time."""

    def route(h: BaseHTTPRequestHandler) -> None:
        end = time.monotonic() + TRICKLE_SECONDS
        with suppress(OSError):
            for ch in b"HTTP/1.1 200 " + b"O" * 100_000:
                if time.monotonic() > end:
                    break
                h.wfile.write(bytes([ch]))
                h.wfile.flush()
                time.sleep(interval)
        h.close_connection = True

    return route


def dripping_body(interval: float = 0.05) -> Route:
    """Headers at once, then a body of one byte per ``interval`` that never ends."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/xml")
        h.end_headers()
        end = time.monotonic() + TRICKLE_SECONDS
        with suppress(OSError):
            h.wfile.write(b"<rss version='2.0'><channel><title>")
            while time.monotonic() < end:
                h.wfile.write(b"a")
                h.wfile.flush()
                time.sleep(interval)
        h.close_connection = True

    return route


def reason(phrase: bytes, status: int = 500) -> Route:
    """An error status with ``phrase`` (raw bytes) as its reason phrase."""

    def route(h: BaseHTTPRequestHandler) -> None:
        _raw(
            h,
            b"HTTP/1.1 %d " % status
            + phrase
            + b"\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nno",
        )

    return route


#: Reason phrases a server may send: escapes, C1 bytes, bidi, huge.
HOSTILE_REASONS: dict[str, bytes] = {
    "csi-osc": b"\x1b[31mEVIL\x1b]0;T\x07",
    "osc8-link": b"\x1b]8;;https://evil.example\x07click\x1b]8;;\x07",
    "c1": b"\x9b31m C1 \x9d0;T\x9c",
    "bidi-utf8": "\u202egpj.exe".encode(),
    "clear": b"\x1b[2J\x1b[H\x1bc",
    "long": b"A" * 60_000,
    "bel-nul": b"bell\x07 nul\x00",
}


@cache
def _bomb(megabytes: int, wbits: int) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, wbits)
    chunk = b"\0" * (1 << 20)
    return b"".join(comp.compress(chunk) for _ in range(megabytes)) + comp.flush()


BOMB_MB = 100


def warm_bombs() -> None:
    """Compress the bombs now (a second or so), not while a client waits."""
    _bomb(BOMB_MB, 16 + zlib.MAX_WBITS)
    _bomb(BOMB_MB, zlib.MAX_WBITS)


def gzip_bomb(megabytes: int = BOMB_MB, encoding: str = "gzip") -> Route:
    """``megabytes`` MB of zeros, compressed (about 1/1000 of that on the wire)."""
    wbits = 16 + zlib.MAX_WBITS if encoding == "gzip" else zlib.MAX_WBITS

    def route(h: BaseHTTPRequestHandler) -> None:
        data = _bomb(megabytes, wbits)
        h.send_response(200)
        h.send_header("Content-Type", "application/xml")
        h.send_header("Content-Encoding", encoding)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        with suppress(OSError):
            h.wfile.write(data)

    return route


def endless_gzip() -> Route:
    """A gzip stream of zeros with no Content-Length that never ends."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/xml")
        h.send_header("Content-Encoding", "gzip")
        h.end_headers()
        comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        chunk = b"\0" * (1 << 20)
        end = time.monotonic() + TRICKLE_SECONDS
        with suppress(OSError):
            while time.monotonic() < end:
                h.wfile.write(comp.compress(chunk))
        h.close_connection = True

    return route


def header_flood(count: int = 20_000) -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n"
        head += b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 50) for i in range(count))
        _raw(h, head + b"Content-Length: 6\r\n\r\n<rss/>")

    return route


def short_body() -> Route:
    """Content-Length says more than comes; then the connection closes."""

    def route(h: BaseHTTPRequestHandler) -> None:
        _raw(
            h,
            b"HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 100000\r\n\r\n"
            b"<rss version='2.0'><channel><title>cut",
        )

    return route


def garbage_status() -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        _raw(h, b"\x1b[31mNOT HTTP AT ALL\x1b]0;T\x07\r\n\r\n")

    return route


def escape_redirect() -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        _raw(
            h,
            b"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/\x1b[31mx\r\n"
            b"Content-Length: 0\r\n\r\n",
        )

    return route


def fault_routes() -> dict[str, Route]:
    routes: dict[str, Route] = {
        "/f/trickled-headers": trickled_headers(),
        "/f/trickled-status": trickled_status(),
        "/f/dripping-body": dripping_body(),
        "/f/gzip-bomb": gzip_bomb(),
        "/f/deflate-bomb": gzip_bomb(encoding="deflate"),
        "/f/endless-gzip": endless_gzip(),
        "/f/header-flood": header_flood(),
        "/f/short-body": short_body(),
        "/f/garbage-status": garbage_status(),
        "/f/escape-redirect": escape_redirect(),
    }
    for name, phrase in HOSTILE_REASONS.items():
        routes[f"/f/reason-{name}"] = reason(phrase)
    return routes
