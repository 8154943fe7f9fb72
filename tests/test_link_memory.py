"""The linking memory (ingest.profiles.ProfileMemory): what a run has read of stored articles
is not read again, and every decision stays the one a run without it makes.

Real articles (six MEANTIME Wikinews articles: GM's bankruptcy, the A380, the iPhone 4),
real spaCy, a real SQLite file; a second connection plays another process.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from ingest.linking import clear_all_links, link_in, remembering
from ingest.mentions import mention_features
from ingest.profiles import ProfileMemory
from ingest.stories import story_candidates
from store import events as store_events
from store import open_store

SIX = Path(__file__).parent / "fixtures" / "stories" / "meantime-six.jsonl"


@pytest.fixture(scope="module")
def six(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> Path:
    """The six articles imported once through the real import path."""
    from ingest.pipeline import default_analyzer, import_paths

    path = tmp_path_factory.mktemp("memory") / "six.db"
    conn = open_store(path)
    assert import_paths(conn, [SIX], analyzer=default_analyzer())[0].added == 6
    conn.close()
    return path


def _copy(src: Path, dst: Path) -> sqlite3.Connection:
    shutil.copyfile(src, dst)
    return open_store(dst)


def _links(conn: sqlite3.Connection) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    stories = conn.execute("SELECT id, story_id FROM articles ORDER BY id").fetchall()
    events = conn.execute("SELECT id, event_id FROM event_mentions ORDER BY id").fetchall()
    return [tuple(r) for r in stories], [tuple(r) for r in events]


def test_every_profile_read_from_memory_equals_the_one_read_from_the_store(
    six: Path, tmp_path: Path
) -> None:
    conn = _copy(six, tmp_path / "a.db")
    clear_all_links(conn)
    memory = ProfileMemory()
    compared = 0
    for article_id in store_events.articles_in_order(conn):
        with remembering(conn, memory):
            # the article's terms are saved by its first placement; place it, then ask
            # again with and without the memory (the article itself now in a story)
            link_in(conn, article_id, memory)
            me, stories = story_candidates(conn, article_id, memory)
            me_plain, stories_plain = story_candidates(conn, article_id)
        assert me == me_plain
        assert stories == stories_plain  # every member's vectors, float for float
        compared += sum(len(s.members) for s in stories)
    assert compared >= 3  # members were read from the memory, not only from the store
    assert memory.facts


def test_a_relink_with_memory_links_as_one_without(six: Path, tmp_path: Path) -> None:
    with_memory = _copy(six, tmp_path / "a.db")
    without = _copy(six, tmp_path / "b.db")
    for conn in (with_memory, without):
        clear_all_links(conn)
    memory = ProfileMemory()
    for article_id in store_events.articles_in_order(with_memory):
        with remembering(with_memory, memory):
            link_in(with_memory, article_id, memory)
        with remembering(without, None):
            link_in(without, article_id)
    assert _links(with_memory) == _links(without)
    assert memory.events  # events' mentions were kept and read from it
    assert len({s for _, s in _links(with_memory)[0]}) < 6  # some articles share a story


def test_what_the_memory_holds_of_each_event_is_what_the_store_says_after_each_article(
    six: Path, tmp_path: Path
) -> None:
    conn = _copy(six, tmp_path / "a.db")
    clear_all_links(conn)
    memory = ProfileMemory()
    checked = 0
    for article_id in store_events.articles_in_order(conn):
        with remembering(conn, memory):
            link_in(conn, article_id, memory)
        for event_id, held in memory.events.items():
            rows = store_events.event_members(conn, event_id)
            assert [f for f, _ in held] == [mention_features(r, {}) for r in rows]
            kinds = store_events.event_kinds(conn, [event_id]).get(event_id, [])
            assert [k for _, k in held] == kinds
            checked += 1
    assert checked >= 5


def test_the_memory_forgets_what_another_connection_may_have_changed(
    six: Path, tmp_path: Path
) -> None:
    conn = _copy(six, tmp_path / "a.db")
    clear_all_links(conn)
    memory = ProfileMemory()
    order = store_events.articles_in_order(conn)
    for article_id in order:
        with remembering(conn, memory):
            link_in(conn, article_id, memory)
    assert memory.facts
    # this connection's own commits keep it
    with remembering(conn, memory):
        pass
    assert memory.facts
    # another process retitles an article of a story of several: everything read
    # before is forgotten, and the next read sees the new title
    first, second = conn.execute(
        "SELECT a.id, b.id FROM articles a JOIN articles b ON b.story_id = a.story_id "
        "AND b.id > a.id ORDER BY a.id LIMIT 1"
    ).fetchone()
    other = sqlite3.connect(tmp_path / "a.db")
    with other:
        other.execute("UPDATE articles SET title = 'Earthquake in Haiti' WHERE id = ?", (first,))
    other.close()
    with remembering(conn, memory):
        assert not memory.facts
        _, stories = story_candidates(conn, second, memory)
    titles = [m.title for s in stories for m in s.members if m.id == first]
    assert titles and all(t == {"earthquake", "haiti"} for t in titles)
    assert memory.facts[first].title == {"earthquake", "haiti"}


def test_a_rolled_back_transaction_forgets_what_it_read(six: Path, tmp_path: Path) -> None:
    conn = _copy(six, tmp_path / "a.db")
    clear_all_links(conn)
    memory = ProfileMemory()
    with pytest.raises(RuntimeError), remembering(conn, memory):
        for article_id in store_events.articles_in_order(conn):
            link_in(conn, article_id, memory)
        assert memory.facts
        raise RuntimeError("killed half-way")
    assert not memory.facts
    # nothing of the rolled-back linking is in the store
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] == 0
