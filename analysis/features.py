"""What the linker knows about an event mention and about a linked event: pure data.

:class:`MentionFeatures` is one mention as the store gives it; :class:`EventFeatures`
folds an event's mentions into what :mod:`analysis.linking` weighs (words, participants,
the narrowest time, articles, stories, first report).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from analysis.agreement import Arg, base_lemma
from analysis.lexicon import NOUN_TYPES, VERB_TYPES
from analysis.time_compare import narrower

#: Modalities that do not say a happening happened: it may ("required to consult") or
#: did not ("without consulting").
UNSURE = frozenset(["hypothetical", "negated"])


@dataclass
class MentionFeatures:
    """What the linker knows about one event mention."""

    id: int
    article_id: int
    type: str | None
    lemma: str | None
    actor: Arg | None = None
    target: Arg | None = None
    location: Arg | None = None
    date: str | None = None
    precision: str | None = None
    #: The mention's article as a tf-idf vector over its entities (:func:`context_vector`).
    context: Mapping[int, float] = field(default_factory=dict)
    salience: float = 0.0
    #: Sentence index in its article (for discourse locality within an article).
    sentence: int | None = None
    #: The article's publication date (ISO): a report cannot precede what it reports.
    published: str | None = None
    #: asserted / negated / hypothetical / reported / generic (hypothetical ones may lie
    #: ahead of their report).
    modality: str | None = None
    #: The story of the mention's article (None before stories are assigned).
    story: int | None = None
    #: What it is done to or about when that is a thing (lemmas, see
    #: :mod:`analysis.themes`): "released {letter}", "{trade} deal"; empty when unknown.
    theme: frozenset[str] = frozenset()
    #: The content words of its sentence but the trigger (see :func:`sentence_words`).
    words: frozenset[str] = frozenset()
    #: Told as a done act, with a past-tense verb ("released", "visited"), not a noun.
    act: bool = False
    #: Told with a verb in the progressive of the present or future ("I'm hosting the
    #: #Oscars", "will be hosting"; see :func:`analysis.terms.progressive`): now or ahead.
    ongoing: bool = False
    #: A noun the text points back with ("the attack", "Monday's announcement"; see
    #: :func:`analysis.clauses.definite`).
    definite: bool = False
    #: For a saying, the event of what it says ("said [it captured 23 pirates]": the
    #: capture's event; see :mod:`analysis.reports`), once that is linked.
    reported: int | None = None
    #: The prison term it gives, in months (see :mod:`analysis.terms`).
    term: int | None = None
    #: The charge it states ("arson", "murder"; see :func:`analysis.terms.charge`).
    charge: str | None = None
    #: Which one of a series it is ("the seventh round"; see :func:`analysis.terms.ordinal`).
    ordinal: int | None = None
    #: How many people an arrest takes (see :func:`analysis.counts.count`).
    count: int | None = None
    #: Told with "will" ("will likely die in prison"; see :func:`analysis.ahead.told_ahead`).
    ahead: bool = False
    #: The direction word after its trigger ("checks [into]", "checks [out] of"; see
    #: :func:`analysis.terms.direction`).
    direction: str | None = None
    #: The sure reading of a word of two senses ("opened fire": shots; "was fired last
    #: week": a dismissal; see :func:`analysis.terms.reading`).
    reading: str | None = None
    #: Told as another one of its kind than one told before ("hit another vehicle", "was
    #: also killed"; see :func:`analysis.of_its_kind.another`).
    another: bool = False
    #: Told under "if" or "unless" (its headline opens so: "If Teixeira signs with Red
    #: Sox"; see :data:`analysis.link_rules.CONDITIONS_UNSURE`).
    conditional: bool = False

    @property
    def vague(self) -> bool:
        """Too little said to be recognised in another article: see
        :func:`analysis.linking.vague`."""
        from analysis.linking import vague  # the rule lives with the linker's constants

        return vague(self)

    @property
    def sure(self) -> bool:
        """Does it say the happening happened, or name who or when (not only "were
        required to consult", "without consulting")? A supposition that names no one
        is not sure however dated (:data:`analysis.link_rules.UNSURE_NEEDS_PARTY`),
        unless it is set for a day and a place (``SET_FOR_DAY_AND_PLACE``)."""
        from analysis import link_rules  # (link_rules reads these features)

        if link_rules.CONDITIONS_UNSURE and self.conditional:
            return False
        if self.modality not in UNSURE:
            return True
        if link_rules.UNSURE_NEEDS_PARTY and self.actor is None and self.target is None:
            # ... unless it is set for a day and a place: "Parliamentary elections in
            # Turkmenistan which are planned for December 15, 2013" (a chant's "today"
            # names no place)
            day = self.precision == "day"
            return link_rules.SET_FOR_DAY_AND_PLACE and self.location is not None and day
        return not self.vague


@dataclass
class EventFeatures:
    """What the linker knows about one linked event (aggregated over its mentions)."""

    id: int
    types: Counter[str] = field(default_factory=Counter)
    lemmas: Counter[str] = field(default_factory=Counter)
    #: base_lemma of each lemma ("killing" -> "kill").
    bases: set[str] = field(default_factory=set)
    actors: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    locations: list[Arg] = field(default_factory=list)
    #: The narrowest known time: (value, precision).
    time: tuple[str, str] | None = None
    article_ids: set[int] = field(default_factory=set)
    #: The tf-idf vectors of the event's articles, per article.
    contexts: dict[int, Mapping[int, float]] = field(default_factory=dict)
    #: Sentence indexes of its mentions, per article.
    sentences: dict[int, set[int]] = field(default_factory=dict)
    #: The earliest publication date of an article asserting it happened.
    first_report: str | None = None
    #: Publication dates (days) of the articles reporting it.
    reports: set[str] = field(default_factory=set)
    #: Stories of the articles reporting it.
    stories: set[int] = field(default_factory=set)
    #: How many of its mentions tell one happening (not a generic plural).
    specific: int = 0
    #: The themes of its mentions (see :mod:`analysis.themes`), one set per article.
    themes: dict[int, set[str]] = field(default_factory=dict)
    #: The content words of its mentions' sentences, one set per sentence, per article
    #: (see :data:`analysis.told.ONE_SENTENCE_AT_A_TIME`; :attr:`words` joins them).
    sentence_words: dict[int, list[frozenset[str]]] = field(default_factory=dict)
    #: The earliest sentence of each article that tells it (0: its first sentence).
    first_sentence: dict[int, int] = field(default_factory=dict)
    #: Articles that tell it as a done act with no time of its own (see MentionFeatures.act).
    undated_acts: set[int] = field(default_factory=set)
    #: Articles with a mention of it that says it happened or names who or when (not only
    #: "were required to consult", "without consulting").
    sure_articles: set[int] = field(default_factory=set)
    #: The events its sayings say (see MentionFeatures.reported).
    reported: set[int] = field(default_factory=set)
    #: How many of its mentions are not sayings of a linked event (reported is None).
    unsaid: int = 0
    #: The articles that tell it, by the modality they tell it with ("hypothetical": "if
    #: he wanted to be shot", "will host the Oscars"; "negated": "has yet to sign").
    told_as: dict[str | None, set[int]] = field(default_factory=dict)
    #: The prison terms its mentions give (months).
    terms: set[int] = field(default_factory=set)
    #: The charges its mentions state.
    charges: set[str] = field(default_factory=set)
    #: The ordinals its mentions state ("the seventh round": 7).
    ordinals: set[int] = field(default_factory=set)
    #: The counts of people its arrests take (see MentionFeatures.count).
    counts: set[int] = field(default_factory=set)
    #: The articles that tell it with "will" (MentionFeatures.ahead), and those that tell
    #: it as a done act (a past verb, asserted or reported: MentionFeatures.act; a noun
    #: tells no tense, "as an Oscars host").
    ahead_in: set[int] = field(default_factory=set)
    done_in: set[int] = field(default_factory=set)
    #: The days (day precision) its mentions give, per article.
    days: dict[int, set[str]] = field(default_factory=dict)
    #: The direction words after its triggers (see MentionFeatures.direction).
    directions: set[str] = field(default_factory=set)
    #: The articles that tell it as one of its kind told first / as another one (see
    #: MentionFeatures.another).
    told_first: set[int] = field(default_factory=set)
    told_another: set[int] = field(default_factory=set)
    #: The places its mentions name, per (article, sentence).
    placed: dict[tuple[int, int], list[Arg]] = field(default_factory=dict)
    #: Per word of two senses (see HOMONYMS): whether its mentions tell it in the noun's
    #: kind (True: the blaze) or the other (False: the shots).
    senses: dict[str, set[bool]] = field(default_factory=dict)
    #: Per word of two senses, the sure readings its mentions give (MentionFeatures.reading).
    readings: dict[str, set[str]] = field(default_factory=dict)

    @property
    def words(self) -> dict[int, set[str]]:
        """The content words of its mentions' sentences, one set per article."""
        return {aid: set().union(*told) for aid, told in self.sentence_words.items()}

    def articles_told(self, *modalities: str) -> set[int]:
        """The articles that tell it with one of ``modalities`` ("asserted", "reported":
        as done)."""
        return set().union(*(self.told_as.get(k, set()) for k in modalities))

    def articles_not_told(self, modality: str) -> set[int]:
        """The articles that tell it with any other modality than ``modality``."""
        return set().union(*(a for k, a in self.told_as.items() if k != modality))

    def add(self, m: MentionFeatures) -> None:
        """Fold a mention into the event (after it joined)."""
        if m.type:
            self.types[m.type] += 1
        if m.lemma:
            self.lemmas[m.lemma] += 1
            self.bases.add(base_lemma(m.lemma) or m.lemma)
            if m.lemma in HOMONYMS and m.type:
                self.senses.setdefault(m.lemma, set()).add(m.type == NOUN_TYPES[m.lemma])
        for arg, bucket in ((m.actor, self.actors), (m.target, self.targets)):
            if arg is not None and arg not in bucket:
                bucket.append(arg)
        if m.location is not None and m.location not in self.locations:
            self.locations.append(m.location)
        if m.location is not None and m.sentence is not None:
            self.placed.setdefault((m.article_id, m.sentence), []).append(m.location)
        if m.date and m.precision:
            self.time = narrower(self.time, (m.date, m.precision))
            if m.precision == "day":
                self.days.setdefault(m.article_id, set()).add(m.date[:10])
        self.article_ids.add(m.article_id)
        if m.theme:
            self.themes.setdefault(m.article_id, set()).update(m.theme)
        if m.words:
            self.sentence_words.setdefault(m.article_id, []).append(m.words)
        if m.sentence is not None:
            known = self.first_sentence.get(m.article_id)
            if known is None or m.sentence < known:
                self.first_sentence[m.article_id] = m.sentence
        self.specific += m.modality != "generic"
        self.told_as.setdefault(m.modality, set()).add(m.article_id)
        if m.term is not None:
            self.terms.add(m.term)
        if m.charge is not None:
            self.charges.add(m.charge)
        if m.ordinal is not None:
            self.ordinals.add(m.ordinal)
        if m.count is not None:
            self.counts.add(m.count)
        if m.ahead:
            self.ahead_in.add(m.article_id)
        elif m.modality in ("asserted", "reported") and m.act:
            self.done_in.add(m.article_id)
        if m.direction is not None:
            self.directions.add(m.direction)
        if m.reading is not None and m.lemma:
            self.readings.setdefault(m.lemma, set()).add(m.reading)
        (self.told_another if m.another else self.told_first).add(m.article_id)
        if m.sure:
            self.sure_articles.add(m.article_id)
        if m.act and not m.date:
            self.undated_acts.add(m.article_id)
        if m.story is not None:
            self.stories.add(m.story)
        if m.reported is not None:
            self.reported.add(m.reported)
        else:
            self.unsaid += 1
        if m.sentence is not None and (m.actor or m.target or m.date):
            # Only informative mentions anchor locality: vague ones ("attacks") would
            # otherwise chain an article's every attack into one event.
            self.sentences.setdefault(m.article_id, set()).add(m.sentence)
        if m.context and m.article_id not in self.contexts:
            self.contexts[m.article_id] = m.context
        if m.published:
            day = m.published[:10]
            self.reports.add(day)
            if m.modality != "hypothetical" and (
                self.first_report is None or day < self.first_report
            ):
                self.first_report = day


#: Switch: two words of one family ("hit" and "strike", "shot" and "shoot") are one word
#: only when they are of one kind: "the worst violence to hit Greece" is no general strike.
#: The kinds of harm count as one: a car that "hit" a woman and one that "struck" her are
#: typed as an attack or an accident by the senses' guesses, not by what happened.
FAMILY_OF_ONE_KIND = True
HARM_KINDS = frozenset(["attack", "kill", "disaster", "seize"])
#: Switch: a word of two senses is two words. The lexicon types these one way as verbs and
#: another as nouns: "riot police fire back with tear gas" (shots) is not "the fire at
#: the bank" (a blaze), "demonstrators tried to storm parliament" is no storm. A mention
#: told in the noun's kind (the blaze, the weather) shares such a word only with an event
#: that tells it in that kind, and a mention of the other sense only with one that tells
#: it otherwise. (Only the noun's kind is asked: the senses' guesses between the verb's
#: other meanings, "fired the coach" and "fired at", are not sure enough to part them.)
HOMONYMS_APART = True
HOMONYMS = frozenset(
    w for w in VERB_TYPES.keys() & NOUN_TYPES.keys() if VERB_TYPES[w] != NOUN_TYPES[w]
)


def shares_word(m: MentionFeatures, e: EventFeatures) -> bool:
    """Does the mention tell the event with its word, or with a word of its family of the
    same kind?"""
    if not m.lemma:
        return False
    if m.lemma in e.lemmas:
        return not (HOMONYMS_APART and other_sense(m, e))
    if base_lemma(m.lemma) not in e.bases:
        return False
    return not (FAMILY_OF_ONE_KIND and kinds_apart(m, e))


def other_sense(m: MentionFeatures, e: EventFeatures) -> bool:
    """Does the event tell the mention's word of two senses (see HOMONYMS) only in the
    other sense?"""
    told = e.senses.get(m.lemma or "")
    return bool(told and m.type and (m.type == NOUN_TYPES[m.lemma or ""]) not in told)


def kinds_apart(m: MentionFeatures, e: EventFeatures) -> bool:
    """Are the mention and every mention of the event typed, as other kinds (the kinds
    of harm taken as one)?"""
    known = {t for t in e.types if t and t != "other"}
    if not (m.type and m.type != "other" and known) or m.type in known:
        return False
    return not (m.type in HARM_KINDS and known <= HARM_KINDS)
