"""Read queries the reader needs. Plain sqlite3, no sqlite-utils: this is the start path.

Nothing here loads every row: the list is read a page at a time, by keyset from the
previous page's last row (walking ``idx_articles_order``), or by OFFSET when the reader
jumps far (End, a scrollbar drag).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

#: Sort orders of the list: name -> (sort key SQL, matching the indexes of schema v2).
SORTS: dict[str, tuple[str, ...]] = {
    "date": ("IFNULL(a.published_at, '')",),
    "outlet": ("IFNULL(a.outlet, '')", "IFNULL(a.published_at, '')"),
}


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles the list shows, and in what order."""

    tag: str | None = None
    unread: bool = False
    starred: bool = False
    outlet: str | None = None
    #: Restrict to these ids (e.g. the articles of an entity); None means no restriction.
    ids: tuple[int, ...] | None = None
    sort: str = "date"
    #: True: newest (or Z) first.
    descending: bool = True

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.tag:
            clauses.append(
                "a.id IN (SELECT at.article_id FROM article_tags at "
                "JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)"
            )
            params.append(self.tag)
        if self.unread:
            clauses.append("a.read_at IS NULL")
        if self.starred:
            clauses.append("a.starred = 1")
        if self.outlet:
            clauses.append("a.outlet = ?")
            params.append(self.outlet)
        if self.ids is not None:
            clauses.append(f"a.id IN ({','.join('?' * len(self.ids))})")
            params.extend(self.ids)
        return (" AND ".join(clauses) or "1"), params


@dataclass
class ArticleRow:
    """One row of the article list: just what the list draws."""

    id: int
    title: str
    outlet: str
    published_at: str
    date_precision: str
    unread: bool
    starred: bool
    tags: list[str] = field(default_factory=list)
    #: Sort key of this row, used as the keyset cursor for the next page.
    cursor: tuple[Any, ...] = ()


_ROW_SQL = """
SELECT a.id, a.title, a.outlet, a.published_at, a.date_precision, a.read_at, a.starred,
       (SELECT group_concat(t.name, char(31)) FROM article_tags at
          JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id) AS tags,
       {keys}
FROM articles a
WHERE {where}
ORDER BY {order}
LIMIT ? {offset}
"""


def _row(r: sqlite3.Row, nkeys: int) -> ArticleRow:
    tags = r["tags"].split("\x1f") if r["tags"] else []
    cursor = tuple(r[f"k{i}"] for i in range(nkeys)) + (r["id"],)
    return ArticleRow(
        id=r["id"],
        title=r["title"] or "(untitled)",
        outlet=r["outlet"] or "",
        published_at=r["published_at"] or "",
        date_precision=r["date_precision"] or "",
        unread=r["read_at"] is None,
        starred=bool(r["starred"]),
        tags=sorted(tags),
        cursor=cursor,
    )


def page_articles(
    conn: sqlite3.Connection,
    flt: ArticleFilter = ArticleFilter(),
    *,
    after: tuple[Any, ...] | None = None,
    offset: int = 0,
    limit: int = 100,
) -> list[ArticleRow]:
    """A page of the list: ``limit`` rows after the cursor ``after`` (keyset), else from
    ``offset``."""
    keys = SORTS.get(flt.sort, SORTS["date"])
    direction = "DESC" if flt.descending else "ASC"
    where, params = flt.where()
    if after is not None:
        op = "<" if flt.descending else ">"
        cols = ", ".join((*keys, "a.id"))
        where += f" AND ({cols}) {op} ({', '.join('?' * len(after))})"
        params = [*params, *after]
        offset = 0
    order = ", ".join(f"{k} {direction}" for k in (*keys, "a.id"))
    key_cols = ", ".join(f"{k} AS k{i}" for i, k in enumerate(keys))
    sql = _ROW_SQL.format(
        keys=key_cols, where=where, order=order, offset="OFFSET ?" if offset else ""
    )
    args = [*params, limit] + ([offset] if offset else [])
    return [_row(r, len(keys)) for r in conn.execute(sql, args)]


def count_articles(conn: sqlite3.Connection, flt: ArticleFilter = ArticleFilter()) -> int:
    where, params = flt.where()
    return int(conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0])


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Totals for the status line and ``newsreader doctor``."""
    out: dict[str, int] = {}
    for name, sql in {
        "articles": "SELECT count(*) FROM articles",
        "unread": "SELECT count(*) FROM articles WHERE read_at IS NULL",
        "entities": "SELECT count(*) FROM entities",
        "mentions": "SELECT count(*) FROM mentions",
        "events": "SELECT count(*) FROM events",
        "event_mentions": "SELECT count(*) FROM event_mentions",
        "tags": "SELECT count(*) FROM tags",
        "annotations": "SELECT count(*) FROM annotations",
        "sources": "SELECT count(*) FROM sources",
    }.items():
        out[name] = int(conn.execute(sql).fetchone()[0])
    return out


def get_article(conn: sqlite3.Connection, article_id: int) -> dict[str, Any] | None:
    """One article with everything the reader draws: mentions, event mentions, tags, notes."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    art = dict(row)
    art["captions"] = json.loads(art["captions"]) if art.get("captions") else []
    art["headings"] = json.loads(art["headings"]) if art.get("headings") else []
    art["mentions"] = [
        dict(r)
        for r in conn.execute(
            "SELECT m.id, m.start, m.end, m.text, m.sentence, m.entity_id, "
            "IFNULL(m.label, e.label) AS label, e.name AS entity_name "
            "FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id "
            "WHERE m.article_id = ? ORDER BY m.start",
            (article_id,),
        )
    ]
    art["event_mentions"] = [
        dict(r)
        for r in conn.execute(
            "SELECT em.*, ev.title AS event_title, ev.article_count AS event_article_count, "
            "ea.name AS actor, et.name AS target, el.name AS location "
            "FROM event_mentions em "
            "LEFT JOIN events ev ON ev.id = em.event_id "
            "LEFT JOIN entities ea ON ea.id = em.actor_id "
            "LEFT JOIN entities et ON et.id = em.target_id "
            "LEFT JOIN entities el ON el.id = em.location_id "
            "WHERE em.article_id = ? ORDER BY em.salience DESC, em.start",
            (article_id,),
        )
    ]
    art["tags"] = article_tags(conn, article_id)
    art["notes"] = [
        dict(r)
        for r in conn.execute(
            "SELECT * FROM annotations WHERE article_id = ? ORDER BY start, id", (article_id,)
        )
    ]
    return art


def article_tags(conn: sqlite3.Connection, article_id: int) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
            "WHERE at.article_id = ? ORDER BY t.name",
            (article_id,),
        )
    ]


def all_tags(conn: sqlite3.Connection, prefix: str = "") -> list[tuple[str, int]]:
    """Tags with their article counts, for completion and the tag filter."""
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT t.name, count(at.article_id) FROM tags t "
            "LEFT JOIN article_tags at ON at.tag_id = t.id "
            "WHERE t.name LIKE ? ESCAPE '\\' GROUP BY t.id ORDER BY count(at.article_id) DESC, t.name",
            (prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
        )
    ]
