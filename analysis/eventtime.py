"""Event time: the date of an event, from the time expression nearest its trigger.

The time expressions of a sentence come from :mod:`analysis.timex`; an event takes the
one nearest its trigger in the parse tree, never one attached to the reporting verb
("said Wednesday" dates the saying, not the attack), nor one another happening owns
(:mod:`analysis.other_times`). Which year a written time has is :mod:`analysis.years`';
comparing two times, :mod:`analysis.time_compare`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from analysis.modality_words import REPORTING
from analysis.other_times import in_noun_clause, other_happenings, since_other
from analysis.time_compare import times_meet
from analysis.timex import Timex, find_timexes
from analysis.verb_forms import own_subject
from analysis.years import model_year

if TYPE_CHECKING:
    from datetime import date

    from spacy.tokens import Doc, Span, Token


def _path_length(a: Token, b: Token, limit: int = 6) -> tuple[int, Token | None]:
    """Edges between two tokens of a sentence, and their lowest common ancestor."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    pos_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in pos_b:
            return k + pos_b[t.i], t
    return limit + 1, None


def _clause_below(a: Token, top: Token) -> bool:
    """Is ``a`` inside a clause that ``top`` governs as its complement (what it says,
    announces or believes)?"""
    t = a
    while t.head.i != t.i and t.head.i != top.i:
        t = t.head
    return t.head.i == top.i and t.i != top.i and t.dep_ in ("ccomp", "parataxis")


#: Switch: a conjoined verb with a subject of its own tells its own time (see own_time).
CONJ_OWN_TIME = True


def own_time(tok: Token) -> bool:
    """Is ``tok`` a conjoined clause with its own subject and tense, so no time of its
    head's? "Sony has offered its service since 2014 and Microsoft launched an early stage
    of its gaming service": Microsoft's launch is not of 2014. ("with the FTSE losing 3.2%
    and the DAX falling by five percent" today: a participle shares its head's time.)"""
    return (
        CONJ_OWN_TIME
        and tok.dep_ == "conj"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and (
            tok.tag_ in ("VBD", "VBZ", "VBP")
            or any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        )
    )


#: Switch: a happening that is a verb's subject takes a time told on a verb joined to that
#: one with no subject of its own: "An earthquake ... shook the island of Qeshm and caused
#: damage to buildings in villages on Sunday" (the quake of Sunday; undated, it joined
#: Monday's aftershock).
SUBJECT_SHARED_TIME = True


def shared_subject_verbs(tok: Token) -> list[Token]:
    """The verbs joined to the one ``tok`` is the (active) subject of that have no subject
    of their own: the subject's other doings ("shook ... and caused damage")."""
    verb = tok.head
    if not SUBJECT_SHARED_TIME or tok.dep_ != "nsubj" or verb.pos_ != "VERB":
        return []
    return [
        c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and not own_subject(c)
    ]


#: Switch: a state the object of a verb is in ("rescued two merchant vessels under attack",
#: "rescued two cargo vessels that were being attacked") holds at that verb's time.
OBJECT_STATE_TIME = True


def shared_time_verbs(tok: Token) -> list[Token]:
    """Verbs whose time is also ``tok``'s: its subject's other doings
    (:func:`shared_subject_verbs`), and the verb whose object it tells the state of."""
    out = shared_subject_verbs(tok) if tok.pos_ in ("NOUN", "PROPN") else []
    if not OBJECT_STATE_TIME:
        return out
    bare = not any(c.dep_ in ("det", "poss") for c in tok.children)  # not "under the deal"
    if tok.dep_ == "pobj" and tok.head.lower_ == "under" and bare:
        thing = tok.head.head  # "vessels [under] attack"
    elif tok.dep_ == "relcl" and any(c.lower_ == "being" for c in tok.children):
        thing = tok.head  # "vessels that were being attacked"
    else:
        return out
    if thing.dep_ == "relcl" and thing.lemma_ == "be":
        thing = thing.head  # "vessels that were [under] attack"
    verb = thing if thing.pos_ in ("VERB", "AUX") else thing.head  # "came [under] attack"
    if (verb is thing or thing.dep_ in ("dobj", "obj")) and verb.pos_ in ("VERB", "AUX"):
        out.append(verb)
        if verb.dep_ == "xcomp":
            out.append(verb.head)  # "were reported to have rescued": the report's time
    return out


def own_clause_times(tok: Token, times: Sequence[tuple[Timex, Token]]) -> list[tuple[Timex, Token]]:
    """The times a clause of its own (:func:`own_time`) may take: its own, and one said
    before both clauses ("On Monday, markets resumed their slide, and the Nikkei fell"),
    not one of its head's clause."""
    inside = {t.i for t in tok.subtree}
    subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    opens = subj.left_edge.i if subj is not None else tok.head.i
    return [(tx, root) for tx, root in times if root.i in inside or root.i < opens]


#: Switch: a time told in a conjunct that has an auxiliary of its own is that conjunct's,
#: not the time of the verb it is joined to: "Video of Brooklyn Mother of 13 Zurana Horton
#: shot and killed in a gang shooting was revealed Thursday" (ECB+ 33, 33_1ecbplus: the
#: parse joins "was revealed" to "shot", and dated the 2011 shooting to the video's
#: Thursday of 2013), as "shot his wife and was arrested on Monday". A conjunct with no
#: auxiliary shares its head's time and tells it: "shot three people and killed one on
#: Monday".
AUX_CONJUNCT_OWN_TIME = True


def in_own_conjunct(root: Token, lca: Token, anchor: Token) -> bool:
    """Is the time (its root) inside a conjunct of ``lca`` (where it meets ``anchor``)
    that has an auxiliary of its own and does not hold ``anchor`` (see
    AUX_CONJUNCT_OWN_TIME)?"""
    if not AUX_CONJUNCT_OWN_TIME or root.i == lca.i:
        return False
    t = root
    while t.head.i != lca.i:
        if t.head.i == t.i:
            return False
        t = t.head
    return (
        t.dep_ == "conj"
        and t.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("aux", "auxpass") for c in t.children)
        and not t.left_edge.i <= anchor.i <= t.right_edge.i
    )


#: Switch: a "when" clause right after a time is of that time (see _when_after).
WHEN_AFTER_TIME = True


def _when_after(tok: Token, times: Sequence[tuple[Timex, Token]]) -> Timex | None:
    """The time a clause that opens with "when" right after it tells of: "the June 24
    murder of Ortiz and on June 20, when a man was shot and wounded" (the parser hangs the
    clause on the sentence's verb, far from "June 20")."""
    first = tok.left_edge
    if tok.pos_ not in ("VERB", "AUX") or first.lower_ != "when" or first.i < 2:
        return None
    doc = tok.doc
    if doc[first.i - 1].text != ",":
        return None
    before = doc[first.i - 2]
    end = before.idx + len(before.text)
    return next((tx for tx, _ in times if tx.end == end), None)


def time_for(
    anchors: Sequence[Token], times: Sequence[tuple[Timex, Token]], limit: int = 3
) -> Timex | None:
    """The time expression attached nearest the trigger, not across a reporting verb."""
    if WHEN_AFTER_TIME:
        told = next((tx for a in anchors if (tx := _when_after(a, times)) is not None), None)
        if told is not None:
            return told
    best: tuple[int, int, Timex] | None = None
    for tx, root in times:
        if other_happenings(root, anchors):
            continue  # "convicted of the June 20, 2005 attempted murder"
        for a in anchors:
            dist, lca = _path_length(a, root)
            if dist > limit or lca is None:
                continue
            if (
                lca.i != a.i
                and root.head.i == lca.i
                and (lca.lemma_ in REPORTING or _clause_below(a, lca))
            ):
                # "..., the Command said Wednesday": the saying's time; "the Academy
                # announced Friday that DeGeneres would host": the announcing's.
                continue
            if since_other(root, lca):
                continue  # "the worst violence to hit Greece since riots in 2008"
            if in_own_conjunct(root, lca, a):
                continue  # "... Horton shot and killed ... was revealed Thursday"
            if in_noun_clause(root, lca, anchors):
                continue  # "a man who was fired last week ... shot three people"
            gap = abs(a.i - root.i)
            key = (dist, gap, tx)
            if best is None or key[:2] < best[:2]:
                best = key
    return best[2] if best else None


def sentence_times(
    doc: Doc, ref: date | None, sent: Span, anchor: Timex | None = None
) -> list[tuple[Timex, Token]]:
    """The resolved times of one sentence, each with its syntactic root token."""
    out = []
    for tx in find_timexes(sent.text, ref, anchor=anchor, offset=sent.start_char):
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is not None and not model_year(tx, span.root):
            out.append((tx, span.root))
    return out


# ------------------------------------------------------------------ a person dies once

#: Switch: an article's undated killing of a person it dates elsewhere (see one_death).
ONE_DEATH = True
#: The kinds one_death dates: the killing, and the attack that killed.
_DEADLY = frozenset(["kill", "attack"])
#: ... and the modalities it dates (what may not have happened has no day).
_TOLD = frozenset(["asserted", "reported", "generic"])


def one_death(mentions: Sequence[dict[str, Any]]) -> None:
    """A person is killed once: where an article dates the killing of a named person to
    the day ("the June 24 murder of Ortiz"), its mentions of killing or attacking that
    person left undated, or dated only to a month that holds the day ("gunning down Deputy
    Ortiz a month ago", "Ortiz was shot to death"), take that day. They then never join
    the shooting he was investigating, "the June 20 shooting", told in the same article.
    Two days for one person's killing (a report's mistake, or two people under one name)
    date nothing."""
    if not ONE_DEATH:
        return
    days: dict[str, set[tuple[str, str | None]]] = {}
    for m in mentions:
        target = m.get("target")
        if (
            m["type"] == "kill"
            and target
            and target.get("label") == "PERSON"
            and m["date_precision"] == "day"
            and m["modality"] in _TOLD
        ):
            days.setdefault(target["key"], set()).add((m["date"], m["date_text"]))
    for m in mentions:
        target = m.get("target")
        told = days.get(target["key"]) if target and m["type"] in _DEADLY else None
        if not told or len({d for d, _ in told}) != 1 or m["modality"] not in _TOLD:
            continue
        day, text = next(iter(told))
        if m["date"] is None or (
            m["date_precision"] != "day"
            and times_meet((m["date"], m["date_precision"]), (day, "day"), same_word=False)[0]
        ):
            m["date"], m["date_precision"], m["date_text"] = day, "day", text
