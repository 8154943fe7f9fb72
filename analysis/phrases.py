"""Noun phrases of a sentence, short as a headline writes them, read from the parse.

Used by :mod:`analysis.gist` for the subjects and objects of its clauses, and for noun
triggers outside any clause ("the bailout of large insurance firm AIG by the Federal
Reserve" -> "Bailout of AIG by Federal Reserve"). A name reads as the entity step found
it; a pronoun reads as the person the text names, or not at all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from analysis.clauses import _set, capital, is_plural
from analysis.clauses import team as is_team
from analysis.entity_index import EntityIndex, speaker_after
from analysis.mentions import name_of
from analysis.nlp import known_words
from analysis.referents import (
    PRONOUNS,
    PRONOUNS_POSS,
    group_before,
    named_above,
    named_first,
    owner_above,
    pronoun,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Modifiers a noun phrase keeps ("the Houthi rebels", "22 new Boeing 787 Dreamliners").
_KEEP = _set("det amod compound poss case nummod quantmod nmod")
#: Prepositions that tell who or what a noun is about ("bailout of AIG", "attack on Iran").
NOUN_PREPS = _set("of on against with between by to for over")
TIME_LABELS = _set("DATE TIME")
AMOUNT_LABELS = _set("PERCENT MONEY QUANTITY CARDINAL")
_ARTICLES = _set("the a an this that these those")
#: Labels of names a phrase reads as the entity step wrote them.
_NAMED = _set("PERSON ORG GPE NORP LOC FAC PRODUCT EVENT")
#: Words that count a part of what their "of" names ("some of the features").
_PARTS = _set("some many all most several none each both few rest")
_AND = _set("and or &")
#: Switch: a quantity keeps what it is a quantity of ("shipments of hundreds [of
#: rockets]", "the sale of thousands [of shares]"): "Shipments of hundreds" says nothing.
QUANTITY_OF = True
_QUANTITIES = _set("hundreds thousands millions billions dozens scores tons tonnes barrels")
_OF = _set("of")
#: Most words a noun trigger's own phrase keeps ("Purchase of 22 new Boeing 787 Dreamliners").
NOUN_WORDS = 7
#: How a phrase too long is cut, in turn: (prepositions?, adjectives?, adjectives of
#: the prepositions' objects?).
_LEVELS = (
    (True, True, True),
    (True, True, False),
    (True, False, False),
    (False, True, False),
    (False, False, False),
)


#: Switch: a capitalised word the tagger took for a plural noun that is the last word of
#: a person the text names ("Jobs" after "Steve Jobs") is that one person.
SURNAME_IS_ONE = True
#: Switch: a common plural the tagger took for a name, lower-case ("hosted by U.S.
#: comedians", tagged NNPS) or capitalised only by opening its sentence ("Pamphlets
#: announced rallies", NNP), and no entity's, is plural: they were titled "U.S. comedians
#: hosts the program" and "Pamphlets announces rallies".
COMMON_PLURAL_IS_PLURAL = True


def _common_plural(head: Token) -> bool:
    """Is ``head``, tagged as a name, a common noun's plural ("comedians", a sentence's
    first "Pamphlets")? Its word without "-s" is a common word."""
    word = head.text
    if not COMMON_PLURAL_IS_PLURAL or head.tag_ not in ("NNP", "NNPS"):
        return False
    if not (word.islower() or (head.i == head.sent.start and word[1:].islower())):
        return False
    low = word.lower()
    return low.endswith("s") and not low.endswith(("ss", "us", "is")) and low[:-1] in known_words()


#: Switch: an organisation tagged plural and written with "the" ("the New Orleans
#: Saints") is a team and takes a plural verb (see analysis.clauses.team).
THE_TEAM = True


def _named_person(tok: Token, ents: EntityIndex) -> bool:
    """Is ``tok`` (capitalised, no entity of its own) a named person's last word?"""
    if not tok.text[:1].isupper():
        return False
    return any(name_of(p).split()[-1:] == [tok.text] for _, p in ents.people)


#: Switch: with ``unowned``, a noun trigger's possessive pronoun is left out of its
#: phrase when a preposition right after the noun names what it is about: "its acquisition
#: of free agent Elton Brand" is "Acquisition of free agent Elton Brand" (the clause
#: around it was the title: "Lineup seems to be become"). The gist asks for it only when
#: no clause holds the noun ("groups increased their attacks on allies" says more).
OWNER_DROPPED = True


def noun_phrase(
    tok: Token, ents: EntityIndex, *, bare: bool = False, unowned: bool = False
) -> str | None:
    """A noun trigger's own phrase, when it names someone or something it is about
    ("Hamas' statement", "the bailout of AIG"), or with ``bare`` when it only says what
    kind ("a new nuclear deal"); None for a lone word and for a phrase that would show a
    pronoun ("a threat to their deterrent")."""
    text, _ = phrase(tok, ents, NOUN_WORDS, preps=NOUN_PREPS, partners=not TRIGGER_ALONE)
    if TRIGGER_ALONE and len((text or "").split()) < 2:
        text, _ = phrase(tok, ents, NOUN_WORDS, preps=NOUN_PREPS)  # "attacks and threats"
    words = (text or "").split()
    if unowned and OWNER_DROPPED and len(words) > 2 and words[0].lower() in PRONOUNS_POSS:
        # "its acquisition of free agent Elton Brand": whose, the "of" tells without it
        text = " ".join(words[1:]) if words[2].lower() in NOUN_PREPS else text
    if not text or any(w.lower() in PRONOUNS | PRONOUNS_POSS for w in text.split()):
        return None
    told = any(
        (c.dep_ == "poss" and c.lower_ not in PRONOUNS_POSS)
        or (
            c.dep_ == "prep"
            and c.lower_ in NOUN_PREPS
            and any(g.dep_ == "pobj" for g in c.children)
        )
        or (c.dep_ == "compound" and c.pos_ == "PROPN")
        for c in tok.children
    )
    return capital(text) if (told or bare) and len(text.split()) > 1 else None


def phrase(
    head: Token | None,
    ents: EntityIndex,
    budget: int,
    *,
    preps: frozenset[str],
    subject: bool = False,
    lead: bool = True,
    partners: bool = True,
) -> tuple[str | None, bool]:
    """(text, plural?) of the noun phrase headed by ``head`` (``lead``: it opens the title,
    without its article), short: its determiners,
    adjectives, compounds, possessors and numbers, its "and" partners, the prepositions
    ``preps`` with their objects; cut down to ``budget`` words (the adjectives of the
    prepositions' objects go first, then the prepositions, then the adjectives). A name
    reads as the entity step found it ("General Motors", not "United States automobile
    company General Motors"); a pronoun reads as its person, or is None; so does a
    ``subject`` that is someone's ("their stocks": whose?). Without ``partners`` the
    head's "and" partners are left out (see TRIGGER_ALONE)."""
    if head is None:
        return None, False
    if head.lower_ in _PARTS and head.pos_ in ("PRON", "DET", "NOUN", "ADJ"):
        part = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((g for g in part.children if g.dep_ == "pobj"), None) if part else None
        if whole is not None:
            return phrase(whole, ents, budget, preps=preps, subject=subject)
    if DEMONSTRATIVE_TOLD and head.lower_ in ("those", "these"):
        told = _demonstrative(head, budget)
        if told:
            return told, True
    if pronoun(head):
        if head.lower_ in ("they", "them"):
            group = group_before(head)
            if group is not None:  # "The two companies have ..., but Congress required them"
                return phrase(group, ents, budget, preps=frozenset(), subject=subject)[0], True
        first = named_first(head, ents) or named_above(head, ents)
        if first is not None:  # "Even as Iran reels from ..., it has persisted in arming"
            return phrase(first, ents, budget, preps=frozenset(), subject=subject)
        m = ents.antecedent(head) if head.lower_ in ("he", "she", "him", "her") else None
        if m is None:
            return None, head.lower_ in ("they", "we", "them", "us")
        name = str((m.get("entity") or {}).get("name") or m.get("text") or "")
        return (name or None), False
    joined = partners and any(c.dep_ == "conj" for c in head.children)
    plural = joined or (
        head.tag_ == "NNS" or (head.tag_ == "NNPS" and is_plural(head.text))  # not "Jobs"
    )
    m = ents.by_token.get(head.i)
    plural = plural or (m is None and _common_plural(head))
    if THE_TEAM and head.tag_ == "NNPS" and is_team(head.text, head.sent.text):
        # "The Colts ... defeating the Jags", no entity: a team, unless the writer makes
        # it one ("The Grammy Awards spiced up its nominations")
        verb = head.head
        plural = plural or not (verb.tag_ == "VBZ" or any(t.lower_ == "its" for t in verb.subtree))
    if SURNAME_IS_ONE and plural and m is None and _named_person(head, ents):
        plural = False  # "Jobs then moved on" after "Steve Jobs": the tagger's NNS
    if m is not None and not joined:
        start, end = int(m["start"]), int(m["end"])
        name = _written(head, m) if start <= head.idx < end else ""
        if name.lower().startswith("the "):
            name = name[4:]
        label = m.get("label") or (m.get("entity") or {}).get("label")
        count = [
            head.doc[c.left_edge.i : c.right_edge.i + 1].text
            for c in head.children
            if c.dep_ == "nummod" and c.idx < start and c.ent_type_ not in ("DATE", "TIME")
        ]
        if count and label != "PERSON":
            # "[Three] Democrats", "[thirty-one] Republicans"; a person is not counted
            # ("Mother of [13] Zurana Horton": the mother's children)
            name = " ".join([*count, name])
        if name and len(name.split()) <= budget and label in _NAMED:
            said_in = head.sent.text if label in ("PERSON", "ORG", "NORP") else ""  # "the Houthis"
            # A plural tag is trusted on a common noun ("Wireless routers") and on a name
            # that reads as a group ("Houthis"), not on one man's name ("Jobs").
            tagged = head.tag_ == "NNS" or (head.tag_ == "NNPS" and is_plural(name))
            grouped = label == "PERSON" and is_plural(name) and _with_article(head, name)
            team = THE_TEAM and label == "ORG" and head.tag_ == "NNPS" and is_team(name, said_in)
            many = (
                is_plural(name, label, sentence=said_in) or tagged or grouped or bool(count) or team
            )
            return name, many
    named = next(
        (
            c
            for c in head.children
            if c.dep_ == "appos" and c.i in ents.by_token and not speaker_after(c)
        ),
        None,
    )
    if named is not None and head.i not in ents.by_token and head.pos_ == "NOUN":
        # "Iran's key ally in Lebanon, Hezbollah": the name says who.
        return phrase(named, ents, budget, preps=frozenset(), subject=subject)
    said: dict[int, str] = {}
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in PRONOUNS_POSS), None)
    # (in a reported clause "its" stays: "Boeing confirms its approach", see clause())
    party = owner_above(owner, ents) if owner is not None and subject else None
    if party is not None and owner is not None:
        # "Ford Motor Company said that [its] sales rose": the party named above owns it
        whose = phrase(party, ents, budget, preps=frozenset())[0]
        if whose:
            said[owner.i] = whose + "'s"
    if subject and owner is not None and not said.get(owner.i):
        person = ents.antecedent(owner) if owner.lower_ in ("his", "her") else None
        who = str((person.get("entity") or {}).get("name") or "") if person else ""
        if not who:
            return None, plural
        said[owner.i] = who + "'s"  # "her parents" -> "Gloria's parents"
    for with_preps, adjectives, inner in _LEVELS:
        toks = _gather(
            head, ents, preps if with_preps else frozenset(), adjectives, inner, partners
        )
        if POSSESSOR_ALONE and head.dep_ == "poss":
            toks = [t for t in toks if not (t.dep_ == "case" and t.head.i == head.i)]
        words = _render(toks, said, subject=subject, lead=lead)
        if words and len(words.split()) <= budget:
            return words, plural
    if m is not None:  # "International Monetary Fund and the World Bank": the first name
        name = _written(head, m)
        name = name[4:] if name.lower().startswith("the ") else name
        return name + " and others" * plural, plural
    counted = [c for c in head.children if c.dep_ in ("nummod", "quantmod") or c.lower_ == "per"]
    if AMOUNT_WHOLE and counted and not subject:
        # "up to an additional 15 per cent" cut down is "15 per cent", never "cent"
        kept = {t.i: t for c in counted for t in c.subtree} | {head.i: head}
        words = " ".join(kept[i].text for i in sorted(kept))
        if len(words.split()) <= budget + 2:
            return words, plural
    return head.text, plural


#: Switch for :func:`noun_phrase`: a noun trigger's phrase leaves out its "and"
#: partners: "He was in prison after being convicted of aggravated sexual assault of a
#: child and aggravated assault with a deadly weapon" (ECB+ 3_9ecbplus) titled its first
#: assault "Assault of a child and assault"; another told "Assault and two counts".
#: A word alone keeps its partners ("these attacks and threats": "Attacks and threats").
TRIGGER_ALONE = True


#: Switch for :func:`phrase`: a possessor told on its own is told without its "'s": "the
#: firm's practice after acquiring a newspaper" (the extraction benchmark's
#: washingtonpost.com page on Gannett and GateHouse) was titled "Firm's acquires a
#: newspaper".
POSSESSOR_ALONE = True


#: Switch for :func:`phrase`: a counted noun that is no subject ("15 per cent", "750
#: tons"), cut down to its head, keeps its number (a subject cut so far is told another
#: way: "Two United States service members killed", not "Two members killed").
AMOUNT_WHOLE = True


#: Switch: a noun's "not" is kept with it: "Not guilty pleas were entered on
#: LaCalamita's behalf" (ECB+ 18, 18_7ecbplus) was titled "Guilty pleas entered".
NOUN_NOT_KEPT = True


def _amod_after(neg: Token) -> bool:
    """Does an adjective of the noun follow its "not" ("not guilty pleas")?"""
    return any(c.dep_ == "amod" and c.i > neg.i for c in neg.head.children)


def _gather(
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
            out.extend(_gather(c, ents, frozenset(), adjectives, inner))
            span = list(c.subtree)
            if len(span) > 1 and not any(t.whitespace_ for t in span[:-1]):
                out.extend(span)  # one hyphenated word: "Craiova-based", "ten-month"
        elif dep == "neg" and NOUN_NOT_KEPT and c.i < head.i and (adjectives or not _amod_after(c)):
            out.append(c)  # "Not guilty pleas were entered", not "Guilty pleas"
        elif dep in ("cc", "conj", "punct") and not partners:
            continue  # the trigger's own phrase: one happening, not its partners
        elif dep == "cc" and head.pos_ in ("NOUN", "PROPN") and c.lower_ in _AND:
            out.append(c)
        elif dep == "conj" and head.pos_ in ("NOUN", "PROPN"):
            if not any(x.dep_ == "cc" and x.lower_ in _AND for x in [*head.children, *c.children]):
                continue  # "an iPod, as well as a new video section": one thing is enough
            out.extend(_gather(c, ents, frozenset(), adjectives, inner))
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
            out.extend(_gather(pobj, ents, _OF if quantity else frozenset(), inner, inner))
    if head.ent_type_ in AMOUNT_LABELS:  # "21 %", "US$ 6 billion" stay whole
        out.extend(_entity_span(head))
    return out


#: Switch: the "'s" the parser hangs on a verb's subject is a contracted "has" or "is",
#: not a possessive ("a tool a group’s been using to attack the scientology website",
#: wikinews: the title was "Group’s uses to attack the scientology website").
CONTRACTED_S = True


#: Switch: "those" or "these" with an adjective after it that says who they are ("those
#: responsible") are told as written (ECB+ 8, 8_8ecbplus: "Papandreou vowed to bring those
#: responsible to justice" was titled "Papandreou vows to bring"). (Not a participle:
#: "those involved in the attack" is a clause, told by whoever tells the clause.)
DEMONSTRATIVE_TOLD = True


def _demonstrative(head: Token, budget: int) -> str:
    """ "those responsible for the deaths", cut to ``budget`` words ("those responsible"),
    for a demonstrative pronoun with an adjective after it; else ""."""
    said = next((c for c in head.children if c.dep_ == "amod" and c.i > head.i), None)
    if said is None or said.tag_ not in ("JJ", "JJR", "JJS"):
        return ""
    words = [head, *said.subtree]
    if len(words) > budget:
        words = [head, said]
    return " ".join(t.text for t in words) if len(words) <= budget else ""


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


def _with_article(tok: Token, name: str) -> bool:
    """Does the text write this one-word name with "the" somewhere ("the Houthis"): a
    group the tagger took for a person, though this sentence says "by Houthis"."""
    if " " in name:
        return False
    doc = tok.doc
    return any(t.text == name and t.i and doc[t.i - 1].lower_ == "the" for t in doc)


def _written(tok: Token, mention: Mapping[str, Any]) -> str:
    """A mention's words as the text writes them (``Doc.text`` would join the whole
    document on every call)."""
    span = tok.doc.char_span(int(mention["start"]), int(mention["end"]), alignment_mode="expand")
    return span.text if span is not None else str(mention.get("text") or "")


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


#: Switch: "the" after a part's "of" stays ("two of the men", "all three of the people"):
#: without it the subject is no English ("Two of men arrested").
PARTITIVE_THE = True


def _partitive(the: Token) -> bool:
    """Is ``the`` the article after a part's "of" ("two of the men", "most of the",
    _PARTS)?"""
    if not PARTITIVE_THE or the.lower_ != "the" or the.i < 2:
        return False
    of, part = the.doc[the.i - 1], the.doc[the.i - 2]
    return of.lower_ == "of" and (part.tag_ == "CD" or part.lower_ in _PARTS)


def _render(
    toks: list[Token], said: dict[int, str], *, subject: bool = False, lead: bool = True
) -> str:
    """Tokens back to text as written, without quotes; without articles in a subject
    ("Egypt, Qatar and United States", as headlines write it), nor at the start of a
    phrase that opens the title (``lead``)."""
    toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
    if subject:
        toks = [
            t for t in toks if t.lower_ not in ("the", "a", "an") or t.i in said or _partitive(t)
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
