"""Lines in capitals (headlines, datelines), re-cased so the model can read their names.

In "BOEING UNVEILS NEW JET IN SEATTLE" every word looks like a name to the small model.
Each word takes the spelling the same article uses for it elsewhere, keeping the line's
length so offsets stay valid; the analyser tags the re-cased lines again and their
entities replace the model's (see :func:`analysis.entities.extract_mentions`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple


def _is_caps_line(line: str) -> bool:
    # counted with str methods mapped over the line (every line of every article passes)
    letters = sum(map(str.isalpha, line))
    if letters < 3:
        return False
    upper = sum(map(str.isupper, line))
    return upper / letters >= 0.9 and any(len(w) > 1 and w.isupper() for w in line.split())


def caps_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines written in capitals (headlines, datelines), whose words the
    model cannot tell apart by case."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if _is_caps_line(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "by",
        "with",
        "from",
        "as",
        "into",
        "over",
        "after",
        "before",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "his",
        "her",
        "their",
        "they",
        "he",
        "she",
        "we",
        "you",
        "i",
        "not",
        "no",
    ]
)


def recase_line(line: str, casing: dict[str, str]) -> str:
    """Re-case a line written in capitals, keeping its length (offsets stay valid).

    Each word takes the spelling the same article uses for it elsewhere (``casing``: the
    most common non-capital form of each case-folded word): the names of a headline are
    nearly always in the story too. A word the article never spells otherwise is most
    likely a common word ("UNVEILS", "PLUNGE") and is lower-cased, except the line's first
    word (capitalised, as a sentence starts) and abbreviations with dots ("U.S.").
    """
    first = True

    def fix(m: re.Match[str]) -> str:
        nonlocal first
        word, end = _sentence_end(m.group(0))
        was_first, first = first, False
        known = casing.get(word.casefold())
        if known is not None and len(known) == len(word):
            return known + end
        if "." in word:
            return word + end
        if was_first and word.casefold() not in _FUNCTION_WORDS:
            return word[:1] + word[1:].lower() + end
        return word.lower() + end

    out = _WORD.sub(fix, line)
    return out if len(out) == len(line) else line


def _sentence_end(word: str) -> tuple[str, str]:
    """(word, ".") for a word of four letters or more that a full stop ends and holds no
    other ("PROTEST." of "BIGGEST PROTEST."), else (word, ""): an abbreviation keeps its
    dots ("U.S.")."""
    if SENTENCE_END_SPLIT and word.endswith(".") and len(word) > 4 and "." not in word[:-1]:
        return word[:-1], "."
    return word, ""


#: Switch: a full stop that ends a line's last word in capitals is no abbreviation's
#: ("BIGGEST PROTEST." in a report of ECB+ 8, 8_8ecbplus, was titled "Biggest PROTEST").
SENTENCE_END_SPLIT = True


def _opens_sentence(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and text[j] in " \t\"'‘“’”()":
        j -= 1
    return j < 0 or text[j] in ".!?:\n"


def word_casing(text: str, skip: Sequence[tuple[int, int]]) -> dict[str, str]:
    """The most common spelling of each word outside the ``skip`` ranges, by case-folded
    form, for words not written in capitals."""
    counts: dict[str, Counter[str]] = {}
    for m in _WORD.finditer(text):
        if any(s <= m.start() < e for s, e in skip):
            continue
        w = m.group(0)
        if w.isupper() and (len(w) > 1 or (RUN_FUNCTION_WORDS and w in ("A",))):
            continue  # (a lone "A" in capitals is a capitals line's or run's: "IN A BLAZE")
        if w[:1].isupper() and _opens_sentence(text, m.start()):
            continue  # capitalised because it opens a sentence: says nothing
        counts.setdefault(w.casefold(), Counter())[w] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}


#: The opening words of a paragraph in capitals, the rest in lower case: a house style of
#: British regional papers ("A FIRE has badly damaged ...", "POLICE are appealing ...",
#: "FIRE crews from Tiverton ..."). Up to eight words ("THREE PEOPLE HAVE DIED IN A BLAZE
#: that"), the last followed by a word in lower case (not a name and its comma: "JOHN
#: SMITH, 45, was jailed").
_LEDE_CAPS = re.compile(r"(?m)^[ \t]*((?:[A-Z][A-Z'’-]*[ \t]+){0,7}[A-Z][A-Z'’-]+)(?=[ \t]+[a-z])")


def lede_caps(text: str, lines: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(start, end) of each paragraph's opening words in capitals (see _LEDE_CAPS) with a
    word of three letters or more, outside ``lines`` (the lines written in capitals, see
    :func:`caps_lines`: re-cased whole)."""
    return [
        m.span(1)
        for m in _LEDE_CAPS.finditer(text)
        if any(len(w) >= 3 for w in m.group(1).split())
        and not any(s <= m.start(1) < e for s, e in lines)
    ]


def recase_run(run: str, casing: dict[str, str]) -> str:
    """Re-case a paragraph's opening words in capitals, keeping their length: each word
    the article spells otherwise elsewhere takes that spelling ("A FIRE has" -> "A fire
    has"); any other stays as written (an abbreviation: "CNN says", "SAG leaders"). The
    run opens the paragraph: its first letter stays a capital."""

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        upper = word.isupper() and (len(word) > 1 or word.casefold() in _FUNCTION_WORDS)
        known = casing.get(word.casefold()) if upper else None
        return known if known is not None and len(known) == len(word) else word

    out = _WORD.sub(fix, run)
    out = out[:1].upper() + out[1:]
    return out if len(out) == len(run) else run


#: Switch: a function word of one or two letters in capitals ("IN", "A") is re-cased
#: too ("Three people die in A blaze" was the title); other short words stay ("US", "UN").
RUN_FUNCTION_WORDS = True
#: Words in capitals that are as often a name as a word ("US", "WHO"): never re-cased in
#: what is shown (see :func:`house_caps`).
_AS_OFTEN_NAMES = frozenset(["who", "may", "won", "aids", "it"])


class HouseStyle(NamedTuple):
    """Where an article writes words in capitals for its house style only, and how it
    spells its words elsewhere (see :func:`house_style`)."""

    lines: list[tuple[int, int]]  # lines in capitals (caps_lines)
    runs: list[tuple[int, int]]  # paragraphs' opening words in capitals (lede_caps)
    casing: dict[str, str]  # word_casing, outside the lines; empty when there is neither
    spans: list[tuple[int, int]]  # lines and runs, in text order


def house_style(text: str, *, runs: bool = True) -> HouseStyle:
    """The article's lines in capitals, its paragraphs' opening words in capitals (with
    ``runs``) and, when it has either, its words' casing elsewhere: read once, for the
    analysis (which re-cases and tags them again) and for the titles (which show them
    re-cased, :func:`house_caps`)."""
    lines = caps_lines(text)
    found = lede_caps(text, lines) if runs else []
    casing = word_casing(text, lines) if lines or found else {}
    if COMMON_WORDS_LOWER and found:
        casing = {**_common_words(text, found, lines), **casing}
    return HouseStyle(lines, found, casing, sorted([*lines, *found]))


#: Switch: a word of four letters or more in a paragraph's opening capitals that the
#: article never writes otherwise is read in lower case when the language knows it (the
#: lemmatizer's index of common words) and the article writes it in capitals nowhere
#: else: "A FIRE has badly damaged" (the word nowhere else in the short report) and
#: "THREE PEOPLE HAVE DIED IN A BLAZE that broke out" (ECB+ 8) were titled "FIRE damages
#: the Waitrose supermarket" and "THREE PEOPLE die in A BLAZE". An abbreviation the
#: article repeats ("NATO ... NATO") or the index does not hold ("CNN") stays.
COMMON_WORDS_LOWER = True


def _common_words(
    text: str, runs: Sequence[tuple[int, int]], lines: Sequence[tuple[int, int]]
) -> dict[str, str]:
    """Lower-case spellings for the common words of the ``runs`` (see COMMON_WORDS_LOWER)."""
    from analysis.nlp import known_form, known_words

    if not known_words():
        return {}
    spans = [*runs, *lines]
    elsewhere = {
        m.group(0)
        for m in _WORD.finditer(text)
        if m.group(0).isupper() and not any(s <= m.start() < e for s, e in spans)
    }
    out: dict[str, str] = {}
    for start, end in runs:
        for m in _WORD.finditer(text, start, end):
            word = m.group(0)
            low = word.lower()
            if word.isupper() and low in _FUNCTION_WORDS and low not in _AS_OFTEN_NAMES:
                out[low] = low  # "IN", "A", "THE"
                continue
            if len(word) < 4 or not word.isupper() or word in elsewhere:
                continue
            if known_form(low):  # ("DIED", "DAMAGED", "PEOPLE")
                out[low] = low
    return out


def house_caps(text: str, style: HouseStyle) -> dict[str, str]:
    """Each word the article ``text`` writes in capitals for its house style (``style``)
    with the spelling its analysis reads it in (see :func:`recase_line`,
    :func:`recase_run`); not words of two letters ("US", "UN") nor those as often names
    (_AS_OFTEN_NAMES)."""
    out: dict[str, str] = {}
    for spans, recase in ((style.lines, recase_line), (style.runs, recase_run)):
        for start, end in spans:
            told = recase(text[start:end], style.casing)
            for was, now in zip(
                _WORD.finditer(text[start:end]), _WORD.finditer(told), strict=False
            ):
                word, dot = _sentence_end(was.group(0))
                short = len(word) <= 2 and not (
                    RUN_FUNCTION_WORDS and word.casefold() in _FUNCTION_WORDS
                )
                if word.isupper() and not short and word.casefold() not in _AS_OFTEN_NAMES:
                    out.setdefault(word, now.group(0)[: len(now.group(0)) - len(dot)])
    return out
