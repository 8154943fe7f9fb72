"""Full-text search over articles (FTS5) with filters.

Query language (what the reader types after /):

    iran "red sea" tag:iran entity:Hezbollah outlet:CNN unread since:2025-06 until:2025-07-31

Words and "quoted phrases" must all match (title or body; porter stemming). ``tag:``,
``entity:`` (canonical name or alias, case-insensitive), ``outlet:`` filter; ``unread`` and
``starred`` are flags; ``since:`` / ``until:`` take ISO dates of any precision (an undated
article counts by when it was fetched, as the list orders it).

Ranking: bm25 over the most recently stored matches only (:data:`RANK_WINDOW`). Ranking
every hit of a very common word costs ~100 ms at 100k articles; FTS5 walks its doclist
newest-first cheaply, so we take the newest few thousand hits and rank those. When a filter
leaves few articles (:data:`NARROW`), those are matched first and listed newest first.
"""

from __future__ import annotations

import re
import shlex
import sqlite3
from dataclasses import dataclass, field
from typing import Any

#: How many of the newest matching articles are ranked by bm25.
RANK_WINDOW = 2000
#: Markers snippet() puts around matched words (control characters never stored in bodies).
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"

#: Filters matching fewer articles than this are applied before the text match.
NARROW = 3000

_FILTERS = ("tag", "entity", "outlet", "since", "until")

#: An article's date for ``since:`` / ``until:`` and for listing hits newest first: the
#: list's own key (an undated article counts by when it was fetched), so the filters and
#: the order walk the list's index, idx_articles_list.
_DATE = "IFNULL(a.published_at, a.fetched_at)"


def _stored_outlet(conn: sqlite3.Connection, typed: str) -> str:
    """The outlet as stored, matched case-insensitively (outlets are few; the expression
    index makes DISTINCT a short index walk)."""
    exact = conn.execute(
        "SELECT 1 FROM articles WHERE IFNULL(outlet, '') = ? LIMIT 1", (typed,)
    ).fetchone()
    if exact:
        return typed
    for (name,) in conn.execute("SELECT DISTINCT IFNULL(outlet, '') FROM articles"):
        if name.casefold() == typed.casefold():
            return str(name)
    return typed


@dataclass
class Query:
    terms: list[str] = field(default_factory=list)
    tag: str | None = None
    entity: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    unread: bool = False
    starred: bool = False

    @property
    def empty(self) -> bool:
        return not (
            self.terms
            or self.tag
            or self.entity
            or self.outlet
            or self.since
            or self.until
            or self.unread
            or self.starred
        )

    def words(self) -> list[str]:
        """The plain words searched for, for highlighting."""
        return [w for t in self.terms for w in t.split()]


@dataclass
class Hit:
    id: int
    title: str
    outlet: str
    published_at: str
    snippet: str  # with HIT_OPEN / HIT_CLOSE around matched words
    rank: float


def parse_query(text: str) -> Query:
    """Split the user's query into FTS terms and filters. Never raises."""
    try:
        parts = shlex.split(text)
    except ValueError:  # an unbalanced quote: treat quotes as plain characters
        parts = text.replace('"', " ").split()
    q = Query()
    for part in parts:
        key, sep, value = part.partition(":")
        low = key.lower()
        if sep and low in _FILTERS and value:
            setattr(q, low, value)
        elif part.lower() in ("unread", "is:unread"):
            q.unread = True
        elif part.lower() in ("starred", "is:starred"):
            q.starred = True
        elif part.strip():
            q.terms.append(part)
    return q


def fts_expression(terms: list[str]) -> str:
    """Terms as an FTS5 expression: each a quoted string (phrases keep their words), ANDed.
    Quoting makes FTS5 syntax in user input (AND, NEAR, *, column filters) plain text."""
    cleaned = []
    for term in terms:
        words = re.findall(r"\w+", term)
        if words:
            cleaned.append('"' + " ".join(words) + '"')
    return " AND ".join(cleaned)


def _until_bound(value: str) -> str:
    """An inclusive upper bound for an ISO date of any precision ('2025-07' -> '2025-07\uffff')."""
    return value + "\uffff"


def search(conn: sqlite3.Connection, text: str | Query, *, limit: int = 100) -> list[Hit]:
    q = parse_query(text) if isinstance(text, str) else text
    where: list[str] = []
    params: list[Any] = []
    if q.tag:
        where.append(
            "a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id "
            "WHERE t.name = ?)"
        )
        params.append(q.tag.lower())
    if q.entity:
        where.append(
            "a.id IN (SELECT m.article_id FROM mentions m WHERE m.entity_id IN "
            "(SELECT e.id FROM entities e WHERE e.name = ? COLLATE NOCASE OR EXISTS "
            "(SELECT 1 FROM json_each(e.aliases) WHERE json_each.value = ? COLLATE NOCASE)))"
        )
        params.extend([q.entity, q.entity])
    if q.outlet:
        # Written against the expression index idx_articles_outlet_list.
        where.append("IFNULL(a.outlet, '') = ?")
        params.append(_stored_outlet(conn, q.outlet))
    if q.since:
        where.append(f"{_DATE} >= ?")  # the list's key: walks idx_articles_list
        params.append(q.since)
    if q.until:
        where.append(f"{_DATE} <= ?")
        params.append(_until_bound(q.until))
    if q.unread:
        where.append("a.read_at IS NULL")
    if q.starred:
        where.append("a.starred = 1")
    filters = (" AND " + " AND ".join(where)) if where else ""
    expr = fts_expression(q.terms)
    narrow = False
    if expr and where:
        # A selective filter: find its articles through the indexes first and match only
        # those, instead of walking every hit of the words.
        probe = conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM articles a WHERE 1 {filters} LIMIT {NARROW})",
            params,
        ).fetchone()[0]
        narrow = probe < NARROW
    if expr and narrow:
        # bm25 needs each word's whole doclist (hundreds of ms for "the" at 100k), so the
        # few articles a narrow filter leaves are listed newest first instead.
        sql = f"""
            SELECT a.id, a.title, a.outlet, a.published_at, '', 0.0
            FROM articles a WHERE a.id IN (
                SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN
                    (SELECT a.id FROM articles a WHERE 1 {filters}))
            ORDER BY {_DATE} DESC, a.id DESC LIMIT ?
        """
        args: list[Any] = [expr, *params, limit]
    elif expr:
        sql = f"""
            WITH recent AS (
                SELECT articles_fts.rowid AS rowid, bm25(articles_fts, 5.0, 1.0) AS rank
                FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                WHERE articles_fts MATCH ? {filters}
                ORDER BY articles_fts.rowid DESC LIMIT {RANK_WINDOW}
            )
            SELECT a.id, a.title, a.outlet, a.published_at, '', w.rank
            FROM recent w JOIN articles a ON a.id = w.rowid
            ORDER BY w.rank LIMIT ?
        """
        args = [expr, *params, limit]
    else:
        sql = f"""
            SELECT a.id, a.title, a.outlet, a.published_at, substr(a.body, 1, 160), 0.0
            FROM articles a WHERE 1 {filters}
            ORDER BY {_DATE} DESC, a.id DESC LIMIT ?
        """
        args = [*params, limit]
    try:
        rows = conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError as exc:  # a query FTS5 still cannot parse
        raise ValueError(f"cannot search for that: {exc}") from exc
    snippets: dict[int, str] = {}
    if expr and rows:
        ids = [r[0] for r in rows]
        # Snippets need each document's text: make them for the shown hits only.
        snippets = dict(
            conn.execute(
                f"SELECT rowid, snippet(articles_fts, 1, '{HIT_OPEN}', '{HIT_CLOSE}', '…', 16) "
                f"FROM articles_fts WHERE articles_fts MATCH ? "
                f"AND rowid IN ({','.join('?' * len(ids))})",
                [expr, *ids],
            ).fetchall()
        )
    return [
        Hit(
            id=r[0],
            title=r[1] or "(untitled)",
            outlet=r[2] or "",
            published_at=r[3] or "",
            snippet=(snippets.get(r[0]) or r[4] or "").replace("\n", " "),
            rank=float(r[5] or 0.0),
        )
        for r in rows
    ]
