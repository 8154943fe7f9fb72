"""What a title says when the parse finds no clause it can tell as a headline.

A mention with no participant and no nameable subject ("we haven't hit the crescendo
yet", "Right now is not the time for talks", "said in a statement") used to take the
story's headline with the trigger word as a label ("Hit: US stock markets have their
best week"): the label reads badly and the headline is about something else. Its own
sentence says more, in this order:

1. a statement, a speech, a letter "in" which someone says something is that saying:
   the reporting clause ("Syrian interior ministry says it had foiled an attempt");
2. the clause the noun sits in, when its headline still tells the noun ("Bank of
   America and Barclays PLC pull out of negotiations");
3. the noun's wider phrase, when the noun is bare inside another noun's phrase
   ("the exchange of [fire]", "the time for [talks]", "a decline in [sales]"), or its own
   phrase with its modifiers and "in" / "from" / "toward" ("one vote in each referendum");
4. the words of its clause as a quote, cut to a headline's length around the trigger
   ("“We haven't hit the crescendo yet”", "“Whether GM can avoid bankruptcy…”"): the
   text's own words, with whoever it cannot name, its negation and its "if" kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.clauses import word_set
from analysis.entity_index import EntityIndex
from analysis.gist_clause import clause
from analysis.modality_cues import of_nothing
from analysis.modality_words import NEGATING_REPORTS, REPORTS
from analysis.phrase_tokens import hyphen_word
from analysis.phrases import NOUN_PREPS, phrase
from analysis.referents import PRONOUNS, PRONOUNS_POSS
from analysis.role_words import INTRANSITIVE_VERBS
from analysis.title_words import MAX_WORDS
from analysis.verb_agreement import third_person

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Prepositions that join a bare noun to the noun whose phrase it completes ("exchange of
#: fire", "time for talks", "decline in sales", "talks over the deal").
_INNER_PREPS = word_set("of for in on over with to from against")
#: Prepositions a noun's own phrase may keep when nothing else names it ("a ceasefire in
#: Gaza", "hostility toward Muslims", "attacks from either side").
_WIDE_PREPS = NOUN_PREPS | word_set("in from toward towards at into")
#: Dependents of a verb that are clauses of their own: a quote of the trigger's clause
#: leaves them out unless the trigger is in them (what is said or recognised, a "that"
#: clause, is the verb's own).
_OWN_CLAUSES = word_set("advcl parataxis conj relcl csubj")
#: Switch: a quote keeps its clause's subject when that is a clause ("Unsurprisingly,
#: opening a business account is also a gateway to buying ads", the extraction pages:
#: quoted "Unsurprisingly, is also a gateway to buying ads").
SUBJECT_CLAUSE_KEPT = True
_SUBJECTS = word_set("nsubj nsubjpass csubj expl")
#: Opening and closing quotation marks of a quoted title.
OPEN, CLOSE = "“", "”"


def fallback(tok: Token, ents: EntityIndex) -> str:
    """A title from the trigger's own sentence when :func:`analysis.gist.gist` found no
    clause to tell: the saying a statement is, a noun's wider phrase, else a quote."""
    if tok.pos_ not in ("VERB", "AUX"):
        said = _saying(tok, ents)
        if said:
            return said
        held = _holding_clause(tok, ents)
        if held:
            return held
        wide = _wider_phrase(tok, ents)
        if wide:
            return wide
    return quote(tok)


def _holding_clause(tok: Token, ents: EntityIndex) -> str:
    """The clause a noun sits in, when its headline still tells the noun ("More than
    2,500 Afghan civilians have been killed in the [fighting]": "More than 2,500 Afghan
    civilians killed in the fighting"; "pulled out of [negotiations]")."""
    verb = tok.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == tok.i:
        return ""
    for room in (1, 2):  # shorter tellings, as analysis.gist tries them
        told = clause(verb, ents, room=room) or ""
        words = told.split()
        if tok.text in words and len(words) <= MAX_WORDS and not dangles(told, tok):
            return told
    return ""


_CIRCUMSTANCE = frozenset(["amid", "amidst", "despite", "during", "over"])


def circumstance_participle(verb: Token) -> bool:
    """Is ``verb`` an "-ing" word the parse made a gerund after "amid", "despite",
    "during" or "over" ("amid [worsening] protests"): what its object does, not an act
    of the clause's subject (see analysis.gist.CIRCUMSTANCE_PARTICIPLE)?"""
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in _CIRCUMSTANCE


def dangles(told: str, tok: Token) -> bool:
    """Is a told clause a subject and a verb whose object or "that" clause it left out
    ("Polls show", "Anthony Lynn recognizes")? The sentence's own words say more."""
    if len(told.split()) > 4:
        return False  # a longer telling says something, though its end may be cut
    last = told.split()[-1].lower()
    return any(
        v.pos_ == "VERB"
        and last in (v.lower_, v.lemma_.lower(), third_person(v.lemma_.lower()))
        and any(c.dep_ in ("dobj", "ccomp") for c in v.children)
        and not (tok.head.i == v.i and circumstance_participle(v))  # "Protests worsen"
        and v.lemma_.lower() not in INTRANSITIVE_VERBS  # (its "object" is no object)
        for v in tok.sent
    )


def _saying(tok: Token, ents: EntityIndex) -> str:
    """ "said in a [statement]", "In a [statement], the group said": the reporting verb's
    clause is what the statement says."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "in":
        return ""
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in REPORTS:
        return ""
    return clause(verb, ents) or ""


#: Switch: see _wider_phrase ("Result of a fire" was a title).
OWN_PLACE = True


def _wider_phrase(tok: Token, ents: EntityIndex) -> str:
    """The noun phrase a bare noun completes ("the exchange of [fire]": "Exchange of
    fire"), else the noun's own phrase with its modifiers, its "in" / "from" phrases
    ("one [vote] in each referendum"); "" when either would be the noun alone, an article
    and the noun, or would show a pronoun."""
    head = tok
    bare = not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in tok.children)
    # "as a result of a fire in Marfin Bank": a noun that says where of its own is told by
    # its own phrase ("A fire in Marfin Bank"), not the phrase it completes
    placed = (
        OWN_PLACE
        and not bare
        and any(c.dep_ == "prep" and c.lower_ in _WIDE_PREPS for c in tok.children)
    )
    joined = (tok.head.lower_ == "of" and not placed) or (bare and tok.head.lower_ in _INNER_PREPS)
    if tok.dep_ == "pobj" and joined:
        outer = tok.head.head
        if outer.pos_ in ("NOUN", "PROPN") and outer.i < tok.i:
            head = outer
    text, _ = phrase(head, ents, MAX_WORDS - 1, preps=_WIDE_PREPS)
    words = (text or "").split()
    if len(words) < 2 or any(w.lower() in PRONOUNS | PRONOUNS_POSS for w in words):
        return ""
    if len(words) == 2 and words[0].lower() in ("a", "an", "the", "this", "that"):
        return ""
    return text or ""


#: Switch: a quoted "that" clause keeps the words that deny it (see :func:`_denies`).
NEGATION_KEPT = True
#: Switch: a clause whose subject is an object pronoun is quoted with the verb that leads
#: it, after "…": "Please don't let me die!" was quoted "Me die", "have them fight to the
#: death" "Them fight to the death"; now "…let me die", "…have them fight to the death".
#: "let's" is "let us" ("Before we dive in, let’s talk about the deep end for a moment",
#: the extraction pages: quoted "’s talk about the deep end for a…").
LED_CLAUSE_KEEPS_ITS_VERB = True
_ACCUSATIVE = frozenset(["me", "him", "her", "us", "them", "'s", "’s"])
#: Switch: a quote never opens inside a hyphened word: "Police arrested a 57-year-old man
#: suspect of committing the assassination" (the extraction pages) was quoted "…year-old
#: man suspect of ...".
HYPHENED_WHOLE = True


def _hyphened(tok: Token) -> bool:
    """Is ``tok`` glued by a hyphen to the word before it ("57-[year]-old")?"""
    return any(t.i < tok.i for t in hyphen_word(tok))


_DENYING = NEGATING_REPORTS | word_set("doubt dispute reject")
_NONE = word_set("nothing no none little")


def _denies(verb: Token) -> bool:
    """Does ``verb`` deny the clause it governs: negated ("did not say that"), a verb of
    denying ("denied that"), or said of nothing ("nothing to indicate that", "no evidence
    to suggest that")?"""
    if any(c.dep_ == "neg" for c in verb.children) or verb.lemma_.lower() in _DENYING:
        return True
    if verb.lower_ in _NONE or of_nothing(verb):
        return True  # "no evidence that", "nothing that"
    head = verb.head
    if verb.dep_ in ("acl", "relcl", "xcomp") and head.lower_ in _NONE:
        return True
    return verb.dep_ in ("acl", "relcl") and of_nothing(head)


def _clause_of(tok: Token) -> Token:
    """The verb of the clause ``tok`` is in that says who (has a subject), or the root."""
    verb = tok
    while verb.head.i != verb.i and (
        verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ in _SUBJECTS for c in verb.children)
    ):
        verb = verb.head  # up to the clause that says who ("reflects Iran's determination to ...")
    return verb


def quote(tok: Token) -> str:
    """The words of the trigger's clause as a quote, at most MAX_WORDS of them around the
    trigger, cut with "…" where words were left out."""
    verb = _clause_of(tok)
    if verb.dep_ == "relcl" and verb.head.i < verb.i:
        verb = verb.head  # "a shirt she [bought] at the stadium": what the clause tells of
    while (
        NEGATION_KEPT
        and verb.dep_ in ("ccomp", "acl")
        and _denies(verb.head)
        and not any(c.tag_ in ("WRB", "WP") for c in verb.children)  # "not said why": it was
    ):
        # "nothing to indicate that [this shooting was outside the guidelines]": a quote
        # of the clause alone would say the opposite
        verb = _clause_of(verb.head)
    toks = [
        t
        for t in sorted(_clause_tokens(verb, tok), key=lambda t: t.i)
        if not t.is_space
        and not (t.text in ("-", "–", "—", "--") and t.whitespace_)  # a spaced dash
        and (t.text not in ('"', "“", "”", "‘", "’", "'") or t.tag_ == "POS")
    ]
    at = next((k for k, t in enumerate(toks) if t.i == tok.i), 0)
    stops = [k for k, t in enumerate(toks) if t.text in (".", "?", "!", "…")]
    start = max((k + 1 for k in stops if k < at), default=0)
    end = min((k + 1 for k in stops if k > at), default=len(toks))
    toks = toks[start:end]  # one sentence's words ("... arming Ukraine?  What would ...")
    while toks and (toks[0].is_punct or toks[0].dep_ == "cc" or toks[0].lower_ == "that"):
        toks.pop(0)  # (not "if" / "whether": they say the clause is no fact)
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc") and toks[-1].text not in "?!":
        toks.pop()
    if not toks:
        return ""
    led = False  # the quote opens on the verb that leads its clause ("let me die")
    if (
        LED_CLAUSE_KEEPS_ITS_VERB
        and toks[0].lower_ in _ACCUSATIVE
        and toks[0].dep_ in ("nsubj", "nsubjpass")
        and toks[0].i > 0
        and verb.head.i == toks[0].i - 1
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        toks.insert(0, verb.head)
        led = True
    at = next((k for k, t in enumerate(toks) if t.i == tok.i), 0)
    words = [t for t in toks if not t.is_punct]
    if len(words) > MAX_WORDS:
        # a window of MAX_WORDS words with the trigger in it, from the clause's start
        # (who speaks or acts) when the trigger is near enough to it
        word_at = sum(1 for t in toks[:at] if not t.is_punct)
        near = word_at < MAX_WORDS
        first = 0 if near else max(0, min(word_at - 3, len(words) - MAX_WORDS))
        while first > 0 and (words[first].tag_ == "POS" or words[first].dep_ == "case"):
            first -= 1  # not "…'s determination"
        while HYPHENED_WHOLE and first < word_at and _hyphened(words[first]):
            first += 1  # not "…year-old man": past the word's end (the trigger stays in)
        kept = words[first : first + MAX_WORDS]
        lo, hi = kept[0].i, kept[-1].i
        cut_start, cut_end = first > 0, first + MAX_WORDS < len(words)
        toks = [t for t in toks if lo <= t.i <= hi]
    else:
        cut_start = cut_end = False
    text = ""
    for k, t in enumerate(toks):
        joined = k and toks[k - 1].i == t.i - 1 and not toks[k - 1].whitespace_
        text += ("" if joined or not text else " ") + " ".join(t.text.split())
    text = text.rstrip(",;:–—-")
    if len(text.split()) < 2:
        return ""
    text = text[:1].upper() + text[1:] if not (cut_start or led) else "…" + text
    return OPEN + text + ("…" if cut_end else "") + CLOSE


def _clause_tokens(verb: Token, tok: Token) -> list[Token]:
    """The verb with its dependents but the clauses of their own (unless ``tok`` is in
    one)."""
    out = [verb]
    for c in verb.children:
        inside = c.left_edge.i <= tok.i <= c.right_edge.i
        subject = SUBJECT_CLAUSE_KEPT and c.dep_ == "csubj"
        if c.dep_ in _OWN_CLAUSES and not inside and not subject:
            continue
        out.extend(_clause_tokens(c, tok) if inside and c.i != tok.i else c.subtree)
    return out
