"""JSON and JSON lines: one object per article with fields like title, body/text,
date, url, outlet/source."""

from __future__ import annotations

import json
import re
from typing import Any

from ingest.dates import parse_date
from ingest.draft import ArticleDraft, IngestError
from ingest.normalise import clean_line, clean_text

_BODY = ("body", "text", "content", "article", "articleBody", "content_text", "description")
_TITLE = ("title", "headline", "name")
_DATE = ("published_at", "date", "published", "datePublished", "pubDate", "date_published", "time")
_OUTLET = ("outlet", "site_name", "publisher", "source", "sitename", "site")
_URL = ("url", "link", "canonical_url", "href")


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("name") or value.get("title")
        if isinstance(value, str) and value.strip():
            return value
    return None


_VIA = re.compile(r"\s+via\s+.*$|\s*\([^)]*\)", re.I)


def outlet_name(value: str | None) -> str | None:
    """An outlet from a source/attribution field: "Wikinews via X (CC BY 4.0)" -> "Wikinews"."""
    name = clean_line(value)
    if not name:
        return None
    return _VIA.sub("", name).strip() or name


def draft_from_object(obj: Any, origin: str) -> ArticleDraft:
    if not isinstance(obj, dict):
        raise IngestError(f"{origin}: expected a JSON object per article")
    body = _first(obj, _BODY)
    if not body:
        raise IngestError(f"{origin}: no body/text field")
    body = clean_text(body).strip()
    title = clean_line(_first(obj, _TITLE)) or clean_line(body.split("\n", 1)[0][:120]) or ""
    published, precision = parse_date(_first(obj, _DATE))
    url = _first(obj, _URL)
    return ArticleDraft(
        title=title,
        body=body,
        outlet=outlet_name(_first(obj, _OUTLET)),
        url=url.strip() if url and url.strip().startswith(("http://", "https://")) else None,
        guid=clean_line(str(obj["id"])) if obj.get("id") is not None and not url else None,
        byline=clean_line(_first(obj, ("byline", "author"))),
        published_at=published,
        date_precision=precision,
        origin=origin,
    )


def parse_json(text: str, origin: str = "input") -> list[ArticleDraft]:
    """A JSON document (one object, or a list of them) or JSON lines."""
    stripped = text.strip()
    if not stripped:
        raise IngestError(f"{origin}: empty")
    try:
        doc = json.loads(stripped)
        items = doc if isinstance(doc, list) else [doc]
        return [draft_from_object(o, f"{origin}[{i}]") for i, o in enumerate(items)]
    except ValueError:  # not one document (or an integer of 4,300+ digits): try lines
        pass
    except RecursionError as exc:
        raise IngestError(f"{origin}: JSON nested too deeply") from exc
    drafts = []
    for n, line in enumerate(stripped.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise IngestError(f"{origin}:{n}: invalid JSON ({exc.msg})") from exc
        except ValueError as exc:  # an integer of 4,300+ digits
            raise IngestError(f"{origin}:{n}: invalid JSON ({exc})") from exc
        except RecursionError as exc:
            raise IngestError(f"{origin}:{n}: JSON nested too deeply") from exc
        drafts.append(draft_from_object(obj, f"{origin}:{n}"))
    return drafts
