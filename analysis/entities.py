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
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis import gazetteer
from analysis.entity_words import (
    HONORIFICS,
    NAME_LABELS,
    ORG_HEADS,
    PLACE_AFTER,
    PLACE_BEFORE,
    TIME_ZONES,
)
from analysis.nicknames import join_nicknames

# Re-cased lines moved to analysis.recase; these names stay importable from here.
from analysis.recase import caps_lines, recase_line, word_casing  # noqa: F401

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_DETERMINERS = frozenset({"the", "a", "an"})
_QUOTES = "\"'`‘’“”«»"
_TRAIL_PUNCT = _QUOTES + ",;:!?)]}-–—"
_LEAD_PUNCT = _QUOTES + "([{-–—•*"
_PREFIX = re.compile(r"(?:[Pp]ro|[Aa]nti|[Nn]on|[Ee]x|[Pp]ost|[Pp]re)-(?=[A-Z])")
#: A photo credit: names joined by slashes ("Safin Hamid/AFP/Getty Images").
_SLASHED = re.compile(r"\w/[A-Z]")
_CREDIT_LINE = re.compile(
    r"^(?:(?:photo(?:graph)?|image|picture|credit|source)s?\s*(?:by|:|credit)"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*/\s*[A-Z])",
    re.IGNORECASE,
)


#: "iPhone", "iPod", "iOS": a lower-case letter or two, then a capital.
_CAMEL = re.compile(r"^[a-z]{1,2}[A-Z][A-Za-z0-9]+$")
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


#: Switch for :func:`_trim`: a name the tagger ended inside an open bracket ends before
#: the bracket.
OPEN_BRACKET_CUT = True


def _trim(span: Span, doc_text: str, base: int) -> tuple[int, int] | None:
    """Character bounds (absolute, with ``base`` added to the span's offsets in its own
    doc) of the name inside ``span``, or None when nothing name-like is left."""
    tokens = list(span)
    # Cut at a line break: keep the first piece that holds a word.
    if "\n" in span.text:
        pieces: list[list[Token]] = [[]]
        for t in tokens:
            if "\n" in t.text:
                pieces.append([])
            else:
                pieces[-1].append(t)
        tokens = next((p for p in pieces if any(c.isalnum() for t in p for c in t.text)), [])
    # Leading determiners, quotes, bullets; trailing possessives, punctuation, "X." at a line end.
    while tokens and (
        tokens[0].lower_ in _DETERMINERS or all(c in _LEAD_PUNCT for c in tokens[0].text)
    ):
        tokens = tokens[1:]
    if OPEN_BRACKET_CUT and tokens:
        # "Ministry of Trade, Industry and Energy (MOTIE": the tagger stopped inside the
        # brackets of an alias; the name is what stands before them.
        opened = [i for i, t in enumerate(tokens) if t.text == "("]
        if opened and not any(t.text == ")" for t in tokens[opened[-1] :]) and opened[-1] > 0:
            tokens = tokens[: opened[-1]]
    while tokens:
        last = tokens[-1]
        if (
            last.tag_ == "POS"
            or last.lower_ in ("'s", "’s")
            or all(c in _TRAIL_PUNCT + "." for c in last.text)
        ):
            tokens = tokens[:-1]
        else:
            break
    if not tokens or all(t.lower_.rstrip(".") in HONORIFICS for t in tokens):
        return None  # "Dr", "Mr.": a title without its name names no one
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    # Characters glued to a token: "'Iran", "weeks'", "X." closing a line.
    while start < end and doc_text[start] in _LEAD_PUNCT:
        start += 1
    while end > start and doc_text[end - 1] in _TRAIL_PUNCT:
        end -= 1
    if end - start >= 2 and doc_text[end - 1] == "." and doc_text[end - 2].isupper():
        after = doc_text[end : end + 1]
        before = doc_text[start : end - 1]
        if (after in ("", "\n")) and "." not in before:
            end -= 1
    if doc_text.endswith("'s", start, end) or doc_text.endswith("’s", start, end):
        end -= 2
    m = _PREFIX.match(doc_text, start, end)
    if m:
        start = m.end()
    if end <= start or not any(c.isalnum() for c in doc_text[start:end]):
        return None
    return base + start, base + end


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


#: Switch: where a person named just before is from is a place ("LuAnn Marie Johnson,
#: 66, of Burnsville": the tagger's person, whom "she" then stood for).
HOME_TOWNS = True


def _home_town(doc: Doc, i: int) -> bool:
    """Does the name at ``i`` follow "<person or age>, of"?"""
    return (
        i >= 3
        and doc[i - 1].lower_ == "of"
        and doc[i - 2].text == ","
        and (doc[i - 3].like_num or doc[i - 3].ent_type_ == "PERSON")
    )


#: Switch: a "person" someone "is from" is a town: "Police caught up with the driver, who
#: is from Schnectady" (ECB+ 21, 21_1ecbplus and 21_9ecbplus: the next sentence's "He"
#: became the town, "Schnectady charged with vehicular manslaughter").
FROM_TOWN = True


def _from_town(doc: Doc, i: int) -> bool:
    """Does the name at ``i`` follow "who / he / she is (was) from"?"""
    return (
        i >= 3
        and doc[i - 1].lower_ == "from"
        and doc[i - 2].lemma_ == "be"
        and doc[i - 3].lower_ in ("who", "he", "she", "they")
    )


#: Switch: one word after "the" is no person, whatever the tagger says: "The man ran
#: from the station. The Chronicle says he was arrested a block away" (a news page of
#: the extraction benchmark: "he" became the newspaper, "Arrest of Chronicle"); "the
#: Gateway", "the Moon", "the Dreamliner", "After the Mysore picked up a distress call"
#: (a warship). Not a name that modifies a noun ("the Obama administration").
THE_NAME_NO_PERSON = True


def _the_name(words: Sequence[Token], prev: Token | None) -> bool:
    """Is ``words`` one word written right after "the", not a noun's modifier?"""
    return (
        len(words) == 1
        and prev is not None
        and prev.lower_ == "the"
        and words[0].dep_ not in ("compound", "amod", "nmod")
    )


def _relabel(label: str, name: Span, text: str, start: int, end: int) -> str | None:
    """The corrected label of a trimmed name, or None to drop it."""
    words = [t for t in name if not t.is_punct]
    if not words:
        return None
    if label in NAME_LABELS:
        # A name has a capitalised word ("ministry of defense forces" is not a name).
        if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in words):
            return None
        # A capitalised common noun opening a sentence or a line ("Smoke rises ...").
        first = words[0]
        if (
            len(words) == 1
            and (first.is_sent_start or first.i == 0 or "\n" in name.doc[first.i - 1].text_with_ws)
            and first.tag_
            in ("NN", "NNS", "VB", "VBZ", "VBD", "VBG", "VBN", "VBP", "RB", "IN", "DT", "PRP", "CD")
            and not first.text.isupper()
            and _used_as_common_word(first.lower_, name.doc)
        ):
            return None
    if len(words) == 1 and words[0].text in TIME_ZONES:
        return None
    if label in ("ORG", "PERSON", "GPE", "NORP", "FAC", "LOC") and _CAMEL.match(words[0].text):
        return "PRODUCT"
    head = words[-1].lower_
    prev = name.doc[name.start - 1] if name.start > 0 else None
    nxt = name.doc[name.end] if name.end < len(name.doc) else None
    if label == "PERSON":
        if head in ORG_HEADS and len(words) > 1:
            return "ORG"
        if _is_plural_group(words, prev):
            return "NORP"
        if THE_NAME_NO_PERSON and _the_name(words, prev):
            return "ORG"
    if label == "PRODUCT" and head in ORG_HEADS:
        return "ORG"
    if label in ("ORG", "PERSON", "PRODUCT", "FAC"):
        before = name.doc[name.start - 2 : name.start] if name.start >= 2 else None
        if (
            (nxt is not None and nxt.lower_ in PLACE_AFTER and label != "FAC")
            or (prev is not None and prev.lower_ in PLACE_BEFORE and label != "FAC")
            or (
                before is not None and before[1].lower_ == "of" and before[0].lower_ in PLACE_BEFORE
            )
            or (HOME_TOWNS and label != "FAC" and _home_town(name.doc, name.start))
            or (FROM_TOWN and label == "PERSON" and _from_town(name.doc, name.start))
        ):
            return "GPE"
    if label not in ("GPE", "NORP", "LOC") and gazetteer.country(text[start:end]) is not None:
        return "GPE"
    return label


def _used_as_common_word(lower: str, doc: Doc) -> bool:
    """The article itself writes the word in lower case and never capitalised inside a
    sentence: then a capitalised first word of a sentence is that common word."""
    lowered = capitalised = False
    for t in _tokens_written(doc, lower, re.IGNORECASE):
        if t.lower_ != lower:
            continue
        if t.text == lower:
            lowered = True
        elif not t.is_sent_start and t.i > 0 and "\n" not in doc[t.i - 1].text_with_ws:
            capitalised = True
    return lowered and not capitalised


def _is_plural_group(words: Sequence, prev: object) -> bool:
    """ "the Houthis", "Kurds": a plural proper noun names a group, not a person."""
    last = words[-1]
    t = last.text
    if last.tag_ == "NNPS":
        return True
    if len(t) < 4 or not t.endswith("s") or t.endswith(("ss", "us")) or not t[:1].isupper():
        return False
    preceded_by_the = prev is not None and getattr(prev, "lower_", "") == "the"
    if preceded_by_the and len(words) == 1:
        return True
    singular = t[:-1]
    return len(words) == 1 and any(
        tok.text == singular for tok in _tokens_written(last.doc, singular)
    )


def _tokens_written(doc: Doc, word: str, flags: int = 0) -> Iterable[Token]:
    """The tokens that may be ``word`` (a word of letters: found in the text first, not
    by reading every token); every token for another kind of word."""
    if not word.isalpha():
        return doc
    return tokens_matching(doc, re.compile(r"\b" + re.escape(word) + r"\b", flags))


_last_text: tuple[Doc | None, str] = (None, "")


def text_of(doc: Doc) -> str:
    """``doc.text``, kept for the last document asked about: spaCy joins every token's
    text again at each reading, and one article's entities are looked up many times."""
    global _last_text
    last = _last_text  # (one read: another thread's analysis may replace it meanwhile)
    if last[0] is doc:
        return last[1]
    text = doc.text
    _last_text = (doc, text)
    return text


def tokens_matching(doc: Doc, pattern: re.Pattern[str]) -> list[Token]:
    """The tokens whose text a match of ``pattern`` in the document's text is, whole: the
    few tokens a search is about, without reading every token of a long article."""
    out = []
    for found in pattern.finditer(text_of(doc)):
        span = doc.char_span(found.start(), found.end())
        if span is not None and len(span) == 1:
            out.append(span[0])
    return out


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
        bounds = _trim(ent, text if base == 0 and ent.doc is doc else recased_text[base], base)
        if bounds is None:
            continue
        start, end = bounds
        name = _tokens_in(ent.doc, start - base, end - base)
        if name is None:
            continue
        if label in NAME_LABELS:
            new = _relabel(label, name, text, start, end)
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
        if not _CAMEL.match(t.text) or t.ent_type_:
            continue
        s = t.idx
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and taken[i][1] > s:
            continue
        e = s + len(t.text)
        extra.append(Mention(s, e, t.text, "PRODUCT", sentence_of(s)))
    return extra
