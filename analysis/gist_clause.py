"""A verb's clause as a headline, read from the parse: who (through relative clauses,
"urged X to", conj / xcomp / advcl chains and passives with their agent), the verb as a
headline says it (:mod:`analysis.verb_forms`), and what it acts on
(:mod:`analysis.gist_object`).

Used by :mod:`analysis.gist`, which picks the clause a trigger's title comes from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis import gist_object, misreads
from analysis.clause_subject import subject_of
from analysis.clauses import word_set
from analysis.entity_index import EntityIndex
from analysis.gist_object import OBJECT_WORDS, SUBJECT_WORDS, verb_object
from analysis.passives import headline_passive
from analysis.phrase_text import join
from analysis.phrase_tokens import TIME_LABELS
from analysis.phrases import NOUN_PREPS, phrase
from analysis.referents import pronoun
from analysis.reporters import reporter
from analysis.verb_forms import condition, verb_form

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Nouns of time: "agreed on by that time" names no agent.
_TIME_NOUNS = word_set("time date day week month year end deadline")
_NAMES = word_set("PERSON ORG GPE LOC FAC NORP PRODUCT")


#: A switch: a "who" clause whose head noun is also its object's word is misread (the
#: actor is never the target): no clause (see :func:`clause`). Not any relative clause:
#: "Iranian security forces, which have used excessive force" is right.
SUBJECT_NOT_OBJECT = True


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
    if obj is None and gist_object.SHARED_OBJECT_TOLD:
        obj = misreads.shared_object(verb)  # "Police [arrested] and charged Orozco": active
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
    if agent is not None and COURTS_JUDGE and not _may_judge(verb, agent):
        agent = None  # "convicted of ... possession of a firearm by a felon": the charge's
    if passive and agent is not None:
        doer, doer_plural = phrase(agent, ents, SUBJECT_WORDS[room], preps=frozenset())
        if doer:
            done = (
                phrase(subj, ents, SUBJECT_WORDS[room], preps=frozenset(["of"]), lead=False)[0]
                if subj
                else None
            )
            verb_text = verb_form(verb, doer_plural, passive=False, reported=as_said)
            if not done and REPORTED_PASSIVE_KEEPS_IT and reported and subj is not None:
                # "The company confirmed that it had been contacted by ... James' office":
                # the reporter, turned object, stays ("office contacted it")
                done = {"it": "it", "they": "them"}.get(subj.lower_)
            done = done or verb_object(verb, ents, skip=agent, room=room)
            return join(cond, doer, verb_text, done)
    name, plural = (None, False)
    if FORMER_IS_NO_NAME and subj is not None and subj.lower_ in ("former", "latter"):
        return None  # "when the former attacked the bank magnate": the crowd, unnamed here
    if subj is not None:
        # In a reported clause "its" / "their" stand for the reporting subject, named first.
        name, plural = phrase(
            subj,
            ents,
            SUBJECT_WORDS[room],
            preps=frozenset(["of"]),
            subject=reported is None,
            partners=not (ANTECEDENT_ALONE and _partners_after(subj, owner)),
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
        elif name is None and not (reported and subj.lower_ == "i"):
            # (a speaker's "I" in what the title already says they say stays unnamed:
            # not "Ross says Ross decided not to direct")
            name = _bound(owner, subj, ents)
            plural = subj.lower_ == "they"
    if (
        GERUND_ALONE_IS_NO_SUBJECT
        and subj is not None
        and subj.dep_ == "csubj"
        and name
        and len(name.split()) < 2
    ):
        return None  # "making [such concessions ...] is not a good deal": a gerund alone
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
    said = verb_object(verb, ents, passive=passive, subject=name, room=room)
    if verb.lemma_.lower() == "be" and not said:
        return None  # "the deal is a good one": a "be" with nothing after it says nothing
    if SAME_PARTY_TWICE and said and _same_party(name, said):
        return None  # "she accused him", "she" read as him: not "Gary Gomes accuses Gary Gomes"
    return join(cond, name, verb_text, said)


#: Switch: "the former", "the latter" point back at a party told before ("Clashes broke
#: out between the crowd and police when the former attacked the bank magnate", a report
#: of ECB+ 8, 8_6ecbplus); the title cannot say whom, so it quotes (not "Former attacks the bank
#: magnate").
FORMER_IS_NO_NAME = True


#: Switch: the antecedent of a relative clause does alone what the clause tells, without the
#: partners "and" joins to it after the clause: "Jon Stewart, who hosted in 2008 and
#: 2006, and Ellen DeGeneres, the 2007 host, were the latest in a line of funny emcees"
#: (ECB+ 2, 2_4ecb) was titled "Jon Stewart and Ellen DeGeneres host".
ANTECEDENT_ALONE = True


def _partners_after(subj: Token, owner: Token) -> bool:
    """Is ``subj`` the antecedent of the relative clause ``owner`` with an "and" partner
    written after that clause?"""
    return (
        owner.dep_ == "relcl"
        and owner.head.i == subj.i
        and any(c.dep_ == "conj" and c.i > owner.i for c in subj.children)
    )


#: Switch: a reported passive's subject that stands for the reporter ("it", "they")
#: stays as the object when the clause is told actively by its agent: the extraction
#: benchmark's businessinsider.de page ("10 things in tech") was titled "Company
#: confirms office contacted" for "The company confirmed that it had been contacted by
#: Attorney General Letitia James' office".
REPORTED_PASSIVE_KEEPS_IT = True


#: Switch: a clause whose object names its subject again is a misread pronoun, no title.
SAME_PARTY_TWICE = True


def _same_party(name: str, said: str) -> bool:
    """Does the object ``said`` open with the subject ``name`` itself ("Gary Gomes",
    "Gary Gomes of stealing"), not a longer name ("Apple" and "Apple Corps")?"""
    if said == name:
        return True
    rest = said[len(name) :].split() if said.startswith(name + " ") else []
    return bool(rest) and rest[0].islower()


#: Switch: a clausal subject cut to its gerund alone ("making [such concessions ...] is
#: not a good deal") makes no clause.
GERUND_ALONE_IS_NO_SUBJECT = True


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


def _bound(verb: Token, pron: Token, ents: EntityIndex) -> str | None:
    """ "GM announced [it] would cut jobs": "it" / "they" as the subject of a clause that a
    reporting verb governs is that verb's subject (:func:`analysis.reporters.reporter`),
    when the number fits."""
    # (not a statement noun's clause: "the government's announcement that it would buy"
    # is told by the noun's own title, and a possessive reads badly as a subject)
    outer = reporter(verb, pron) if verb.dep_ != "acl" else None
    if outer is None:
        return None
    name, plural = phrase(outer, ents, SUBJECT_WORDS[-1], preps=frozenset())
    return name if name and plural == (pron.lower_ == "they") else None


#: Switch: only a court, a jury, a judge or a name convicts, acquits or sentences: "Orozco
#: was convicted of ... two counts of possession of a firearm by a felon" (ECB+ 16,
#: 16_10ecbplus) was titled "Felon convicts Orozco" (the parse gave the charge's "by" to
#: the verb).
COURTS_JUDGE = True
_JUDGED = word_set("convict acquit sentence")
_COURTS = word_set(
    "court courts jury juries judge judges panel tribunal magistrate justice justices bench"
)


def _may_judge(verb: Token, agent: Token) -> bool:
    """May ``agent`` be who does ``verb`` (any one may, but for a court's verbs)?"""
    if verb.lemma_.lower() not in _JUDGED:
        return True
    return agent.ent_type_ in ("PERSON", "ORG") or agent.lemma_.lower() in _COURTS
