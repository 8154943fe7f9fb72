"""NER quality: the raw spaCy model vs our pipeline, on the same Docs in one run.

    python -m bench.ner --conll FILE [--meantime DIR] [--limit N]
    python -m bench.ner --meantime ../shared/data/corpora/meantime-en

Both systems see the same text and the same spaCy Docs (one ``nlp.pipe`` pass): "raw" is
``doc.ents``; "pipeline" is :class:`analysis.analyzer.Analyzer`'s mentions (corrections and
canonical labels). Exact span match, per type and overall (micro) P/R/F1. Prints a table
per corpus, then one JSON line (the first corpus given, CoNLL if given)::

    {"raw": {"f1": ..}, "pipeline": {"f1": ..}, "per_type": {...}, "corpora": {...}}

CoNLL-2003 (``--conll``): one token per line, the first column the word, the last the
IOB1 or IOB2 tag; ``-DOCSTART-`` lines split documents, blank lines sentences. Each
document becomes one text, its sentences one per line (headline, dateline, then the
story, as an article body is stored), tokens joined the way the text was written (no space
before ``, . 's n't )`` and so on). A predicted span counts only if it starts and ends on
token boundaries exactly as a gold span does. spaCy labels map to CoNLL types:
PERSON -> PER; GPE, LOC, FAC -> LOC; ORG -> ORG; NORP, EVENT, PRODUCT, WORK_OF_ART, LAW,
LANGUAGE -> MISC; other labels (DATE, MONEY, ...) are not entities in CoNLL and are ignored.

MEANTIME (``--meantime DIR``: the folder holding meantime_newsreader_english_oct15.zip):
the 120 English Wikinews articles with token-anchored entity mentions. The text of an
article is its tokens re-joined as above, title and date line first, one sentence per line.
MEANTIME annotated only the title and the first sentences of each article: only the
sentences holding some annotation (entity, event or time) are scored, though the whole
article is analysed.
Gold: the *named* mentions (syntactic type NAM or PRE.NAM) of types PER, ORG, LOC, PRO
(product), FIN (financial: indices, markets, programmes), MIX. MEANTIME includes a leading
article in a mention ("the U.S. Air Force"); CoNLL and we do not, so a leading
"the/a/an" is dropped from gold and predicted spans alike before matching, for both systems.
Mapping of spaCy labels: PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC; NORP -> LOC
(MEANTIME annotates "German", "British", "US" before a noun as the place, LOC);
PRODUCT -> PRO. FIN and MIX have no spaCy counterpart: their gold spans are left out of
the scores, and a prediction on exactly such a span is neither right nor wrong. Many
mentions of MEANTIME have no syntactic type (only some layers were typed); they are not
gold, and a prediction that exactly matches one is likewise not counted, so that names the
annotators did mark are not counted as false positives.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

CONLL_MAP = {
    "PERSON": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
MEANTIME_MAP = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "LOC",
    "PRODUCT": "PRO",
}
MEANTIME_TYPES = ("PER", "ORG", "LOC", "PRO")

Span = tuple[int, int, str]  # start char, end char, type


@dataclass
class EvalDoc:
    """One text with its gold spans; ``neutral`` spans are neither right nor wrong."""

    text: str
    gold: set[Span]
    neutral: set[tuple[int, int]] = field(default_factory=set)
    #: Character offsets where tokens start and end (a prediction must sit on them).
    starts: set[int] = field(default_factory=set)
    ends: set[int] = field(default_factory=set)
    #: (start, end) of the parts of the text that were annotated; None: all of it.
    scored: list[tuple[int, int]] | None = None

    def in_scope(self, start: int) -> bool:
        return self.scored is None or any(s <= start < e for s, e in self.scored)


_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'S|'|n't|'re|'ve|'ll|'d|'m|''|\.\.\.)$")
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


def detokenise(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens as written text; returns the text and each token's (start, end)."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    quote_open = False
    for i, tok in enumerate(tokens):
        if i > 0:
            prev = tokens[i - 1]
            glue = bool(_NO_SPACE_BEFORE.match(tok)) or prev in _NO_SPACE_AFTER
            if tok == '"':
                glue = quote_open  # a closing quote sticks to the word before it
            if prev == '"' and quote_open:
                glue = True  # the word after an opening quote sticks to it
            if tok == "-" or prev == "-":
                glue = False
            if not glue:
                parts.append(" ")
                pos += 1
        if tok == '"':
            quote_open = not quote_open
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
    return "".join(parts), offsets


def _decode(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first token, last token + 1, type) of IOB1/IOB2/BIOES-ish tags."""
    spans: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        begins = prefix in ("B", "S") or (prefix == "I" and typ != kind)
        if start is not None and (prefix == "O" or begins):
            spans.append((start, i, kind or ""))
            start, kind = None, None
        if prefix in ("B", "I", "S") and start is None:
            start, kind = i, typ
        if prefix in ("E", "S") and start is not None:
            spans.append((start, i + 1, kind or ""))
            start, kind = None, None
    return spans


def _doc_from_sentences(sentences: Sequence[Sequence[tuple[str, str]]]) -> EvalDoc:
    lines: list[str] = []
    gold: set[Span] = set()
    starts: set[int] = set()
    ends: set[int] = set()
    base = 0
    for sent in sentences:
        words = [w for w, _ in sent]
        text, offsets = detokenise(words)
        for s, e in offsets:
            starts.add(base + s)
            ends.add(base + e)
        for a, b, typ in _decode([t for _, t in sent]):
            gold.add((base + offsets[a][0], base + offsets[b - 1][1], typ))
        lines.append(text)
        base += len(text) + 1
    return EvalDoc("\n".join(lines), gold, starts=starts, ends=ends)


def read_conll(path: Path) -> list[EvalDoc]:
    """Documents of a CoNLL-2003-format file (documents without -DOCSTART- lines are
    split every 20 sentences)."""
    docs: list[list[list[tuple[str, str]]]] = [[]]
    sent: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("-DOCSTART-"):
            if sent:
                docs[-1].append(sent)
                sent = []
            docs.append([])
            continue
        if not line:
            if sent:
                docs[-1].append(sent)
                sent = []
            continue
        cols = line.split()
        sent.append((cols[0], cols[-1] if len(cols) > 1 else "O"))
    if sent:
        docs[-1].append(sent)
    if len(docs) == 1:  # no -DOCSTART- lines: 20 sentences a text
        whole = docs[0]
        docs = [whole[i : i + 20] for i in range(0, len(whole), 20)]
    out = docs
    return [_doc_from_sentences(d) for d in out if d]


_DETS = ("the ", "a ", "an ")


def _drop_article(text: str, start: int, end: int) -> tuple[int, int]:
    low = text[start:end].lower()
    for det in _DETS:
        if low.startswith(det) and end - start > len(det):
            return start + len(det), end
    return start, end


def read_meantime(folder: Path) -> list[EvalDoc]:
    """MEANTIME English documents with their named mentions (see the module docstring)."""
    zips = sorted(folder.glob("*.zip"))
    if not zips:
        raise SystemExit(f"{folder}: no MEANTIME zip found")
    docs: list[EvalDoc] = []
    with zipfile.ZipFile(zips[0]) as zf:
        names = sorted(
            n for n in zf.namelist() if n.endswith(".xml") and "/intra-doc_annotation/" in n
        )
        for name in names:
            root = ET.fromstring(zf.read(name))
            docs.append(_meantime_doc(root))
    return docs


def _meantime_doc(root: ET.Element) -> EvalDoc:
    sentences: dict[int, list[tuple[str, str]]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(
            (tok.get("t_id", ""), tok.text or "")
        )
    lines: list[str] = []
    where: dict[str, tuple[int, int]] = {}
    starts: set[int] = set()
    ends: set[int] = set()
    bounds: dict[int, tuple[int, int]] = {}
    sentence_of = {tok.get("t_id", ""): int(tok.get("sentence", "0")) for tok in root.iter("token")}
    base = 0
    for number, toks in sorted(sentences.items()):
        text, offsets = detokenise([w for _, w in toks])
        bounds[number] = (base, base + len(text))
        for (tid, _), (s, e) in zip(toks, offsets, strict=True):
            where[tid] = (base + s, base + e)
            starts.add(base + s)
            ends.add(base + e)
        lines.append(text)
        base += len(text) + 1
    body = "\n".join(lines)
    markables = root.find("Markables")
    relations = root.find("Relations")
    types: dict[str, str] = {}
    refers: dict[str, str] = {}
    if markables is not None:
        for m in markables:
            if m.tag == "ENTITY":
                types[m.get("m_id", "")] = m.get("ent_type", "")
    if relations is not None:
        for r in relations:
            if r.tag == "REFERS_TO":
                target = r.find("target")
                for src in r.findall("source"):
                    if target is not None:
                        refers[src.get("m_id", "")] = target.get("m_id", "")
    gold: set[Span] = set()
    neutral: set[tuple[int, int]] = set()
    annotated: set[int] = set()
    if markables is not None:
        for m in markables:
            annotated.update(
                sentence_of.get(a.get("t_id", ""), -1) for a in m.findall("token_anchor")
            )
            if m.tag != "ENTITY_MENTION":
                continue
            anchors = [
                where[a.get("t_id", "")]
                for a in m.findall("token_anchor")
                if a.get("t_id") in where
            ]
            if not anchors:
                continue
            start, end = _drop_article(body, anchors[0][0], anchors[-1][1])
            typ = types.get(refers.get(m.get("m_id", ""), ""), "")
            if m.get("syntactic_type") in ("NAM", "PRE.NAM") and typ in MEANTIME_TYPES:
                gold.add((start, end, typ))
            else:
                neutral.add((start, end))
    neutral -= {(s, e) for s, e, _ in gold}
    scored = [bounds[n] for n in sorted(annotated) if n in bounds]
    return EvalDoc(body, gold, neutral, starts, ends, scored)


@dataclass
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, doc: EvalDoc, pred: set[Span]) -> None:
        gold, neutral = doc.gold, doc.neutral
        pred = {s for s in pred if doc.in_scope(s[0])}
        for s in pred:
            if s in gold:
                self.tp[s[2]] += 1
            elif (s[0], s[1]) not in neutral:
                self.fp[s[2]] += 1
        for s in gold - pred:
            self.fn[s[2]] += 1

    def prf(self, typ: str | None = None) -> dict[str, float]:
        tp = sum(self.tp.values()) if typ is None else self.tp[typ]
        fp = sum(self.fp.values()) if typ is None else self.fp[typ]
        fn = sum(self.fn.values()) if typ is None else self.fn[typ]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _mapped(
    spans: Iterable[tuple[int, int, str]], mapping: dict[str, str], text: str, drop_article: bool
) -> set[Span]:
    out: set[Span] = set()
    for s, e, label in spans:
        typ = mapping.get(label)
        if typ is None:
            continue
        if drop_article:
            s, e = _drop_article(text, s, e)
        out.add((s, e, typ))
    return out


def evaluate(
    docs: Sequence[EvalDoc], mapping: dict[str, str], *, drop_article: bool, batch_size: int = 32
) -> dict[str, Scores]:
    """Run spaCy once over the texts; score the raw entities and our mentions."""
    from analysis.analyzer import Analyzer

    analyzer = Analyzer(batch_size=batch_size)
    nlp = analyzer.nlp
    raw, ours = Scores(), Scores()
    for i in range(0, len(docs), 64):
        chunk = docs[i : i + 64]
        spacy_docs = list(nlp.pipe([d.text for d in chunk], batch_size=batch_size))
        results = analyzer.analyse_docs(spacy_docs, [None] * len(chunk), [d.text for d in chunk])
        for d, sd, res in zip(chunk, spacy_docs, results, strict=True):
            r = _mapped(
                ((e.start_char, e.end_char, e.label_) for e in sd.ents),
                mapping,
                d.text,
                drop_article,
            )
            p = _mapped(
                ((m["start"], m["end"], m["label"]) for m in res["mentions"]),
                mapping,
                d.text,
                drop_article,
            )
            raw.add(d, r)
            ours.add(d, p)
    return {"raw": raw, "pipeline": ours}


def report(name: str, scores: dict[str, Scores], types: Sequence[str]) -> dict[str, object]:
    print(f"\n{name}")
    print(
        f"{'type':<8}{'raw P':>8}{'raw R':>8}{'raw F1':>8}   {'ours P':>8}{'ours R':>8}{'ours F1':>8}"
    )
    per_type: dict[str, dict[str, float]] = {}
    for typ in [*types, None]:
        a, b = scores["raw"].prf(typ), scores["pipeline"].prf(typ)
        label = typ or "overall"
        print(
            f"{label:<8}{a['p']:>8.3f}{a['r']:>8.3f}{a['f1']:>8.3f}   {b['p']:>8.3f}{b['r']:>8.3f}{b['f1']:>8.3f}"
        )
        if typ:
            per_type[typ] = {"raw": a["f1"], "pipeline": b["f1"]}
    return {
        "raw": scores["raw"].prf(),
        "pipeline": scores["pipeline"].prf(),
        "per_type": per_type,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conll", type=Path, help="a CoNLL-2003-format file")
    parser.add_argument("--meantime", type=Path, help="the MEANTIME English folder")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    args = parser.parse_args(argv)
    if not args.conll and not args.meantime:
        parser.error("give --conll FILE and/or --meantime DIR")
    corpora: dict[str, dict[str, object]] = {}
    t0 = time.perf_counter()
    if args.conll:
        docs = read_conll(args.conll)
        docs = docs[: args.limit] if args.limit else docs
        scores = evaluate(docs, CONLL_MAP, drop_article=False)
        corpora["conll"] = report(
            f"CoNLL {args.conll} ({len(docs)} documents)", scores, ("PER", "ORG", "LOC", "MISC")
        )
    if args.meantime:
        docs = read_meantime(args.meantime)
        docs = docs[: args.limit] if args.limit else docs
        scores = evaluate(docs, MEANTIME_MAP, drop_article=True)
        corpora["meantime"] = report(f"MEANTIME ({len(docs)} documents)", scores, MEANTIME_TYPES)
    first = corpora.get("conll") or corpora["meantime"]
    print(f"\n({time.perf_counter() - t0:.1f} s)")
    print(json.dumps({**first, "corpora": corpora}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
