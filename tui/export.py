"""`newsreader export`: the reader's own work (tags and notes) as Markdown, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ingest.normalise import clean_terminal, safe_url


def _clean(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text fields as they may go into a document a terminal or a spreadsheet shows:
    no escape sequence, control or bidi character (the store may hold text written by an
    older version or another tool); URLs percent-encoded."""

    def text(value: Any) -> Any:
        return clean_terminal(value) if isinstance(value, str) else value

    out = []
    for a in articles:
        b = {k: text(v) for k, v in a.items()}
        b["url"] = safe_url(a.get("url"))
        b["tags"] = [clean_terminal(t) for t in a.get("tags") or []]
        b["notes"] = [{k: text(v) for k, v in n.items()} for n in a.get("notes") or []]
        out.append(b)
    return out


def to_json(articles: list[dict[str, Any]]) -> str:
    return json.dumps(articles, ensure_ascii=False, indent=2)


def to_csv(articles: list[dict[str, Any]]) -> str:
    """One row per note (articles with tags but no notes get one row with an empty note)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    articles = _clean(articles)
    writer.writerow(
        [
            "article_id",
            "title",
            "outlet",
            "published_at",
            "url",
            "tags",
            "quote",
            "note",
            "noted_at",
        ]
    )
    for a in articles:
        base = [a["id"], a["title"], a["outlet"], a["published_at"], a["url"], " ".join(a["tags"])]
        for n in a["notes"] or [None]:
            if n is None:
                writer.writerow([*base, "", "", ""])
            else:
                writer.writerow([*base, n["quote"], n["note"], n["updated_at"] or n["created_at"]])
    return buf.getvalue()


def _md_escape(text: str) -> str:
    return text.replace("\n", " ").replace("[", "\\[").replace("]", "\\]")


def to_markdown(articles: list[dict[str, Any]]) -> str:
    lines = ["# newsreader: tags and notes", ""]
    for a in _clean(articles):
        title = _md_escape(a["title"] or "(untitled)")
        lines.append(f"## [{title}]({a['url']})" if a.get("url") else f"## {title}")
        meta = " · ".join(x for x in (a.get("outlet"), (a.get("published_at") or "")[:10]) if x)
        if meta:
            lines.append(f"*{_md_escape(meta)}*")
        if a["tags"]:
            lines.append("Tags: " + " ".join(f"`{t}`" for t in a["tags"]))
        lines.append("")
        for n in a["notes"]:
            quote = _md_escape(n["quote"] or "")
            lines.append(f"> {quote}")
            lines.append("")
            lines.append(n["note"] or "")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


FORMATS = {"md": to_markdown, "markdown": to_markdown, "json": to_json, "csv": to_csv}
