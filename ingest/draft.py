"""ArticleDraft: one article as an importer found it, before it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


class IngestError(Exception):
    """An input that cannot become an article. Its message is one line for the user."""


@dataclass
class ArticleDraft:
    """A clean article: the body is plain text, every boilerplate line already gone.

    ``headings`` are ``(start, end)`` offsets into ``body`` of section headings kept in
    the text; ``captions`` are photo captions and credits kept apart from the body.
    """

    title: str
    body: str
    outlet: str | None = None
    url: str | None = None
    guid: str | None = None
    byline: str | None = None
    published_at: str | None = None
    date_precision: str | None = None
    captions: list[str] = field(default_factory=list)
    headings: list[tuple[int, int]] = field(default_factory=list)
    page_id: str | None = None
    role: str | None = None
    source_id: int | None = None
    #: When the article was fetched or captured (ISO); the store fills in "now" when
    #: unknown. Undated articles are placed in time by it (stories, relative dates).
    fetched_at: str | None = None
    #: Where it came from (file path or URL), for messages; not stored.
    origin: str = ""
    #: Tags to give the article when it is first stored (e.g. a feed's tags).
    tags: list[str] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        """The articles-table columns of this draft."""
        # A shallow copy (asdict deep-copies every field: a tenth of a refresh's storing).
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        for key in ("origin", "tags"):
            data.pop(key)
        data["captions"] = list(self.captions)
        data["headings"] = [list(h) for h in self.headings]
        return data
