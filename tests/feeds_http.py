"""A real HTTP server on 127.0.0.1 for the feed and fetch tests.

Routes are plain functions ``(handler) -> None`` that write the answer; the server logs
every request's path and headers so tests can check what was really sent.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


@dataclass
class FeedServer:
    """The running server: ``url(path)`` and the request log ``seen``."""

    port: int
    routes: dict[str, Route]
    seen: list[Seen] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requests_to(self, path: str) -> list[Seen]:
        with self.lock:
            return [s for s in self.seen if s.path == path]


def send(
    h: BaseHTTPRequestHandler,
    body: bytes,
    *,
    status: int = 200,
    content_type: str = "application/xml",
    headers: dict[str, str] | None = None,
) -> None:
    h.send_response(status)
    h.send_header("Content-Type", content_type)
    h.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    if h.command != "HEAD":
        h.wfile.write(body)


def conditional(body: bytes, content_type: str = "application/xml", mtime: float = 1.7e9) -> Route:
    """Serve ``body`` with an ETag and Last-Modified, answering 304 when they match."""
    etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
    stamp = formatdate(mtime, usegmt=True)

    def route(h: BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-None-Match") == etag or (
            h.headers.get("If-None-Match") is None and h.headers.get("If-Modified-Since") == stamp
        ):
            h.send_response(304)
            h.send_header("ETag", etag)
            h.end_headers()
            return
        send(h, body, content_type=content_type, headers={"ETag": etag, "Last-Modified": stamp})

    return route


def static(body: bytes, content_type: str = "application/xml", status: int = 200) -> Route:
    return lambda h: send(h, body, content_type=content_type, status=status)


def gzipped(body: bytes, content_type: str = "application/xml") -> Route:
    return lambda h: send(
        h, gzip.compress(body), content_type=content_type, headers={"Content-Encoding": "gzip"}
    )


def redirect(location: str, status: int = 302) -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        h.send_header("Location", location)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return route


def slow(delay: float, body: bytes = b"<rss/>") -> Route:
    """Headers at once, then nothing for ``delay`` seconds (a hung server)."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/xml")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.flush()
        time.sleep(delay)
        with suppress(OSError):
            h.wfile.write(body)

    return route


def endless(chunk: bytes = b"x" * 65536) -> Route:
    """A body with no Content-Length that never ends (until the client hangs up)."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/xml")
        h.end_headers()
        try:
            for _ in range(100_000):
                h.wfile.write(chunk)
        except OSError:
            pass
        h.close_connection = True

    return route


def file_routes(root: Path, prefix: str = "/") -> dict[str, Route]:
    """One conditional route per file under ``root`` (licence files included)."""
    routes: dict[str, Route] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            kind = "application/json" if path.suffix == ".json" else "application/xml"
            rel = path.relative_to(root).as_posix()
            routes[prefix + rel] = conditional(path.read_bytes(), kind, mtime=path.stat().st_mtime)
    return routes


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[FeedServer]:
    """Run a threaded server on an ephemeral 127.0.0.1 port for the ``with`` block."""
    state = FeedServer(port=0, routes=routes)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            with state.lock:
                state.seen.append(Seen(path, {k: v for k, v in self.headers.items()}))
            route = state.routes.get(path)
            if route is None:
                send(self, b"not found", status=404, content_type="text/plain")
                return
            route(self)

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

    class Server(ThreadingHTTPServer):
        request_queue_size = 128  # the default 5 drops SYNs under 8 concurrent clients

        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a client hanging up mid-body is what several tests do on purpose

    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
