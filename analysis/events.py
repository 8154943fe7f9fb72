"""Event mentions: what happened, who did it to whom, where, when, and how sure the text is.

Why rules over the dependency parse rather than a trained event model: the events an
analyst follows (attacks, seizures, talks, ceasefires) are signalled by a small,
well-known vocabulary, and their arguments sit in predictable syntactic slots. A lexicon
plus the parse is fast, explainable in the reader ("Houthis -target-> Magic Seas"), and
needs no training data we do not have.

Taxonomy (``type``), a reduction of the CAMEO root codes and ACLED event types:

==================  ===========================  ======================================
type                CAMEO roots / ACLED types    example triggers
==================  ===========================  ======================================
attack              18 assault, 19 fight, 20     attack, strike, bomb, shell, raid,
                    mass violence / Battles,     invade, target, shoot, clash, war
                    Explosions-Remote violence
kill                18x kill, injure / ACLED     kill, die, wound, injure, assassinate,
                    fatalities                   massacre, death
seize               17 coerce (arrest, seize,    seize, intercept, arrest, detain,
                    confiscate, abduct)          capture, kidnap, confiscate, foil
threaten            13 threaten                  threaten, warn, threat, ultimatum
protest             14 protest / ACLED Protests, protest, demonstrate, rally, riot,
                    Riots                        march, boycott
meet                03-04 consult, meet,         meet, talks, negotiate, visit, summit,
                    036 negotiate                mediate, discuss
agree               05-06 cooperate, 057 sign    agree, sign, ceasefire, truce, deal,
                    agreement                    accord, treaty, recognise
statement           01 public statement, 02      announce, deny, condemn, accuse,
                    appeal, 11-12 disapprove,    blame, reject, urge, statement
                    reject
aid                 07 provide aid               aid, supply, deliver, donate, arm,
                                                 resupply, fund
election            (not in CAMEO roots)         election, elect, vote, referendum
disaster            (ACLED: none)                earthquake, flood, wildfire, famine,
                                                 heatwave, crash, explosion
economic            (CAMEO 06x material coop.)   buy, sell, invest, sanction, tariff,
                                                 export, purchase, merger, lease
other               everything else eventive     appoint, resign, release, launch...
==================  ===========================  ======================================

Arguments: ``actor`` and ``target`` are canonical entities (the ``entity`` dicts of the
entity mentions we are given), found from the parse: active verbs (nsubj / dobj),
passives (nsubjpass / agent "by X"), nominal triggers ("X's attack on Y", "attack by X",
"Houthi attack", "talks between X and Y"), and light verbs ("X launched an attack on Y"
makes *attack* the trigger and X its actor). ``location`` is a place entity in an
"in / at / near / off" phrase of the trigger. ``date`` comes from the time expression
nearest the trigger in the parse tree (see :mod:`analysis.timex`), never from a time
attached to the reporting verb ("said Wednesday" dates the saying, not the attack).

Modality: ``asserted``; ``negated`` (not, never, no, denied that...); ``hypothetical``
(planned, possible, modal or conditional: will, could, plans to, threatened to, if...);
``reported`` (in the complement of say / tell / claim or after "according to");
``generic`` (a bare plural noun with no participant or time: "sales fell", "attacks on
shipping", "bankruptcies rose": a class of happenings, not one event to link).

Salience ranks what the side panel shows first: the type's weight (violence before
statements), whether actor, target, date and place are known, the modality, and how
early the sentence comes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from analysis.timex import WEEKDAYS, Timex, find_timexes

WEEKDAY_WORDS = (*WEEKDAYS, "yesterday", "today", "tomorrow", "tonight", "ago")

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

EVENT_TYPES = (
    "attack",
    "kill",
    "seize",
    "threaten",
    "protest",
    "meet",
    "agree",
    "statement",
    "aid",
    "election",
    "disaster",
    "economic",
    "other",
)

_VERBS: dict[str, list[str]] = {
    "attack": [
        "attack",
        "strike",
        "bomb",
        "shell",
        "raid",
        "invade",
        "target",
        "hit",
        "assault",
        "ambush",
        "shoot",
        "fire",
        "clash",
        "fight",
        "bombard",
        "storm",
        "besiege",
        "sink",
        "torpedo",
        "overrun",
        "retaliate",
    ],
    "kill": [
        "kill",
        "die",
        "wound",
        "injure",
        "murder",
        "assassinate",
        "massacre",
        "execute",
        "slaughter",
        "behead",
    ],
    "seize": [
        "seize",
        "intercept",
        "arrest",
        "detain",
        "capture",
        "confiscate",
        "abduct",
        "kidnap",
        "hijack",
        "foil",
        "smuggle",
        "imprison",
        "charge",
        "convict",
        "sentence",
        "extradite",
        "jail",
        "raid_",
    ],
    "threaten": ["threaten", "warn", "vow"],
    "protest": ["protest", "demonstrate", "rally", "riot", "march", "boycott"],
    "meet": ["meet", "negotiate", "visit", "discuss", "mediate", "consult", "talk", "host"],
    "agree": ["agree", "sign", "ratify", "approve", "recognize", "recognise", "broker", "accept"],
    "statement": [
        "announce",
        "declare",
        "deny",
        "condemn",
        "accuse",
        "blame",
        "criticize",
        "criticise",
        "dismiss",
        "reject",
        "urge",
        "welcome",
        "praise",
        "confirm",
    ],
    "aid": [
        "aid",
        "supply",
        "deliver",
        "donate",
        "fund",
        "arm",
        "rearm",
        "resupply",
        "support",
        "evacuate",
    ],
    "election": ["elect", "vote", "reelect"],
    "disaster": ["erupt", "flood", "collapse", "crash", "explode"],
    "economic": [
        "buy",
        "sell",
        "invest",
        "purchase",
        "acquire",
        "export",
        "import",
        "lease",
        "trade",
        "sanction",
        "lay_off",
        "order",
        "merge",
    ],
    "other": [
        "appoint",
        "resign",
        "release",
        "free",
        "launch",
        "withdraw",
        "displace",
        "flee",
        "evacuate_",
        "deploy",
        "nominate",
        "fire_",
        "dismiss_",
        "destroy",
        "damage",
        "disrupt",
        "block",
    ],
}
_NOUNS: dict[str, list[str]] = {
    "attack": [
        "attack",
        "strike",
        "airstrike",
        "raid",
        "bombing",
        "bombardment",
        "shelling",
        "invasion",
        "offensive",
        "assault",
        "ambush",
        "clash",
        "battle",
        "war",
        "incursion",
        "fighting",
        "shooting",
        "hostility",
    ],
    "kill": ["killing", "death", "murder", "assassination", "massacre", "casualty", "execution"],
    "seize": [
        "seizure",
        "interception",
        "arrest",
        "detention",
        "capture",
        "abduction",
        "kidnapping",
        "hijacking",
        "confiscation",
        "crackdown",
    ],
    "threaten": ["threat", "ultimatum", "warning"],
    "protest": ["protest", "demonstration", "rally", "riot", "boycott"],
    "meet": [
        "talk",
        "meeting",
        "negotiation",
        "summit",
        "visit",
        "discussion",
        "consultation",
        "mediation",
    ],
    "agree": ["agreement", "deal", "ceasefire", "truce", "accord", "treaty", "pact"],
    "statement": ["statement", "announcement", "declaration", "condemnation", "accusation"],
    "aid": ["aid", "assistance", "delivery", "donation", "shipment", "supply"],
    "election": ["election", "vote", "referendum", "ballot", "poll", "inauguration"],
    "disaster": [
        "earthquake",
        "flood",
        "wildfire",
        "fire",
        "hurricane",
        "storm",
        "heatwave",
        "drought",
        "famine",
        "crash",
        "explosion",
        "eruption",
        "tsunami",
        "collapse",
        "outbreak",
        "epidemic",
        "blast",
    ],
    "economic": [
        "sanction",
        "tariff",
        "investment",
        "purchase",
        "sale",
        "merger",
        "acquisition",
        "bankruptcy",
        "layoff",
        "export",
        "embargo",
        "bailout",
    ],
    "other": ["withdrawal", "release", "resignation", "appointment", "blockade", "siege"],
}
VERB_TYPES: dict[str, str] = {w: t for t, ws in _VERBS.items() for w in ws if "_" not in w}
NOUN_TYPES: dict[str, str] = {w: t for t, ws in _NOUNS.items() for w in ws}

#: Verbs that carry no event of their own when their object is an eventive noun.
LIGHT_VERBS = frozenset(
    [
        "launch",
        "carry",
        "conduct",
        "stage",
        "mount",
        "declare",
        "hold",
        "begin",
        "start",
        "resume",
        "continue",
        "make",
        "wage",
        "announce",
        "order",
        "step",
        "escalate",
        "unleash",
        "initiate",
        "perform",
        "execute",
    ]
)
#: Verbs that report: events in their complement are "reported"; their own times are theirs.
REPORTING = frozenset(
    [
        "say",
        "tell",
        "report",
        "claim",
        "state",
        "add",
        "allege",
        "note",
        "explain",
        "insist",
        "write",
        "quote",
    ]
)
NEGATING_REPORTS = frozenset(["deny"])
PLANNING = frozenset(
    [
        "plan",
        "intend",
        "seek",
        "want",
        "try",
        "threaten",
        "vow",
        "aim",
        "prepare",
        "propose",
        "consider",
        "schedule",
        "expect",
        "hope",
        "promise",
        "pledge",
        "agree",
        "decide",
    ]
)
HYPOTHETICAL_MODS = frozenset(
    [
        "possible",
        "potential",
        "planned",
        "proposed",
        "upcoming",
        "future",
        "prospective",
        "likely",
        "expected",
        "imminent",
        "alleged",
    ]
)
MODALS = frozenset(
    ["will", "would", "could", "may", "might", "should", "can", "must", "shall", "'ll", "wo", "ca"]
)

#: Entity labels that can be an event's participant, and those that can be its place.
NON_ARGUMENT_LABELS = frozenset(
    [
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "QUANTITY",
        "MONEY",
        "PERCENT",
        "LANGUAGE",
        "WORK_OF_ART",
        "LAW",
    ]
)
PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
_LOCATIVE_PREPS = frozenset(
    ["in", "at", "near", "off", "outside", "inside", "across", "throughout", "into"]
)
_TARGET_PREPS = frozenset(["on", "against", "at", "targeting", "upon"])
_ARG_PREPS = frozenset(["of", "to", "from", "for"])
_ARG_DEPS = frozenset(
    ["compound", "poss", "amod", "nmod", "appos", "npadvmod", "pobj", "prep", "nummod"]
)

TYPE_WEIGHT = {
    "attack": 0.9,
    "kill": 0.9,
    "seize": 0.8,
    "disaster": 0.8,
    "agree": 0.7,
    "threaten": 0.55,
    "protest": 0.6,
    "meet": 0.6,
    "election": 0.6,
    "aid": 0.5,
    "economic": 0.5,
    "statement": 0.35,
    "other": 0.3,
}
MODALITY_WEIGHT = {
    "asserted": 1.0,
    "reported": 0.9,
    "hypothetical": 0.6,
    "negated": 0.5,
    "generic": 0.5,
}
#: Determiners that make a plural noun specific ("the attacks", "these strikes").
_SPECIFIC_DETS = frozenset({"the", "these", "those", "this", "that", "both"})


def generic(tok: Token, *, actor: bool, target: bool, dated: bool) -> bool:
    """A bare plural noun trigger with no participant or time: a class of happenings
    ("sales", "attacks on shipping"), not one event."""
    if tok.tag_ != "NNS" or actor or target or dated:
        return False
    return not any(
        c.dep_ in ("poss", "nummod") or (c.dep_ == "det" and c.lower_ in _SPECIFIC_DETS)
        for c in tok.children
    )


def event_type(lemma: str, pos: str = "NOUN") -> str:
    """The taxonomy type of a trigger lemma (``other`` when the lexicon does not know it)."""
    lemma = lemma.lower()
    if pos in ("VERB", "AUX"):
        return VERB_TYPES.get(lemma) or NOUN_TYPES.get(lemma) or "other"
    return NOUN_TYPES.get(lemma) or VERB_TYPES.get(lemma) or "other"


def is_trigger(tok: Token) -> bool:
    """Is this token an event trigger we report (a known eventive verb or noun)?"""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        if lemma not in VERB_TYPES:
            return False
        # "launched an attack": the attack is the event, the launch is not.
        return not (
            lemma in LIGHT_VERBS
            and any(
                c.dep_ in ("dobj", "nsubjpass") and _is_nominal_trigger(c) for c in tok.children
            )
        )
    return _is_nominal_trigger(tok)


def _is_nominal_trigger(tok: Token) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in NOUN_TYPES:
        return False
    if tok.pos_ == "PROPN" and not tok.is_title:
        return False
    # "attack drones", "Strike Group": a modifier, not an event.
    if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        return False
    # "talk" (a speech) vs "talks" (negotiations)
    return not (tok.lemma_.lower() == "talk" and tok.tag_ != "NNS")


# ------------------------------------------------------------------ entity lookup


class EntityIndex:
    """Token index -> entity mention, over one Doc."""

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

    def at(self, tok: Token) -> Mapping[str, Any] | None:
        return self.by_token.get(tok.i)

    def near(self, tok: Token | None, depth: int = 4) -> Mapping[str, Any] | None:
        """The entity that ``tok`` names, or the closest one in its noun phrase.

        Breadth-first down the modifiers ("Hamas fighters", "forces loyal to Yemen's
        government", "a bulk carrier, the Magic Seas"), never into clauses.
        """
        if tok is None:
            return None
        frontier = [tok]
        for level in range(depth + 1):
            nxt = []
            for t in frontier:
                m = self.at(t)
                if m is not None:
                    return m
                for c in t.children:
                    if c.dep_ not in _ARG_DEPS:
                        continue
                    if c.dep_ == "appos" and level > 0:
                        continue  # only the phrase's own apposition, not one deeper
                    if c.dep_ == "prep" and c.lower_ not in _ARG_PREPS:
                        continue  # "the Houthis in Yemen" are not Yemen
                    nxt.append(c)
            frontier = nxt
        return None

    def place_near(self, tok: Token) -> Mapping[str, Any] | None:
        m = self.near(tok, depth=2)
        if m is not None and (m.get("label") or m["entity"].get("label")) in PLACE_LABELS:
            return m
        return None


# ------------------------------------------------------------------ arguments


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """(subject token, passive?) of a verb, inherited through conj / advcl / xcomp."""
    seen = 0
    v = verb
    while v is not None and seen < 4:
        passive = any(c.dep_ == "auxpass" for c in v.children)
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                if c.lower_ in ("that", "which", "who") and v.dep_ == "relcl":
                    return v.head, passive or c.dep_ == "nsubjpass"
                return c, passive or c.dep_ == "nsubjpass"
        if v.dep_ == "relcl":
            return v.head, passive
        if v.dep_ in ("conj", "advcl", "xcomp", "acl") and v.head.pos_ in ("VERB", "AUX"):
            if v.dep_ == "acl" and v.tag_ == "VBN":
                return v.head, True  # "a vessel intercepted by..." (reduced relative)
            v = v.head
            seen += 1
            continue
        return None, passive
    return None, False


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _prep_objects(tok: Token, preps: frozenset[str]) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _conj_pair(tok: Token) -> tuple[Token, Token | None]:
    conj = next((c for c in tok.children if c.dep_ == "conj"), None)
    return tok, conj


def _light_verb(tok: Token) -> Token | None:
    """The light verb governing a nominal trigger ("launched an attack"), if any."""
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_ in LIGHT_VERBS:
        return head
    return None


def _possessor_before(tok: Token, ents: EntityIndex) -> Mapping[str, Any] | None:
    """ "Hamas' October 7, 2023 attack": a possessive entity just before the noun.

    The parser often hangs a date-laden noun phrase wrongly; reading left over dates,
    numbers, adjectives and commas to a possessive is a safe fallback.
    """
    doc = tok.doc
    i = tok.i - 1
    steps = 0
    while i >= tok.sent.start and steps < 8:
        t = doc[i]
        if t.tag_ == "POS" or t.dep_ == "case":
            owner = doc[i - 1] if i > tok.sent.start else None
            return ents.at(owner) if owner is not None else None
        if t.pos_ in ("NUM", "ADJ", "PUNCT", "ADV") or t.ent_type_ in ("DATE", "TIME"):
            i -= 1
            steps += 1
            continue
        if t.dep_ == "poss":
            return ents.at(t)
        return None
    return None


def arguments(
    tok: Token, ents: EntityIndex
) -> tuple[Mapping[str, Any] | None, Mapping[str, Any] | None, Mapping[str, Any] | None]:
    """(actor, target, location) entity mentions of a trigger token."""
    actor = target = None
    anchors = [tok]
    if tok.pos_ in ("VERB", "AUX"):
        subj, passive = _subject(tok)
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        if passive:
            target = ents.near(subj)
            actor = ents.near(_agent(tok))
        elif subj is not None and subj.i != tok.i and _is_nominal_trigger(subj):
            # "An attack on a ship killed four": the attack's actor, not its target.
            actor = arguments(subj, ents)[0]
            target = ents.near(obj)
        else:
            actor = ents.near(subj)
            target = ents.near(obj)
            if target is None:
                for p in _prep_objects(tok, _TARGET_PREPS | {"with"}):
                    target = ents.near(p)
                    if target is not None:
                        break
    else:
        for c in tok.children:
            if c.dep_ == "poss" and actor is None:
                actor = ents.near(c, depth=1)
            elif c.dep_ in ("compound", "amod", "nmod") and actor is None:
                actor = ents.at(c)
        for p in _prep_objects(tok, frozenset({"by"})):
            actor = actor or ents.near(p)
        for p in _prep_objects(tok, _TARGET_PREPS | frozenset({"of", "with"})):
            target = target or ents.near(p)
        light = _light_verb(tok)
        between = _prep_objects(tok, frozenset({"between"}))
        if light is not None:
            anchors.append(light)
            subj, passive = _subject(light)
            actor = actor or ents.near(_agent(light) if passive else subj)
            between += _prep_objects(light, frozenset({"between"}))
            for p in _prep_objects(light, _TARGET_PREPS):
                target = target or ents.near(p)
        for p in between:
            first, second = _conj_pair(p)
            actor = actor or ents.near(first, depth=1)
            if second is not None:
                target = target or ents.near(second, depth=1)
        if actor is None:
            actor = _possessor_before(tok, ents)
    if actor is not None and target is not None and actor is target:
        target = None
    location = None
    for a in anchors:
        for p in _prep_objects(a, _LOCATIVE_PREPS):
            location = ents.place_near(p)
            if location is not None:
                break
        if location is not None:
            break
    return actor, target, location


# ------------------------------------------------------------------ time and modality


def _path_length(a: Token, b: Token, limit: int = 6) -> tuple[int, Token | None]:
    """Edges between two tokens of a sentence, and their lowest common ancestor."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    pos_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in pos_b:
            return k + pos_b[t.i], t
    return limit + 1, None


def _time_for(
    anchors: Sequence[Token], times: Sequence[tuple[Timex, Token]], limit: int = 3
) -> Timex | None:
    """The time expression attached nearest the trigger, not across a reporting verb."""
    best: tuple[int, int, Timex] | None = None
    for tx, root in times:
        for a in anchors:
            dist, lca = _path_length(a, root)
            if dist > limit or lca is None:
                continue
            if lca.i != a.i and lca.lemma_ in REPORTING and root.head.i == lca.i:
                continue  # "..., the Command said Wednesday": the saying's time
            gap = abs(a.i - root.i)
            key = (dist, gap, tx)
            if best is None or key[:2] < best[:2]:
                best = key
    return best[2] if best else None


def modality(tok: Token, anchors: Sequence[Token]) -> str:
    """asserted / negated / hypothetical / reported, from the trigger's context."""
    for a in anchors:
        for c in a.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
                return "negated"
            if c.dep_ == "aux" and c.lower_ in MODALS:
                return "hypothetical"
            if c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_MODS:
                return "hypothetical"
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return "hypothetical"
    # Walk up the clauses: planned ("plans to attack"), denied, reported.
    reported = False
    t = tok
    for _ in range(6):
        if t.dep_ == "ROOT" or t.head is t:
            break
        head = t.head
        lemma = head.lemma_.lower()
        if t.dep_ in ("xcomp", "ccomp", "dobj", "pobj") and lemma in PLANNING:
            return "hypothetical"
        if t.dep_ in ("ccomp", "xcomp") and lemma in NEGATING_REPORTS:
            return "negated"
        if t.dep_ in ("ccomp", "parataxis") and lemma in REPORTING:
            reported = True
        if head.lower_ == "according":
            reported = True
        t = head
    if any(t.lower_ == "according" for t in tok.sent):
        reported = True
    return "reported" if reported else "asserted"


def _future(anchors: Sequence[Token]) -> bool:
    return any(
        c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall")
        for a in anchors
        for c in a.children
    )


def salience(
    etype: str, *, actor: bool, target: bool, dated: bool, place: bool, mod: str, position: float
) -> float:
    """0..1: how much a mention matters to a reader skimming the panel."""
    score = TYPE_WEIGHT.get(etype, 0.3)
    score += 0.15 * actor + 0.15 * target + 0.1 * dated + 0.05 * place
    score *= MODALITY_WEIGHT.get(mod, 1.0)
    score += 0.1 * (1.0 - position)
    return round(max(0.0, min(1.0, score / 1.45)), 3)


# ------------------------------------------------------------------ extraction


def sentence_times(
    doc: Doc, ref: date | None, sent: Span, anchor: Timex | None = None
) -> list[tuple[Timex, Token]]:
    """The resolved times of one sentence, each with its syntactic root token."""
    out = []
    for tx in find_timexes(sent.text, ref, anchor=anchor, offset=sent.start_char):
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is not None:
            out.append((tx, span.root))
    return out


_HAS_YEAR = re.compile(r"\b\d{4}\b|\b\d{4}-")


def _reuse_years(
    times: list[tuple[Timex, Token]], full_dates: dict[str, str]
) -> list[tuple[Timex, Token]]:
    """ "after October 7" in an article that said "October 7, 2023" earlier is that day.

    A day written without its year takes the year of the same day written in full
    earlier in the article; otherwise it keeps the timex default (latest past one).
    """
    out = []
    for tx, root in times:
        if tx.precision == "day" and tx.kind == "point":
            if _HAS_YEAR.search(tx.text):
                full_dates[tx.value[5:]] = tx.value
            elif tx.value[5:] in full_dates and not any(
                w in tx.text.lower() for w in WEEKDAY_WORDS
            ):
                tx = replace(tx, value=full_dates[tx.value[5:]])
        out.append((tx, root))
    return out


def describe(
    tok: Token,
    ents: EntityIndex,
    times: Sequence[tuple[Timex, Token]],
    *,
    position: float = 0.0,
    ref: date | None = None,
) -> dict[str, Any]:
    """Everything we know about the event a trigger token reports (store shape)."""
    sent = tok.sent
    actor, target, location = arguments(tok, ents)
    anchors = [tok]
    light = _light_verb(tok) if tok.pos_ != "VERB" else None
    if light is not None:
        anchors.append(light)
    time_anchors = list(anchors)
    if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.pos_ == "VERB":
        time_anchors.append(tok.head)  # "launched an attack ..., killing": share its time
    tx = _time_for(time_anchors, times)
    if tx is not None and _future(anchors) and ref is not None and tx.kind == "point":
        # Re-resolve forward-looking times ("will meet on Friday").
        fut = find_timexes(tx.text, ref, future=True)
        tx = Timex(tx.start, tx.end, tx.text, fut[0].value, fut[0].precision) if fut else tx
    mod = modality(tok, anchors)
    if mod in ("asserted", "reported") and generic(
        tok, actor=actor is not None, target=target is not None, dated=tx is not None
    ):
        mod = "generic"
    lemma = tok.lemma_.lower()
    etype = event_type(lemma, tok.pos_)
    return {
        "start": sent.start_char,
        "end": sent.end_char,
        "trigger_start": tok.idx,
        "trigger_end": tok.idx + len(tok.text),
        "trigger": tok.text,
        "lemma": lemma,
        "type": etype,
        "actor": actor["entity"] if actor else None,
        "target": target["entity"] if target else None,
        "location": location["entity"] if location else None,
        "date": tx.value if tx else None,
        "date_precision": tx.precision if tx else None,
        "date_text": tx.text if tx else None,
        "modality": mod,
        "salience": salience(
            etype,
            actor=actor is not None,
            target=target is not None,
            dated=tx is not None,
            place=location is not None,
            mod=mod,
            position=position,
        ),
    }


def extract_events(
    doc: Doc, mentions: Iterable[Mapping[str, Any]], published: date | None
) -> list[dict[str, Any]]:
    """The event mentions of an article, in text order (store shape, see insert_analysis).

    ``mentions`` are the article's entity mentions (char offsets into ``doc.text``) with
    their canonical ``entity``; ``published`` is the reference date for relative times.
    """
    ents = EntityIndex(doc, mentions)
    sents = list(doc.sents)
    out: list[dict[str, Any]] = []
    anchor: Timex | None = None
    full_dates: dict[str, str] = {}  # "10-07" -> "2023-10-07", from explicit dates
    for k, sent in enumerate(sents):
        times = _reuse_years(sentence_times(doc, published, sent, anchor), full_dates)
        points = [tx for tx, _ in times if tx.kind == "point" and tx.precision == "day"]
        if points:
            anchor = points[-1]
        position = k / max(1, len(sents) - 1)
        for tok in sent:
            if is_trigger(tok):
                em = describe(tok, ents, times, position=position, ref=published)
                em["sentence"] = k
                out.append(em)
    return out


def mentions_from_ents(doc: Doc) -> list[dict[str, Any]]:
    """A tiny adapter: entity mentions from ``doc.ents`` with a naive canonical key.

    For tests and benchmarks only; the import path uses analysis.entities' canonical
    entities.
    """
    sent_index = {s.start: k for k, s in enumerate(doc.sents)}
    starts = sorted(sent_index)
    out = []
    for e in doc.ents:
        name = e.text
        if name.lower().startswith("the "):
            name = name[4:]
        k = max((s for s in starts if s <= e.start), default=0)
        entity = None
        if e.label_ not in NON_ARGUMENT_LABELS:
            entity = {
                "key": f"{e.label_}:{name.casefold()}",
                "label": e.label_,
                "name": name,
                "aliases": [e.text],
            }
        out.append(
            {
                "start": e.start_char,
                "end": e.end_char,
                "text": e.text,
                "label": e.label_,
                "sentence": sent_index.get(k, 0),
                "entity": entity,
            }
        )
    return out


def parse_reference(published_at: str | None) -> date | None:
    """The reference date of an article from its ``published_at`` (ISO, any precision)."""
    if not published_at:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", published_at)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def events_hook(
    doc: Doc, doc_entities: Any, published_at: str | None, result: dict[str, Any]
) -> None:
    """The Analyzer's per-Doc hook: event mentions from the same spaCy pass as entities."""
    result["event_mentions"] = extract_events(
        doc, result.get("mentions", ()), parse_reference(published_at)
    )
