"""A phrase's tokens written back as text, as a headline writes it: without quotes,
without articles in a subject nor at the start of a title (but "two of the men"), "a" and
"an" mended where words were dropped between, and no commas left where words were; and
:func:`join`, a clause's parts as one headline. :func:`analysis.phrases.phrase` writes
its tokens here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.clauses import capital, word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

_ARTICLES = word_set("the a an this that these those")
#: Words that count a part of what their "of" names ("some of the features").
PHRASE_PARTS = word_set("some many all most several none each both few rest")


#: Switch: "the" after a part's "of" stays ("two of the men", "all three of the people"):
#: without it the subject is no English ("Two of men arrested").
PARTITIVE_THE = True


def _partitive(the: Token) -> bool:
    """Is ``the`` the article after a part's "of" ("two of the men", "most of the",
    PHRASE_PARTS)?"""
    if not PARTITIVE_THE or the.lower_ != "the" or the.i < 2:
        return False
    of, part = the.doc[the.i - 1], the.doc[the.i - 2]
    return of.lower_ == "of" and (part.tag_ == "CD" or part.lower_ in PHRASE_PARTS)


#: Switch: the article of an amount after its adverb stays in a subject: "about a dozen
#: coworkers" (ECB+ 18, 18_6ecb: titled "About dozen coworkers flee in the office"),
#: "more than a hundred people".
AMOUNT_ARTICLE = True


def _counted(article: Token) -> bool:
    """Is ``article`` the "a" of "about a dozen", "more than a hundred" (AMOUNT_ARTICLE)?"""
    if not AMOUNT_ARTICLE or article.lower_ != "a" or article.i < 1:
        return False
    before = article.doc[article.i - 1]
    return before.pos_ == "ADV" or before.lower_ == "than"


def render_tokens(
    toks: list[Token], said: dict[int, str], *, subject: bool = False, lead: bool = True
) -> str:
    """Tokens back to text as written, without quotes; without articles in a subject
    ("Egypt, Qatar and United States", as headlines write it), nor at the start of a
    phrase that opens the title (``lead``)."""
    toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
    if subject:
        toks = [
            t
            for t in toks
            if t.lower_ not in ("the", "a", "an") or t.i in said or _partitive(t) or _counted(t)
        ]
    while toks and (toks[0].is_punct or (lead and toks[0].lower_ in _ARTICLES)):
        toks.pop(0)
    while toks and toks[-1].is_punct and toks[-1].text not in ("%", "$", "€", "£"):
        toks.pop()
    out = ""
    for k, t in enumerate(toks):
        if t.text in ('"', "“", "”", "‘", "’", "'") and t.tag_ != "POS":
            continue
        if t.i in said and k + 1 < len(toks) and toks[k + 1].tag_ == "POS":
            continue
        joined = k and toks[k - 1].i == t.i - 1 and not toks[k - 1].whitespace_
        text = said.get(t.i, t.text)
        if not lead and t.is_sent_start and (t.pos_ == "DET" or (t.like_num and t.is_alpha)):
            text = text.lower()  # "Houthis attack [the] ship", "capture [six]": not "The", "Six"
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if t.lower_ == "a" and nxt is not None and nxt.i != t.i + 1 and nxt.text[:1] in "aeio":
            # "a [very] anticipated announcement" -> "an anticipated ..."; the writer's own
            # "a one-year contract" stands
            text += "n"
        elif t.lower_ == "an" and nxt is not None and nxt.i != t.i + 1 and _consonant(nxt):
            text = text[:-1]  # "an [early] stage of the service" -> "a stage of ..."
        out += ("" if joined or not out else " ") + text
    return _tidy_commas(out)


_COMMAS = re.compile(r",(?:\s*,)+")
_LONE_COMMA_AND = re.compile(r"^([^,]+), (and|or) ([^,]+)$")


def _tidy_commas(text: str) -> str:
    """Commas left where words were dropped: "Unique Armstead, [32,] and Cheanne
    McKnight" -> "Unique Armstead and Cheanne McKnight"; "Jon Stewart, [who hosted in
    2008 and 2006,] and Ellen DeGeneres" -> "Jon Stewart and Ellen DeGeneres"."""
    if ", ," not in text and ",," not in text:
        return text
    return _LONE_COMMA_AND.sub(r"\1 \2 \3", _COMMAS.sub(",", text))


def _consonant(t: Token) -> bool:
    """Does ``t`` open with a consonant ("stage"; not "hour", an acronym "FBI")?"""
    return t.text[:1].lower() not in "aeiouh" and not t.is_upper


def join(*parts: str | None) -> str:
    return capital(" ".join(p for p in parts if p))
