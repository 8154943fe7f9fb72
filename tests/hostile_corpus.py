"""A generated corpus of hostile input files for every importer (issue 15).

:func:`generate` writes a few hundred small files: each hostile payload (terminal escapes,
markup, poisoned character references, lone surrogates, bidi and zero-width characters,
placeholder and absurd dates, huge integers, hostile URLs, very long lines, deep nesting)
is placed in each field of each format: plain text, HTML, JSON, JSON lines, RSS, Atom,
JSON Feed and OPML, and a few structural breakers are added per format (truncated,
empty, binary, wrong format behind the right extension). Deterministic: the same files
every run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: Payloads as text: what a field may say. Each is placed raw where the format allows
#: it (JSON escapes what it must), and as a character reference where XML would refuse
#: the raw character.
TEXT_PAYLOADS: dict[str, str] = {
    "markup": "[bold]Bold[/bold] [link=file:///etc/passwd]x[/link] [/x]",
    "csi": "\x1b[31mred\x1b[0m \x1b[2J clear",
    "osc-title": "\x1b]0;new window title\x07",
    "osc-link": "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07",
    "c1": "\x9b31m C1 CSI \x9d0;T\x9c",
    "bel-nul": "bell\x07 and NUL\x00 and BS\x08",
    "bidi": "file \u202egpj.exe and \u2066isolate\u2069",
    "zwj": "family \U0001f468\u200d\U0001f469\u200d\U0001f467 flag \U0001f3f4\U000e0067\U000e0062\U000e007f",
    "fe0f": "heart \u2764\ufe0f star \u2b50\ufe0f",
    "tags": "tag chars \U000e0041\U000e0042\U000e0043",
    "rtl": "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "separators": "line\u2028sep\u2029para",
    "crlf": "a\r\nb\rc",
    "long-word": "x" * 20_000,
    "many-lines": "\n" * 5_000,
    "combining": "e" + "\u0301" * 2_000,
}
#: Character references only XML can carry (and that feedparser and lxml choke on).
CHAR_REFS: dict[str, str] = {
    "ref-surrogate": "&#xd800;",
    "ref-low-surrogate": "&#56320;",
    "ref-too-big": "&#1114112;",
    "ref-huge": "&#99999999999999999999;",
    "ref-nul": "&#0;",
    "ref-esc": "&#x1b;",
    "ref-c1": "&#x9b;",
}
DATES: dict[str, str] = {
    "date-9999": "9999-12-31T23:59:59-05:00",
    "date-0001": "0001-01-01T00:00:00+05:00",
    "date-bad-month": "2024-13-45",
    "date-hours": "99999999999 hours ago",
    "date-months": "1000000 months ago",
    "date-rfc-junk": "Mon, 99 Foo 99999 99:99:99 +9999",
    "date-long": "2024-" + "9" * 5_000,
}
#: Relative time lines of a page dump ("time2 hours ago" on an aggregator page).
RELATIVE: dict[str, str] = {
    "months-huge": "99999999999 months ago",
    "months-million": "1000000 months ago",
    "hours-huge": "99999999999 hours ago",
    "days-huge": "99999999999 days ago",
    "years-huge": "99999999999 years ago",
    "digits": "9" * 5000 + " minutes ago",
}
URLS: dict[str, str] = {
    "url-js": "javascript:alert(1)",
    "url-file": "file:///etc/passwd",
    "url-esc": "https://e.org/a\x1b[31m?q=\x1b]0;T\x07",
    "url-bidi": "https://e.org/\u202etxt.exe",
    "url-space": "https://e.org/a b",
    "url-port": "http://e.org:99999/",
    "url-ipv6": "http://[::1",
    "url-long": "https://e.org/" + "a" * 10_000,
}
BODY = (
    "The city council met on Tuesday to discuss the budget for the coming year. "
    "Officials said the plan would fund new schools and repair roads across the region. "
)


def _xml_escape(text: str) -> str:
    """Text for an XML element: markup escaped, and the characters XML 1.0 refuses
    written as character references (which the importers must survive)."""
    out = []
    for ch in text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"):
        code = ord(ch)
        if (code < 0x20 and ch not in "\t\n\r") or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF:
            out.append(f"&#x{code:x};")
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class Fields:
    """One article's fields; ``raw_xml`` marks values already written as XML."""

    title: str = "An ordinary headline"
    body: str = BODY * 3
    date: str = "2025-07-18T10:00:00Z"
    url: str = "https://e.org/story"
    outlet: str = "The Outlet"
    raw_xml: bool = False


def _x(value: str, raw: bool) -> str:
    return value if raw else _xml_escape(value)


def rss(f: Fields, n: int) -> bytes:
    r = f.raw_xml
    items = "".join(
        f"<item><title>{_x(f.title, r)}</title><link>{_x(f.url, r)}</link>"
        f"<guid>g{k}-{_x(f.url, r)}</guid><pubDate>{_x(f.date, r)}</pubDate>"
        f"<author>{_x(f.outlet, r)}</author><description>{_x(f.body, r)} {k}</description></item>"
        for k in range(2)
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>{_x(f.outlet, r)}</title><link>https://e.org/</link>{items}</channel></rss>"
    ).encode("utf-8", "surrogatepass")


def atom(f: Fields, n: int) -> bytes:
    r = f.raw_xml
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>{_x(f.outlet, r)}</title><id>urn:f{n}</id><updated>{_x(f.date, r)}</updated>"
        f"<entry><title>{_x(f.title, r)}</title><id>urn:e{n}</id>"
        f"<link href='{_x(f.url, r)}'/><updated>{_x(f.date, r)}</updated>"
        f"<author><name>{_x(f.outlet, r)}</name></author>"
        f"<content type='html'>{_x('<p>' + f.body + '</p>', r)}</content></entry></feed>"
    ).encode("utf-8", "surrogatepass")


def json_feed(f: Fields, n: int) -> bytes:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f.outlet,
        "home_page_url": "https://e.org/",
        "items": [
            {
                "id": f"{n}-{k}",
                "url": f.url,
                "title": f.title,
                "content_text": f"{f.body} {k}",
                "date_published": f.date,
                "authors": [{"name": f.outlet}],
            }
            for k in range(2)
        ],
    }
    return json.dumps(doc).encode()  # ensure_ascii: a surrogate becomes "\ud800"


def json_doc(f: Fields, n: int) -> bytes:
    obj = {"title": f.title, "body": f.body, "date": f.date, "url": f.url, "outlet": f.outlet}
    return json.dumps(obj).encode()


def json_lines(f: Fields, n: int) -> bytes:
    rows = [
        {
            "title": f.title,
            "body": f"{f.body} {k}",
            "date": f.date,
            "url": f.url,
            "source": f.outlet,
        }
        for k in range(3)
    ]
    return "\n".join(json.dumps(r) for r in rows).encode() + b"\n"


def text(f: Fields, n: int) -> bytes:
    page = f"{f.title}\n\n{f.outlet}\n{f.date}\n\n{f.body}\n\n{f.url}\n\n{f.body}"
    return page.encode("utf-8", "surrogatepass")


def html(f: Fields, n: int) -> bytes:
    r = f.raw_xml
    return (
        f"<!doctype html><html><head><title>{_x(f.title, r)}</title>"
        f"<meta property='og:site_name' content='{_x(f.outlet, r)}'>"
        f"<meta property='article:published_time' content='{_x(f.date, r)}'>"
        f"<link rel='canonical' href='{_x(f.url, r)}'></head><body><article>"
        f"<h1>{_x(f.title, r)}</h1><p>{_x(f.body, r)}</p><p>{_x(f.body, r)}</p>"
        "</article></body></html>"
    ).encode("utf-8", "surrogatepass")


def opml(f: Fields, n: int) -> bytes:
    r = f.raw_xml
    return (
        "<?xml version='1.0' encoding='utf-8'?><opml version='2.0'><head><title>subs</title>"
        f"</head><body><outline text='{_x(f.outlet, r)}'>"
        f"<outline text='{_x(f.title, r)}' type='rss' xmlUrl='{_x(f.url, r)}'/>"
        f"<outline text='ok' type='rss' xmlUrl='https://e.org/feed{n}.xml'/>"
        "</outline></body></opml>"
    ).encode("utf-8", "surrogatepass")


FORMATS: dict[str, tuple[str, Callable[[Fields, int], bytes]]] = {
    "rss": (".xml", rss),
    "atom": (".atom", atom),
    "jsonfeed": (".json", json_feed),
    "json": (".json", json_doc),
    "jsonl": (".jsonl", json_lines),
    "text": (".txt", text),
    "html": (".html", html),
    "opml": (".opml", opml),
}
XML_FORMATS = ("rss", "atom", "html", "opml")
#: Text payloads are placed in these fields; dates in ``date``, URLs in ``url``.
TEXT_FIELDS = ("title", "body", "outlet")


def _breakers(kind: str, good: bytes) -> dict[str, bytes]:
    """Structural breakage of one format."""
    return {
        "empty": b"",
        "spaces": b" \n\t " * 100,
        "truncated": good[: len(good) // 2],
        "binary": bytes(range(256)) * 20,
        "nul-padded": good + b"\x00" * 4096,
        "bom-utf16": "\ufeff".encode("utf-16")
        + good.decode("utf-8", "replace").encode("utf-16")[2:],
        "latin1": good.decode("utf-8", "replace").encode("latin-1", "replace"),
        "deep": (b"[" * 20_000 + b"]" * 20_000) if kind.startswith("json") else b"<a>" * 20_000,
    }


def generate(dest: Path) -> list[Path]:
    """Write the corpus under ``dest``; the paths, in a fixed order."""
    dest.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []

    def write(name: str, suffix: str, data: bytes) -> None:
        path = dest / f"{name}{suffix}"
        path.write_bytes(data)
        out.append(path)

    for kind, (suffix, make) in FORMATS.items():
        n = 0
        for pname, payload in TEXT_PAYLOADS.items():
            for field in TEXT_FIELDS:
                n += 1
                write(f"{kind}-{pname}-{field}", suffix, make(Fields(**{field: payload}), n))
        # A lone surrogate: JSON escapes it; text formats carry it as broken UTF-8.
        for field in TEXT_FIELDS:
            n += 1
            write(f"{kind}-surrogate-{field}", suffix, make(Fields(**{field: "x \ud800 y"}), n))
        if kind in XML_FORMATS:
            for rname, ref in CHAR_REFS.items():
                for field in ("title", "body"):
                    n += 1
                    fields = Fields(raw_xml=True)
                    value = getattr(fields, field).replace("&", "&amp;")
                    setattr(fields, field, f"{value} {ref} end")
                    write(f"{kind}-{rname}-{field}", suffix, make(fields, n))
        for dname, date in DATES.items():
            n += 1
            write(f"{kind}-{dname}", suffix, make(Fields(date=date), n))
        for uname, url in URLS.items():
            n += 1
            write(f"{kind}-{uname}", suffix, make(Fields(url=url), n))
        if kind.startswith("json"):
            n += 1
            big = make(Fields(), n).replace(
                b'"date": "', b'"n": ' + b"9" * 5000 + b', "date": "', 1
            )
            write(f"{kind}-bigint", suffix, big)
            write(
                f"{kind}-nan",
                suffix,
                make(Fields(), n).replace(b'"title"', b'"x": NaN, "title"', 1),
            )
        for bname, data in _breakers(kind, make(Fields(), 0)).items():
            write(f"{kind}-break-{bname}", suffix, data)
    # Page dumps (the aggregator sample) whose relative time lines say absurd things.
    page = (
        Path(__file__).parent.parent / "ingest" / "samples" / "aggregator-iran-proxies.txt"
    ).read_text(encoding="utf-8")
    for rname, rel in RELATIVE.items():
        write(
            f"text-pagedump-{rname}", ".txt", page.replace("time2 hours ago", f"time{rel}").encode()
        )
    return out
