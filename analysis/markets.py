"""Market moves: "the FTSE 100 dropped 2.4%", "oil prices surged", "stocks rallied".

A verb of moving is an event of type ``market`` only when a market, a share, a price or a
stock index is what moves; "the city fell" and "he fell down the stairs" are not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: How a market moves: "the FTSE 100 dropped 2.4%", "oil prices surged". A market move
#: only when a market, an index or a price moves (see :func:`market_move`): "the city
#: fell" is no market move, and "sank" with a ship for object stays an attack.
MARKET_VERBS = frozenset(
    [
        "fall",
        "drop",
        "plunge",
        "tumble",
        "slump",
        "slide",
        "sink",
        "plummet",
        "rise",
        "surge",
        "soar",
        "climb",
        "jump",
        "gain",
        "rebound",
        "rally",
        "recover",
        "lose",
    ]
)
#: First words of stock index names ("Dow Jones", "FTSE 100", "S&P 500", "Hang Seng").
INDEX_WORDS = frozenset(
    [
        "dow",
        "ftse",
        "nasdaq",
        "nikkei",
        "dax",
        "cac",
        "s&p",
        "hang",
        "sensex",
        "kospi",
        "rts",
        "micex",
        "stoxx",
        "ibex",
        "bovespa",
        "asx",
        "tsx",
        "topix",
        "nifty",
    ]
)


def market_move(tok: Token) -> bool:
    """Is ``tok`` a market moving: a verb of MARKET_VERBS whose subject is a market, a
    share, a price or a stock index ("the NASDAQ index has fallen", "shares of GM fell",
    "the Dow Jones plunged")?"""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in MARKET_VERBS:
        return False
    for subj in tok.children:
        if subj.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if subj.lemma_.lower() in MARKET_WORDS:
            return True
        near = [subj, *(c for c in subj.children if c.dep_ in ("compound", "appos", "nmod"))]
        near += [g for c in near[1:] for g in c.children if g.dep_ == "compound"]
        if any(w.lower_ in INDEX_WORDS for w in near):
            return True
    return False


#: Subjects that rally back rather than rally in the street.
MARKET_WORDS = frozenset(
    [
        "market",
        "stock",
        "share",
        "index",
        "price",
        "dollar",
        "euro",
        "yen",
        "pound",
        "bond",
        "oil",
        "gold",
        "currency",
        "exchange",
        "bourse",
        "average",
    ]
)


#: What a side rallies to in a game: "to victory", "to tie the game", "to win".
SCORE_WORDS = frozenset(
    ["victory", "tie", "draw", "comeback", "overtime", "defeat", "beat", "win", "edge", "clinch"]
)


def _to_score(tok: Token) -> bool:
    """Does the rally lead "to" a game's outcome ("to victory", "to tie the game", "rallied
    to defeat Ben McLachlan and Yasutaka Uchiyama")?"""
    return any(
        g.lemma_.lower() in SCORE_WORDS
        and (g.head.lower_ == "to" or any(c.lower_ == "to" for c in g.children))
        for g in tok.subtree
        if g.i != tok.i
    )


def rallies_back(tok: Token) -> bool:
    """A rally from a deficit or of markets: "rallied from 12 down", "stocks rallied",
    "stocks staged a rally", "even the Nifty has been rallying"."""
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children):
        return True
    if _to_score(tok):
        return True  # "rallied his team to victory", "had rallied ... to tie the game"
    if MARKET_CONTEXT and tok.pos_ == "NOUN" and _among_markets(tok):
        return True  # "Before a late session rally, the index was trading below 11,000"
    verb = tok if tok.pos_ == "VERB" else tok.head
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (c.lemma_.lower() in MARKET_WORDS or c.lower_ in INDEX_WORDS)
        for c in verb.children
    )


#: Switch: a "rally" told in a sentence about a market and no one who marches is the
#: market's (see _among_markets).
MARKET_CONTEXT = True
#: Who rallies in the street.
_MARCHERS = frozenset(
    ["protester", "demonstrator", "supporter", "people", "crowd", "thousand", "hundred"]
)


def _among_markets(tok: Token) -> bool:
    """Does the sentence of the noun ``tok`` name a market (MARKET_WORDS but an
    exchange, INDEX_WORDS) and no marchers or people (NORP)?"""
    words = [t for t in tok.sent if t.i != tok.i]
    if any(t.ent_type_ == "NORP" or t.lemma_.lower() in _MARCHERS for t in words):
        return False
    return any(
        (t.lemma_.lower() in MARKET_WORDS and t.lemma_.lower() != "exchange")
        or t.lower_ in INDEX_WORDS
        for t in words
    )


def market_crash(tok: Token) -> bool:
    """ "The crash sent the market tumbling down 508 points", "fighting to stem off a
    crash": a "crash" told among markets (see _among_markets) is a market's."""
    return MARKET_CONTEXT and tok.lemma_.lower() == "crash" and _among_markets(tok)
