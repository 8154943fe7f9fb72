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

The verb and the noun of a title are :mod:`analysis.title_verbs`, the quote of a bare
saying :mod:`analysis.saying_quotes`, a people's adjective :mod:`analysis.demonyms`.
"""

from __future__ import annotations

import re
from typing import Any

from analysis.agreement import names_in
from analysis.clauses import (
    AUXILIARIES,
    BE,
    DANGLING,
    PREPOSITIONS,
    PRONOUNS,
    capital,
    clause,
    object_after,
    subject_head,
    word_before,
)
from analysis.demonyms import adjective_kept, with_its_noun
from analysis.gist_fallback import CLOSE as QUOTE_CLOSE
from analysis.gist_fallback import OPEN as QUOTE_OPEN
from analysis.linking import names_agree
from analysis.role_words import ONE_PARTY_NOUNS
from analysis.saying_quotes import bare_saying, quote_after
from analysis.title_cut import headline
from analysis.title_verbs import noun_for, verb_for
from analysis.title_words import (
    _ARTICLES,
    _ATTRIBUTIVE,
    _GATHERINGS,
    _NEGATIONS,
    _NOUN_OF_TYPE,
    _PREP_OF_NOUN,
    _PREP_OF_TYPE,
    _PUNCT,
    _REDUCED,
    _RELATIVE,
    _SYMMETRIC,
    _THE,
    MAX_WORDS,
)
from analysis.verb_agreement import agree, group_name, is_plural, retold

#: Switch: a title never names a happening "Event" when the sentence's words are at hand
#: ("Event of W. Mark Felt" for "he did not introduce him to Bernstein until this year").
NO_BARE_EVENT = True


# ------------------------------------------------------------------ titles


#: Switch: a mention told as not done whose clause is quoted speaks in its quote, not in
#: a title made of its noun and sides (see _draft).
NEGATED_QUOTE_STAYS = True


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
    gist: str | None = None,
    ahead: bool = False,
    negated: bool = False,
) -> str:
    """A short headline for an event from one mention: its type and trigger lemma, its
    actor and target (canonical names, labels for agreement), its sentence with the
    trigger's offsets, the first (name, label) the sentence names before the trigger, and
    the story's headline. It opens with a capital or a name, never punctuation or "and",
    and holds at most MAX_WORDS words, cut where a phrase ends, never inside a name.

    >>> title("attack", "attack", "Houthis", "Magic Seas", actor_label="NORP")
    'Houthis attack Magic Seas'
    """
    said = sentence[trigger[0] : trigger[1]] if sentence and trigger else lemma
    args: dict[str, Any] = {
        "lemma_is_verb": lemma_is_verb,
        "actor_label": actor_label,
        "target_label": target_label,
        "story": story,
        "subject": subject,
        "ahead": ahead,
        "negated": negated,
    }
    draft = headline(
        _draft(etype, lemma, actor, target, sentence=sentence, trigger=trigger, gist=gist, **args),
        keep=said,
    )
    first = draft.split()[0].lower() if draft.split() else ""
    verb_first = lemma_is_verb and bool(said) and first[:4] == (said or "").lower()[:4]
    # (a title the parse made that opens with the trigger is its noun: "Threats of ...")
    verb_first = verb_first and first != (gist or "").split(" ", 1)[0].lower()
    if sentence and (first in PRONOUNS | _POSSESSIVES or verb_first):
        # "Them to produce viability plans", "Reach a new nuclear deal": the words around
        # the trigger lost their subject; the participants or the story speak instead.
        draft = headline(_draft(etype, lemma, actor, target, **args), keep=said)
    if SAYS_WHAT and sentence and trigger and bare_saying(draft):
        quoted = quote_after(sentence, trigger[1])
        draft = f"{draft}: “{quoted}”" if quoted else draft
    return draft


#: Switch: a saying whose title names only who said it ("Scott Morrison says") shows
#: the opening of the quote its sentence gives: 'Scott Morrison says: “We are profoundly
#: pleased and relieved”'.
SAYS_WHAT = True

#: Switch: a happening told as not done keeps its own clause for a title (see _draft).
NEGATION_KEPT = True
#: Switch: a happening told ahead or as unsure ("intends to purchase") composed from its
#: actor and target reads as a plan: "X to purchase Y", the headline's future.
PLAN_AS_TO = True


#: Possessive pronouns a title does not open with ("Their executions": whose?).
_POSSESSIVES = frozenset(["my", "our", "your", "their", "its", "his", "her", "these", "those"])


#: Switch: a people's adjective on a thing done to (NORP before a noun in small letters)
#: leaves the title to the text's clause: "Just this month, Somali pirates captured two
#: Yemeni fishing boats" (ECB+ 12) was titled "Somalis capture Yemenis".
PEOPLES_THING_TOLD = True


def _draft(
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
    gist: str | None = None,
    ahead: bool = False,
    negated: bool = False,
) -> str:
    etype = etype or "other"
    if NEGATED_QUOTE_STAYS and negated and (gist or "").startswith(QUOTE_OPEN):
        # told as not done, its sentence's words say so ("he has yet to formally sign on");
        # "Sign by Gary Ross" would tell it done (see analysis.negated_gist.NEGATION_KEPT)
        return gist or ""
    # A quote of the sentence says less than who took part ("Attack by Hamas").
    quoted = (gist or "").startswith(QUOTE_OPEN) and not any(
        name and names_in(name, gist or "") for name in (actor, target)
    )
    quoted = quoted and bool(actor or target)  # (a quote that names them says who)
    readable = bool(gist) and len((gist or "").split()) > 1 and not quoted
    written_in = f"{gist or ''} | {sentence or ''}"  # (before a fragment is set aside)
    if gist is not None and not readable:
        # The parse found no clause it could show ("we hit a home run"): the words around
        # the trigger would be a fragment; the participants or the story speak instead.
        sentence = trigger = subject = None
    if actor_label == "EVENT":
        actor = None  # "Attack by September 11th": a happening does not act
    if actor and target and names_agree(actor, target):
        target = None  # "Seizure by Yemen, Yemen -> Yemen": one side is not two
    plural = bool(actor) and is_plural(actor or "", actor_label, sentence=sentence or "")
    written = actor  # as the text writes it: "Romanian", "Houthi"
    written_target = target
    if actor:
        actor = group_name(actor, actor_label)
    if target:
        target = group_name(target, target_label)
    verb = verb_for(etype, lemma, lemma_is_verb=lemma_is_verb)
    noun = noun_for(etype, lemma, lemma_is_verb=lemma_is_verb)
    # the type's catch-all noun: the sentence's words (a quote) say more than "Event of X"
    quote_instead = NO_BARE_EVENT and bool(gist) and noun == _NOUN_OF_TYPE["other"]
    before = word = after = ""
    retold_ = False  # the verb was re-told after its subject ("General Motors announces")
    if sentence and trigger:
        before, word, after = clause(sentence, *trigger, noun=not lemma_is_verb)
        if lemma_is_verb:
            before = subject_head(before)  # "General Motors", not "automobile firm GM"
            told = retold(before, word, after, lemma)
            retold_, word = told != word, told
        if actor and word.lower() in actor.lower().split():
            actor = None  # the trigger is a word of the name ("Kool Aid"): no actor
    prior = word_before(sentence, trigger[0]) if sentence and trigger else ""
    passive = lemma_is_verb and bool(before) and before.split()[-1].lower() in BE
    # "when nominated for the position": a participle without its subject is passive.
    reduced = lemma_is_verb and not before and prior in _REDUCED and word.lower().endswith("ed")
    while before and before.split()[0].lower() in AUXILIARIES:
        before = before.partition(" ")[2]  # the subject is outside the clause
    said = capital(" ".join(p for p in (before, word, after) if p))
    spoken = bool(before) and before.split()[0].lower() not in PRONOUNS and len(said.split()) > 2
    if actor and target:
        told = gist or ""
        short = readable and len(told.split()) <= MAX_WORDS
        named = target in told or names_in(target, told)
        if PEOPLES_THING_TOLD and not named and target_label == "NORP" and written_target:
            # "captured two Yemeni fishing boats": the people's adjective tells whose
            # boats; the text's clause ("Somali pirates capture two boats") says what was
            # done to what, where "Somalis capture Yemenis" would tell a capture of people
            named = adjective_kept(written_target, sentence or "", told)
        opens = bool(written) and names_in(written or "", " ".join(told.split()[:2]))
        # told as not done, the text's clause keeps its "not" or "refuses to" though it
        # drops the target: "Taliban refuses to negotiate peace", not "Taliban
        # negotiates with Kabul"
        if short and opens and (named or (NEGATION_KEPT and negated)):
            # "The Romanian government bought back ...", "Houthi rebels attacked ...": the
            # text's own clause opens with the actor and names the target; it says who
            # better than the entity's name ("Romanian government buys ...").
            return told
        if not lemma_is_verb and (lemma or "").lower() in _SYMMETRIC:
            return f"{noun} between {actor} and {target}"
        target = with_its_noun(target, target_label, written_in)
        if verb:
            # "If Iran attacks Israel": a condition or a question is no fact.
            cond = told.split()[0] if told.split()[:1] in (["If"], ["Whether"], ["Unless"]) else ""
            if PLAN_AS_TO and ahead and not cond:
                # "Fiat announced ... that it intends to purchase" Chrysler's stake: a plan,
                # "Fiat to purchase Chrysler", not done ("Fiat purchases Chrysler")
                return f"{actor} to {verb} {target}"
            return " ".join(p for p in (cond, actor, agree(verb, plural), target) if p)
        prep = _PREP_OF_NOUN.get(noun.lower()) or _PREP_OF_TYPE.get(etype, "on")
        return f"{actor} {noun.lower()} {prep} {target}"  # "Trump tariff on China"
    if gist and readable and gist.split()[0].lower() not in PRONOUNS:
        # The sentence's clause as the parse read it (analysis.gist): the text's roles.
        return gist
    if actor:
        # The text's own subject names someone right before its verb: it speaks best.
        named = retold_ and any(w[:1].isupper() for w in before.split())
        if lemma_is_verb and spoken and (names_in(actor, before) or named):
            return said  # "Israel and Iran agree to a ceasefire": the text says it best
        acted_on = reduced and not after.lower().startswith("by ")
        if acted_on and sentence and trigger and actor in sentence[: trigger[0]]:
            return " ".join(p for p in (actor, word.lower(), after) if p)  # "X nominated"
        if verb and lemma_is_verb:
            obj = object_after(after)
            head = verb.split()[0] if not obj or obj.split()[0].lower() in DANGLING else verb
            return f"{actor} {agree(head, plural)}" + (f" {obj}" if obj else "")
        if (lemma or "").lower() in ONE_PARTY_NOUNS | _GATHERINGS:
            return f"{noun} of {actor}"  # "Bankruptcy of General Motors", "Meeting of the G7"
        if quote_instead and gist:
            return gist  # the sentence's words, not "Event by Watergate"
        return f"{noun} by {actor}"
    if target:
        if passive:
            return " ".join(p for p in (target, word, after) if p)  # "Ahmed arrested at ..."
        if lemma_is_verb and spoken:
            return said  # "Gunmen attack the embassy"
        if quote_instead and gist:
            return gist  # the sentence's words, not "Event of W. Mark Felt"
        prep = _PREP_OF_NOUN.get(noun.lower()) or _PREP_OF_TYPE.get(etype, "of")
        return f"{noun} {prep} {target}"
    if said and not lemma_is_verb:
        said = _negated(before, word, after) or said
        if before and before[:1].islower() and sentence and trigger:
            opened = word_before(sentence, sentence.rfind(before, 0, trigger[0]))
            if opened in _RELATIVE and before.split()[0].lower() not in PRONOUNS | _THE:
                # "... a professor who specializes in bankruptcy": no subject to tell
                said = capital(" ".join(p for p in (word, after) if p))
    if lemma_is_verb and not before and prior in _ATTRIBUTIVE and word.lower().endswith("ed"):
        said = capital(" ".join(p for p in (word, after) if p))  # "of targeted dealer cuts"
    participle = word.lower().endswith("ed") and prior in _ATTRIBUTIVE  # "with declared"
    if lemma_is_verb and not before and subject and not passive and not participle:
        # "Hamas said ..., rejecting recent comments": the clause lost its subject; the
        # sentence's first name is the likeliest ("Hamas rejects recent comments").
        plural = is_plural(subject[0], subject[1], sentence=sentence or "")
        name = group_name(*subject)
        return " ".join(p for p in (name, agree(lemma or word, plural), after) if p)
    thin = len(said.split()) < 2 or (len(said.split()) == 2 and said.split()[0] in _ARTICLES)
    if not thin:
        return said
    if story and story.strip():
        gist = _gist(story.strip())
        words_told = {w.lower().strip(_PUNCT) for w in gist.split()}
        if gist.lower().startswith(noun.lower()) or (lemma or "").lower() in words_told:
            return gist  # "Bankruptcy for U.S. automaker GM becomes almost certain"
        # Not "Hit: US stock markets have their best week": the headline is about the
        # story, and the mention is one thing it reports.
        words = gist.split()
        room = MAX_WORDS - 3
        cut = " ".join(words[:room]).rstrip(",;:") + ("…" if len(words) > room else "")
        return f"{noun} reported in {QUOTE_OPEN}{cut}{QUOTE_CLOSE}"
    # (Not "A battle involving Times": the sentence's first name is often a bystander.)
    return said if len(said.split()) >= 2 else f"{noun} reported"


def _negated(before: str, word: str, after: str) -> str:
    """A negated noun clause as a headline: "not give more financial aid to the firm" ->
    "No more financial aid to the firm"; "" when the clause is not negated."""
    words = before.split()
    at = next((k for k, w in enumerate(words) if w.lower() in _NEGATIONS), None)
    if at is None:
        return ""
    rest = words[at + 1 :]
    if any(w.lower() in PREPOSITIONS | {"to"} for w in rest):
        return ""  # "not come forward with requests for assistance": not a plain "no"
    if rest and rest[0][:1].islower() and rest[0].lower() not in ("more", "further", "any"):
        rest = rest[1:]  # the verb: "give"
    return " ".join(["No", *rest, word, *after.split()])


def _gist(story: str) -> str:
    """The part of a story's headline that says most: "Hit: 'Nothing has changed': Iran
    tries to rearm proxy groups" -> "Iran tries to rearm proxy groups" (the longest of
    its parts between colons and spaced dashes)."""
    parts = [p.strip(" '\"‘’“”") for p in re.split(r":\s| [-–—|] ", story)]
    return max((p for p in parts if p), key=lambda p: len(p.split()), default=story)
