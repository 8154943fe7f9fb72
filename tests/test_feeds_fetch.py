"""ingest.fetch against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from feeds_http import (
    FeedServer,
    conditional,
    endless,
    gzipped,
    redirect,
    send,
    serve,
    slow,
    static,
)

from ingest.draft import IngestError
from ingest.fetch import FetchError, async_client, fetch_url, fetch_url_async

BODY = b"<rss version='2.0'><channel><title>t</title></channel></rss>"


def _bomb(h: BaseHTTPRequestHandler) -> None:
    # 50 MB of zeros gzip to ~50 kB: a decompression bomb.
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1 << 20)
    data = b"".join(comp.compress(block) for _ in range(50)) + comp.flush()
    send(h, data, headers={"Content-Encoding": "gzip"})


def _deflate_raw(h: BaseHTTPRequestHandler) -> None:
    comp = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    send(h, comp.compress(BODY) + comp.flush(), headers={"Content-Encoding": "deflate"})


def _cookie_setter(h: BaseHTTPRequestHandler) -> None:
    send(h, BODY, headers={"Set-Cookie": "session=secret; Path=/"})


def _echo_headers(h: BaseHTTPRequestHandler) -> None:
    send(h, repr(dict(h.headers.items())).encode(), content_type="text/plain")


@pytest.fixture
def server() -> Iterator[FeedServer]:
    routes = {
        "/ok": static(BODY, "application/rss+xml; charset=ISO-8859-1"),
        "/cond": conditional(BODY),
        "/gzip": gzipped(BODY),
        "/deflate": _deflate_raw,
        "/bomb": _bomb,
        "/big": static(b"x" * 3_000_000),
        "/endless": endless(),
        "/slow": slow(5.0),
        "/500": static(b"oops", status=500),
        "/loop-a": redirect("/loop-b"),
        "/loop-b": redirect("/loop-a"),
        "/to-ok": redirect("/ok", 301),
        "/to-file": redirect("file:///etc/passwd"),
        "/chain-0": redirect("/chain-1"),
        "/chain-1": redirect("/chain-2"),
        "/chain-2": redirect("/chain-3"),
        "/chain-3": redirect("/ok"),
        "/set-cookie": _cookie_setter,
        "/echo": _echo_headers,
    }
    with serve(routes) as srv:
        yield srv


def test_plain_get_returns_body_and_content_type(server: FeedServer) -> None:
    res = fetch_url(server.url("/ok"))
    assert res.status == 200 and res.content == BODY
    assert res.content_type == "application/rss+xml"
    assert res.charset == "ISO-8859-1"
    assert not res.not_modified and res.redirects == []


def test_conditional_get_answers_304(server: FeedServer) -> None:
    first = fetch_url(server.url("/cond"))
    assert first.etag and first.last_modified
    again = fetch_url(server.url("/cond"), etag=first.etag, last_modified=first.last_modified)
    assert again.status == 304 and again.not_modified and again.content == b""
    sent = server.requests_to("/cond")[-1].headers
    assert sent["If-None-Match"] == first.etag
    assert sent["If-Modified-Since"] == first.last_modified


def test_gzip_and_raw_deflate_are_decoded(server: FeedServer) -> None:
    assert fetch_url(server.url("/gzip")).content == BODY
    assert fetch_url(server.url("/deflate")).content == BODY


def test_gzip_bomb_stops_at_the_cap(server: FeedServer) -> None:
    t0 = time.perf_counter()
    with pytest.raises(FetchError, match=r"too large .*decompressed"):
        fetch_url(server.url("/bomb"), max_bytes=5_000_000)
    assert time.perf_counter() - t0 < 5


def test_declared_oversized_body_is_refused(server: FeedServer) -> None:
    with pytest.raises(FetchError, match="too large"):
        fetch_url(server.url("/big"), max_bytes=1_000_000)


def test_undeclared_endless_body_is_cut_at_the_cap(server: FeedServer) -> None:
    with pytest.raises(FetchError, match="too large"):
        fetch_url(server.url("/endless"), max_bytes=1_000_000)


def test_slow_server_times_out(server: FeedServer) -> None:
    t0 = time.perf_counter()
    with pytest.raises(FetchError, match="timed out"):
        fetch_url(server.url("/slow"), timeout=0.5)
    assert time.perf_counter() - t0 < 3


def test_http_error_is_one_line_with_status(server: FeedServer) -> None:
    with pytest.raises(FetchError) as info:
        fetch_url(server.url("/500"))
    assert info.value.status == 500
    msg = str(info.value)
    assert msg.startswith(server.url("/500")) and "HTTP 500" in msg and "\n" not in msg
    assert isinstance(info.value, IngestError)


def test_redirect_loop_is_named(server: FeedServer) -> None:
    with pytest.raises(FetchError, match=r"redirect loop .*loop-a -> .*loop-b -> .*loop-a"):
        fetch_url(server.url("/loop-a"))


def test_redirect_limit(server: FeedServer) -> None:
    res = fetch_url(server.url("/chain-0"), max_redirects=4)
    assert res.content == BODY and len(res.redirects) == 4 and not res.permanent
    with pytest.raises(FetchError, match="too many redirects"):
        fetch_url(server.url("/chain-0"), max_redirects=3)


def test_permanent_redirect_is_reported(server: FeedServer) -> None:
    res = fetch_url(server.url("/to-ok"))
    assert res.final_url == server.url("/ok") and res.permanent


def test_redirect_to_file_scheme_is_refused(server: FeedServer) -> None:
    with pytest.raises(FetchError, match="non-http"):
        fetch_url(server.url("/to-file"))


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/plain,hi", "/etc/passwd", "http:///x"],
)
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch_url(url)
    assert str(info.value).startswith(url)


def test_no_cookies_are_kept(server: FeedServer) -> None:
    from ingest.fetch import client

    with client() as c:
        fetch_url(server.url("/set-cookie"), http_client=c)
        echoed = fetch_url(server.url("/echo"), http_client=c).content.decode()
    assert "secret" not in echoed and "Cookie" not in echoed


def test_connection_refused_is_one_line() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match="connection refused"):
        fetch_url(f"http://127.0.0.1:{port}/feed", timeout=2)


def test_async_fetches_run_concurrently(server: FeedServer) -> None:
    async def run() -> list[object]:
        async with async_client(timeout=0.5) as c:
            return await asyncio.gather(
                fetch_url_async(server.url("/ok"), http_client=c),
                fetch_url_async(server.url("/slow"), http_client=c),
                fetch_url_async(server.url("/gzip"), http_client=c),
                fetch_url_async(server.url("/loop-a"), http_client=c),
                return_exceptions=True,
            )

    ok, slow_res, gz, loop = asyncio.run(run())
    assert getattr(ok, "content", None) == BODY
    assert isinstance(slow_res, FetchError) and "timed out" in str(slow_res)
    assert getattr(gz, "content", None) == BODY
    assert isinstance(loop, FetchError) and "redirect loop" in str(loop)
