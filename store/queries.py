"""Read queries the reader needs. Plain sqlite3, no sqlite-utils: this is the start path.

Nothing here loads every row: the list is read a page at a time, by keyset from the
previous page's last row (walking ``idx_articles_order``), or by OFFSET when the reader
jumps far (End, a scrollbar drag).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

#: Sort orders of the list: name -> (sort key SQL, matching the indexes of schema v2).
SORTS: dict[str, tuple[str, ...]] = {
    "date": ("IFNULL(a.published_at, a.fetched_at)",),
    "outlet": ("IFNULL(a.outlet, '')", "IFNULL(a.published_at, a.fetched_at)"),
}


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles the list shows, and in what order."""

    tag: str | None = None
    unread: bool = False
    starred: bool = False
    outlet: str | None = None
    #: Restrict to these ids; None means no restriction.
    ids: tuple[int, ...] | None = None
    #: Only articles that mention this entity.
    entity_id: int | None = None
    #: Only articles from this source (a feed).
    source_id: int | None = None
    #: One row per story: its newest article (articles without a story stay).
    one_per_story: bool = False
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
        if self.entity_id is not None:
            clauses.append("a.id IN (SELECT m.article_id FROM mentions m WHERE m.entity_id = ?)")
            params.append(self.entity_id)
        if self.source_id is not None:
            clauses.append("a.source_id = ?")
            params.append(self.source_id)
        if self.one_per_story:
            # One seek in idx_articles_story per row: the row is its story's newest.
            clauses.append(
                "(a.story_id IS NULL OR a.id = (SELECT b.id FROM articles b "
                "WHERE b.story_id = a.story_id "
                "ORDER BY IFNULL(b.published_at, b.fetched_at) DESC, b.id DESC LIMIT 1))"
            )
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
    #: When it was fetched or captured: its date in the list when it has no date of its own.
    fetched_at: str = ""
    #: Articles in this article's story (0 when it has none yet).
    story_count: int = 0
    #: Sort key of this row, used as the keyset cursor for the next page.
    cursor: tuple[Any, ...] = ()


_ROW_SQL = """
SELECT a.id, a.title, a.outlet, a.published_at, a.fetched_at, a.date_precision, a.read_at,
       a.starred, (SELECT group_concat(t.name, char(31)) FROM article_tags at
          JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id) AS tags,
       s.article_count AS story_count,
       {keys}
FROM articles a
LEFT JOIN stories s ON s.id = a.story_id
WHERE {where}
ORDER BY {order}
LIMIT ? {offset}
"""


def _row(r: sqlite3.Row, nkeys: int) -> ArticleRow:
    tags = r["tags"].split("\x1f") if r["tags"] else []
    cursor = (*tuple(r[f"k{i}"] for i in range(nkeys)), r["id"])
    return ArticleRow(
        id=r["id"],
        title=r["title"] or "(untitled)",
        outlet=r["outlet"] or "",
        published_at=r["published_at"] or "",
        fetched_at=r["fetched_at"] or "",
        date_precision=r["date_precision"] or "",
        unread=r["read_at"] is None,
        starred=bool(r["starred"]),
        tags=sorted(tags),
        story_count=r["story_count"] or 0,
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


#: The WHERE clause of the unread count alone (the header's, on every start).
_UNREAD_ONLY = "a.read_at IS NULL"


def count_articles(conn: sqlite3.Connection, flt: ArticleFilter = ArticleFilter()) -> int:
    where, params = flt.where()
    # The unread count alone names its partial index: with most articles unread (a
    # store's usual state) the planner's statistics favour a scan of the table, bodies
    # and all (~10-20 ms at 10k articles, on the start path), over the index (~0.6 ms).
    source = "articles a INDEXED BY idx_articles_unread" if where == _UNREAD_ONLY else "articles a"
    return int(conn.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0])


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
    import json  # not on the start path (the list's queries do not need it)

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
            "ev.date_start AS event_date, ev.type AS event_type, "
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


def entity_detail(
    conn: sqlite3.Connection, entity_id: int, limit: int = 500
) -> dict[str, Any] | None:
    """An entity's card: aliases, the articles that mention it, the events it takes part in."""
    import json

    row = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    ent = dict(row)
    ent["aliases"] = json.loads(ent["aliases"] or "[]")
    ent["articles"] = [
        dict(r)
        for r in conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published_at, count(*) AS mentions, "
            "min(m.start) AS first_start FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.entity_id = ? GROUP BY a.id "
            "ORDER BY IFNULL(a.published_at, '') DESC, a.id DESC LIMIT ?",
            (entity_id, limit),
        )
    ]
    ent["events"] = [
        dict(r)
        for r in conn.execute(
            "SELECT ev.id, ev.title, ev.type, ev.date_start, ev.date_end, ev.article_count, "
            "CASE WHEN max(em.actor_id = :e) THEN 'actor' WHEN max(em.target_id = :e) "
            "THEN 'target' ELSE 'place' END AS role "
            "FROM event_mentions em JOIN events ev ON ev.id = em.event_id "
            "WHERE em.actor_id = :e OR em.target_id = :e OR em.location_id = :e "
            "GROUP BY ev.id ORDER BY IFNULL(ev.date_start, '') DESC LIMIT :n",
            {"e": entity_id, "n": limit},
        )
    ]
    return ent


def similar_events(
    conn: sqlite3.Connection, event_id: int, limit: int = 50
) -> list[dict[str, Any]]:
    """Events a reader might merge with this one: same type first, nearest in date."""
    ev = conn.execute("SELECT type, date_start FROM events WHERE id = ?", (event_id,)).fetchone()
    if ev is None:
        return []
    return [
        dict(r)
        for r in conn.execute(
            "SELECT id, title, type, date_start, date_end, article_count FROM events "
            "WHERE id != ? ORDER BY (type IS NOT ?) , "
            "abs(julianday(substr(IFNULL(date_start, '1970') || '-01-01', 1, 10)) - "
            "julianday(substr(IFNULL(?, '1970') || '-01-01', 1, 10))) LIMIT ?",
            (event_id, ev["type"], ev["date_start"], limit),
        )
    ]


def reader_data(
    conn: sqlite3.Connection, *, tag: str | None = None, with_notes_only: bool = False
) -> list[dict[str, Any]]:
    """Every article the reader tagged or annotated (or, with ``tag``, every article with
    that tag), with its tags and notes: what `newsreader export` writes."""
    where = (
        "a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id "
        "WHERE t.name = :tag)"
        if tag
        else "a.id IN (SELECT article_id FROM article_tags UNION SELECT article_id FROM annotations)"
    )
    if with_notes_only:
        where += " AND a.id IN (SELECT article_id FROM annotations)"
    out = []
    for r in conn.execute(
        f"SELECT a.id, a.title, a.url, a.outlet, a.published_at, a.starred, a.read_at "
        f"FROM articles a WHERE {where} ORDER BY IFNULL(a.published_at, '') DESC, a.id DESC",
        {"tag": tag},
    ):
        art = dict(r)
        art["tags"] = article_tags(conn, art["id"])
        art["notes"] = [
            dict(n)
            for n in conn.execute(
                'SELECT id, start, "end", quote, note, created_at, updated_at FROM annotations '
                "WHERE article_id = ? ORDER BY start, id",
                (art["id"],),
            )
        ]
        out.append(art)
    return out


def health(conn: sqlite3.Connection) -> dict[str, Any]:
    """What `newsreader doctor` reports: integrity, search index consistency, versions."""
    out: dict[str, Any] = {}
    out["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        out["fts"] = "ok"
    except sqlite3.DatabaseError as exc:
        # The check is written as an INSERT: a read-only store refuses it, which says
        # nothing about the index.
        readonly = "readonly" in str(exc) or "read-only" in str(exc)
        out["fts"] = "not checked (the store is read-only)" if readonly else f"inconsistent ({exc})"
    out["meta"] = {r[0]: r[1] for r in conn.execute("SELECT key, value FROM meta")}
    out["journal_mode"] = conn.execute("PRAGMA journal_mode").fetchone()[0]
    out["unanalysed"] = conn.execute(
        "SELECT count(*) FROM articles WHERE analysed_at IS NULL"
    ).fetchone()[0]
    out["orphan_mentions"] = conn.execute(
        "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)"
    ).fetchone()[0]
    return out
