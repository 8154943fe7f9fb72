"""ArticleDraft: one article as an importer found it, before it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


class IngestError(Exception):
    """An input that cannot become an article. Its message is one line for the user,
    made safe here (whatever a server or a file put in it: escape sequences, controls,
    bidi characters, line breaks), so no caller can print a raw one."""

    def __init__(self, message: object = "", *args: object) -> None:
        from ingest.normalise import clean_line

        super().__init__(clean_line(str(message), 1000) or "unknown problem", *args)


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
        from ingest.normalise import clean_line, clean_text, fix_surrogates, safe_url

        # A shallow copy (asdict deep-copies every field: a tenth of a refresh's storing).
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        for key in ("origin", "tags"):
            data.pop(key)
        # The boundary where text enters the store: whichever importer made the draft,
        # no field carries an escape, a control or a surrogate (the body's length is
        # kept, so offsets into it hold).
        for key in ("title", "outlet", "byline"):
            data[key] = clean_line(data[key], 1000) if data[key] else data[key]
        data["title"] = data["title"] or ""
        data["guid"] = clean_line(data["guid"], 2000) if data["guid"] else None
        data["url"] = safe_url(data["url"])
        data["body"] = fix_surrogates(data["body"])
        data["captions"] = [clean_text(c) for c in self.captions]
        data["headings"] = [list(h) for h in self.headings]
        return data
