"""The words of an article that place it in a story: content words in their index form
(lower case, a plural's "s" off, stop words out), an article's most frequent ones, a
headline's, and a mention's sentence's beside its trigger.

:mod:`analysis.stories` compares articles by these (with :mod:`analysis.tfidf`); the
linker compares the sentences of event mentions by :func:`sentence_words`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

#: Content words kept per article (its most frequent).
TERMS_PER_ARTICLE = 40

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]|\b\d[\d,.]*\d\b", re.UNICODE)


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "told", "according", "also", "new", "year"}


@lru_cache(maxsize=1 << 16)
def normalise(word: str) -> str:
    """A content word's index form: lower case, a plural 's' removed ("attacks" ->
    "attack", "Houthis" -> "houthi"; "crisis" stays); no stemmer beyond that, so "police"
    and "policy" stay apart."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "sis")):
        return w[:-1]
    return w


def keywords(text: str) -> Counter[str]:
    """Content words of a text and their counts (stop words and one-letter words out).
    The forms are counted first and each distinct form read once (an article repeats
    most of its words)."""
    out: Counter[str] = Counter()
    for form, n in Counter(_WORD.findall(text)).items():
        key = _content_key(form)
        if key is not None:
            out[key] += n
    return out


@lru_cache(maxsize=1 << 16)
def _content_key(form: str) -> str | None:
    """A written form's index form (:func:`normalise`), None for a stop word or a word
    of under three letters (years, "2008", stay: two seasons of one kind)."""
    low = form.lower()
    if len(low) < 3 or low in _stop_words():
        return None
    return normalise(form)


#: Switch: the trigger is left out of its sentence's words as written too ("killed",
#: not only "kill"): two sentences that share only their trigger's form share nothing
#: beside it ("10 people had been killed" and "more than a dozen people were killed by
#: a quake in eastern China").
TRIGGER_FORM_OUT = True


@lru_cache(maxsize=4096)
def _sentence_keys(sentence: str) -> frozenset[str]:
    """:func:`keywords` of a sentence, kept: the linker reads the same stored sentences
    again for every candidate event their mentions belong to."""
    return frozenset(keywords(sentence))


def sentence_words(
    sentence: str | None, lemma: str | None = None, trigger: str | None = None
) -> frozenset[str]:
    """The content words of an event mention's sentence (index forms, see
    :func:`keywords`), its trigger's word left out (its lemma and, with TRIGGER_FORM_OUT,
    its form in the sentence, ``trigger``): what the sentence says beside it."""
    if not sentence:
        return frozenset()
    words = set(_sentence_keys(sentence))
    if lemma:
        words.discard(normalise(lemma))
    if TRIGGER_FORM_OUT and trigger:
        words.difference_update(keywords(trigger))
    return frozenset(words)


def article_terms(title: str | None, body: str) -> dict[str, int]:
    """The terms stored for an article: its :data:`TERMS_PER_ARTICLE` most frequent
    content words of title and body (the title counted twice: it says what matters)."""
    counts = keywords(body)
    for w, n in keywords(title or "").items():
        counts[w] += 2 * n
    return dict(counts.most_common(TERMS_PER_ARTICLE))


#: A headline's trailing site name ("... - Auto News", "... | Reuters"): furniture every
#: headline of the outlet shares.
_SITE_SUFFIX = re.compile(r"\s+[-|\u2013\u2014]\s+(?:\S+\s*){1,4}$")


def title_words(title: str | None) -> set[str]:
    """A headline's content words, without its site name and without numbers: two
    headlines of one outlet sharing only "2020" and "want" (a Nissan Sentra and a Lexus
    convertible, both 2020 models, "- Auto News") share no story; time is weighed on
    its own."""
    text = title or ""
    words = keywords(_SITE_SUFFIX.sub("", text)) or keywords(text)
    return {w for w in words if not w[0].isdigit()}
