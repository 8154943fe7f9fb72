"""Is this event mention the same event as one we already have? Pure decisions, no database.

Why these rules: two reports are of one event when they name the same kind of happening
(the same trigger lemma, or the same taxonomy type), nothing they say about it conflicts
(who did it, to whom, when at the precision each knows, where), and there is enough
positive evidence that they are not merely two attacks of the same week. Evidence is
additive and each piece is explainable in the reader:

====================================  =======
trigger lemma shared                  1.0
same type (not ``other``)             0.5
actor agrees / target agrees          1.0 each
times overlap (coarser precision:     day 1.0, week 0.6, month 0.4, year 0.2
place agrees                          0.5
articles' context (tf-idf cosine)     4.0 x cos (across articles only)
within an article, near / far         +0.3 / -0.3 (within 3 sentences or not)
====================================  =======

A mention joins the best candidate whose evidence reaches :data:`THRESHOLD`; otherwise
it starts a new event. Conflicts veto: different actors (or targets), swapped roles
("Iran attacks Israel" is not "Israel attacks Iran"), times that do not overlap,
a time that begins after the event was already reported (or an event that begins after
this report), and, across articles, reports published more than two months apart
unless the later one dates the event ("Hamas' October 7, 2023 attack"): an undated
"Jobs announced" of 2010 is not the announcement of a 2007 story, whoever the actor.
With no participant or time in common, reports more than a week apart are two events.

Entity agreement is by canonical id, or by name when the names are one word's
derivatives ("Israel" / "Israeli", "Houthi" / "Houthis") or one contains the other
("Magic Seas" / "MV Magic Seas"): the entity step keeps a demonym and its country apart,
but for an event's participants they are the same side.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from analysis.timex import PRECISIONS, interval

#: Minimum evidence to join an existing event.
THRESHOLD = 1.2
#: Minimum evidence when the candidate event already has mentions in the same article.
THRESHOLD_SAME_ARTICLE = 1.2

#: Times this many days apart still meet: "yesterday" read against a dateline in another
#: time zone, or a report dated the day after, is off by one.
TIME_SLACK_DAYS = 1
TIME_WEIGHT = {"day": 1.0, "week": 0.6, "month": 0.4, "year": 0.2}
#: Weight of the articles' context similarity (cosine of their tf-idf entity vectors).
CONTEXT_WEIGHT = 4.0
#: Within an article: mentions this many sentences apart are "near" (+/- LOCALITY).
LOCAL_SENTENCES = 3
LOCALITY = 0.3
#: Evidence lost when one participant (the place) disagrees.
ARG_PENALTY = 0.25
PLACE_PENALTY = 0.0
#: Veto on both participants differing or swapped, and on well-placed times apart.
VETO_ARGS = True
VETO_TIME = True
#: A report cannot precede what it reports (see :func:`score`).
VETO_BEFORE_REPORT = True
#: Across articles: reports published more than FAR_REPORTS_DAYS apart are of one event
#: only when their times meet at day, week or month precision.
FAR_REPORTS_DAYS = 60
#: A known actor that matches none of the event's known actors is another event.
VETO_OTHER_ACTOR = True
#: Inside one story a shared word (or type plus a participant or time) is enough: the
#: story has told its happenings apart from others.
STORY_BONUS = 0.5
#: Vague mentions (see :func:`vague`) may join another article's event of their story.
VAGUE_IN_STORY = True
#: Inside a story, mentions of a kind that recurs (see STORY_LENIENT_TYPES) need this
#: many anchors (participants, place, a time that meets at day, week or month).
STORY_ANCHORS = 2
#: Two words of one type (not one word) are one event only when a participant and the
#: time agree.
TYPE_ONLY_NEEDS_TIME = True
#: Happenings a story tells many times over: statements, sales, supplies, aid ("Apple
#: announced" the phone in June and a free case in July; engines and tankers are both
#: "supplied"). Inside a story their word alone does not link: they need anchors. Every
#: other kind (an attack, an arrest, a vote, a bankruptcy, a summit) is told once.
STORY_RECURRING_TYPES = frozenset(["statement", "aid"])
STORY_RECURRING_LEMMAS = frozenset(
    [
        "buy",
        "sell",
        "sale",
        "selling",
        "purchase",
        "trade",
        "trading",
        "export",
        "import",
        "invest",
        "investment",
        "lease",
        "order",
        "say",
        "tell",
        "report",
        "claim",
        "talk",
        "comment",
        "agree",
    ]
)
#: Across stories an event needs the same type and this many of: actor, target, place,
#: and a time that meets at day precision.
ACROSS_STORIES_NEEDS = 2
#: Trigger words that report rather than happen: with no participant, vague.
REPORTING_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "statement",
        "announce",
        "announcement",
        "declare",
        "report",
        "talk",
        "meet",
        "meeting",
        "discuss",
        "discussion",
        "confirm",
        "comment",
        "claim",
    ]
)


@dataclass(frozen=True)
class Arg:
    """An event participant or place: a canonical entity id and its name."""

    id: int
    name: str


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

    @property
    def vague(self) -> bool:
        """Too little said to be recognised in another article: see :func:`vague`."""
        return vague(self)


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

    def add(self, m: MentionFeatures) -> None:
        """Fold a mention into the event (after it joined)."""
        if m.type:
            self.types[m.type] += 1
        if m.lemma:
            self.lemmas[m.lemma] += 1
            self.bases.add(base_lemma(m.lemma) or m.lemma)
        for arg, bucket in ((m.actor, self.actors), (m.target, self.targets)):
            if arg is not None and arg not in bucket:
                bucket.append(arg)
        if m.location is not None and m.location not in self.locations:
            self.locations.append(m.location)
        if m.date and m.precision:
            self.time = narrower(self.time, (m.date, m.precision))
        self.article_ids.add(m.article_id)
        if m.story is not None:
            self.stories.add(m.story)
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


def narrower(a: tuple[str, str] | None, b: tuple[str, str] | None) -> tuple[str, str] | None:
    """The more precise of two times (the first on a tie)."""
    if a is None:
        return b
    if b is None:
        return a
    return b if PRECISIONS.index(b[1]) < PRECISIONS.index(a[1]) else a


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).casefold()
    text = "".join(c for c in text if c.isalnum() or c.isspace())
    words = text.split()
    if words and words[0] in ("the", "mv", "ms", "mt"):
        words = words[1:]
    return " ".join(words)


def names_agree(a: str, b: str) -> bool:
    """Same participant by name: equal, a derivative (Israel/Israeli), or contained."""
    x, y = fold(a), fold(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    if len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3:
        return True  # Israel/Israeli, Iran/Iranian, Houthi/Houthis, Syria/Syrian
    sw, lw = short.split(), long.split()
    return len(sw) >= 1 and len(short) >= 4 and all(w in lw for w in sw)


def args_agree(a: Arg, b: Arg) -> bool:
    return a.id == b.id or names_agree(a.name, b.name)


def _agrees_with_any(a: Arg, group: Iterable[Arg]) -> bool:
    return any(args_agree(a, b) for b in group)


def context_vector(counts: Mapping[int, tuple[int, int]], articles: int) -> dict[int, float]:
    """An article's entities weighted by tf-idf: ``counts`` maps entity id to (mentions in
    the article, articles mentioning it), ``articles`` is the store's size.

    Why idf: two articles about one region share "United States" and "Israel" whatever they
    report; sharing a rare name (a ship, a town, a suspect) is what makes them one story.
    """
    n = max(articles, 1)
    vec: dict[int, float] = {}
    for eid, (tf, df) in counts.items():
        idf = math.log((n + 1) / (max(df, 1) + 0.5))
        if idf > 0 and tf > 0:
            vec[eid] = (1.0 + math.log(tf)) * idf
    return vec


def cosine(a: Mapping[int, float], b: Mapping[int, float]) -> float:
    """Cosine similarity of two sparse vectors."""
    if not a or not b:
        return 0.0
    if len(b) < len(a):
        a, b = b, a
    dot = sum(w * b[k] for k, w in a.items() if k in b)
    if dot <= 0:
        return 0.0
    return dot / math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))


def times_meet(a: tuple[str, str], b: tuple[str, str], *, same_word: bool) -> tuple[bool, str]:
    """Do two (value, precision) times overlap, and the coarser of their precisions.

    The same word on days one apart may be one event dated against datelines in two time
    zones (TIME_SLACK_DAYS); different words on different days are two (a war and its
    first day)."""
    a0, a1 = interval(*a)
    b0, b1 = interval(*b)
    coarser = PRECISIONS[max(PRECISIONS.index(a[1]), PRECISIONS.index(b[1]))]
    slack = timedelta(days=TIME_SLACK_DAYS if same_word and coarser == "day" else 0)
    return not (a0 > b1 + slack or b0 > a1 + slack), coarser


def days_apart(day: str, others: Iterable[str]) -> int | None:
    """Days from ``day`` to the nearest of ``others`` (None when unknown)."""
    try:
        d = date.fromisoformat(day[:10])
        gaps = [abs((date.fromisoformat(o[:10]) - d).days) for o in others]
    except ValueError:
        return None
    return min(gaps, default=None)


def _after(day: str, report: str, slack_days: int = 1) -> bool:
    """Does ``day`` lie after the publication date ``report`` (plus time-zone slack)?"""
    try:
        return date.fromisoformat(day) > date.fromisoformat(report) + timedelta(slack_days)
    except ValueError:
        return False


_DERIVED = {
    "death": "die",
    "dead": "die",
    "shot": "shoot",
    "sale": "sell",
    "election": "elect",
    "appointment": "appoint",
    "nomination": "nominate",
    "execution": "execute",
    "acquisition": "acquire",
    "invasion": "invade",
    "explosion": "explode",
    "resignation": "resign",
    "announcement": "announce",
    "injury": "injure",
    "quake": "earthquake",
    "arrival": "arrive",
    "departure": "depart",
    "trial": "try",
    "seizure": "seize",
    "interception": "intercept",
    "detention": "detain",
    "capture": "capture",
    "agreement": "agree",
    "negotiation": "negotiate",
    "airstrike": "strike",
    "bombardment": "bombard",
    "assassination": "assassinate",
}


def base_lemma(lemma: str | None) -> str | None:
    """The verb a trigger lemma derives from, so "killing", "kill" and "shooting", "shot",
    "shoot" agree: a small table plus "-ing" stripping (doubled consonants undone)."""
    if not lemma:
        return lemma
    lemma = lemma.lower()
    if lemma in _DERIVED:
        return _DERIVED[lemma]
    if lemma.endswith("ing") and len(lemma) > 5:
        stem = lemma[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            stem = stem[:-1]
        return stem
    return lemma


def same_word(a: str | None, b: str | None) -> bool:
    """One trigger word: equal lemmas, or lemmas of one base ("killing" / "kill")."""
    return bool(a and b) and (a == b or base_lemma(a) == base_lemma(b))


def vague(m: MentionFeatures) -> bool:
    """A mention no other article's reader would recognise as this event: a generic plural
    ("attacks on shipping"), one with no participant and no time ("the talks"), or a
    report with no participant ("said", "statement", "announced", "meeting"). It links
    inside its article (and, leniently, its story), never on its own across stories."""
    if m.modality == "generic":
        return True
    if m.actor is not None or m.target is not None:
        return False
    return not m.date or m.type == "statement" or base_lemma(m.lemma) in REPORTING_LEMMAS


def recurring(m: MentionFeatures) -> bool:
    """Is the mention of a kind a story tells many times (see STORY_RECURRING_TYPES)?"""
    # The lemma itself, not its base: "agreed" (with a view) recurs, "the agreement" not.
    return m.type in STORY_RECURRING_TYPES or (m.lemma or "") in STORY_RECURRING_LEMMAS


def relation(m: MentionFeatures, e: EventFeatures) -> str:
    """Where the mention stands to the event: ``article`` (the event is already reported
    in the mention's article), ``story`` (in another article of its story) or
    ``stories`` (only in other stories)."""
    if m.article_id in e.article_ids:
        return "article"
    if m.story is not None and m.story in e.stories:
        return "story"
    return "stories"


def score(m: MentionFeatures, e: EventFeatures, *, sole: bool = False) -> float | None:
    """Evidence that ``m`` reports event ``e``; None when something conflicts or, across
    stories, when the evidence is not strong (see :data:`ACROSS_STORIES_NEEDS`).

    ``sole``: ``e`` is the only event of the mention's article told with its word, so
    distance in the article does not matter (nothing else it could be)."""
    rel = relation(m, e)
    if rel == "stories" and m.vague:
        return None
    if rel == "story" and m.vague and (recurring(m) or not VAGUE_IN_STORY):
        return None
    evidence = 0.0
    same_word = bool(m.lemma and (m.lemma in e.lemmas or base_lemma(m.lemma) in e.bases))
    same_type = bool(m.type and m.type != "other" and m.type in e.types)
    if same_word:
        evidence += 1.0
    elif same_type:
        evidence += 0.5
    else:
        return None
    disagree = 0
    anchors = 0  # participants, place or time that agree
    strong = 0  # actor, target, place, day: the pieces that tell two stories' events apart
    dated = False  # the times meet at day, week or month precision
    for mine, same, other in ((m.actor, e.actors, e.targets), (m.target, e.targets, e.actors)):
        if mine is None:
            continue
        if same and _agrees_with_any(mine, same):
            evidence += 1.0
            strong += 1
            anchors += 1
        elif same:
            disagree += 1
            evidence -= ARG_PENALTY
            if mine is m.actor and VETO_OTHER_ACTOR and len(same) == 1:
                # The event has one consistent actor and this one is another: "the Houthis
                # attacked" is not "Hamas attacked". (Events whose actors already vary
                # are left to the evidence: parses of real text are noisy.)
                return None
        elif other and _agrees_with_any(mine, other) and m.actor and m.target:
            disagree += 2  # roles swapped: "Iran attacked Israel" vs "Israel attacked Iran"
    if disagree >= 2 and VETO_ARGS:
        return None  # both participants differ (or are swapped): another event
    if m.date and m.precision and e.time:
        meet, coarser = times_meet((m.date, m.precision), e.time, same_word=same_word)
        if not meet:
            # Two well-placed times that do not meet are two events; a year apart may be
            # a wrongly attached "2009", so it only counts against.
            if VETO_TIME and coarser != "year":
                return None
            evidence -= 1.0
        else:
            evidence += TIME_WEIGHT[coarser]
            dated = coarser in ("day", "week", "month")
            strong += coarser == "day"
            anchors += dated
    if m.location is not None and e.locations:
        if _agrees_with_any(m.location, e.locations):
            evidence += 0.5
            strong += 1
            anchors += 1
        else:
            evidence -= PLACE_PENALTY
    if (
        VETO_BEFORE_REPORT
        and m.modality != "hypothetical"
        and m.published
        and e.time
        and e.first_report
    ):
        # A report cannot precede what it reports: a mention's time that begins after the
        # event was already reported, or an event that begins after this report, is
        # another event (a later attack, not the one being recalled).
        # A bare year ("the 2014 Oscars") is often a scheduled event named ahead: only
        # finer times count here.
        if (
            m.date
            and m.precision
            and m.precision != "year"
            and _after(interval(m.date, m.precision)[0].isoformat(), e.first_report)
        ):
            return None
        if e.time[1] != "year" and _after(interval(*e.time)[0].isoformat(), m.published[:10]):
            return None
    if not same_word and TYPE_ONLY_NEEDS_TIME and not (anchors >= 2 and dated):
        # Another word of the same kind ("war" and "attack", "retaliated" and "attack")
        # names the same happening only when who and when both agree.
        return None
    if rel == "article":
        here = e.sentences.get(m.article_id)
        if sole and same_word:
            evidence += LOCALITY
        elif here and m.sentence is not None:
            # Within an article, "the attack" two sentences on is the attack just told;
            # twenty sentences on, the same word is as likely another attack.
            dist = min(abs(m.sentence - s) for s in here)
            # nearer is likelier: of two attacks just told, "the attacks" is the nearer
            evidence += (
                LOCALITY + 0.05 * (LOCAL_SENTENCES - dist) if dist <= LOCAL_SENTENCES else -LOCALITY
            )
        return evidence
    gap = days_apart(m.published, e.reports) if m.published else None
    if gap is not None and gap > FAR_REPORTS_DAYS and not dated:
        # Reports published far apart are of one event only when the later one dates it
        # ("Hamas' October 7, 2023 attack"): an undated "Jobs announced" in 2010 is not
        # the announcement of a 2007 story, whoever the actor.
        return None
    if rel == "story":
        # One developing happening: the story has done most of the telling apart. An
        # attack, an arrest, a vote is told once per story: the shared word is enough.
        # Statements, deals, sales and aid recur ("Apple announced" the phone in June and
        # a free case in July): they need two anchors (who and to whom, or who and when).
        if recurring(m) and anchors < STORY_ANCHORS:
            return None
        return evidence + STORY_BONUS
    # Across stories: the same kind of happening, and at least two of who, to whom, where
    # and the day; a shared word with a shared region is how wrong links are made.
    if not same_type or strong < ACROSS_STORIES_NEEDS:
        return None
    others = [c for aid, c in e.contexts.items() if aid != m.article_id]
    overlap = max((cosine(m.context, c) for c in others), default=0.0) if m.context else 0.0
    return evidence + CONTEXT_WEIGHT * overlap


#: What :func:`may_join` reads of each loaded mention of a candidate event:
#: (type, lemma, date, date precision, article id, article publication date).
Kind = tuple[str | None, str | None, str | None, str | None, int, str | None]


def may_join(m: MentionFeatures, kinds: Iterable[Kind]) -> bool:
    """False when :func:`score` is certainly None for ``m`` and an event whose loaded
    mentions (newest first, as :class:`EventFeatures` folds them) are ``kinds``: none
    shares the trigger lemma (or its base) or the specific type; or the event's narrowest
    time and the mention's are well placed and do not meet; or, across articles, the
    reports were published more than FAR_REPORTS_DAYS apart and their times do not meet
    at day, week or month precision. The linker asks this before it loads a candidate's
    participants and contexts: most candidates a shared participant or a wide date window
    brings in end there, and their number grows with the store. Keep in step with
    :func:`score` (tests/test_linking_prefilter.py checks it does)."""
    specific = m.type if m.type and m.type != "other" else None
    shares_word = same_type = False
    across = True
    time: tuple[str, str] | None = None
    reports: set[str] = set()
    for etype, lemma, when, precision, article_id, published in kinds:
        shares_word = shares_word or same_word(m.lemma, lemma)
        same_type = same_type or bool(specific and etype == specific)
        if when and precision:
            time = narrower(time, (when, precision))
        if article_id == m.article_id:
            across = False
        if published:
            reports.add(published[:10])
    if not (shares_word or same_type):
        return False
    dated = False
    if m.date and m.precision and time:
        try:
            meet, coarser = times_meet((m.date, m.precision), time, same_word=shares_word)
        except ValueError:
            return True  # let score decide
        if VETO_TIME and not meet and coarser != "year":
            return False
        dated = meet and coarser in ("day", "week", "month")
    if across and m.published and not dated:
        gap = days_apart(m.published, reports)
        if gap is not None and gap > FAR_REPORTS_DAYS:
            return False
    return True


def _shares_word(m: MentionFeatures, e: EventFeatures) -> bool:
    return bool(m.lemma and (m.lemma in e.lemmas or base_lemma(m.lemma) in e.bases))


def decide(
    m: MentionFeatures, candidates: Sequence[EventFeatures], *, blocked: Iterable[int] = ()
) -> tuple[int | None, float]:
    """The event ``m`` joins (its id and evidence), or (None, best score) for a new event.

    ``blocked`` are events the reader said this mention is not (rejections, splits).
    """
    banned = set(blocked)
    best: tuple[float, int] | None = None
    told_here = [e for e in candidates if m.article_id in e.article_ids and _shares_word(m, e)]
    for e in candidates:
        if e.id in banned:
            continue
        s = score(m, e, sole=len(told_here) == 1 and told_here[0] is e)
        if s is None:
            continue
        limit = THRESHOLD_SAME_ARTICLE if m.article_id in e.article_ids else THRESHOLD
        if s >= limit and (best is None or s > best[0]):
            best = (s, e.id)
    return (best[1], best[0]) if best else (None, 0.0)
