"""A verb's clause as a headline, read from the parse: who (through relative clauses,
"urged X to", conj / xcomp / advcl chains and passives with their agent), the verb as a
headline says it (:mod:`analysis.verb_forms`), and what it acts on.

Used by :mod:`analysis.gist`, which picks the clause a trigger's title comes from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from analysis.arguments import headline_passive
from analysis.clauses import _set
from analysis.entity_index import EntityIndex
from analysis.modality import REPORTING
from analysis.phrases import AMOUNT_LABELS, NOUN_PREPS, TIME_LABELS, join, phrase, pronoun
from analysis.subjects import OBJECT_CONTROL, own_clause, subject_child
from analysis.verb_forms import condition, particle, verb_form

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Prepositions after a verb that tell what it acts on ("fired at", "agreed with").
VERB_PREPS = _set("to at on in with against for from into over about of")
#: Nouns of time: "agreed on by that time" names no agent.
_TIME_NOUNS = _set("time date day week month year end deadline")
_PLACE = _set("GPE LOC FAC")
_NAMES = _set("PERSON ORG GPE LOC FAC NORP PRODUCT")
#: Switch: an infinitive after an object is told with its own object or not at all.
INFINITIVE_WHOLE = True
#: Most words a subject and an object keep, by how much room a title has left: a clause
#: too long for a headline is told again shorter (its object's modifiers go first, then
#: what a reported clause says, then the object).
SUBJECT_WORDS = (6, 6, 4, 3)
OBJECT_WORDS = (6, 4, 3, 0)


def governing(verb: Token) -> Token:
    """The verb whose object an infinitive tells of: "Apple has plans to [import] ...",
    "mediated talks to [reach] a ceasefire", "urged GM to [produce]", "is set to
    [launch]": that clause tells who, and whether it is done; else ``verb``."""
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "dobj" and any(a.lower_ == "to" for a in verb.children):
        return head.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
        return head  # "Congress required them to [produce] viability plans"
    if PURPOSE_OF_AGENT and _agent(verb) is not None:
        return verb  # "the same type used by Hezbollah to [target] Israeli tanks"
    if (
        verb.dep_ == "xcomp"
        and head.pos_ == "VERB"
        and head.lemma_.lower() != "be"  # "is to be delivered": the clause's own verb tells it
        and not any(a.dep_ == "auxpass" for a in verb.children)  # "will have to be approved by"
        and any(a.lower_ == "to" for a in verb.children)
    ):
        # "is set to [launch]", "failing to [deliver]": told alone, a plan or a failure
        # would read as done
        return head
    return verb


#: A switch: a "who" clause whose head noun is also its object's word is misread (the
#: actor is never the target): no clause (see :func:`clause`). Not any relative clause:
#: "Iranian security forces, which have used excessive force" is right.
SUBJECT_NOT_OBJECT = True


#: A switch: an infinitive of purpose on a passive with its agent ("the same type used by
#: Hezbollah to target Israeli tanks") is the agent's deed: its own clause, with the agent
#: as subject ("Hezbollah targets Israeli tanks"), not "Hezbollah uses the same type".
PURPOSE_OF_AGENT = True


def _agent(verb: Token) -> Token | None:
    """The agent ("by Hezbollah") of the passive an infinitive ``verb`` ("to target") is
    the purpose of, when it is one."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or not any(a.lower_ == "to" for a in verb.children):
        return None
    if head.tag_ != "VBN" or head.i == verb.i:
        return None
    by = next((c for c in head.children if c.dep_ == "agent"), None)
    return next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None


#: A switch: a verb joined to a reduced relative ("a vessel intercepted and ...") with an
#: object of its own does not take the participle's noun as its subject.
ACL_HEAD_UNDERGOES = True


#: A switch: "X is the latest to hit France", "he was the last to be sentenced": the
#: adjective an infinitive hangs on stands for the copula's subject (the heist, he), no
#: one of its own ("Latest hits France", "Last sentenced").
ADJECTIVE_STANDS_FOR_SUBJECT = True


def _stood_for(adj: Token) -> Token | None:
    """The subject of the copula whose complement is the adjective ``adj`` ("the heist"
    of "the heist is the latest to ...")."""
    if adj.pos_ != "ADJ" or adj.dep_ not in ("attr", "acomp"):
        return None
    return next((c for c in adj.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _shared_passive(verb: Token, bare: bool) -> bool:
    """Is ``verb`` a bare participle joined to a passive verb ("was shot and [killed]",
    "was arrested and [charged]"), with no object of its own? It shares the "was"."""
    return (
        bare
        and verb.tag_ == "VBN"
        and verb.dep_ == "conj"
        and any(c.dep_ == "auxpass" for c in verb.head.children)
        and not any(c.dep_ in ("dobj", "obj") for c in verb.children)
    )


def subject_of(verb: Token) -> tuple[Token | None, bool, Token]:
    """(subject token, passive?, the verb it is the subject of) of a verb, through the
    clauses that share it: a relative clause's head noun, the object of "urged X to",
    the subject of the verb a conj, xcomp, participle or "by doing" hangs on."""
    # Passive is the trigger's own voice ("is intended to launch": launch is active); a
    # bare participle hanging on a clause is one too ("testified when [nominated]").
    bare = not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children)
    be = any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
    passive = (
        any(c.dep_ == "auxpass" for c in verb.children)
        or (verb.tag_ == "VBN" and (be or (bare and verb.dep_ in ("advcl", "acl"))))
        or _shared_passive(verb, bare)
    )  # ("is [poised] to launch": a participle after "be" is no active verb)
    v = verb
    # "shot and [killed] by police": a bare participle with its agent
    by = any(c.dep_ == "agent" for c in verb.children) and not any(
        c.dep_ in ("auxpass", "aux") for c in verb.children
    )
    if PURPOSE_OF_AGENT and (agent := _agent(verb)) is not None and not subject_child(verb):
        return agent, passive, verb  # "used by Hezbollah to [target]": Hezbollah targets
    for _ in range(4):
        own = subject_child(v)
        if own is not None and by and v is not verb and own.dep_ != "nsubjpass":
            # An active verb's subject is not what a passive with its agent undergoes:
            # "Anger over the death of a teenager shot and killed by police" ("Anger" is
            # no one killed; the parser took "shot" for the sentence's verb).
            return None, True, v
        if own is not None:
            passive = passive or (own.dep_ == "nsubjpass" and v is verb)
            if own.lower_ in ("that", "which", "who") and v.dep_ == "relcl":
                return _antecedent(v.head, own), passive, v
            return own, passive, v
        if v.dep_ == "relcl":
            if ADJECTIVE_STANDS_FOR_SUBJECT and (stood := _stood_for(v.head)) is not None:
                return stood, passive, v  # "the heist is the latest to hit France"
            return v.head, passive, v
        if v.dep_ == "acl" and v.tag_ == "VBN":
            if (
                ACL_HEAD_UNDERGOES
                and v is not verb
                and not passive
                and any(c.dep_ in ("dobj", "obj") for c in verb.children)
            ):
                # The noun a participle hangs on undergoes it ("a vessel intercepted"); a
                # verb joined to it with an object of its own did something to another:
                # "witnessed the incident chased after the car and arrested Subryan" (a
                # misparse) is not "Incident arrests Vishwanand Subryan".
                return None, passive, v
            return v.head, v is verb or passive, v  # "a vessel intercepted by ..."
        head = v.head
        if v.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj, passive, v
        if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            v = head.head  # "Hezbollah sought to support Hamas by [firing] rockets"
            continue
        if (
            v.dep_ in ("conj", "xcomp", "advcl")
            and head.pos_ in ("VERB", "AUX")
            and head != v
            and not own_clause(v)
        ):
            v = head
            continue
        return None, passive, v
    return None, False, v


def _antecedent(head: Token, pronoun: Token) -> Token:
    """What a relative pronoun stands for: "which" names a thing, so when the parse hangs
    it on a person ("Fritz Henderson, the chief executive of General Motors, which filed
    for bankruptcy"), it is the nearest noun before it that is no person."""
    if pronoun.lower_ != "which" or head.ent_type_ != "PERSON" or pronoun.i <= head.i:
        return head
    for tok in reversed(pronoun.doc[head.i + 1 : pronoun.i]):
        if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ != "PERSON":
            return tok
    return head


#: Switch: a reported clause's pronoun that stands for the reporting subject stays a
#: pronoun (its referent is the title's subject already).
REPORTED_PRONOUN_STAYS = True
_BOUND = frozenset(["it", "they", "he", "she", "we"])


def clause(
    verb: Token, ents: EntityIndex, *, reported: str | None = None, room: int = 0
) -> str | None:
    """The clause of ``verb`` as a headline; ``reported`` is the subject of the verb that
    reports it ("GM said [it would cut jobs]"): a pronoun standing for it stays, its
    referent being in the title, and the clause keeps its tense ("denies it sent arms")."""
    subj, passive, owner = subject_of(verb)
    cond = condition(verb, owner)  # "Whether Wagoner will resign": told as it is said
    as_said = reported is not None or bool(cond)
    there = _what_there_is(verb, ents, room) if THERE_IS else None
    if there:
        return join(cond, there)  # "confirmed that there was a software glitch"
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if (
        SUBJECT_NOT_OBJECT
        and subj is not None
        and obj is not None
        and owner.dep_ == "relcl"
        and subj.i == owner.head.i
        and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in owner.children)
        and subj.lemma_.lower() == obj.lemma_.lower()
    ):
        return None  # "Who's buying the paper, who's selling the paper": not "Paper sells
        # the paper" (a misparse made "paper" the relative clause's head)
    passive = passive or headline_passive(verb, obj)
    agent = next(
        (g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
        None,
    )
    if agent is not None and (
        agent.ent_type_ in TIME_LABELS or agent.like_num or agent.lemma_.lower() in _TIME_NOUNS
    ):
        agent = None  # "delivered by 2011": a date, no one delivers
    if passive and agent is not None:
        doer, doer_plural = phrase(agent, ents, SUBJECT_WORDS[room], preps=frozenset())
        if doer:
            done = (
                phrase(subj, ents, SUBJECT_WORDS[room], preps=frozenset(["of"]), lead=False)[0]
                if subj
                else None
            )
            verb_text = verb_form(verb, doer_plural, passive=False, reported=as_said)
            done = done or _object(verb, ents, skip=agent, room=room)
            return join(cond, doer, verb_text, done)
    name, plural = (None, False)
    if subj is not None:
        # In a reported clause "its" / "their" stand for the reporting subject, named first.
        name, plural = phrase(
            subj, ents, SUBJECT_WORDS[room], preps=frozenset(["of"]), subject=reported is None
        )
        if name and not pronoun(subj) and subj.ent_type_ not in _NAMES:
            plural = _number(owner, plural)  # (not for a name: "AirTanker Ltd. have signed")
        if name is None and reported and subj.lower_ in ("it", "they"):
            name, plural = subj.lower_, subj.lower_ == "they"  # bound to ``reported``
        elif (
            REPORTED_PRONOUN_STAYS
            and name
            and reported
            and subj.lower_ in _BOUND
            and (name == reported or name in reported or reported in name)
        ):
            # "NASA's scientists confirm they detected water vapour", not "... confirm
            # NASA's scientists detected": the title names them once already.
            name, plural = subj.lower_, subj.lower_ in ("they", "we")
        elif name is None:
            name = _bound(owner, subj, ents)
            plural = subj.lower_ == "they"
    if name is None:
        # No subject at all: the object leads a headline passive ("Budget cuts approved").
        # A subject the title cannot show ("we bombed the hell out of ...", "my husband
        # has met ...") is no one to leave out: no clause (analysis.gist_fallback quotes).
        if subj is not None:
            return None
        if passive or obj is None or verb.tag_ not in ("VBD", "VBN"):
            return None
        thing, _ = phrase(obj, ents, SUBJECT_WORDS[room], preps=NOUN_PREPS)
        return join(cond, thing, verb.lower_) if thing else None
    verb_text = verb_form(verb, plural, passive=passive, reported=as_said)
    said = _object(verb, ents, passive=passive, subject=name, room=room)
    if verb.lemma_.lower() == "be" and not said:
        return None  # "the deal is a good one": a "be" with nothing after it says nothing
    return join(cond, name, verb_text, said)


#: Switch: "there was a software glitch" says what there was (see :func:`_what_there_is`).
THERE_IS = True


def _what_there_is(verb: Token, ents: EntityIndex, room: int) -> str | None:
    """What an existential "there is" clause says there is ("there was a software glitch
    on its maiden flight": "a software glitch on its maiden flight"; with a modal, "there
    could be additional charges"), else None."""
    if verb.lemma_.lower() != "be" or not any(c.dep_ == "expl" for c in verb.children):
        return None
    what = next((c for c in verb.children if c.dep_ == "attr"), None)
    if what is None:
        return None
    text, _ = phrase(what, ents, OBJECT_WORDS[room] or SUBJECT_WORDS[room], preps=NOUN_PREPS)
    if not text:
        return None
    modal = next((c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
    # "warned there could be additional charges": what may be is said as it is said
    return f"there {modal} be {text}" if modal else text


def _number(verb: Token, plural: bool) -> bool:
    """The number the text's own verb shows for its subject ("routers that [support]",
    "the Houthis [were]"), else ``plural`` as the subject's words tell it."""
    for v in (*(c for c in verb.children if c.dep_ in ("aux", "auxpass")), verb):
        if v.tag_ == "VBZ" or v.lower_ == "was":
            return False
        if v.tag_ == "VBP" or v.lower_ == "were":
            return True
    return plural


#: Pronouns of those who speak or are spoken to.
_SPEAKERS = frozenset(["i", "we", "you", "me", "us"])


def _bound(verb: Token, pron: Token, ents: EntityIndex) -> str | None:
    """ "GM announced [it] would cut jobs": "it" / "they" as the subject of a clause that a
    reporting verb governs is that verb's subject (when the number fits)."""
    if pron.lower_ not in ("it", "they") or verb.dep_ not in ("ccomp", "xcomp"):
        return None
    head = verb.head
    if head.lemma_.lower() not in REPORTING | _REPORTED:
        return None
    outer = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if outer is None or pronoun(outer):
        return None
    name, plural = phrase(outer, ents, SUBJECT_WORDS[-1], preps=frozenset())
    return name if name and plural == (pron.lower_ == "they") else None


_REPORTED = frozenset(
    [
        "announce",
        "say",
        "confirm",
        "state",
        "report",
        "claim",
        "warn",
        "admit",
        "reveal",
        "plan",
        "deny",
        "insist",
    ]
)


#: Verbs whose clause tells what was said: "in a statement" is its saying.
REPORTS = REPORTING | _REPORTED


def _object(
    verb: Token,
    ents: EntityIndex,
    *,
    passive: bool = False,
    skip: Any = None,
    subject: str | None = None,
    room: int = 0,
) -> str:
    """What a verb acts on, as its clause tells it: its object ("attack the embassy"), an
    infinitive ("agree to buy 60 aircraft"), a reported clause ("say it will cut jobs"),
    else its first preposition that is no place or date ("fire at Israel")."""
    size = OBJECT_WORDS[room]
    if not size:
        return ""
    deeper = min(room + 2, len(OBJECT_WORDS) - 1)  # what a clause under this one may say
    if not passive:
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if obj is not None and obj.lower_ in ("which", "that", "whom") and verb.dep_ == "relcl":
            obj = verb.head  # "a plan, which the Home Office rejects"
        if obj is not None:
            text, _ = phrase(obj, ents, size, preps=NOUN_PREPS, lead=False)
            then = next(
                (c for c in verb.children if c.dep_ == "xcomp" and c.i > obj.i and room < 2),
                None,
            ) or next((c for c in obj.children if c.dep_ == "acl" and room < 2), None)
            if text and then is not None and any(a.lower_ == "to" for a in then.children):
                more = _object(then, ents, room=deeper)  # "urge GM to produce viability plans"
                cut = not more and any(c.dep_ in ("dobj", "obj") for c in then.children)
                if (more or then.dep_ == "xcomp") and not (INFINITIVE_WHOLE and cut):
                    # not "plans to [demonstrate]" alone, nor "urge PUC to establish" when
                    # what is established has no room: "Consumer advocates urge PUC"
                    text = " ".join(
                        p for p in (text, "to", then.lemma_.lower(), particle(then), more) if p
                    )
            return text or ""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.children):
            done = any(a.dep_ == "auxpass" for a in c.children)
            inner = _object(c, ents, passive=done, room=min(room + 1, len(OBJECT_WORDS) - 1))
            return " ".join(p for p in (*_infinitive(c, done), particle(c), inner) if p)
        if c.dep_ in ("acomp", "attr") and not passive and c.lower_ != "one":
            text, _ = phrase(c, ents, size, preps=NOUN_PREPS, lead=False)
            return text or ""
    for c in verb.children:
        # a reporting verb's clause, or any verb's "that" clause ("polls show that ...")
        that = any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        reports = verb.lemma_.lower() in REPORTING | _REPORTED or that
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and reports and not passive:
            said = clause(c, ents, reported=subject or "", room=deeper) if room < 3 else None
            if said and not _is_name(c, said.split()[0]):
                said = said[:1].lower() + said[1:]  # "denies it sent arms"
            return said or ""
    for c in verb.children:
        if c.dep_ == "agent" or c is skip or c.dep_ != "prep":
            continue
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if pobj is None or pobj.ent_type_ in TIME_LABELS:
            continue
        low = c.lower_
        if low == "by" and (pobj.ent_type_ in AMOUNT_LABELS or pobj.like_num):
            return _span_of_ent(pobj)
        if low in ("in", "at", "near") and pobj.ent_type_ in _PLACE:
            continue
        if low in VERB_PREPS:
            text, _ = phrase(pobj, ents, size - 1, preps=frozenset(["of"]), lead=False)
            return f"{low} {text}" if text else ""
    return ""


def _infinitive(verb: Token, passive: bool) -> tuple[str, ...]:
    """ "not to accept", "to be approved", "to buy": an infinitive as the text has it."""
    neg = ("not",) if any(c.dep_ == "neg" for c in verb.children) else ()
    return (*neg, "to", "be", verb.lower_) if passive else (*neg, "to", verb.lemma_.lower())


def _is_name(verb: Token, word: str) -> bool:
    """Is ``word`` (the first of a clause under ``verb``) written capitalised in the text
    inside the sentence (a name), not only because it opens the title?"""
    if word[1:] and any(ch.isupper() for ch in word[1:]):
        return True  # "iPhone"
    return any(t.text == word and not t.is_sent_start for t in verb.subtree)


def _span_of_ent(tok: Token) -> str:
    """ "by [more than 416 points]": the amount as the tagger spans it, with "by"."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return "by " + (ent.text if ent is not None else tok.text)
