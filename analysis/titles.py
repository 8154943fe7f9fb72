"""Titles for linked events that a reader can read: "Houthis attack Magic Seas".

Pure functions, no database: :mod:`ingest.linking` picks the mention that speaks for an
event (its actor and target as one pair, see ``voice``) and hands its words here; the
sentence is read without its parse by :mod:`analysis.clauses`.

Why these forms: a reader scanning the side panel wants who did what to whom, as a
headline says it. Place and date are shown beside the title by the reader, so they are
not repeated in it. In order of preference:

1. actor and target known: "Iran attacks Israel", "Houthis attack Magic Seas" (the verb
   agrees with a plural actor: NORP groups, "rebels", "protesters", "X and Y");
   symmetric happenings read "Talks between Iran and United States";
2. one participant: "Hezbollah fires rockets", "Attack on Israel", "Seizure by Iran";
3. none: the clause of the sentence around the trigger ("The talks collapsed"), else
   the story's headline. Never a bare word like "Talks": it tells the reader nothing.
"""

from __future__ import annotations

from datetime import date

from analysis.clauses import (
    AUXILIARIES,
    BE,
    DANGLING,
    PRONOUNS,
    agree,
    capital,
    clause,
    group_name,
    is_plural,
    object_after,
    retold,
)
from analysis.linking import base_lemma, names_agree
from analysis.timex import interval


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: The verb a type reads as when the trigger is a noun ("Houthi attack" -> "attack").
_VERB_OF_TYPE = {
    "attack": "attack",
    "kill": "kill",
    "seize": "seize",
    "threaten": "threaten",
    "protest": "protest against",
    "meet": "meet",
    "agree": "agree with",
    "aid": "aid",
}
#: The noun a type reads as when the trigger is a verb ("intercepted" -> "Seizure").
_NOUN_OF_TYPE = {
    "attack": "Attack",
    "kill": "Killing",
    "seize": "Seizure",
    "threaten": "Threat",
    "protest": "Protest",
    "meet": "Talks",
    "agree": "Agreement",
    "statement": "Statement",
    "aid": "Aid",
    "election": "Election",
    "disaster": "Disaster",
    "economic": "Deal",
    "other": "Event",
}
#: The preposition before a lone target ("Attack on Israel", "Talks with Iran").
_PREP_OF_TYPE = {
    "attack": "on",
    "kill": "of",
    "seize": "of",
    "threaten": "against",
    "protest": "against",
    "meet": "with",
    "agree": "with",
    "statement": "on",
    "aid": "to",
    "election": "in",
    "disaster": "in",
    "economic": "with",
    "other": "of",
}
#: Verbs that take their object through a preposition ("Israel clashes with Hezbollah").
_PARTICLE = {
    "agree": "with",
    "talk": "with",
    "negotiate": "with",
    "clash": "with",
    "cooperate": "with",
    "merge": "with",
    "protest": "against",
    "demonstrate": "against",
    "retaliate": "against",
    "rally": "against",
    "fire": "at",
    "vote": "for",
    "resign": "from",
    "withdraw": "from",
    "die": "in",
}
#: Nouns of a happening between two sides: "Talks between Iran and United States".
_SYMMETRIC = _set(
    "talk talks war deal agreement ceasefire truce clash clashes meeting summit "
    "negotiation negotiations treaty accord conflict fighting battle merger "
    "partnership match game dispute"
)


_ARTICLES = ("A", "An", "The")


def verb_for(etype: str | None, lemma: str | None, *, lemma_is_verb: bool) -> str | None:
    """The verb (with its particle) a title uses: the trigger's own when it is a verb or a
    noun derived from one ("sale" -> "sell"), else the type's ("attack" for a noun
    "strike"); None when only a noun fits ("war", "statement")."""
    if lemma and lemma_is_verb:
        particle = _PARTICLE.get(lemma)
        return f"{lemma} {particle}" if particle else lemma
    base = base_lemma(lemma) if lemma else None
    if base and lemma and base != lemma and lemma not in ("dead", "death"):
        particle = _PARTICLE.get(base)
        return f"{base} {particle}" if particle else base
    return _VERB_OF_TYPE.get(etype or "other")


def noun_for(etype: str | None, lemma: str | None, *, lemma_is_verb: bool) -> str:
    """The noun a title uses: the trigger's own when it is a noun, else the type's."""
    if lemma and not lemma_is_verb:
        return "Talks" if lemma == "talk" else lemma.capitalize()
    return _NOUN_OF_TYPE.get(etype or "other", "Event")


def _names_in(name: str, text: str) -> bool:
    """Does ``text`` name ``name`` (or a name agreeing with it: "Houthi" for "Houthis")?"""
    words = text.split()
    spans = {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words))}
    return any(names_agree(name, s) for s in spans)


# ------------------------------------------------------------------ titles


def title(
    etype: str | None,
    lemma: str | None,
    actor: str | None = None,
    target: str | None = None,
    *,
    lemma_is_verb: bool = False,
    actor_label: str | None = None,
    target_label: str | None = None,
    sentence: str | None = None,
    trigger: tuple[int, int] | None = None,
    story: str | None = None,
    subject: tuple[str, str | None] | None = None,
) -> str:
    """A short headline for an event from one mention: its type and trigger lemma, its
    actor and target (canonical names, with entity labels for agreement), the sentence
    it was found in with the trigger's offsets in it, the first (name, label) the
    sentence names before the trigger, and the story's headline.

    >>> title("attack", "attack", "Houthis", "Magic Seas", actor_label="NORP")
    'Houthis attack Magic Seas'
    """
    etype = etype or "other"
    if actor_label == "EVENT":
        actor = None  # "Attack by September 11th": a happening does not act
    if actor and target and names_agree(actor, target):
        target = None  # "Seizure by Yemen, Yemen -> Yemen": one side is not two
    plural = bool(actor) and is_plural(actor or "", actor_label, sentence=sentence or "")
    if actor:
        actor = group_name(actor, actor_label)
    if target:
        target = group_name(target, target_label)
    verb = verb_for(etype, lemma, lemma_is_verb=lemma_is_verb)
    noun = noun_for(etype, lemma, lemma_is_verb=lemma_is_verb)
    before = word = after = ""
    if sentence and trigger:
        before, word, after = clause(sentence, *trigger, noun=not lemma_is_verb)
        if lemma_is_verb:
            word = retold(before, word, after, lemma)
        if actor and word.lower() in actor.lower().split():
            actor = None  # the trigger is a word of the name ("Kool Aid"): no actor
    passive = lemma_is_verb and bool(before) and before.split()[-1].lower() in BE
    while before and before.split()[0].lower() in AUXILIARIES:
        before = before.partition(" ")[2]  # the subject is outside the clause
    said = capital(" ".join(p for p in (before, word, after) if p))
    spoken = bool(before) and before.split()[0].lower() not in PRONOUNS and len(said.split()) > 2
    if actor and target:
        if not lemma_is_verb and (lemma or "").lower() in _SYMMETRIC:
            return f"{noun} between {actor} and {target}"
        if verb:
            return f"{actor} {agree(verb, plural)} {target}"
        return f"{actor} {noun.lower()} {_PREP_OF_TYPE.get(etype, 'on')} {target}"
    if actor:
        if lemma_is_verb and spoken and _names_in(actor, before):
            return said  # "Israel and Iran agree to a ceasefire": the text says it best
        if verb and lemma_is_verb:
            obj = object_after(after)
            head = verb.split()[0] if not obj or obj.split()[0].lower() in DANGLING else verb
            return f"{actor} {agree(head, plural)}" + (f" {obj}" if obj else "")
        return f"{noun} by {actor}"
    if target:
        if passive:
            return " ".join(p for p in (target, word, after) if p)  # "Ahmed arrested at ..."
        if lemma_is_verb and spoken:
            return said  # "Gunmen attack the embassy"
        return f"{noun} {_PREP_OF_TYPE.get(etype, 'of')} {target}"
    if lemma_is_verb and not before and subject and not passive:
        # "Hamas said ..., rejecting recent comments": the clause lost its subject; the
        # sentence's first name is the likeliest ("Hamas rejects recent comments").
        plural = is_plural(subject[0], subject[1], sentence=sentence or "")
        name = group_name(*subject)
        return " ".join(p for p in (name, agree(lemma or word, plural), after) if p)
    thin = len(said.split()) < 2 or (len(said.split()) == 2 and said.split()[0] in _ARTICLES)
    if not thin:
        return said
    if story and story.strip():
        return f"{noun}: {story.strip()}"
    # (Not "A battle involving Times": the sentence's first name is often a bystander.)
    return said if len(said.split()) >= 2 else f"{noun} reported"


def format_when(value: str | None, precision: str | None) -> str:
    """'7 October 2023', 'June 2025', 'week of 14 July 2025', '2024'."""
    if not value:
        return ""
    start, _ = interval(value, precision)
    if precision == "year" or len(value) == 4:
        return value[:4]
    if precision == "month" or len(value) == 7:
        return start.strftime("%B %Y")
    if precision == "week":
        return "week of " + _day(start)
    return _day(start)


def _day(d: date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"
