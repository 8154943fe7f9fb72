"""What a happening is done to or about, when that is a thing, not a party: its theme.

Who did it and to whom are entities (:mod:`analysis.arguments`); but much of what news
tells is done to things: Trump "released a letter" from his doctor in 2015 and "released
the transcript" of a call in 2019; a phone case "can be charged" and one charges "a
MacBook"; a "missile agreement" and an agreement to "a meeting"; Alibaba's share-sale
"deal" and the "trade deal". Two mentions whose themes differ are two happenings, however
alike their word: the linker uses this to keep a story's lenient word-alone joins apart
(:func:`analysis.linking.score`).

The theme is read from the parse, as lemmas: a verb's direct object or passive subject
(and that noun's compound words: "the phase one trade deal" is {deal, trade}); a noun's
compound words ("missile agreement", "trade war"). Names of parties and places are left
out: they are actors, targets and places, compared by entity elsewhere ("attacked
Israel" and "attacked the Magic Seas" are told apart by their targets).
"""

from __future__ import annotations

from spacy.tokens import Token

#: Dependencies naming what a verb is done to.
VERB_THEME_DEPS = frozenset(["dobj", "nsubjpass", "obj"])
#: Entity labels whose words are parties, places or times, not themes.
PARTY_LABELS = frozenset(["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "DATE", "TIME"])
#: Support verbs: their object is the happening itself ("take place", "make an offer",
#: "set fire", "hold talks"), not what it is done to.
SUPPORT_VERBS = frozenset(
    [
        "take",
        "make",
        "have",
        "give",
        "get",
        "set",
        "do",
        "keep",
        "put",
        "hold",
        "mark",
        "open",
        "begin",
        "start",
        "end",
        "see",
    ]
)
#: Nouns too general to tell two happenings apart ("released a statement" may be any).
GENERAL_NOUNS = frozenset(
    [
        "thing",
        "things",
        "part",
        "way",
        "lot",
        "kind",
        "sort",
        "number",
        "one",
        "ones",
        "people",
        "time",
        "times",
        "year",
        "years",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "something",
        "anything",
        "everything",
        "nothing",
    ]
)


def _noun_words(tok: Token) -> list[str]:
    """A common noun's lemma and its common-noun compound words, lower case. Names are
    left out: a named ship, phone or party is an entity, compared as one elsewhere."""
    out = []
    for t in [tok, *(c for c in tok.children if c.dep_ == "compound")]:
        if t.pos_ != "NOUN" or (t.ent_type_ and t.ent_type_ in PARTY_LABELS):
            continue
        lemma = t.lemma_.lower()
        if lemma and lemma not in GENERAL_NOUNS and lemma.isalpha():
            out.append(lemma)
    return out


def _done_to_head(tok: Token) -> bool:
    """Is a verb that modifies a noun done to it? "a statement released on 5 November"
    (a participle), "the call the White House released" (a relative clause whose object
    is the noun); not "the company that released it"."""
    if tok.dep_ == "acl":
        return tok.tag_ == "VBN"
    if tok.dep_ == "relcl":
        deps = {c.dep_ for c in tok.children}
        if any(c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP") for c in tok.children):
            return True  # "a task order that should be released"
        return (
            "nsubj" in deps
            and not deps & {"dobj", "obj", "ccomp", "xcomp"}
            and not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in tok.children)
        )
    return False


def theme(tok: Token) -> str:
    """The trigger's theme as space-separated lemmas, sorted ("" when it has none)."""
    words: set[str] = set()
    if tok.lemma_.lower() in SUPPORT_VERBS:
        return ""
    if tok.pos_ in ("VERB", "AUX"):
        for child in tok.children:
            if child.dep_ in VERB_THEME_DEPS:
                words.update(_noun_words(child))
        if not words and _done_to_head(tok):
            words.update(_noun_words(tok.head))
    elif tok.pos_ in ("NOUN", "PROPN"):
        for child in tok.children:
            if child.dep_ == "compound" and child.pos_ in ("NOUN", "PROPN"):
                words.update(_noun_words(child))
    words.discard(tok.lemma_.lower())
    return " ".join(sorted(words))
