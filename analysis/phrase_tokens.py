"""Which tokens a noun phrase keeps, read from the parse: its determiners, adjectives,
compounds, possessors and numbers, its "and" partners, the prepositions asked for with
their objects; a name whole, a word split at its hyphens whole ("sell-off"), an amount as
the tagger spans it. :func:`analysis.phrases.phrase` asks for them, with fewer kinds each
time the phrase is too long.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.clauses import word_set
from analysis.entity_index import EntityIndex
from analysis.referents import PRONOUNS_POSS, pronoun

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Modifiers a noun phrase keeps ("the Houthi rebels", "22 new Boeing 787 Dreamliners").
_KEEP = word_set("det amod compound poss case nummod quantmod nmod")
TIME_LABELS = word_set("DATE TIME")
AMOUNT_LABELS = word_set("PERCENT MONEY QUANTITY CARDINAL")
_AND = word_set("and or &")
#: Switch: a quantity keeps what it is a quantity of ("shipments of hundreds [of
#: rockets]", "the sale of thousands [of shares]"): "Shipments of hundreds" says nothing.
QUANTITY_OF = True
_QUANTITIES = word_set("hundreds thousands millions billions dozens scores tons tonnes barrels")
_OF = word_set("of")


#: Switch: a noun's "not" is kept with it: "Not guilty pleas were entered on
#: LaCalamita's behalf" (ECB+ 18, 18_7ecbplus) was titled "Guilty pleas entered".
NOUN_NOT_KEPT = True


def _amod_after(neg: Token) -> bool:
    """Does an adjective of the noun follow its "not" ("not guilty pleas")?"""
    return any(c.dep_ == "amod" and c.i > neg.i for c in neg.head.children)


def gather_tokens(
    head: Token,
    ents: EntityIndex,
    preps: frozenset[str],
    adjectives: bool,
    inner: bool,
    partners: bool = True,
) -> list[Token]:
    out = [head]
    if HYPHEN_WHOLE:
        out.extend(hyphen_word(head))  # "in a mass sell-off", not "in off"
    m = ents.by_token.get(head.i)
    if m is not None:  # a name is kept whole: "Bank of America shares"
        out.extend(t for t in _near(head) if ents.by_token.get(t.i) is m)
    for c in head.children:
        dep = c.dep_
        if dep in _KEEP:
            if CONTRACTED_S and dep == "case" and head.dep_ in ("nsubj", "nsubjpass"):
                continue  # "a group's been using": a subject's "'s" is "has" or "is"
            if dep in ("amod", "nmod") and (not adjectives or c.i > head.i):
                continue  # "an iPod [capable of displaying video]"
            if dep == "poss" and c.lower_ in PRONOUNS_POSS:
                out.append(c)
                continue
            out.extend(gather_tokens(c, ents, frozenset(), adjectives, inner))
            span = list(c.subtree)
            if len(span) > 1 and not any(t.whitespace_ for t in span[:-1]):
                out.extend(span)  # one hyphenated word: "Craiova-based", "ten-month"
        elif dep == "neg" and NOUN_NOT_KEPT and c.i < head.i and (adjectives or not _amod_after(c)):
            out.append(c)  # "Not guilty pleas were entered", not "Guilty pleas"
        elif dep in ("cc", "conj", "punct") and not partners:
            continue  # the trigger's own phrase: one happening, not its partners
        elif dep == "cc" and head.pos_ in ("NOUN", "PROPN") and c.lower_ in _AND:
            if any(x.dep_ == "conj" for x in head.children):
                out.append(c)  # (an "and" whose partner the parse hung elsewhere is dropped)
        elif dep == "conj" and head.pos_ in ("NOUN", "PROPN"):
            if not any(x.dep_ == "cc" and x.lower_ in _AND for x in [*head.children, *c.children]):
                continue  # "an iPod, as well as a new video section": one thing is enough
            out.extend(gather_tokens(c, ents, frozenset(), adjectives, inner))
        elif dep == "punct" and c.text == "," and any(x.dep_ == "conj" for x in head.children):
            if c.i < max(x.i for x in head.children if x.dep_ == "conj"):
                out.append(c)
        elif dep == "prep" and (c.lower_ in preps or _of_an_adjective(head, c)):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None or pobj.ent_type_ in TIME_LABELS:
                continue
            if pronoun(pobj) and not _of_an_adjective(head, c):
                continue  # (not "of it"; but "the latest of everything")
            out.append(c)
            name = next((a for a in pobj.children if a.dep_ == "appos"), None)
            if pobj.i not in ents.by_token and name is not None and name.i in ents.by_token:
                pobj = name  # "the bailout of large insurance firm AIG": of AIG
            quantity = QUANTITY_OF and pobj.lower_ in _QUANTITIES
            out.extend(gather_tokens(pobj, ents, _OF if quantity else frozenset(), inner, inner))
    if head.ent_type_ in AMOUNT_LABELS:  # "21 %", "US$ 6 billion" stay whole
        out.extend(_entity_span(head))
    return out


#: Switch: the "'s" the parser hangs on a verb's subject is a contracted "has" or "is",
#: not a possessive ("a tool a group’s been using to attack the scientology website",
#: wikinews: the title was "Group’s uses to attack the scientology website").
CONTRACTED_S = True


#: Switch: an adjective standing for a noun keeps its "of" ("buys the latest of
#: everything", "the first of three"): alone it names nothing.
ADJECTIVE_OF = True


def _of_an_adjective(head: Token, prep: Token) -> bool:
    """Is ``prep`` the "of" of an adjective used as a noun ("the latest [of]")?"""
    return ADJECTIVE_OF and prep.lower_ == "of" and head.pos_ == "ADJ" and head.dep_ != "amod"


#: Switch: a word the tokenizer split at its hyphens ("sell-off" as "sell", "-", "off")
#: is kept whole when its head is kept.
HYPHEN_WHOLE = True


def hyphen_word(tok: Token) -> list[Token]:
    """The other tokens of the hyphenated word ``tok`` ends or starts ("sell-off",
    "sub-prime"); none when it is no such word."""
    doc = tok.doc
    lo = hi = tok.i
    while lo >= 2 and doc[lo - 1].text == "-" and not doc[lo - 2].whitespace_:
        if doc[lo - 1].whitespace_:
            break
        lo -= 2
    while hi + 2 < len(doc) and doc[hi + 1].text == "-" and not doc[hi].whitespace_:
        if doc[hi + 1].whitespace_:
            break
        hi += 2
    if lo == hi:
        return []  # (most words: no span is made)
    return [doc[i] for i in range(lo, hi + 1) if i != tok.i]


def _entity_span(tok: Token) -> list[Token]:
    """The tokens of the tagger's entity ``tok`` is in (read from the IOB tags: asking the
    Doc for its entities builds them all, on every call)."""
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return list(doc[start:end])


def _near(tok: Token, reach: int = 8) -> list[Token]:
    """The tokens within ``reach`` of ``tok`` (a name is never longer)."""
    doc = tok.doc
    return list(doc[max(0, tok.i - reach) : min(len(doc), tok.i + reach + 1)])
