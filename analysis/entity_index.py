"""Which entity a token names: the index of an article's entity mentions by token, with
the noun phrases it can read down ("a bulk carrier, the Magic Seas"; not "a man from
Ohio", not "his mother"); the pronouns it can resolve ("he" is the person just named;
"him" never its own verb's subject) are :mod:`analysis.antecedents`'.
:mod:`analysis.arguments` gives the roles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from analysis.antecedents import Antecedents
from analysis.gazetteer import country
from analysis.mentions import label_of, name_of
from analysis.reports import reporting
from analysis.role_words import NON_ARGUMENT_LABELS, PLACE_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ARG_PREPS = frozenset(["of", "to", "from", "for"])
_ARG_DEPS = frozenset(
    ["compound", "poss", "amod", "nmod", "appos", "npadvmod", "pobj", "prep", "nummod"]
)


#: Tokens from a phrase's head to its apposition's head, at most ("a bulk carrier, the
#: Magic Seas": 4; "Fritz Henderson, the Chief Executive Officer of General Motors": 5;
#: 8 lost ECB+ links of longer titles; the CNN page's stray one is 14 away).
APPOS_SPAN = 12


#: Switch: a people's word the tagger left untagged where the article tags it elsewhere is
#: that people ("Somali pirates recently seized a Saudi supertanker", ECB+ 12_4ecb: no
#: actor, so the pirates' seizure joined the Indian Navy's seizure of them, seed 821).
PEOPLES_WORD_TAGGED_ELSEWHERE = True


#: Switch: a title in apposition with a name after it names the phrase's head before the
#: head's owner does: "Felt's mentor, the legendary founding director J. Edgar Hoover, had
#: died the month before the break-in" (28_12ecb) had Felt for who died, and joined
#: Felt's death.
APPOS_CHAIN = True

#: Switch: a name in apposition that is followed by a verb of saying with no subject of its
#: own is the speaker the parse missed, not the phrase's head: "The militants attacked the
#: convoy, Ahmed Ali, a police spokesman, said" had Ahmed Ali attacked.
SPEAKER_NOT_APPOS = True


#: A person's "his" / "her" names another than the noun it owns ("his mother").
OWNER_IS_ANOTHER = True


#: Switch: an apposition that is a name the tagger did not tag ("an iTunes-compatible
#: cell phone, the Motorola ROKR E1") names the phrase's thing; a tagged word of that
#: name ("Motorola", its maker) is not the thing, so the phrase names no one.
APPOS_NAME_WHOLE = True


def _longer_name(tok: Token) -> bool:
    """Is ``tok`` the last word of an apposition that is a name of several words, no word
    of which the tagger took for the whole ("the Motorola ROKR E1": "Motorola" alone)?"""
    return (
        tok.dep_ == "appos"
        and tok.pos_ in ("PROPN", "NOUN")
        and not tok.ent_type_
        and any(
            c.dep_ == "compound" and c.i == tok.i - 1 and c.pos_ == "PROPN" for c in tok.children
        )
    )


class EntityIndex(Antecedents):
    """Token index -> entity mention, over one Doc (its pronouns read by
    :class:`analysis.antecedents.Antecedents`)."""

    def __init__(self, doc: Doc, mentions: Iterable[Mapping[str, Any]]) -> None:
        self.by_token: dict[int, Mapping[str, Any]] = {}
        for m in mentions:
            ent = m.get("entity")
            if not ent or (m.get("label") or ent.get("label")) in NON_ARGUMENT_LABELS:
                continue
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.by_token.setdefault(t.i, m)
        if PEOPLES_WORD_TAGGED_ELSEWHERE:
            self._peoples_words(doc)
        #: Token index where each person is named, in text order (for "he" / "she").
        self.people: list[tuple[int, Mapping[str, Any]]] = []
        seen: set[int] = set()
        for i in sorted(self.by_token):
            m = self.by_token[i]
            if id(m) not in seen:
                seen.add(id(m))
                if label_of(m) == "PERSON":
                    self.people.append((i, m))

    def _peoples_words(self, doc: Doc) -> None:
        """A people's one-word name the tagger tagged somewhere in the article and left
        untagged elsewhere as a modifier ("Somali pirates recently seized a Saudi
        supertanker", beside "attacks against Somali pirates on land") names that people
        there too (see PEOPLES_WORD_TAGGED_ELSEWHERE)."""
        peoples: dict[str, Mapping[str, Any]] = {}
        for i, m in self.by_token.items():
            if label_of(m) == "NORP" and m["end"] - m["start"] == len(doc[i].text):
                peoples.setdefault(doc[i].text, m)
        for t in doc:
            if (
                t.i not in self.by_token
                and not t.ent_type_
                and t.dep_ in ("amod", "compound")
                and t.text in peoples
            ):
                # the people's mention, written here
                self.by_token[t.i] = {**peoples[t.text], "start": t.idx, "end": t.idx + len(t)}

    def near(
        self, tok: Token | None, depth: int = 4, *, places: bool = False
    ) -> Mapping[str, Any] | None:
        """The entity that ``tok`` names, or the closest one in its noun phrase.

        Breadth-first down the modifiers ("Hamas fighters", "forces loyal to Yemen's
        government", "a bulk carrier, the Magic Seas"), never into clauses. A place that
        only modifies a noun ("a Detroit firm", see :func:`modifier_place`) is the
        phrase's entity only when looking for ``places``.
        """
        if tok is None:
            return None
        if APPOS_CHAIN and (named := self._title_then_name(tok)) is not None:
            return named
        frontier = [tok]
        for level in range(depth + 1):
            nxt = []
            for t in frontier:
                m = self.at(t)
                if m is not None and level > 0 and not places and modifier_place(t, m):
                    continue  # "a suburban Detroit accounting firm" is not Detroit
                if m is not None and level > 0 and origin_place(t, m):
                    continue  # "the man, from Hampton East, fell": he is not the town
                if m is not None:
                    return m
                # An apposition names the phrase's head itself ("the primary UK index,
                # the FTSE 100"); its other modifiers are places, kinds, owners: first.
                for c in sorted(t.children, key=lambda c: c.dep_ != "appos"):
                    if c.dep_ not in _ARG_DEPS:
                        continue
                    if c.dep_ == "appos" and (level > 0 or abs(c.i - t.i) > APPOS_SPAN):
                        # only the phrase's own apposition, not one deeper, and one right
                        # after it ("a bulk carrier, the Magic Seas"), not one the parser
                        # hung on it from the far end of the sentence ("killed four crew
                        # members, injured others ..., the European Union naval operation
                        # Aspides told CNN")
                        continue
                    if c.dep_ == "prep" and c.lower_ not in _ARG_PREPS:
                        continue  # "the Houthis in Yemen" are not Yemen
                    if c.dep_ == "appos" and speaker_after(c):
                        continue  # "attacked the convoy, Ahmed Ali, a police spokesman, said"
                    if c.dep_ == "poss" and c.lower_ in ("his", "her") and OWNER_IS_ANOTHER:
                        continue  # "the murder of his mother": she is not he
                    if c.dep_ == "compound" and _longer_name(t) and APPOS_NAME_WHOLE:
                        continue  # "a cell phone, the Motorola ROKR E1": not Motorola
                    nxt.append(c)
            frontier = nxt
        return None

    def _title_then_name(self, tok: Token) -> Mapping[str, Any] | None:
        """The name an apposition of ``tok`` gives with its own apposition right after it
        ("Felt's mentor, the legendary founding director J. Edgar Hoover": the parse hangs
        "Hoover" on "director"), which names ``tok`` before any owner of it does."""
        for c in tok.children:
            if c.dep_ != "appos" or abs(c.i - tok.i) > APPOS_SPAN or self.at(c) is not None:
                continue
            for g in c.children:
                if g.dep_ == "appos" and 0 < g.i - c.i <= 4 and (m := self.at(g)) is not None:
                    return m
        return None

    def place_near(self, tok: Token) -> Mapping[str, Any] | None:
        m = self.near(tok, depth=2, places=True)
        if m is not None and label_of(m) in PLACE_LABELS:
            return m
        return None


def speaker_after(appos: Token) -> bool:
    """Does a verb of saying with no subject of its own come right after the apposition
    ``appos`` and its own modifiers, past a comma (see SPEAKER_NOT_APPOS)?"""
    if not SPEAKER_NOT_APPOS:
        return False
    doc = appos.doc
    i = appos.right_edge.i + 1
    while i < len(doc) and doc[i].text in (",", "--", "—"):
        i += 1
    if i >= len(doc) or doc[i - 1].text not in (",", "--", "—"):
        return False  # no comma before it: "the convoy, Ahmed Ali said" is another shape
    verb = doc[i]
    return (
        verb.pos_ in ("VERB", "AUX")
        and reporting(verb.lemma_)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def modifier_place(tok: Token, m: Mapping[str, Any]) -> bool:
    """Is ``tok`` (naming ``m``) a place below the level of a country that modifies the
    noun it hangs on ("a suburban Detroit accounting firm", "the Michigan office
    shooting")? Such a place says where, not who: the firm is not Detroit. A country
    modifying a noun is a side ("US forces", "Iran talks") and stays."""
    if tok.dep_ not in ("compound", "amod", "nmod") or label_of(m) not in PLACE_LABELS:
        return False
    return country(name_of(m), codes=True) is None


def origin_place(tok: Token, m: Mapping[str, Any]) -> bool:
    """Is ``tok`` (naming ``m``) a place a noun comes from ("a man from Ohio", "the
    climber, from Hampton East")? It tells where someone is from, not who they are, nor
    where the event happened."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "from" and label_of(m) in PLACE_LABELS
