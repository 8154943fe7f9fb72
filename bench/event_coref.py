"""Cross-document event coreference on ECB+, with our linker and the same-lemma baseline.

    python -m bench.event_coref ECB_DIR --topics 2,5,12,18,21,23,34,35
    python -m bench.event_coref ECB_DIR --topics 2,5 --meantime ../shared/data/corpora/meantime-en
    python -m bench.event_coref ECB_DIR --pooled [--seed 13] [--meantime DIR]
    python -m bench.event_coref ECB_DIR --pooled --stories-only 13,1,2,3,4
    python -m bench.event_coref ECB_DIR --samples

``--pooled`` is the setting that matters for a reader: every document of the topics goes
into ONE store, imported one by one in a seeded shuffled order, so the system must find
the stories itself (story BCubed against the gold subtopics) before it links events;
beside it, from the same run, the same-lemma baseline given the gold subtopics (the
published setting) and given the gold topics. Undated documents get no fetch time (the
corpus does not say when they were read). The last line is JSON.

ECB_DIR holds ``ECB+/<topic>/<doc>.xml`` and ``ECBplus_coreference_sentences.csv``.

Setting (the usual one for ECB+, e.g. Cybulska & Vossen 2015, Barhom et al. 2019):
gold event mentions (ACTION_* and NEG_ACTION_* markables) of the validated sentences
only; gold topics (each topic is clustered on its own, ECB and ECB+ sub-topics
together); gold chains from CROSS_DOC_COREF (by instance) and INTRA_DOC_COREF
relations; every other mention is a singleton. **Singletons are included** in the
gold and in both systems' output, as in the published lemma baseline.

Ours: each document is stored as an article in a real SQLite store (entities from the
same Analyzer the importer uses; the gold mentions described by analysis.events from
the parse: head lemma, type, actor/target/location, time), then linked one article at a
time by ingest.linking.link_article: exactly the import path, incremental, with indexed
candidate lookups. ECB+ documents carry no publication date, so only absolute times
("2009", "March 3, 2011") resolve.

Lemma baseline: mentions of a topic with the same head lemma are one event.

Scores: MUC (Vilain et al. 1995), B3 (Bagga & Baldwin 1998), CEAF-e (Luo 2005, entity
similarity phi4, optimal alignment) and CoNLL F1 = their mean, all F1 x 100. The last
line printed is JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

Cluster = frozenset[Hashable]

# ------------------------------------------------------------------ metrics


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _clusters(c: Iterable[Iterable[Hashable]]) -> list[frozenset[Hashable]]:
    return [frozenset(x) for x in c if x]


def muc(
    key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
) -> tuple[float, float, float]:
    """(recall, precision, F1) of the MUC link-based metric."""
    k, r = _clusters(key), _clusters(response)

    def score(a: list[frozenset[Hashable]], b: list[frozenset[Hashable]]) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("single", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    rec, prec = score(k, r), score(r, k)
    return rec, prec, _f1(prec, rec)


def b_cubed(
    key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
) -> tuple[float, float, float]:
    """(recall, precision, F1) of B3 over the mentions of key (recall) and response
    (precision)."""
    k, r = _clusters(key), _clusters(response)

    def score(a: list[frozenset[Hashable]], b: list[frozenset[Hashable]]) -> float:
        where = {m: c for c in b for m in c}
        total = sum(len(c) for c in a)
        if not total:
            return 0.0
        s = 0.0
        for c in a:
            for m in c:
                other = where.get(m)
                if other is not None:
                    s += len(c & other) / len(c)
        return s / total

    rec, prec = score(k, r), score(r, k)
    return rec, prec, _f1(prec, rec)


def _hungarian_max(weights: Sequence[Sequence[float]]) -> float:
    """Maximum-weight assignment total of a rectangular matrix (Kuhn-Munkres, O(n^3))."""
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if not n_rows or not n_cols:
        return 0.0
    transpose = n_rows > n_cols
    w = (
        [list(col) for col in zip(*weights, strict=True)]
        if transpose
        else [list(r) for r in weights]
    )
    n, m = len(w), len(w[0])
    big = max(max(row) for row in w)
    cost = [[big - x for x in row] for row in w]  # minimise
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return sum(w[p[j] - 1][j - 1] for j in range(1, m + 1) if p[j])


def ceaf_e(
    key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
) -> tuple[float, float, float]:
    """(recall, precision, F1) of entity-based CEAF (phi4 similarity)."""
    k, r = _clusters(key), _clusters(response)
    if not k or not r:
        return 0.0, 0.0, 0.0
    # Only clusters that share a mention can be aligned with a non-zero score; solve the
    # assignment per connected block to keep the matrices small.
    sim: dict[tuple[int, int], float] = {}
    where = defaultdict(list)
    for j, c in enumerate(r):
        for m in c:
            where[m].append(j)
    for i, c in enumerate(k):
        for j in {j for m in c for j in where.get(m, ())}:
            sim[(i, j)] = 2 * len(c & r[j]) / (len(c) + len(r[j]))
    parent = {("k", i): ("k", i) for i in range(len(k))} | {
        ("r", j): ("r", j) for j in range(len(r))
    }

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in sim:
        parent[find(("k", i))] = find(("r", j))
    blocks: dict[tuple[str, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(len(k)):
        blocks[find(("k", i))][0].append(i)
    for j in range(len(r)):
        blocks[find(("r", j))][1].append(j)
    total = 0.0
    for rows, cols in blocks.values():
        if rows and cols:
            matrix = [[sim.get((i, j), 0.0) for j in cols] for i in rows]
            total += _hungarian_max(matrix)
    rec, prec = total / len(k), total / len(r)
    return rec, prec, _f1(prec, rec)


def conll(
    key: Sequence[Iterable[Hashable]], response: Sequence[Iterable[Hashable]]
) -> dict[str, float]:
    """MUC, B3, CEAF-e F1 and their mean (CoNLL F1), x 100, rounded to 0.01."""
    key, response = list(key), list(response)
    scores = {
        "muc": muc(key, response)[2],
        "b3": b_cubed(key, response)[2],
        "ceafe": ceaf_e(key, response)[2],
    }
    scores["conll"] = sum(scores.values()) / 3
    return {k: round(100 * v, 2) for k, v in scores.items()}


def cross_doc_pairs(
    key: Sequence[Iterable[str]],
    response: Sequence[Iterable[str]],
    doc_of: Mapping[str, str],
    *,
    across: bool = True,
) -> dict[str, float | int]:
    """Precision and recall of the mention pairs from two different documents that the
    response puts in one cluster: the cross-article links a reader is shown. A pair is
    right when the key puts both in one chain. With ``across=False``, the pairs inside
    one document instead."""

    def pairs(clusters: Sequence[Iterable[str]]) -> set[tuple[str, str]]:
        out = set()
        for c in clusters:
            ms = sorted(c)
            for i, a in enumerate(ms):
                out.update((a, b) for b in ms[i + 1 :] if (doc_of[a] != doc_of[b]) == across)
        return out

    gold, ours = pairs(key), pairs(response)
    right = len(gold & ours)
    return {
        "pairs": len(ours),
        "right": right,
        "precision": round(right / len(ours), 4) if ours else 0.0,
        "recall": round(right / len(gold), 4) if gold else 0.0,
    }


# ------------------------------------------------------------------ ECB+ reading


@dataclass
class GoldMention:
    mid: str  # doc name + markable id: globally unique
    doc: str
    sentence: int
    tokens: list[int]  # t_id
    chain: str


@dataclass
class Document:
    name: str
    text: str
    token_spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    mentions: list[GoldMention] = field(default_factory=list)
    #: The dateline's date (ISO day), when the first lines have one.
    published: str | None = None


def dateline(root: ET.Element) -> str | None:
    """The publication date of an ECB+ text: the first full date in its first lines
    (ECB+ texts keep their dateline, e.g. "Friday August 2 , 2013 @ 8 : 13am PDT")."""
    from analysis.timex import find_timexes

    lines: dict[int, list[str]] = defaultdict(list)
    for tok in root.iter("token"):
        sent = int(tok.get("sentence", "0"))
        if 1 <= sent <= 3:
            lines[sent].append((tok.text or "").strip())
    for sent in sorted(lines):
        line = " ".join(lines[sent])
        posted = _posted_before_download(line)
        if posted is not None:
            return posted
        for tx in find_timexes(line, None):
            # a birth date is no dateline ("Page was born on April 22 , 1923": an
            # obituary's second line made its report 1923's)
            if tx.precision == "day" and "born" not in line[: tx.start].lower().split():
                return tx.value
    return None


_DOWNLOADED = re.compile(r"downloaded on (?P<date>\d{1,2} [A-Z][a-z]+ \d{4})")
_AGO = re.compile(r"(?P<n>\d+) (?P<unit>year|month|week|day)s?\b")


def _posted_before_download(line: str) -> str | None:
    """ "Posted 1 year , 160 days ago [ downloaded on 2 October 2013 ]": the corpus
    stamps when it fetched a page; the page says how long before that it was posted."""
    stamp = _DOWNLOADED.search(line)
    if stamp is None or " ago" not in line[: stamp.start()]:
        return None
    day = datetime.strptime(stamp["date"], "%d %B %Y").date()
    for m in _AGO.finditer(line[: stamp.start()]):
        n, unit = int(m["n"]), m["unit"]
        if unit == "year":
            day = day.replace(year=day.year - n)
        else:
            day -= timedelta(days=n * {"month": 30, "week": 7, "day": 1}[unit])
    return day.isoformat()


def read_validated(path: Path) -> dict[str, set[int]]:
    """doc stem ('2_1ecb') -> its validated sentence numbers."""
    out: dict[str, set[int]] = defaultdict(set)
    with path.open(newline="") as fh:
        for row in csv.DictReader(fh):
            out[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    return out


def read_document(path: Path, validated: set[int]) -> Document:
    root = ET.parse(path).getroot()
    name = path.stem
    sent_of: dict[int, int] = {}
    parts: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    pos = 0
    last_sentence = None
    for tok in root.iter("token"):
        tid, sent = int(tok.get("t_id", "0")), int(tok.get("sentence", "0"))
        text = (tok.text or "").strip() or "_"
        if last_sentence is not None:
            if sent != last_sentence:
                # Keep the corpus' sentence boundaries: a headline or dateline without
                # a full stop would otherwise run into the next sentence.
                sep = "\n\n" if parts[-1] in (".", "!", "?", "''", '"') else " .\n\n"
            else:
                sep = " "
            parts.append(sep)
            pos += len(sep)
        spans[tid] = (pos, pos + len(text))
        parts.append(text)
        pos += len(text)
        sent_of[tid] = sent
        last_sentence = sent
    doc = Document(name=name, text="".join(parts), token_spans=spans)
    doc.published = dateline(root)
    markables = root.find("Markables")
    chain_of: dict[str, str] = {}
    instance: dict[str, str] = {}
    if markables is not None:
        for m in markables:
            if m.get("instance_id") is not None or m.get("TAG_DESCRIPTOR") is not None:
                instance[m.get("m_id", "")] = m.get("instance_id") or f"{name}:{m.get('m_id')}"
    relations = root.find("Relations")
    if relations is not None:
        for rel in relations:
            target = rel.find("target")
            if target is None:
                continue
            tid = target.get("m_id", "")
            chain = rel.get("note") if rel.tag == "CROSS_DOC_COREF" else None
            chain = chain or instance.get(tid) or f"{name}:{tid}"
            if rel.tag == "INTRA_DOC_COREF":
                chain = f"{name}:intra:{tid}"
            for src in rel.findall("source"):
                chain_of[src.get("m_id", "")] = chain
    if markables is not None:
        for m in markables:
            if not (m.tag.startswith("ACTION") or m.tag.startswith("NEG_ACTION")):
                continue
            toks = [int(a.get("t_id", "0")) for a in m.findall("token_anchor")]
            if not toks:
                continue
            sentence = sent_of[toks[0]]
            if sentence not in validated:
                continue
            mid = m.get("m_id", "")
            doc.mentions.append(
                GoldMention(
                    mid=f"{name}:{mid}",
                    doc=name,
                    sentence=sentence,
                    tokens=toks,
                    chain=chain_of.get(mid, f"{name}:single:{mid}"),
                )
            )
    return doc


def read_topic(ecb_dir: Path, topic: int, validated: dict[str, set[int]]) -> list[Document]:
    folder = ecb_dir / "ECB+" / str(topic)

    def order(p: Path) -> tuple[str, int]:
        stem = p.stem.split("_", 1)[1]
        digits = "".join(ch for ch in stem if ch.isdigit())
        return stem.lstrip("0123456789"), int(digits or 0)

    docs = []
    for path in sorted(folder.glob("*.xml"), key=order):
        doc = read_document(path, validated.get(path.stem, set()))
        if doc.mentions:
            docs.append(doc)
    return docs


# ------------------------------------------------------------------ systems


def describe_gold(
    docs: Sequence[Document], nlp: Any
) -> dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """Per document: (entity mentions, event mentions in store shape for its gold
    mentions, in order), from one Analyzer pass."""
    from analysis.analyzer import Analyzer
    from analysis.entity_index import EntityIndex
    from analysis.events import describe, parse_reference
    from analysis.eventtime import one_death, sentence_times

    out: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {}
    # by text, not in order: a batch the analysis fails on is analysed again text by text
    by_text = {d.text: d for d in docs}

    def hook(doc: Any, _state: Any, _published: Any, result: dict[str, Any]) -> None:
        gold = by_text[doc.text]
        ents = EntityIndex(doc, result["mentions"])
        times_of: dict[int, Any] = {}
        ems = []
        for gm in gold.mentions:
            s = min(gold.token_spans[t][0] for t in gm.tokens)
            e = max(gold.token_spans[t][1] for t in gm.tokens)
            span = doc.char_span(s, e, alignment_mode="expand")
            tok = span.root if span is not None and len(span) else doc[0]
            sent = tok.sent
            ref = parse_reference(gold.published)
            if sent.start not in times_of:
                times_of[sent.start] = sentence_times(doc, ref, sent)
            em = describe(tok, ents, times_of[sent.start], ref=ref)
            em["sentence"] = gm.sentence
            # the baseline's word: the head's own lemma, not the one our analysis tells it
            # by ("killed himself" is our "suicide", the baseline's "kill")
            em["head_lemma"] = tok.lemma_.lower()
            ems.append(em)
        one_death(ems)  # the article's days, as analysis.events.extract_events ends
        out[gold.name] = (result["mentions"], ems)

    analyzer = Analyzer(nlp=nlp, events=False)
    analyzer.doc_hooks.append(hook)
    results = analyzer.analyse_texts([(d.text, d.published) for d in docs])
    for d, r in zip(docs, results, strict=True):
        if "error" in r:  # the analyser keeps one text's failure from the others: say it
            raise RuntimeError(f"describing the gold mentions of {d.name} failed: {r['error']}")
    return out


def store_and_link(
    conn: Any,
    d: Document,
    described: dict[str, Any],
    assignment: dict[str, Hashable],
    *,
    title: str | None,
    unknown_fetch: bool = False,
    events: bool = True,
    story: Callable[[Any, int], None] | None = None,
) -> int:
    """Store one document with its described gold mentions, link it through the import
    path's linker, and note each gold mention's event in ``assignment``. With
    ``unknown_fetch`` an undated document gets no fetch time (the corpus does not say when
    it was read). With ``events=False`` the document is only placed in its story (the
    import path's first step, which no event link feeds), and ``assignment`` is left
    alone. ``story``, when given, places the stored article in its story instead of the
    story step (``--gold-stories``: the gold subtopic's)."""
    from ingest.linking import link_article
    from ingest.stories import assign_article
    from store import writes
    from store.db import transaction

    mentions, ems = described[d.name]
    aid, created = writes.save_article(
        conn,
        {"body": d.text, "title": title, "url": f"ecb://{d.name}", "published_at": d.published},
        mentions=mentions,
        event_mentions=ems,
        analysed=True,
    )
    assert created, d.name
    if unknown_fetch and not d.published:
        conn.execute("UPDATE articles SET fetched_at = NULL WHERE id = ?", (aid,))
    if story is not None:
        story(conn, aid)
    if not events:
        with transaction(conn):
            assign_article(conn, aid)
        return aid
    link_article(conn, [aid])
    rows = conn.execute(
        "SELECT id FROM event_mentions WHERE article_id = ? ORDER BY id", (aid,)
    ).fetchall()
    for gm, row in zip(d.mentions, rows, strict=True):
        assignment[gm.mid] = row[0]  # the mention's row: see final_events
    return aid


def final_events(conn: Any, assignment: dict[str, Hashable]) -> None:
    """Replace each gold mention's stored row id in ``assignment`` by the event that row
    belongs to once every document is linked: later articles can merge events (a mention
    that bridges two), and the score is of what the reader is finally shown."""
    event_of = dict(conn.execute("SELECT id, event_id FROM event_mentions"))
    for mid, row in assignment.items():
        assignment[mid] = event_of[row]


def link_topic(docs: Sequence[Document], described: dict[str, Any]) -> dict[str, Hashable]:
    """Gold mention id -> our event id, linking the topic's documents one by one in a
    fresh SQLite store through the import path's linker."""
    from store import open_store

    conn = open_store(":memory:")
    assignment: dict[str, Hashable] = {}
    try:
        for d in docs:
            store_and_link(conn, d, described, assignment, title=d.name)
        final_events(conn, assignment)
    finally:
        conn.close()
    return assignment


def _group(pairs: Iterable[tuple[str, Hashable]]) -> list[list[str]]:
    groups: dict[Hashable, list[str]] = defaultdict(list)
    for mid, cid in pairs:
        groups[cid].append(mid)
    return list(groups.values())


def run_ecb(ecb_dir: Path, topics: Sequence[int], nlp: Any) -> dict[str, Any]:
    validated = read_validated(ecb_dir / "ECBplus_coreference_sentences.csv")
    key: list[list[str]] = []
    ours: list[list[str]] = []
    lemma: list[list[str]] = []
    n_mentions = n_docs = 0
    started = time.perf_counter()
    for topic in topics:
        docs = read_topic(ecb_dir, topic, validated)
        described = describe_gold(docs, nlp)
        assignment = link_topic(docs, described)
        mentions = [gm for d in docs for gm in d.mentions]
        lemmas = {
            gm.mid: em["head_lemma"]
            for d in docs
            for gm, em in zip(d.mentions, described[d.name][1], strict=True)
        }
        key += _group((gm.mid, gm.chain) for gm in mentions)
        ours += _group((gm.mid, ("ours", topic, assignment[gm.mid])) for gm in mentions)
        lemma += _group((gm.mid, ("lemma", topic, lemmas[gm.mid])) for gm in mentions)
        n_mentions += len(mentions)
        n_docs += len(docs)
        print(
            f"topic {topic}: {len(docs)} docs, {len(mentions)} mentions, "
            f"ours {conll(_group((gm.mid, gm.chain) for gm in mentions), _group((gm.mid, assignment[gm.mid]) for gm in mentions))['conll']}, "
            f"lemma {conll(_group((gm.mid, gm.chain) for gm in mentions), _group((gm.mid, lemmas[gm.mid]) for gm in mentions))['conll']}",
            file=sys.stderr,
        )
    return {
        "ours": conll(key, ours),
        "lemma": conll(key, lemma),
        "topics": list(topics),
        "documents": n_docs,
        "mentions": n_mentions,
        "gold_chains": len(key),
        "singletons_included": True,
        "seconds": round(time.perf_counter() - started, 1),
    }


# ------------------------------------------------------------------ pooled: one store


def subtopic(name: str) -> str:
    """The gold subtopic of an ECB+ document: '2_11ecbplus' -> '2ecbplus'."""
    topic, rest = name.split("_", 1)
    return topic + ("ecbplus" if rest.endswith("ecbplus") else "ecb")


#: The pooled import ends with the import path's second look (ingest.relinking.settle);
#: ``--arrival`` turns it off: the stories as each article was placed on arrival.
SETTLE = True


def _pooled_stories(
    docs: Sequence[Document],
    described: dict[str, Any],
    seed: int,
    assignment: dict[str, Hashable] | None = None,
    gold_stories: bool = False,
    relinked: dict[str, Any] | None = None,
    runs: int | None = None,
) -> dict[str, Any]:
    """Import ``docs`` one by one, in the order ``seed`` shuffles them to, into ONE fresh
    store; score the stories found (BCubed against the gold subtopics). The import is
    one run, or with ``runs`` runs of that many documents (as feed refreshes bring
    them), each ending with its closing look (:func:`ingest.relinking.settle`). With
    ``assignment`` the events are linked too and each gold mention's event is noted in
    it; without, only stories are assigned (they do not depend on event links). With
    ``gold_stories`` each document is put in its gold subtopic's story instead: what the
    linker makes of stories found without error (a diagnostic, not the benchmark).

    With ``relinked`` (a dict) the store is then re-linked as ``newsreader relink`` does
    (:func:`ingest.relinking.relink_all`: every article placed again, a second look at each,
    then its events) and ``relinked`` receives that state's story score ("stories") and,
    when events are linked, each gold mention's event ("assignment")."""
    import random

    from ingest.stories import refresh
    from store import open_store
    from store.stories import assign_story

    story_ids: dict[str, int] = {}

    def gold(d: Document) -> Callable[[Any, int], None]:
        def place(conn: Any, aid: int) -> None:
            sid = assign_story(conn, aid, story_ids.get(subtopic(d.name)))
            story_ids[subtopic(d.name)] = sid
            refresh(conn, sid)

        return place

    docs = list(docs)
    random.Random(seed).shuffle(docs)
    from ingest.relinking import settle

    conn = open_store(":memory:")
    placed: list[int] = []
    run: list[int] = []
    for d in docs:
        aid = store_and_link(
            conn,
            d,
            described,
            assignment if assignment is not None else {},
            title=None,
            unknown_fetch=True,
            events=assignment is not None,
            story=gold(d) if gold_stories else None,
        )
        placed.append(aid)
        run.append(aid)
        if runs and len(run) == runs and not gold_stories and SETTLE:
            settle(conn, run, events=assignment is not None)
            run = []
    if run and not gold_stories and SETTLE:
        # The import ends as `newsreader import` ends: a second look at the run's stories.
        settle(conn, run, events=assignment is not None)
    rows = dict(assignment) if assignment is not None else None
    if assignment is not None:
        final_events(conn, assignment)
    found = _story_score(conn, docs)
    if relinked is not None:
        from ingest.relinking import relink_all

        relink_all(conn, events=rows is not None)
        relinked["stories"] = _story_score(conn, docs)
        if rows is not None:
            final_events(conn, rows)
            relinked["assignment"] = rows
    conn.close()
    return found


def _story_score(conn: Any, docs: Sequence[Document]) -> dict[str, Any]:
    """BCubed of the store's stories against the gold subtopics."""
    story_of = {
        url.removeprefix("ecb://"): sid
        for url, sid in conn.execute("SELECT url, story_id FROM articles")
    }
    key_stories = _group((d.name, subtopic(d.name)) for d in docs)
    our_stories = _group((d.name, story_of[d.name]) for d in docs)
    sr, sp, sf = b_cubed(key_stories, our_stories)
    return {
        "b3": round(sf, 4),
        "precision": round(sp, 4),
        "recall": round(sr, 4),
        "gold": len(key_stories),
        "ours": len(our_stories),
    }


def read_topics(ecb_dir: Path, topics: Sequence[int]) -> list[Document]:
    validated = read_validated(ecb_dir / "ECBplus_coreference_sentences.csv")
    return [d for t in topics for d in read_topic(ecb_dir, t, validated)]


def run_pooled_stories(
    ecb_dir: Path,
    topics: Sequence[int],
    nlp: Any,
    seeds: Sequence[int],
    relink: bool = False,
    runs: int | None = None,
) -> dict[str, Any]:
    """Story BCubed of ``--pooled`` for several import orders, without event linking:
    the documents are parsed once and each order only assigns stories, so five orders
    take seconds, not minutes. The figure per order is the one ``--pooled`` prints (the
    story step comes first on the import path and reads no event link)."""
    started = time.perf_counter()
    docs = read_topics(ecb_dir, topics)
    described = describe_gold(docs, nlp)
    per_seed = {}
    again = {}
    for seed in seeds:
        relinked: dict[str, Any] | None = {} if relink else None
        per_seed[seed] = _pooled_stories(docs, described, seed, relinked=relinked, runs=runs)
        if relinked is not None:
            again[seed] = relinked["stories"]
    out = {
        "pooled": True,
        "stories_only": True,
        "runs": runs,
        "topics": list(topics),
        "documents": len(docs),
        "seeds": {str(k): v for k, v in per_seed.items()},
        "stories": _mean_b3(per_seed),
        "seconds": round(time.perf_counter() - started, 1),
    }
    if relink:
        out["relinked"] = {
            "seeds": {str(k): v for k, v in again.items()},
            "stories": _mean_b3(again),
        }
    return out


def _mean_b3(per_seed: Mapping[int, Mapping[str, Any]]) -> dict[str, float]:
    f1s = [s["b3"] for s in per_seed.values()]
    return {"b3_mean": round(sum(f1s) / len(f1s), 4), "b3_min": min(f1s)}


def run_pooled(
    ecb_dir: Path,
    topics: Sequence[int],
    nlp: Any,
    seed: int = 13,
    gold_stories: bool = False,
    relink: bool = False,
    runs: int | None = None,
) -> dict[str, Any]:
    """Every document of ``topics`` in ONE store, imported one by one in a fixed shuffled
    order (seeded): the system must find the stories itself. Scores stories (BCubed
    against the gold subtopics) and events (against the gold chains), and, from the same
    run, the same-lemma baseline in the published setting (gold subtopics). With
    ``relink`` the store is then re-linked (``newsreader relink``) and scored again
    ("relinked")."""
    started = time.perf_counter()
    docs = read_topics(ecb_dir, topics)
    described = describe_gold(docs, nlp)
    assignment: dict[str, Hashable] = {}
    relinked: dict[str, Any] | None = {} if relink else None
    stories = _pooled_stories(
        docs,
        described,
        seed,
        assignment,
        gold_stories=gold_stories,
        relinked=relinked,
        runs=runs,
    )
    mentions = [gm for d in docs for gm in d.mentions]
    lemma_of = {
        gm.mid: em["head_lemma"]
        for d in docs
        for gm, em in zip(d.mentions, described[d.name][1], strict=True)
    }
    key = _group((gm.mid, gm.chain) for gm in mentions)
    ours = _group((gm.mid, assignment[gm.mid]) for gm in mentions)
    by_subtopic = _group((gm.mid, (subtopic(gm.doc), lemma_of[gm.mid])) for gm in mentions)
    doc_of = {gm.mid: gm.doc for gm in mentions}
    by_topic = _group((gm.mid, (gm.doc.split("_")[0], lemma_of[gm.mid])) for gm in mentions)
    again = {}
    if relinked is not None:
        theirs = _group((gm.mid, relinked["assignment"][gm.mid]) for gm in mentions)
        again = {
            "relinked": {
                "stories": relinked["stories"],
                "ours": conll(key, theirs),
                "cross_doc": cross_doc_pairs(key, theirs, doc_of),
            }
        }
    return {
        "pooled": True,
        "gold_stories": gold_stories,
        "runs": runs,
        "topics": list(topics),
        "documents": len(docs),
        "mentions": len(mentions),
        "order_seed": seed,
        "stories": stories,
        "ours": conll(key, ours),
        "cross_doc": cross_doc_pairs(key, ours, doc_of),
        "lemma_subtopics": conll(key, by_subtopic),
        "lemma_subtopics_cross_doc": cross_doc_pairs(key, by_subtopic, doc_of),
        "within_doc": cross_doc_pairs(key, ours, doc_of, across=False),
        "lemma_within_doc": cross_doc_pairs(key, by_subtopic, doc_of, across=False),
        "lemma_topics": conll(key, by_topic),
        **again,
        "seconds": round(time.perf_counter() - started, 1),
    }


# ------------------------------------------------------------------ MEANTIME check


def run_meantime(folder: Path, nlp: Any) -> dict[str, Any]:
    """Import MEANTIME's 120 English articles through the real analysis and linker, then
    compare the article pairs our events connect with the pairs its cross-document event
    instances connect (shared_instances.json)."""
    from analysis.analyzer import Analyzer
    from ingest.linking import link_article
    from ingest.relinking import settle
    from store import open_store, writes

    articles = [
        json.loads(line)
        for line in (folder / "articles.jsonl").read_text().splitlines()
        if line.strip()
    ]
    articles.sort(key=lambda a: (a.get("date") or "", a["id"]))
    results = Analyzer(nlp=nlp).analyse_texts([(a["body"], a.get("date")) for a in articles])
    conn = open_store(":memory:")
    ids: dict[int, str] = {}
    for a, res in zip(articles, results, strict=True):
        aid, _ = writes.save_article(
            conn,
            {
                "body": a["body"],
                "title": a.get("title"),
                "url": a.get("url"),
                "published_at": a.get("date"),
            },
            mentions=res["mentions"],
            event_mentions=res["event_mentions"],
            analysed=True,
        )
        link_article(conn, [aid])
        ids[aid] = a["id"]
    if SETTLE:  # the import's closing second look at its stories (ingest.relinking.settle)
        settle(conn, list(ids))
    ours: set[frozenset[str]] = set()
    by_event: dict[int, set[str]] = defaultdict(set)
    for event_id, article_id in conn.execute(
        "SELECT event_id, article_id FROM event_mentions WHERE event_id IS NOT NULL"
    ):
        by_event[event_id].add(ids[article_id])
    for docs in by_event.values():
        for a in docs:
            for b in docs:
                if a < b:
                    ours.add(frozenset((a, b)))
    shared = json.loads((folder / "shared_instances.json").read_text())["events"]
    gold: set[frozenset[str]] = set()
    for ev in shared:
        docs = sorted(set(ev["docs"]))
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                gold.add(frozenset((a, b)))
    within = annotated_sentence_pairs(folder, conn, ids, gold)
    conn.close()
    return {
        "annotated_events": len(shared),
        "annotated_pairs": len(gold),
        "pairs_we_connect": len(gold & ours),
        "our_cross_article_pairs": len(ours),
        "our_pairs_not_annotated": len(ours - gold),
        "event_mentions": sum(len(r["event_mentions"]) for r in results),
        **within,
    }


#: MEANTIME's token spellings that articles.jsonl writes as plain text.
_MEANTIME_TOKENS = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}


def meantime_sentences(folder: Path) -> dict[str, dict[str, Any]]:
    """Per MEANTIME article id: the character span, in its articles.jsonl body, of each
    sentence of the body, the sentences annotated in full, and where its cross-document
    event instances are mentioned.

    The document-level annotation (``intra-doc_annotation/`` in the zip) covers the title,
    the dateline and the first sentences of the body only (sentences 0 to 5 for 117 of the
    120 articles): the sentences holding any of its markables (entity, event, time). The
    cross-document layer (``intra_cross-doc_annotation/``) adds mentions of its selected
    instances further down, so a later sentence is not annotated in full and is left out.
    articles.jsonl's body is the XML's tokens of sentences 2 on (title and dateline
    dropped) re-joined as text, with `` and '' written as \"; tokens are aligned to it in
    order, and the alignment is checked.
    """
    import zipfile

    bodies = {
        a["id"]: a["body"]
        for a in (
            json.loads(line)
            for line in (folder / "articles.jsonl").read_text().splitlines()
            if line.strip()
        )
    }
    zips = sorted(folder.glob("*.zip"))
    if not zips:
        raise SystemExit(f"{folder}: no MEANTIME zip found")
    out: dict[str, dict[str, Any]] = {}
    with zipfile.ZipFile(zips[0]) as zf:
        for layer in ("intra-doc_annotation", "intra_cross-doc_annotation"):
            names = sorted(n for n in zf.namelist() if n.endswith(".xml") and f"/{layer}/" in n)
            for name in names:
                root = ET.fromstring(zf.read(name))
                doc_id = root.get("doc_id", "")
                body = bodies[doc_id]
                sentence_of = {
                    t.get("t_id", ""): int(t.get("sentence", "0")) for t in root.iter("token")
                }
                rec = out.setdefault(
                    doc_id, {"body": body, "spans": {}, "annotated": set(), "instances": {}}
                )
                markables = root.find("Markables")
                if layer == "intra-doc_annotation":
                    spans: dict[int, tuple[int, int]] = {}
                    pos = 0
                    for tok in root.iter("token"):
                        sent = int(tok.get("sentence", "0"))
                        if sent < 2:
                            continue
                        word = _MEANTIME_TOKENS.get(tok.text or "", tok.text or "")
                        while pos < len(body) and body[pos].isspace():
                            pos += 1
                        if not body.startswith(word, pos):
                            raise ValueError(f"MEANTIME {doc_id}: token {word!r} not at {pos}")
                        spans[sent] = (spans.get(sent, (pos, pos))[0], pos + len(word))
                        pos += len(word)
                    rec["spans"] = spans
                    for m in markables if markables is not None else ():
                        rec["annotated"].update(
                            sentence_of[a.get("t_id", "")]
                            for a in m.findall("token_anchor")
                            if a.get("t_id", "") in sentence_of
                        )
                    rec["annotated"] &= set(spans)  # body sentences only
                    continue
                # Cross-document layer: event instance -> sentences of its mentions.
                instance_of = {
                    m.get("m_id", ""): m.get("instance_id")
                    for m in (markables if markables is not None else ())
                    if m.tag == "EVENT" and m.get("instance_id")
                }
                mention_sents = {
                    m.get("m_id", ""): {
                        sentence_of[a.get("t_id", "")]
                        for a in m.findall("token_anchor")
                        if a.get("t_id", "") in sentence_of
                    }
                    for m in (markables if markables is not None else ())
                    if m.tag == "EVENT_MENTION"
                }
                relations = root.find("Relations")
                for rel in relations if relations is not None else ():
                    target = rel.find("target")
                    if rel.tag != "REFERS_TO" or target is None:
                        continue
                    inst = instance_of.get(target.get("m_id", ""))
                    if inst is None:
                        continue
                    for src in rel.findall("source"):
                        rec["instances"].setdefault(inst, set()).update(
                            mention_sents.get(src.get("m_id", ""), ())
                        )
    return out


def annotated_sentence_pairs(
    folder: Path,
    conn: Any,
    ids: dict[int, str],
    gold: set[frozenset[str]],
) -> dict[str, Any]:
    """Our cross-article pairs restricted to the sentences MEANTIME annotated in full.

    A pair of articles (a, b) linked by one of our events counts as within annotated
    sentences when that event has a mention whose trigger lies in an annotated sentence of
    a and one in an annotated sentence of b (the trigger's character offset, mapped to
    MEANTIME's sentences through the body text: spaCy's sentence boundaries may differ
    from MEANTIME's). Such a pair is true when MEANTIME's shared instances connect a and
    b (``gold``, as for the other pair counts). For recall, the annotated pairs within
    annotated sentences: a shared instance mentioned in an annotated sentence of both.
    """
    import bisect

    sents = meantime_sentences(folder)
    starts: dict[str, list[int]] = {}
    bounds: dict[str, list[tuple[int, int, bool]]] = {}
    for doc_id, rec in sents.items():
        rows = sorted((s, e, n in rec["annotated"]) for n, (s, e) in rec["spans"].items())
        bounds[doc_id] = rows
        starts[doc_id] = [s for s, _, _ in rows]
    for article_id, body in conn.execute("SELECT id, body FROM articles"):
        if body != sents[ids[article_id]]["body"]:
            raise ValueError(f"MEANTIME {ids[article_id]}: stored body differs from the corpus")

    def annotated_at(doc_id: str, offset: int) -> bool:
        i = bisect.bisect_right(starts[doc_id], offset) - 1
        if i < 0:
            return False
        s, e, ann = bounds[doc_id][i]
        return ann and s <= offset < e

    in_annotated: dict[int, set[str]] = defaultdict(set)
    mentions = inside = 0
    for event_id, article_id, trigger_start, start in conn.execute(
        "SELECT event_id, article_id, trigger_start, start FROM event_mentions "
        "WHERE event_id IS NOT NULL"
    ):
        doc_id = ids[article_id]
        mentions += 1
        offset = trigger_start if trigger_start is not None else start
        if offset is not None and annotated_at(doc_id, offset):
            inside += 1
            in_annotated[event_id].add(doc_id)
    ours: set[frozenset[str]] = set()
    for docs in in_annotated.values():
        ordered = sorted(docs)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                ours.add(frozenset((a, b)))
    shared = {
        ev["instance_id"]
        for ev in json.loads((folder / "shared_instances.json").read_text())["events"]
    }
    gold_within: set[frozenset[str]] = set()
    where: dict[str, set[str]] = defaultdict(set)
    for doc_id, rec in sents.items():
        for inst, sentences in rec["instances"].items():
            if inst in shared and sentences & rec["annotated"]:
                where[inst].add(doc_id)
    for docs in where.values():
        ordered = sorted(docs)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                gold_within.add(frozenset((a, b)))
    true = len(ours & gold)
    return {
        "annotated_sentences": sum(len(r["annotated"]) for r in sents.values()),
        "body_sentences": sum(len(r["spans"]) for r in sents.values()),
        "our_linked_mentions_in_annotated_sentences": inside,
        "our_linked_mentions": mentions,
        "pairs_within_annotated_sentences": len(ours),
        "pairs_within_annotated_sentences_annotated": true,
        "pairs_within_annotated_sentences_not_annotated": len(ours - gold),
        "precision_within_annotated_sentences": round(true / len(ours), 3) if ours else None,
        "annotated_pairs_within_annotated_sentences": len(gold_within),
        "annotated_pairs_within_we_connect": len(gold_within & ours),
    }


# ------------------------------------------------------------------ bundled samples


def run_samples(nlp: Any = None, conn: Any = None) -> dict[str, Any]:
    """Story- and event-level summary of the bundled sample set (what ``newsreader demo``
    imports), imported the way the CLI imports: :func:`ingest.pipeline.import_paths` with
    the default analyser and linker, captured at ``SAMPLE_CAPTURED`` (``--captured
    2025-08-02T18:00``), into a fresh in-memory store (or ``conn``).

    Stories come from ``articles.story_id`` / ``stories``: before the import path assigns
    stories they are all unassigned, and the story figures are 0 / None.
    """
    from datetime import datetime

    from analysis.analyzer import Analyzer
    from ingest.pipeline import DraftAnalyzer, import_paths
    from ingest.samples import SAMPLE_CAPTURED, sample_paths
    from store import open_store

    started = time.perf_counter()
    own = conn is None
    if conn is None:
        conn = open_store(":memory:")
    analyzer = DraftAnalyzer()
    if nlp is not None:
        analyzer.analyzer = Analyzer(nlp=nlp)
    results = import_paths(
        conn,
        sample_paths(),
        analyzer=analyzer,
        captured=datetime.fromisoformat(SAMPLE_CAPTURED),
    )
    errors = [r.error for r in results if r.error]
    if errors:
        raise RuntimeError(f"sample import failed: {errors}")
    out = sample_summary(conn)
    out["seconds"] = round(time.perf_counter() - started, 1)
    if own:
        conn.close()
    return out


def sample_summary(conn: Any) -> dict[str, Any]:
    """Articles, stories, events and cross-article links of a store."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    articles = one("SELECT count(*) FROM articles")
    has_story = any(r[1] == "story_id" for r in conn.execute("PRAGMA table_info(articles)"))
    sizes: list[tuple[int, int]] = []
    if has_story:
        sizes = [
            (int(r[0]), int(r[1]))
            for r in conn.execute(
                "SELECT story_id, count(*) AS n FROM articles WHERE story_id IS NOT NULL "
                "GROUP BY story_id ORDER BY n DESC, story_id"
            )
        ]
    largest = None
    if sizes:
        sid, n = sizes[0]
        row = conn.execute("SELECT title FROM stories WHERE id = ?", (sid,)).fetchone()
        largest = {"id": sid, "articles": n, "title": row[0] if row else None}
    by_event: dict[int, set[int]] = defaultdict(set)
    for event_id, article_id in conn.execute(
        "SELECT event_id, article_id FROM event_mentions WHERE event_id IS NOT NULL"
    ):
        by_event[event_id].add(article_id)
    pairs: set[tuple[int, int]] = set()
    for docs in by_event.values():
        ordered = sorted(docs)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pairs.add((a, b))
    return {
        "articles": articles,
        "articles_in_a_story": sum(n for _, n in sizes),
        "stories": len(sizes),
        "stories_2plus": sum(1 for _, n in sizes if n >= 2),
        "largest_story": largest,
        "events": len(by_event),
        "event_mentions": one("SELECT count(*) FROM event_mentions"),
        "cross_article_events": sum(1 for d in by_event.values() if len(d) >= 2),
        "cross_article_event_pairs": len(pairs),
    }


def print_samples(out: dict[str, Any]) -> int:
    largest = out["largest_story"]
    print(
        f"samples: {out['articles']} articles, {out['stories']} stories "
        f"({out['stories_2plus']} of 2+ articles), largest "
        + (f"{largest['articles']} articles: {largest['title']!r}" if largest else "None")
    )
    print(
        f"events: {out['events']}, cross-article {out['cross_article_events']}, "
        f"cross-article event pairs {out['cross_article_event_pairs']}"
    )
    print(json.dumps(out))
    return 0


def topic_row(topic: int, out: Mapping[str, Any]) -> dict[str, Any]:
    """One topic's line of ``--per-topic`` from its :func:`run_pooled` result."""
    ours, lemma = out["ours"]["conll"], out["lemma_subtopics"]["conll"]
    return {
        "topic": topic,
        "ours": ours,
        "lemma_subtopics": lemma,
        "difference": round(ours - lemma, 2),
        "stories": out["stories"]["b3"],
    }


def per_topic_summary(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The topics where ours is below the same-lemma baseline alone, and the mean
    difference (CoNLL F1 points)."""
    below = [r["topic"] for r in rows if r["difference"] < 0]
    mean = sum(r["difference"] for r in rows) / len(rows) if rows else 0.0
    return {"below": below, "mean_difference": round(mean, 2)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ecb_dir", type=Path)
    parser.add_argument(
        "--topics", default="2,5,12,18,21,23,34,35", help="comma-separated topic numbers"
    )
    parser.add_argument(
        "--meantime", type=Path, help="MEANTIME folder (articles.jsonl, shared_instances.json)"
    )
    parser.add_argument(
        "--threshold", type=float, help="override analysis.linking.THRESHOLD (tuning on dev only)"
    )
    parser.add_argument(
        "--same-article-threshold", type=float, help="override THRESHOLD_SAME_ARTICLE"
    )
    parser.add_argument("--context-weight", type=float, help="override CONTEXT_WEIGHT")
    parser.add_argument(
        "--pooled",
        action="store_true",
        help="all documents of the topics in ONE store: the system finds the stories",
    )
    parser.add_argument("--seed", type=int, default=13, help="import order seed (--pooled)")
    parser.add_argument(
        "--gold-stories",
        action="store_true",
        help="with --pooled: put each document in its gold subtopic's story (a diagnostic: "
        "what the linker makes of error-free stories; not the benchmark figure)",
    )
    parser.add_argument(
        "--stories-only",
        metavar="SEEDS",
        help="with --pooled: story BCubed only (no event linking) for each comma-separated "
        "import order seed, e.g. 13,1,2,3,4; seconds per order",
    )
    parser.add_argument(
        "--relink",
        action="store_true",
        help="with --pooled: then re-link the store as `newsreader relink` does (a second "
        "look at every article's story) and print that state's scores too",
    )
    parser.add_argument(
        "--arrival",
        action="store_true",
        help="with --pooled: score the stores as each article was placed on arrival, without "
        "the second look an import ends with (ingest.relinking.settle)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        metavar="K",
        help="with --pooled: import in runs of K documents, each ending with its closing look "
        "(as feed refreshes bring articles), not in one run",
    )
    parser.add_argument(
        "--per-topic",
        action="store_true",
        help="with --pooled: each topic in a store of its own, one line per topic (ours, the "
        "same-lemma baseline with gold subtopics, their difference, stories); how much the "
        "pooled figure hides",
    )
    parser.add_argument(
        "--samples",
        action="store_true",
        help="only the story summary of the bundled samples (ECB_DIR is not read)",
    )
    args = parser.parse_args(argv)
    from analysis import linking
    from analysis.nlp import load_nlp

    if args.threshold is not None:
        linking.THRESHOLD = args.threshold
    if args.same_article_threshold is not None:
        linking.THRESHOLD_SAME_ARTICLE = args.same_article_threshold
    if args.context_weight is not None:
        linking.CONTEXT_WEIGHT = args.context_weight

    nlp = load_nlp()
    if args.samples:
        return print_samples(run_samples(nlp))
    topics = [int(t) for t in args.topics.split(",") if t.strip()]
    global SETTLE
    SETTLE = not args.arrival
    if args.relink and (not args.pooled or args.gold_stories):
        parser.error("--relink needs --pooled and finds the stories itself (no --gold-stories)")
    if args.pooled and args.stories_only:
        seeds = [int(s) for s in args.stories_only.split(",") if s.strip()]
        out = run_pooled_stories(
            args.ecb_dir, topics, nlp, seeds, relink=args.relink, runs=args.runs
        )
        for seed, st in out["seeds"].items():
            print(f"seed {seed}: stories {st}")
        print(f"stories mean {out['stories']['b3_mean']}")
        if args.relink:
            for seed, st in out["relinked"]["seeds"].items():
                print(f"seed {seed}, re-linked: stories {st}")
            print(f"re-linked stories mean {out['relinked']['stories']['b3_mean']}")
        print(json.dumps(out))
        return 0
    if args.pooled and args.per_topic:
        rows = []
        for t in topics:
            one = run_pooled(args.ecb_dir, [t], nlp, seed=args.seed, runs=args.runs)
            rows.append(topic_row(t, one))
            r = rows[-1]
            print(
                f"topic {t:>2}: ours {r['ours']:6.2f}  lemma subtopics {r['lemma_subtopics']:6.2f}"
                f"  difference {r['difference']:+6.2f}  stories {r['stories']:.3f}"
            )
        summary = per_topic_summary(rows)
        print(
            f"{len(summary['below'])} of {len(rows)} topics below the baseline alone "
            f"{summary['below']}; mean difference {summary['mean_difference']:+.2f}"
        )
        print(json.dumps({"per_topic": rows, **summary}))
        return 0
    if args.pooled:
        out = run_pooled(
            args.ecb_dir,
            topics,
            nlp,
            seed=args.seed,
            gold_stories=args.gold_stories,
            relink=args.relink,
            runs=args.runs,
        )
        print(f"stories {out['stories']}")
        print(f"ours            {out['ours']}")
        print(f"cross-document mention pairs {out['cross_doc']}")
        print(f"lemma subtopics {out['lemma_subtopics']}")
        print(f"  its cross-document pairs {out['lemma_subtopics_cross_doc']}")
        print(f"lemma topics    {out['lemma_topics']}")
        if args.relink:
            again = out["relinked"]
            print(f"re-linked: stories {again['stories']}")
            print(f"re-linked: ours {again['ours']}")
            print(f"re-linked: cross-document mention pairs {again['cross_doc']}")
        if args.meantime:
            out["meantime"] = run_meantime(args.meantime, nlp)
            print(f"meantime {out['meantime']}")
        print(json.dumps(out))
        return 0
    out = run_ecb(args.ecb_dir, topics, nlp)
    if args.meantime:
        out["meantime"] = run_meantime(args.meantime, nlp)
    print(f"ours  {out['ours']}")
    print(f"lemma {out['lemma']}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
