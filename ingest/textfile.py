"""Plain text: the first non-empty line is the title, the rest the body.

The fallback for text that is neither JSON nor HTML nor a recognisable page dump.
"""

from __future__ import annotations

from ingest.draft import ArticleDraft, IngestError
from ingest.normalise import clean_text


def parse_text(text: str, origin: str = "input") -> list[ArticleDraft]:
    lines = [ln.strip() for ln in clean_text(text).splitlines()]
    lines = [ln for ln in lines if ln]
    if not lines:
        raise IngestError(f"{origin}: no text")
    title, body_lines = lines[0], lines[1:]
    if not body_lines:
        raise IngestError(f"{origin}: only one line of text, no article body")
    return [ArticleDraft(title=title[:500], body="\n\n".join(body_lines), origin=origin)]
