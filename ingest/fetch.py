"""The one HTTP layer of newsreader: every byte from the network comes through here.

Why a layer of our own over httpx: the web sends us hostile or broken things and a
reader must survive all of them with one clear line per failure. So this module

- fetches only ``http`` and ``https`` URLs (never ``file:``, ``ftp:``, ``data:``...),
  checking every redirect hop too, and follows at most ``max_redirects`` of them,
  naming a loop when it sees one;
- reads the body as a stream and stops at ``max_bytes`` (the Content-Length is checked
  first, but a server may lie or send none), and decompresses gzip / deflate itself,
  in bounded steps, so a gzip bomb stops at the same cap instead of filling memory;
- bounds time twice: ``timeout`` per network operation (connect, each read) and a
  whole-request deadline, so a server dripping a byte a second cannot hold a refresh;
- keeps no cookies and no credentials between requests (a jar that accepts nothing,
  no environment proxies or .netrc, and a redirect never carries an Authorization
  header), and sends the conditional headers (ETag / Last-Modified) a feed refresh uses.

Every failure is a :class:`FetchError` (an :class:`~ingest.draft.IngestError`) whose
message is one line starting with the URL. :func:`fetch_url` is synchronous (for
``newsreader import URL`` and full-article fetches); :func:`fetch_url_async` does the same
on a shared :class:`httpx.AsyncClient` from :func:`async_client` for concurrent refresh.
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from ingest.draft import IngestError
from ingest.normalise import url_problem

#: Seconds allowed for each network operation (connect, each read or write).
DEFAULT_TIMEOUT = 15.0
#: Largest body accepted, after decompression (bytes).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: Redirects followed before giving up.
DEFAULT_MAX_REDIRECTS = 5
#: A whole request (all hops, whole body) may take this many times ``timeout``.
DEADLINE_FACTOR = 4.0

ALLOWED_SCHEMES = ("http", "https")
USER_AGENT = "newsreader/0.1 (terminal news reader; +https://example.invalid/newsreader)"
_REDIRECT_CODES = (301, 302, 303, 307, 308)
#: Decompressed bytes produced per zlib call: bounds the memory a bomb can take per step.
_INFLATE_STEP = 256 * 1024


class FetchError(IngestError):
    """A URL that could not be fetched; the message is one line starting with the URL."""

    def __init__(self, url: str, reason: str, *, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


@dataclass
class FetchResult:
    """One successful answer (2xx, or 304 for a conditional request)."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    content: bytes = b""
    content_type: str | None = None  # media type only, lower-cased: "application/rss+xml"
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    #: True for a 304: the resource did not change since the given ETag / Last-Modified.
    not_modified: bool = False
    #: The hops followed, in order (empty when there was no redirect).
    redirects: list[str] = field(default_factory=list)
    #: True when every hop was a permanent redirect (301 / 308): the caller may update
    #: a stored URL to ``final_url``.
    permanent: bool = False
    headers: dict[str, str] = field(default_factory=dict)


class _NoCookies(http.cookiejar.DefaultCookiePolicy):
    """Refuse every cookie, so nothing a server sets is ever sent back."""

    def set_ok(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return False

    def return_ok(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return False


def _cookie_jar() -> http.cookiejar.CookieJar:
    return http.cookiejar.CookieJar(policy=_NoCookies())


def check_url(url: str) -> str:
    """The URL, stripped, if it is an absolute http(s) URL with a host and no control,
    space or bidi character (:func:`ingest.normalise.url_problem`); else FetchError."""
    url = url.strip()
    problem = url_problem(url)
    if problem:
        raise FetchError(url, problem)
    return url


def _timeout(timeout: float) -> httpx.Timeout:
    return httpx.Timeout(timeout, connect=min(timeout, 10.0))


def _client_options(timeout: float) -> dict[str, Any]:
    return {
        "timeout": _timeout(timeout),
        "follow_redirects": False,  # done by hand: every hop is checked
        "trust_env": False,  # no environment proxies, no .netrc credentials
        "cookies": _cookie_jar(),
        "headers": {
            "User-Agent": USER_AGENT,
            "Accept-Encoding": "gzip, deflate",  # only what _Inflater decodes, capped
        },
    }


def client(timeout: float = DEFAULT_TIMEOUT) -> httpx.Client:
    """A synchronous client configured like every request of this module."""
    return httpx.Client(**_client_options(timeout))


def async_client(
    timeout: float = DEFAULT_TIMEOUT, *, max_connections: int = 16
) -> httpx.AsyncClient:
    """An async client to share between concurrent :func:`fetch_url_async` calls."""
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=8)
    return httpx.AsyncClient(limits=limits, **_client_options(timeout))


def _request_headers(
    etag: str | None, last_modified: str | None, accept: str | None
) -> dict[str, str]:
    headers = {"Accept": accept or "*/*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _size_text(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


class _Inflater:
    """Decodes a Content-Encoding (identity, gzip, deflate) in bounded steps and counts
    the decoded bytes against the cap; raises FetchError past it."""

    def __init__(self, url: str, encoding: str, max_bytes: int) -> None:
        self.url = url
        self.max_bytes = max_bytes
        self.parts: list[bytes] = []
        self.size = 0
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1:
            raise FetchError(url, f"unsupported content encoding '{encoding}'")
        self.coding = codings[0] if codings else ""
        if self.coding in ("gzip", "x-gzip"):
            self._z: Any = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.coding == "deflate":
            self._z = None  # zlib-wrapped or raw: decided on the first bytes
        elif self.coding:
            raise FetchError(url, f"unsupported content encoding '{self.coding}'")
        self._first = True

    def _add(self, data: bytes) -> None:
        if not data:
            return
        self.size += len(data)
        if self.size > self.max_bytes:
            raise FetchError(
                self.url,
                f"response too large (over {_size_text(self.max_bytes)}"
                + (", decompressed" if self.coding else "")
                + ")",
            )
        self.parts.append(data)

    def _inflate(self, data: bytes) -> None:
        z = self._z
        try:
            out = z.decompress(data, _INFLATE_STEP)
            self._add(out)
            while z.unconsumed_tail:
                out = z.decompress(z.unconsumed_tail, _INFLATE_STEP)
                if not out and z.unconsumed_tail:
                    break
                self._add(out)
            if z.eof and z.unused_data and self.coding != "deflate":
                # A second gzip member (concatenated gzip is legal).
                rest = z.unused_data
                self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self._inflate(rest)
        except zlib.error as exc:
            raise FetchError(self.url, f"corrupt {self.coding} data ({exc})") from exc

    def feed(self, data: bytes) -> None:
        if not self.coding:
            self._add(data)
            return
        if self._z is None:  # deflate: RFC says zlib-wrapped, many servers send raw
            wrapped = len(data) >= 2 and (data[0] * 256 + data[1]) % 31 == 0 and data[0] & 15 == 8
            self._z = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        self._inflate(data)

    def finish(self) -> bytes:
        if self.coding and self._z is not None:
            try:
                self._add(self._z.flush(_INFLATE_STEP))
            except zlib.error as exc:
                raise FetchError(self.url, f"corrupt {self.coding} data ({exc})") from exc
        return b"".join(self.parts)


def _media_type(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    msg = Message()
    msg["content-type"] = value
    charset = msg.get_param("charset")
    return msg.get_content_type().lower(), str(charset) if isinstance(charset, str) else None


def _root_causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        yield cur
        cur = cur.__cause__ or cur.__context__


def _reason(exc: Exception) -> str:
    """One line for a transport error."""
    if isinstance(exc, httpx.InvalidURL):
        return f"not a valid URL ({(str(exc) or 'invalid').splitlines()[0]})"
    if isinstance(exc, httpx.ConnectTimeout):
        return "timed out connecting"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out waiting for the server"
    if isinstance(exc, httpx.ConnectError):
        text = str(exc) or "connection failed"
        # The asyncio backend wraps ECONNREFUSED in "All connection attempts failed".
        if "refused" in text.lower() or any(
            isinstance(c, ConnectionRefusedError) for c in _root_causes(exc)
        ):
            return "connection refused"
        if "name or service" in text.lower() or "nodename" in text.lower():
            return "unknown host"
        return f"cannot connect ({text.splitlines()[0]})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"broken HTTP response ({(str(exc) or 'protocol error').splitlines()[0]})"
    if isinstance(exc, httpx.HTTPError):
        return f"network error ({(str(exc) or type(exc).__name__).splitlines()[0]})"
    return f"network error ({type(exc).__name__})"


class _Hops:
    """Redirect bookkeeping shared by the sync and async paths."""

    def __init__(self, url: str, max_redirects: int, timeout: float) -> None:
        self.start = check_url(url)
        self.url = self.start
        self.max_redirects = max_redirects
        self.seen = [self.start]
        self.permanent = True
        self.deadline = time.monotonic() + timeout * DEADLINE_FACTOR
        self.timeout = timeout

    def check_deadline(self) -> None:
        if time.monotonic() > self.deadline:
            raise FetchError(
                self.start, f"took too long (over {self.timeout * DEADLINE_FACTOR:.0f} s)"
            )

    def next(self, response: httpx.Response) -> str:
        """The next URL to ask for after a redirect ``response``; FetchError if not allowed."""
        location = response.headers.get("location")
        if not location:
            raise FetchError(self.start, f"HTTP {response.status_code} redirect without a location")
        target = urljoin(self.url, location.strip())
        if urlsplit(target).scheme.lower() not in ALLOWED_SCHEMES:
            raise FetchError(
                self.start, f"redirected to a non-http(s) URL ({urlsplit(target).scheme}:)"
            )
        check_url(target)
        if target in self.seen:
            loop = " -> ".join([*self.seen[self.seen.index(target) :], target])
            raise FetchError(self.start, f"redirect loop ({loop})")
        if len(self.seen) > self.max_redirects:
            raise FetchError(self.start, f"too many redirects (more than {self.max_redirects})")
        self.permanent = self.permanent and response.status_code in (301, 308)
        self.seen.append(target)
        self.url = target
        return target

    def result(self, response: httpx.Response, content: bytes) -> FetchResult:
        media, charset = _media_type(response.headers.get("content-type"))
        return FetchResult(
            url=self.start,
            final_url=self.url,
            status=response.status_code,
            content=content,
            content_type=media,
            charset=charset,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            not_modified=response.status_code == 304,
            redirects=self.seen[1:],
            permanent=bool(self.seen[1:]) and self.permanent,
            headers={k.lower(): v for k, v in response.headers.items()},
        )

    def inflater(self, response: httpx.Response, max_bytes: int) -> _Inflater:
        status = response.status_code
        if status >= 400 or status < 200 or (300 <= status < 400 and status != 304):
            phrase = response.reason_phrase or ""
            raise FetchError(self.start, f"HTTP {status} {phrase}".strip(), status=status)
        declared = response.headers.get("content-length")
        if declared and declared.strip().isdigit() and int(declared) > max_bytes:
            raise FetchError(
                self.start,
                f"response too large ({_size_text(int(declared))}; "
                f"the limit is {_size_text(max_bytes)})",
            )
        return _Inflater(self.start, response.headers.get("content-encoding", ""), max_bytes)


@contextmanager
def _errors(hops: _Hops) -> Iterator[None]:
    try:
        yield
    except FetchError:
        raise
    except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:
        raise FetchError(hops.start, _reason(exc)) from exc


def fetch_url(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    accept: str | None = None,
    http_client: httpx.Client | None = None,
) -> FetchResult:
    """GET ``url`` safely (see the module docstring); FetchError on any failure.

    With ``etag`` / ``last_modified`` the request is conditional and an unchanged
    resource comes back as ``not_modified=True`` with an empty body.
    """
    if http_client is None:
        # The async path holds one deadline over connect, headers and body (a server
        # trickling header bytes never trips a per-read timeout); no loop runs here.
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(
                fetch_url_async(
                    url,
                    etag=etag,
                    last_modified=last_modified,
                    timeout=timeout,
                    max_bytes=max_bytes,
                    max_redirects=max_redirects,
                    accept=accept,
                )
            )
    hops = _Hops(url, max_redirects, timeout)
    own = http_client is None
    session = http_client or client(timeout)
    try:
        with _errors(hops):
            while True:
                hops.check_deadline()
                request = session.build_request(
                    "GET", hops.url, headers=_request_headers(etag, last_modified, accept)
                )
                response = session.send(request, stream=True)
                try:
                    if response.status_code in _REDIRECT_CODES:
                        hops.next(response)
                        continue
                    inflater = hops.inflater(response, max_bytes)
                    if response.status_code != 304:
                        for chunk in response.iter_raw():
                            inflater.feed(chunk)
                            hops.check_deadline()
                    return hops.result(response, inflater.finish())
                finally:
                    response.close()
    finally:
        if own:
            session.close()


async def fetch_url_async(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    accept: str | None = None,
    http_client: httpx.AsyncClient | None = None,
) -> FetchResult:
    """:func:`fetch_url` for asyncio; pass ``http_client`` (from :func:`async_client`) to
    share connections between concurrent fetches."""
    hops = _Hops(url, max_redirects, timeout)
    own = http_client is None
    session = http_client or async_client(timeout)
    try:
        async with asyncio.timeout(timeout * DEADLINE_FACTOR):
            return await _fetch_async(session, hops, etag, last_modified, accept, max_bytes)
    except TimeoutError:
        # The whole request: connect, every header byte, the body, every redirect.
        raise FetchError(
            hops.start, f"took too long (over {timeout * DEADLINE_FACTOR:.0f} s)"
        ) from None
    finally:
        if own:
            await session.aclose()


async def _fetch_async(
    session: httpx.AsyncClient,
    hops: _Hops,
    etag: str | None,
    last_modified: str | None,
    accept: str | None,
    max_bytes: int,
) -> FetchResult:
    """One fetch, its redirects followed (the caller holds the deadline)."""
    with _errors(hops):
        while True:
            hops.check_deadline()
            request = session.build_request(
                "GET", hops.url, headers=_request_headers(etag, last_modified, accept)
            )
            response = await session.send(request, stream=True)
            try:
                if response.status_code in _REDIRECT_CODES:
                    hops.next(response)
                    continue
                inflater = hops.inflater(response, max_bytes)
                if response.status_code != 304:
                    async for chunk in response.aiter_raw():
                        inflater.feed(chunk)
                        hops.check_deadline()
                return hops.result(response, inflater.finish())
            finally:
                await response.aclose()
