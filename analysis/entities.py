"""Entity mentions: spaCy's entities, corrected for its systematic errors on news.

The small English model makes the same few mistakes on news text again and again. Each
rule below fixes one *kind* of mistake, decided from the span's own tokens, tags and
layout, never from a list of particular names:

* spans that swallow a line break ("X.\\nSmoke", "Houthi Media Center/Reuters\\n") are cut
  at the break;
* leading determiners and quotes, ``pro-``/``anti-`` prefixes, trailing possessives,
  quotes and a stray full stop are trimmed, so "the Islamic Republic's" is
  "Islamic Republic" (the reader highlights the name, and the same name is one entity);
* photo credits ("Safin Hamid/AFP/Getty Images", a line that is only a credit) give no
  entity at all;
* a capitalised common noun that opens a sentence ("Smoke rises ...", when the article
  also writes "smoke" in lower case) and a span without any capitalised word ("ministry of
  defense forces") are not names;
* plural group names tagged PERSON ("the Houthis") become NORP, a PERSON or PRODUCT whose
  head is an organisation word ("Vanguard Tech", "... Group") becomes ORG, a name
  introduced as a place ("the city of X", "the X district", "capital X") becomes GPE, and
  a country name the model called something else becomes GPE (pycountry knows them);
* a time zone ("UTC", "GMT") is not an organisation; a camel-case name
  ("iPhone", "iOS") is a product, found even where the model saw nothing;
* lines in capitals (headlines, datelines) are re-cased from the article's own spelling of
  the same words and tagged again, see :mod:`analysis.recase`.

Everything works on character offsets into the text spaCy was given, which is the stored
body, so the reader can highlight a mention without running NLP.

A span is trimmed to its name by :mod:`analysis.name_trim` and its label corrected by
:mod:`analysis.entity_labels`; the document's text and the tokens a search finds are
:mod:`analysis.doc_text`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.doc_text import tokens_matching
from analysis.entity_labels import CAMEL, relabel
from analysis.entity_words import NAME_LABELS
from analysis.name_trim import trim_name
from analysis.nicknames import join_nicknames

# Re-cased lines moved to analysis.recase; these names stay importable from here.

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: A photo credit: names joined by slashes ("Safin Hamid/AFP/Getty Images").
_SLASHED = re.compile(r"\w/[A-Z]")
_CREDIT_LINE = re.compile(
    r"^(?:(?:photo(?:graph)?|image|picture|credit|source)s?\s*(?:by|:|credit)"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*/\s*[A-Z])",
    re.IGNORECASE,
)


#: Where a camel-case name (see analysis.entity_labels.CAMEL) stands in running text.
_CAMEL_IN_TEXT = re.compile(r"(?<![\w])[a-z]{1,2}[A-Z][A-Za-z0-9]+(?![A-Za-z0-9])")


@dataclass(slots=True)
class Mention:
    """One corrected mention: ``text == body[start:end]``."""

    start: int
    end: int
    text: str
    label: str
    sentence: int


class SentenceIndex:
    """Maps a character offset to the index of the sentence holding it (bisect)."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]

    def __call__(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def is_credit_line(line: str) -> bool:
    """A short line that is only a photo credit ("Elyas/AFP/Getty Images")."""
    line = line.strip()
    if not line or len(line.split()) > 10 or line[-1] in ".?!:;,":
        return False
    return bool(_CREDIT_LINE.match(line)) and (
        "/" in line or line.lower().startswith(("photo", "image", "picture", "credit", "source"))
    )


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def extract_mentions(
    doc: Doc,
    recased: Iterable[tuple[int, Doc]] = (),
    labels: frozenset[str] | None = None,
    *,
    text: str | None = None,
    sentence_of: SentenceIndex | None = None,
) -> list[Mention]:
    """Corrected mentions of ``doc`` (offsets into ``doc.text``), sorted by start.

    ``recased`` holds ``(offset, doc)`` pairs for the lines in capitals that were re-cased
    and tagged again (see :func:`analysis.recase.recase_line`): their entities replace the model's
    entities on those lines. ``labels`` limits the labels kept (default: all). ``text``
    (``doc.text``) and ``sentence_of`` may be passed when the caller has them already.
    """
    text = doc.text if text is None else text
    sentence_of = SentenceIndex(doc) if sentence_of is None else sentence_of
    recased = list(recased)
    replaced = [(off, off + len(d.text)) for off, d in recased]
    credit_lines: dict[int, bool] = {}
    sources: list[tuple[Span, int]] = [
        (e, 0) for e in doc.ents if not any(s <= e.start_char < t for s, t in replaced)
    ]
    recased_text: dict[int, str] = {}
    for off, d in recased:
        recased_text[off] = d.text
        sources.extend((e, off) for e in d.ents)
    out: list[Mention] = []
    for ent, base in sources:
        label = ent.label_
        if labels is not None and label not in labels:
            continue
        if _SLASHED.search(ent.text):
            continue
        line_start, line_end = _line_bounds(text, base + ent.start_char)
        if line_start not in credit_lines:
            credit_lines[line_start] = is_credit_line(text[line_start:line_end])
        if credit_lines[line_start]:
            continue
        # Doc.text joins every token anew: take it once per Doc, never per entity.
        bounds = trim_name(ent, text if base == 0 and ent.doc is doc else recased_text[base], base)
        if bounds is None:
            continue
        start, end = bounds
        name = _tokens_in(ent.doc, start - base, end - base)
        if name is None:
            continue
        if label in NAME_LABELS:
            new = relabel(label, name, text, start, end)
            if new is None:
                continue
            label = new
        out.append(Mention(start, end, text[start:end], label, sentence_of(start)))
    out.extend(_camel_products(doc, out, sentence_of, labels))
    if DATELINE_PLACES and (labels is None or "GPE" in labels):
        out = _dateline_places(text, out, sentence_of)
    out.sort(key=lambda m: (m.start, -m.end))
    # Trimming can make two spans overlap (never in practice more than a pair): keep the first.
    kept: list[Mention] = []
    for m in out:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return join_nicknames(text, kept)


#: Switch: the place of a dateline ("SIOUX FALLS, S.D. –", "HONOLULU, Hawaii (Hawaii News
#: Now) -", "MADRID —") is a place, whatever the model made of its capitals.
DATELINE_PLACES = True
#: A dateline opening a paragraph: the place in capitals (one to three words), an optional
#: state or country after a comma, an optional credit in brackets, a dash, then running
#: text (small letters within a few words: not a headline in capitals, "FORD POSTS
#: PROFIT - DETROIT").
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]*[A-Z.](?: [A-Z][A-Z.'’-]*[A-Z.]){0,2})"
    r"(?:,[ \t]*[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})?"
    r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*[—–-]{1,2}[ \t]+(?=[^\n]{0,30}[a-z])",
    re.MULTILINE,
)


def _dateline_places(text: str, found: list[Mention], sentence_of: SentenceIndex) -> list[Mention]:
    """``found`` with each paragraph's dateline place as a GPE mention: relabelled where
    the model tagged the span otherwise (a PERSON "SIOUX FALLS", an ORG "HONOLULU"),
    added where it tagged nothing ("MADRID")."""
    out = list(found)
    for m in _DATELINE.finditer(text):
        start, end = m.span("place")
        if end - start < 3:
            continue
        same = [k for k, x in enumerate(out) if x.start == start and x.end == end]
        if same:
            for k in same:
                out[k].label = "GPE"
        elif not any(x.start < end and start < x.end for x in out):
            out.append(Mention(start, end, text[start:end], "GPE", sentence_of(start)))
    return out


def _camel_products(
    doc: Doc, found: Sequence[Mention], sentence_of: SentenceIndex, labels: frozenset[str] | None
) -> list[Mention]:
    """Product names written in camel case ("iPhone", "iPod nano") that the model missed:
    the small model has seen few of them and tags most as nothing at all."""
    if labels is not None and "PRODUCT" not in labels:
        return []
    taken = sorted((m.start, m.end) for m in found)
    starts = [s for s, _ in taken]
    extra: list[Mention] = []
    for t in tokens_matching(doc, _CAMEL_IN_TEXT):  # (few tokens are camel case)
        if not CAMEL.match(t.text) or t.ent_type_:
            continue
        s = t.idx
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and taken[i][1] > s:
            continue
        e = s + len(t.text)
        extra.append(Mention(s, e, t.text, "PRODUCT", sentence_of(s)))
    return extra
